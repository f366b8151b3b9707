import type { Category } from '../router/types';

/**
 * One line per category, shown beside its policy control. Numbers from the PRISM study
 * (Hu, Rostami, Thomason, arXiv:2603.18507) on Qwen2.5-7B-Instruct, MT-Bench scored 1-10, persona minus none;
 * each category has 10 questions, so differences under about 0.3 are noise.
 */
export const EVIDENCE: Record<Category, string> = {
  writing: 'A matched persona nudged MT-Bench writing up slightly (+0.10): tone and voice benefit.',
  roleplay: 'A persona raised MT-Bench roleplay a little (+0.10): staying in character is a style task.',
  extraction: 'A persona helped MT-Bench extraction (+0.20 to +0.65) by tightening format and instruction following.',
  reasoning: 'Puzzles gained +0.40 on MT-Bench, but personas cost knowledge accuracy, so neutral is safer.',
  math: 'A persona slightly lowered MT-Bench math scores (-0.10 to -0.15): exact computation suffers.',
  coding: 'A persona lowered MT-Bench coding scores by 0.65 points, the largest loss of any category.',
  stem: 'Explanations gained +0.60 on MT-Bench, yet MMLU accuracy fell from 71.6% to 68.0% with a persona.',
  humanities: 'A persona lowered MT-Bench humanities by 0.20 to 0.85 points: recall of facts gets worse.',
};

/** Where the numbers come from, for a link or footnote beside the policy table. */
export const EVIDENCE_SOURCE =
  'Hu, Rostami, Thomason: "Expert Personas Improve LLM Alignment but Damage Accuracy" (arXiv:2603.18507, 2026).';
