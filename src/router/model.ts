/**
 * The intent model: a multinomial logistic regression over hashed features (see features.ts), with 4-bit
 * integer weights and a per-class scale, and a temperature that calibrates its probabilities. The weights
 * are a generated artifact (model/weights.json, written by `npm run train` through
 * scripts/lib/build-model.ts); this file only reads and scores.
 */
import { CATEGORIES, type Category } from './types';
import {
  extractFeatures,
  FeatureList,
  NAMESPACE_COUNT,
  NAMESPACE_NORMALISED,
  NS,
  structHash,
  wordHash,
  type Extracted,
} from './features';

export const CLASS_COUNT = CATEGORIES.length;

/** The weights file's format (see ModelArtifact.weights); build-model.ts writes it. */
export const MODEL_FORMAT = 2;
/** Character code of a zero weight in the weights string ('h'): a weight is its code minus this. */
export const WEIGHT_ZERO = 104;
/** Weights are integers in -WEIGHT_LEVELS..WEIGHT_LEVELS. */
export const WEIGHT_LEVELS = 7;

/** The committed weights file, as JSON (and, with format 1, the trainer's quantized output). */
export interface ModelArtifact {
  format: number;
  /** log2 of the number of hash buckets. */
  bits: number;
  classes: readonly string[];
  namespaceWeights: readonly number[];
  /** Divides the logits before the softmax; fitted on out-of-fold predictions. */
  temperature: number;
  bias: readonly number[];
  /** weight = integer * scales[class]. */
  scales: readonly number[];
  /**
   * The buckets × classes integer weights, bucket-major. Format 2 (the file): one character per weight,
   * code = value + WEIGHT_ZERO ('a'..'o' for -7..7), read in place while scoring, so loading decodes
   * nothing (unpacking 2^18 weights used to cost a cold worker tens of milliseconds). Format 1 (the
   * trainer's quantize output only): base64, two per byte (low nibble first), each value + 7.
   */
  weights: string;
  /** What the model was trained on (counts only), for the record. */
  training: Record<string, unknown>;
}

export interface Model {
  bits: number;
  mask: number;
  temperature: number;
  bias: Float64Array;
  scales: Float64Array;
  namespaceWeights: Float64Array;
  /** ModelArtifact.weights (format 2): weight of bucket b, class c is code(b * CLASS_COUNT + c) - WEIGHT_ZERO. */
  weights: string;
}

export interface Scored {
  /** Calibrated probabilities in CATEGORIES order. */
  probs: Float64Array;
  extracted: Extracted;
  /** Feature occurrences per namespace (explanations need them to weigh a feature as scoring did). */
  counts: Int32Array;
}

/** The integer weight at index `i` (bucket * CLASS_COUNT + class). */
export function weightAt(model: Model, i: number): number {
  return model.weights.charCodeAt(i) - WEIGHT_ZERO;
}

export function modelFromArtifact(a: ModelArtifact): Model {
  if (a.format !== MODEL_FORMAT) throw new Error(`unknown model format ${String(a.format)}`);
  if (a.classes.length !== CLASS_COUNT || a.classes.some((c, i) => c !== CATEGORIES[i])) {
    throw new Error('model classes do not match CATEGORIES');
  }
  if (a.namespaceWeights.length !== NAMESPACE_COUNT) throw new Error('model namespaces do not match');
  const weights = a.weights;
  if (typeof weights !== 'string' || weights.length !== (1 << a.bits) * CLASS_COUNT) {
    throw new Error(`model weights have ${String(weights.length)} values, expected ${(1 << a.bits) * CLASS_COUNT}`);
  }
  return {
    bits: a.bits,
    mask: (1 << a.bits) - 1,
    temperature: a.temperature,
    bias: Float64Array.from(a.bias),
    scales: Float64Array.from(a.scales),
    namespaceWeights: Float64Array.from(a.namespaceWeights),
    weights,
  };
}

// Scoring is synchronous and single-threaded: one list serves every call.
const scratch = new FeatureList();

/** Raw logits (before the temperature) of `text`. */
export function logits(model: Model, text: string): { logits: Float64Array; extracted: Extracted; counts: Int32Array } {
  const acc = new Float64Array(NAMESPACE_COUNT * CLASS_COUNT);
  const counts = new Int32Array(NAMESPACE_COUNT);
  const { mask, weights } = model;
  const extracted = extractFeatures(text, scratch);
  const { ns: nsOf, hash } = scratch;
  for (let i = 0; i < scratch.length; i++) {
    const ns = nsOf[i] as number;
    const row = ((hash[i] as number) & mask) * CLASS_COUNT;
    const base = ns * CLASS_COUNT;
    counts[ns] = (counts[ns] as number) + 1;
    for (let c = 0; c < CLASS_COUNT; c++) acc[base + c] = (acc[base + c] as number) + weights.charCodeAt(row + c);
  }
  // The sums above are of character codes: take the offset off (integers, so still exact).
  for (let ns = 0; ns < NAMESPACE_COUNT; ns++) {
    for (let c = 0; c < CLASS_COUNT; c++) acc[ns * CLASS_COUNT + c] = (acc[ns * CLASS_COUNT + c] as number) - WEIGHT_ZERO * (counts[ns] as number);
  }
  const out = Float64Array.from(model.bias);
  for (let ns = 0; ns < NAMESPACE_COUNT; ns++) {
    const f = namespaceFactor(model, ns, counts[ns] as number);
    if (f === 0) continue;
    for (let c = 0; c < CLASS_COUNT; c++) {
      out[c] = (out[c] as number) + f * (acc[ns * CLASS_COUNT + c] as number) * (model.scales[c] as number);
    }
  }
  return { logits: out, extracted, counts };
}

function namespaceFactor(model: Model, ns: number, n: number): number {
  if (n === 0) return 0;
  return (model.namespaceWeights[ns] as number) / (NAMESPACE_NORMALISED[ns] ? Math.sqrt(n) : 1);
}

export function softmax(z: ArrayLike<number>, temperature = 1): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < z.length; i++) max = Math.max(max, (z[i] as number) / temperature);
  const out = new Float64Array(z.length);
  let sum = 0;
  for (let i = 0; i < z.length; i++) {
    const e = Math.exp((z[i] as number) / temperature - max);
    out[i] = e;
    sum += e;
  }
  for (let i = 0; i < z.length; i++) out[i] = (out[i] as number) / sum;
  return out;
}

export function score(model: Model, text: string): Scored {
  const { logits: z, extracted, counts } = logits(model, text);
  return { probs: softmax(z, model.temperature), extracted, counts };
}

export interface Driver {
  /** A quoted instruction word or a structural feature name. */
  label: string;
  /** How much it pushed `category` above the average of the other classes (logit units). */
  weight: number;
}

/** The instruction words and structural features that pushed most towards `category`. */
export function drivers(model: Model, scored: Scored, category: Category, limit = 3): Driver[] {
  const c = CATEGORIES.indexOf(category);
  const byLabel = new Map<string, number>();
  const add = (ns: number, hash: number, key: string): void => {
    const row = (hash & model.mask) * CLASS_COUNT;
    let others = 0;
    for (let k = 0; k < CLASS_COUNT; k++) {
      if (k !== c) others += weightAt(model, row + k) * (model.scales[k] as number);
    }
    const own = weightAt(model, row + c) * (model.scales[c] as number);
    const f = namespaceFactor(model, ns, scored.counts[ns] as number);
    byLabel.set(key, f * (own - others / (CLASS_COUNT - 1)));
  };
  const seen = new Set<string>();
  for (const w of scored.extracted.words) {
    if (seen.has(w) || seen.size >= 32) continue;
    seen.add(w);
    if (w.length > 1 || /[\p{L}\p{N}]/u.test(w)) add(NS.word, wordHash(w), `"${w}"`);
  }
  for (const s of scored.extracted.struct) add(NS.struct, structHash(s), s);
  return [...byLabel.entries()]
    .filter(([, w]) => w > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([label, weight]) => ({ label, weight }));
}
