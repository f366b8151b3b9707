/**
 * Loading the router's labeled data: the project's own examples (data/examples/<category>.jsonl) and the
 * public sets in ../shared/data/router, which sits beside a development checkout but not in a user's clone.
 * Which items are held back is decided by a hash of the text alone, so the split never changes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATEGORIES, type Category } from '../../src/router/types';
import { stableTextHash } from '../../src/router/features';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const EXAMPLES_DIR = join(REPO_ROOT, 'data/examples');
/** Public sets; absent in a user's clone. PR_ROUTER_DATA points elsewhere (tests use it to simulate absence). */
export const SHARED_DIR = process.env.PR_ROUTER_DATA ?? resolve(REPO_ROOT, '../shared/data/router');

/** May train shipped weights (see the data folder's README). */
export const TRAINABLE_SETS = [
  'just_eval',
  'mt_bench_101',
  'gsm8k_test',
  'humaneval',
  'mbpp',
  'ifeval',
  'arena_hard_v0.1',
  'arena_hard_v2_half',
] as const;
/** Evaluation only: never trained on. */
export const EVAL_ONLY_SETS = ['autoj_scenario', 'flask', 'self_instruct_user', 'koala'] as const;

export interface Item {
  text: string;
  /** null: the set's label does not map to a category. */
  category: Category | null;
  source: string;
  sourceLabel: string;
  tags: readonly string[];
}

/** 20% of all texts, chosen by a hash of the text, are never trained on. */
export function isHeldBack(text: string): boolean {
  return stableTextHash(text) % 100 < 20;
}

export function sharedDataPresent(): boolean {
  return existsSync(join(SHARED_DIR, 'README.md')) || existsSync(join(SHARED_DIR, 'just_eval.jsonl'));
}

function isCategory(v: unknown): v is Category {
  return typeof v === 'string' && (CATEGORIES as readonly string[]).includes(v);
}

/** Parses JSON lines; a malformed line is an error naming the file and line. */
export function readJsonl(path: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch (e) {
      throw new Error(`${path}:${i + 1}: not JSON (${(e as Error).message})`);
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`${path}:${i + 1}: not an object`);
    out.push(v as Record<string, unknown>);
  });
  return out;
}

export function loadPublicSet(name: string): Item[] {
  const path = join(SHARED_DIR, `${name}.jsonl`);
  if (!existsSync(path)) return [];
  return readJsonl(path).flatMap((o) => {
    if (typeof o.text !== 'string' || o.text.trim() === '') return [];
    return [
      {
        text: o.text,
        category: isCategory(o.category) ? o.category : null,
        source: name,
        sourceLabel: typeof o.source_label === 'string' ? o.source_label : '',
        tags: [],
      },
    ];
  });
}

/** The team's own examples, one file per category; each line {"text","category","tags"}. */
export function loadOwnExamples(): Item[] {
  if (!existsSync(EXAMPLES_DIR)) return [];
  const files = readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  const out: Item[] = [];
  for (const f of files) {
    const path = join(EXAMPLES_DIR, f);
    readJsonl(path).forEach((o, i) => {
      if (typeof o.text !== 'string' || o.text.trim() === '') return;
      if (!isCategory(o.category)) throw new Error(`${path}: item ${i + 1} has unknown category ${String(o.category)}`);
      const tags = Array.isArray(o.tags) ? o.tags.filter((t): t is string => typeof t === 'string') : [];
      out.push({ text: o.text, category: o.category, source: 'own', sourceLabel: f, tags });
    });
  }
  return out;
}

export function ownExampleFiles(): string[] {
  if (!existsSync(EXAMPLES_DIR)) return [];
  return readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
}
