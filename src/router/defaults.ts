import type { RouterSettings, RoutingPolicy } from './types';

/**
 * Personas only where the evidence says they help (../shared/docs/evidence.md, PRISM): writing and roleplay
 * get one, extraction is only offered, and the accuracy-bound categories stay neutral. STEM and reasoning
 * gained on MT-Bench too, but personas cost knowledge accuracy (MMLU) and a wrong insert costs more than a
 * missed one, so they stay neutral by default.
 */
export const DEFAULT_POLICY: RoutingPolicy = {
  writing: 'auto',
  roleplay: 'auto',
  extraction: 'suggest',
  reasoning: 'never',
  stem: 'never',
  math: 'never',
  coding: 'never',
  humanities: 'never',
};

/** Longest persona text a user may save, in characters as personaTextLength counts them (issue #4). */
export const MAX_PERSONA_TEXT = 2000;

/** Code points, so an emoji counts as one character, as a user would count it. */
export function personaTextLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Chosen from the router evaluation: see "Default threshold" in docs/router.md (issue #2). */
export const DEFAULT_THRESHOLD = 0.7;

/** Shared object: never mutate it; take a copy (see defaultSettings() in src/shared/defaults.ts). */
export const DEFAULT_ROUTER_SETTINGS: RouterSettings = {
  policy: DEFAULT_POLICY,
  threshold: DEFAULT_THRESHOLD,
  personaLength: 'short',
  personaOverrides: {},
};
