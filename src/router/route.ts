/**
 * route(): the model's category and confidence, then the policy: empty → neutral; a prompt that already
 * carries a persona → neutral; below the threshold → neutral; the category's action decides the rest
 * (auto and suggest attach a persona, never stays neutral). The caller decides auto vs suggest by `action`.
 */
import { CATEGORIES, type Category, type Decision, type PolicyAction, type Route, type RouterSettings } from './types';
import { DEFAULT_POLICY, DEFAULT_ROUTER_SETTINGS } from './defaults';
import { modelFromArtifact, rankDrivers, scoreShared, type DriverRanking, type Model, type ModelArtifact } from './model';
import { choosePersona } from './personas/choose-persona';
import { hasPreamble } from './preamble';
import { startsWithPersona } from './existing-persona';
import artifact from './model/weights.json';

let loaded: Model | null = null;

/** The committed model, decoded once (a few milliseconds) and kept. */
export function loadModel(): Model {
  loaded ??= modelFromArtifact(artifact as unknown as ModelArtifact);
  return loaded;
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/**
 * Scores in CATEGORIES order, rounded to 4 decimals; all 0 without probabilities. Written out: an object
 * literal gets its final shape at once, where adding the keys one by one cost a short route ~0.1 µs.
 */
function scoresOf(probs?: Float64Array): Record<Category, number> {
  const p = probs ?? NO_PROBABILITIES;
  return {
    writing: round4(p[0] as number),
    roleplay: round4(p[1] as number),
    reasoning: round4(p[2] as number),
    math: round4(p[3] as number),
    coding: round4(p[4] as number),
    extraction: round4(p[5] as number),
    stem: round4(p[6] as number),
    humanities: round4(p[7] as number),
  };
}
const NO_PROBABILITIES = new Float64Array(CATEGORIES.length);

export interface Classification {
  category: Category;
  confidence: number;
  scores: Record<Category, number>;
  /** The words and structure that drove the category, most important first. */
  drivers: string[];
}

/** The model's verdict alone, without policy. `text` must not be blank. */
export function classify(text: string, model: Model = loadModel()): Classification {
  const scored = scoreShared(model, text);
  let best = 0;
  for (let c = 1; c < CATEGORIES.length; c++) if ((scored.probs[c] as number) > (scored.probs[best] as number)) best = c;
  const category = CATEGORIES[best] as Category;
  const scores = scoresOf(scored.probs);
  return {
    category,
    confidence: scores[category],
    scores,
    drivers: readableDrivers(rankDrivers(model, scored, best, 12), 3),
  };
}

/** The first `limit` drivers worth naming to a reader, as they appear in their reason. */
function readableDrivers(ranked: DriverRanking, limit: number): string[] {
  const out: string[] = [];
  for (let k = 0; k < ranked.length && out.length < limit; k++) {
    const label = ranked.isWord(k) ? readableWord(ranked.word(k)) : (READABLE[ranked.structName(k)] ?? null);
    if (label !== null) out.push(label);
  }
  return out;
}

/** Structural features worth naming in a reason; length and digit buckets are not. */
const READABLE: Record<string, string> = {
  'code:fenced': 'a code block',
  'code-lines:0': 'some code-like lines',
  'code-lines:1': 'code-like lines',
  'code-lines:2': 'mostly code',
  'huge:code': 'code in the middle of the text',
  'math:equation': 'an equation',
  'math:variable': 'algebra notation',
  'math:tex': 'math notation',
  'math:symbol': 'math symbols',
  'shape:short-instruction-long-payload': 'a short instruction on a pasted text',
  'payload:letter': 'a pasted letter or email',
  'payload:json': 'pasted JSON',
  table: 'a table',
  list: 'a list',
  quoted: 'a quoted passage',
  'question:end': 'a question',
};
// Function words say little to a reader even when the model leans on them.
const QUIET = new Set(
  'a an the of to in on for and or is are be was it this that with as at by from me my i you your we our do does can could would should will please about into how what'.split(
    ' ',
  ),
);

/** A word's label (the word in quotes), or null for a function word. */
function readableWord(word: string): string | null {
  return QUIET.has(word) ? null : `"${word}"`;
}

function because(c: Classification): string {
  return c.drivers.length > 0 ? `${c.category}: ${c.drivers.join(', ')}` : c.category;
}

function alreadyHasPersona(text: string, settings: RouterSettings): boolean {
  if (startsWithPersona(text)) return true;
  const overrides = settings.personaOverrides;
  // Settings from storage may be damaged (null, a string): only an object can hold our preambles.
  if (overrides === null || typeof overrides !== 'object') return false;
  return Object.keys(overrides).length > 0 && hasPreamble(text, overrides);
}

/** A decision on a classified prompt (fields in the order callers and snapshots see them). */
function decided(c: Classification, action: PolicyAction, route: Route, reason: string): Decision {
  return { category: c.category, confidence: c.confidence, scores: c.scores, action, route, reason };
}

export function route(text: string, settings: RouterSettings = DEFAULT_ROUTER_SETTINGS, model?: Model): Decision {
  const input = typeof text === 'string' ? text : '';
  if (input.trim() === '') {
    return { category: null, confidence: 0, scores: scoresOf(), route: 'neutral', action: null, reason: 'empty' };
  }
  const c = classify(input, model ?? loadModel());
  const action = settings.policy?.[c.category] ?? DEFAULT_POLICY[c.category];
  // Only a route that could attach a persona needs the (costlier) check for one already there.
  if (action !== 'never' && alreadyHasPersona(input, settings)) {
    return decided(c, action, 'neutral', 'the prompt already has a persona');
  }
  const threshold = Number.isFinite(settings.threshold) ? settings.threshold : DEFAULT_ROUTER_SETTINGS.threshold;
  if (c.confidence < threshold) {
    const reason = `low confidence (${c.confidence.toFixed(2)} < ${threshold.toFixed(2)}); best guess ${because(c)}`;
    return decided(c, action, 'neutral', reason);
  }
  if (action === 'never') {
    return decided(c, action, 'neutral', `${because(c)}; a persona would cost accuracy here`);
  }
  const decision = decided(c, action, 'persona', `${because(c)}; policy ${action}`);
  decision.persona = choosePersona(c.category, input, settings);
  return decision;
}
