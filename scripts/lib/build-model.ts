/**
 * The whole training run, from data to the JSON text of the weights file; scripts/train.ts writes it and
 * a unit test compares it with the committed file.
 */
import { join } from 'node:path';
import { CATEGORIES } from '../../src/router/types';
import { stableTextHash } from '../../src/router/features';
import { CLASS_COUNT, MODEL_FORMAT, pairCode, WEIGHT_LEVELS, type ModelArtifact } from '../../src/router/model';
import { REPO_ROOT } from './data';
import { buildTrainingSet } from './training-set';
import {
  DEFAULT_OPTIONS,
  exampleLogits,
  fitTemperature,
  pruneRare,
  quantize,
  toExample,
  train,
  type Example,
} from './trainer';

export const MODEL_PATH = join(REPO_ROOT, 'src/router/model/weights.json');
const CALIBRATION_PERCENT = 15;

/**
 * The weights file's format, and the only place that writes it: the trainer's quantized weights (format 1,
 * base64 nibbles) become two weights to a character (format 3, see ModelArtifact.weights), which the router
 * reads in place without decoding anything at load time. The commonest pairs get the one-byte characters.
 */
export function toModelFile(quantized: ModelArtifact): ModelArtifact {
  if (quantized.format !== 1) throw new Error(`expected the trainer's format 1, got ${String(quantized.format)}`);
  const bytes = Buffer.from(quantized.weights, 'base64');
  const expected = (1 << quantized.bits) * CLASS_COUNT;
  if (bytes.length * 2 !== expected) throw new Error(`quantized weights hold ${bytes.length * 2} values, expected ${expected}`);
  const pairs = new Uint8Array(bytes.length);
  const counts = new Map<number, number>();
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    const [first, second] = [(b & 15) - 7, (b >> 4) - 7];
    for (const value of [first, second]) {
      if (value < -WEIGHT_LEVELS || value > WEIGHT_LEVELS) throw new Error(`weight ${value} out of range near ${2 * i}`);
    }
    const pair = (first + 8) | ((second + 8) << 4);
    pairs[i] = pair;
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  const alphabet = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([pair]) => pair);
  const codeOf = new Uint16Array(256);
  alphabet.forEach((pair, i) => (codeOf[pair] = pairCode(i)));
  const chunks: string[] = [];
  for (let from = 0; from < pairs.length; from += 4096) {
    const codes = Array.from(pairs.subarray(from, from + 4096), (pair) => codeOf[pair] as number);
    chunks.push(String.fromCharCode(...codes));
  }
  const weights = chunks.join('');
  return { ...quantized, format: MODEL_FORMAT, weights, pairs: alphabet };
}

export interface BuildResult {
  json: string;
  temperature: number;
  calibrationAccuracy: number;
  counts: Record<string, number>;
  items: number;
}

export function buildModel(log: (line: string) => void = () => undefined): BuildResult {
  const o = DEFAULT_OPTIONS;
  const set = buildTrainingSet();
  log(`training items: ${set.items.length}`);
  const examples: Example[] = pruneRare(
    set.items.map((it) => toExample(it.text, it.category, it.weight, o.bits)),
    o.bits,
    o.minDf,
  );
  // Temperature from a calibration split (15% by text hash, independent of the held-back split): a model
  // trained without it scores it, and the temperature that best fits those scores is kept for the final
  // model, which then trains on everything.
  const calibration = set.items.map((it) => (stableTextHash(it.text) >>> 8) % 100 < CALIBRATION_PERCENT);
  const partial = train(
    examples.filter((_, i) => !calibration[i]),
    o,
  );
  const calLogits: Float64Array[] = [];
  const calY: number[] = [];
  examples.forEach((ex, i) => {
    if (!calibration[i]) return;
    calLogits.push(exampleLogits(partial, ex));
    calY.push(ex.y);
  });
  const temperature = fitTemperature(calLogits, calY);
  let correct = 0;
  calLogits.forEach((z, i) => {
    let best = 0;
    for (let c = 1; c < z.length; c++) if ((z[c] as number) > (z[best] as number)) best = c;
    if (best === calY[i]) correct++;
  });
  const calibrationAccuracy = correct / Math.max(1, calLogits.length);
  log(`calibration split: ${calLogits.length} items, accuracy ${(calibrationAccuracy * 100).toFixed(1)}%, temperature ${temperature}`);

  const weights = train(examples, o);
  const perCategory = Object.fromEntries(
    CATEGORIES.map((c) => [c, set.items.filter((it) => it.category === c).length]),
  );
  const artifact = toModelFile(quantize(weights, o.bits, o.step, temperature, {
    items: set.items.length,
    perCategory,
    perSource: set.counts,
    options: o,
  }));
  const json = `${JSON.stringify(artifact, null, 1)}\n`;
  return { json, temperature, calibrationAccuracy, counts: set.counts, items: set.items.length };
}
