/**
 * The whole training run, from data to the JSON text of the weights file; scripts/train.ts writes it and
 * a unit test compares it with the committed file.
 */
import { join } from 'node:path';
import { CATEGORIES } from '../../src/router/types';
import { stableTextHash } from '../../src/router/features';
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
  const artifact = quantize(weights, o.bits, o.levels, temperature, {
    items: set.items.length,
    perCategory,
    perSource: set.counts,
    options: o,
  });
  const json = `${JSON.stringify(artifact, null, 1)}\n`;
  return { json, temperature, calibrationAccuracy, counts: set.counts, items: set.items.length };
}
