/**
 * Deterministic training of the router's logistic regression: seeded shuffles (no Math.random), a fixed
 * order of every floating-point sum, AdaGrad with L2, temperature fitted on out-of-fold predictions, and
 * int8 quantisation with a per-class scale. Same data in, same bytes out.
 */
import { CATEGORIES, type Category } from '../../src/router/types';
import {
  bucketOf,
  extractFeatures,
  FeatureList,
  NAMESPACE_COUNT,
  NAMESPACE_NORMALISED,
  NAMESPACE_WEIGHTS,
} from '../../src/router/features';
import { CLASS_COUNT, softmax, WEIGHT_LEVELS, type ModelArtifact } from '../../src/router/model';

export interface Example {
  idx: Int32Array;
  val: Float64Array;
  y: number;
  w: number;
}

export interface TrainOptions {
  bits: number;
  /** Buckets hit by fewer training texts than this are left at zero (noise, and they would bloat the file). */
  minDf: number;
  /**
   * Weights are stored as integers times this step (the same for every class), at most WEIGHT_LEVELS steps
   * from zero (the few larger weights are clipped).
   */
  step: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

export const DEFAULT_OPTIONS: TrainOptions = {
  bits: 16,
  minDf: 3,
  step: 0.3,
  epochs: 12, learningRate: 0.05, l2: 1e-3, seed: 20261126 };

/** mulberry32: a small seeded generator, so every shuffle is the same on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled(n: number, seed: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  const next = rng(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/** The feature vector of `text` exactly as model.ts scores it: bucket → summed value, buckets ascending. */
export function featurize(text: string, bits: number): { idx: Int32Array; val: Float64Array } {
  const occurrences: number[][] = Array.from({ length: NAMESPACE_COUNT }, () => []);
  const list = new FeatureList();
  extractFeatures(text, list);
  for (let i = 0; i < list.length; i++) {
    const ns = list.ns[i] as number;
    (occurrences[ns] as number[]).push(bucketOf(ns, list.hash[i] as number, bits));
  }
  const sums = new Map<number, number>();
  for (let ns = 0; ns < NAMESPACE_COUNT; ns++) {
    const buckets = occurrences[ns] as number[];
    if (buckets.length === 0) continue;
    const f = (NAMESPACE_WEIGHTS[ns] as number) / (NAMESPACE_NORMALISED[ns] ? Math.sqrt(buckets.length) : 1);
    for (const b of buckets) sums.set(b, (sums.get(b) ?? 0) + f);
  }
  const keys = [...sums.keys()].sort((a, b) => a - b);
  return { idx: Int32Array.from(keys), val: Float64Array.from(keys.map((k) => sums.get(k) as number)) };
}

/** Drops the features of buckets seen in fewer than `minDf` examples (they keep weight zero). */
export function pruneRare(examples: readonly Example[], bits: number, minDf: number): Example[] {
  const df = new Int32Array(1 << bits);
  for (const e of examples) for (const i of e.idx) df[i] = (df[i] as number) + 1;
  return examples.map((e) => {
    const keep: number[] = [];
    for (let k = 0; k < e.idx.length; k++) if ((df[e.idx[k] as number] as number) >= minDf) keep.push(k);
    return {
      y: e.y,
      w: e.w,
      idx: Int32Array.from(keep, (k) => e.idx[k] as number),
      val: Float64Array.from(keep, (k) => e.val[k] as number),
    };
  });
}

export function toExample(text: string, category: Category, weight: number, bits: number): Example {
  return { ...featurize(text, bits), y: CATEGORIES.indexOf(category), w: weight };
}

export interface Weights {
  W: Float64Array;
  bias: Float64Array;
}

export function exampleLogits(weights: Weights, ex: { idx: Int32Array; val: Float64Array }): Float64Array {
  const z = Float64Array.from(weights.bias);
  for (let k = 0; k < ex.idx.length; k++) {
    const row = (ex.idx[k] as number) * CLASS_COUNT;
    const v = ex.val[k] as number;
    for (let c = 0; c < CLASS_COUNT; c++) z[c] = (z[c] as number) + (weights.W[row + c] as number) * v;
  }
  return z;
}

export function train(examples: readonly Example[], o: TrainOptions): Weights {
  const size = (1 << o.bits) * CLASS_COUNT;
  const W = new Float64Array(size);
  const G = new Float64Array(size);
  const bias = new Float64Array(CLASS_COUNT);
  const Gb = new Float64Array(CLASS_COUNT);
  const g = new Float64Array(CLASS_COUNT);
  const eps = 1e-8;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (const i of shuffled(examples.length, o.seed + epoch)) {
      const ex = examples[i] as Example;
      const p = softmax(exampleLogits({ W, bias }, ex));
      for (let c = 0; c < CLASS_COUNT; c++) g[c] = ((p[c] as number) - (c === ex.y ? 1 : 0)) * ex.w;
      for (let c = 0; c < CLASS_COUNT; c++) {
        const gc = g[c] as number;
        Gb[c] = (Gb[c] as number) + gc * gc;
        bias[c] = (bias[c] as number) - (o.learningRate * gc) / Math.sqrt((Gb[c] as number) + eps);
      }
      for (let k = 0; k < ex.idx.length; k++) {
        const row = (ex.idx[k] as number) * CLASS_COUNT;
        const v = ex.val[k] as number;
        for (let c = 0; c < CLASS_COUNT; c++) {
          const j = row + c;
          const w = W[j] as number;
          const grad = (g[c] as number) * v + o.l2 * w;
          G[j] = (G[j] as number) + grad * grad;
          W[j] = w - (o.learningRate * grad) / Math.sqrt((G[j] as number) + eps);
        }
      }
    }
  }
  return { W, bias };
}

/** The temperature (grid 0.30..5.00 by 0.01) that minimises the negative log-likelihood. */
export function fitTemperature(z: readonly Float64Array[], y: readonly number[]): number {
  let best = 1;
  let bestNll = Infinity;
  for (let t100 = 30; t100 <= 500; t100++) {
    const t = t100 / 100;
    let nll = 0;
    for (let i = 0; i < z.length; i++) {
      const p = softmax(z[i] as Float64Array, t);
      nll -= Math.log(Math.max(1e-12, p[y[i] as number] as number));
    }
    if (nll < bestNll) {
      bestNll = nll;
      best = t;
    }
  }
  return best;
}

export function quantize(
  weights: Weights,
  bits: number,
  step: number,
  temperature: number,
  training: Record<string, unknown>,
): ModelArtifact {
  const rows = 1 << bits;
  // One scale for all classes: a scale per class gave the classes with smaller weights finer steps, which
  // made the file larger (more distinct values to compress) without making the router more accurate.
  // A fixed step rather than the largest weight over the levels: the largest weight is a single outlier.
  if (!(step > 0)) throw new Error(`the weight step must be positive, got ${step}`);
  const scales: number[] = Array.from({ length: CLASS_COUNT }, () => step);
  const bytes = new Uint8Array((rows * CLASS_COUNT) / 2);
  let clipped = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < CLASS_COUNT; c++) {
      const i = r * CLASS_COUNT + c;
      const steps = Math.round((weights.W[i] as number) / step);
      if (Math.abs(steps) > WEIGHT_LEVELS) clipped++;
      const q = Math.max(-WEIGHT_LEVELS, Math.min(WEIGHT_LEVELS, steps));
      bytes[i >> 1] = (bytes[i >> 1] as number) | ((q + 7) << ((i & 1) * 4));
    }
  }
  return {
    format: 1,
    bits,
    classes: [...CATEGORIES],
    namespaceWeights: [...NAMESPACE_WEIGHTS],
    temperature,
    bias: [...weights.bias].map((b) => Number(b.toPrecision(8))),
    scales,
    weights: Buffer.from(bytes).toString('base64'),
    training: { ...training, clippedWeights: clipped },
  };
}
