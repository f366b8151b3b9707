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
const FOLDS = 4;

export interface BuildResult {
  json: string;
  temperature: number;
  outOfFoldAccuracy: number;
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
  const fold = set.items.map((it) => (stableTextHash(it.text) >>> 8) % FOLDS);

  // Temperature from out-of-fold logits: each item scored by a model that never saw it.
  const oofLogits: Float64Array[] = new Array<Float64Array>(examples.length);
  for (let f = 0; f < FOLDS; f++) {
    const weights = train(
      examples.filter((_, i) => fold[i] !== f),
      o,
    );
    examples.forEach((ex, i) => {
      if (fold[i] === f) oofLogits[i] = exampleLogits(weights, ex);
    });
    log(`fold ${f + 1}/${FOLDS} done`);
  }
  const ys = examples.map((e) => e.y);
  const temperature = fitTemperature(oofLogits, ys);
  let correct = 0;
  oofLogits.forEach((z, i) => {
    let best = 0;
    for (let c = 1; c < z.length; c++) if ((z[c] as number) > (z[best] as number)) best = c;
    if (best === ys[i]) correct++;
  });
  const outOfFoldAccuracy = correct / Math.max(1, examples.length);
  log(`out-of-fold accuracy ${(outOfFoldAccuracy * 100).toFixed(1)}%, temperature ${temperature}`);

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
  return { json, temperature, outOfFoldAccuracy, counts: set.counts, items: set.items.length };
}
