import { describe, expect, test } from 'vitest';
import { buildTrainingSet, heldBackTexts, PUBLIC_WEIGHT, restatingPublicTexts, type TrainingSet } from '../../../scripts/lib/training-set';
import { SHARED_DIR, sharedDataPresent } from '../../../scripts/lib/data';
import { restatements } from '../../../scripts/lib/near-duplicates';
import { CATEGORIES } from '../../../src/router/types';

const present = sharedDataPresent();
if (!present) console.log(`Skipping the training-weight check: public router data not found at ${SHARED_DIR}.`);

describe.skipIf(!present)('training weights', () => {
  // Built on first use: a skipped suite's body still runs, and without the public data it must not read it.
  let built: TrainingSet | undefined;
  const training = (): TrainingSet => (built ??= buildTrainingSet());

  test.each(CATEGORIES)('in %s, a public item weighs PUBLIC_WEIGHT times an own example', (category) => {
    const own = new Set(training().items.filter((it) => it.category === category && it.source === 'own').map((it) => it.weight));
    const pub = new Set(training().items.filter((it) => it.category === category && it.source !== 'own').map((it) => it.weight));
    expect(own.size).toBe(1);
    expect(pub.size).toBe(1);
    expect([...pub][0]).toBeCloseTo(([...own][0] as number) * PUBLIC_WEIGHT, 10);
  });
});

describe.skipIf(!present)('restatements of held-back items', () => {
  test('no public training item asks a held-back item again in other words', { timeout: 120_000 }, () => {
    const heldBack = heldBackTexts();
    const publicTraining = buildTrainingSet().items.filter((it) => it.source !== 'own').map((it) => it.text);
    expect(publicTraining.length).toBeGreaterThan(2000);
    expect(restatements(publicTraining, heldBack)).toEqual([]);
  });

  test('the restating public items exist and are left out, not relabeled', () => {
    const restating = restatingPublicTexts();
    expect(restating.size).toBeGreaterThan(100);
    const trained = new Set(buildTrainingSet().items.map((it) => it.text));
    for (const text of restating) expect(trained.has(text)).toBe(false);
  });
});
