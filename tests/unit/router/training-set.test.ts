import { describe, expect, test } from 'vitest';
import { buildTrainingSet, PUBLIC_WEIGHT } from '../../../scripts/lib/training-set';
import { SHARED_DIR, sharedDataPresent } from '../../../scripts/lib/data';
import { CATEGORIES } from '../../../src/router/types';

const present = sharedDataPresent();
if (!present) console.log(`Skipping the training-weight check: public router data not found at ${SHARED_DIR}.`);

describe.skipIf(!present)('training weights', () => {
  const set = buildTrainingSet();

  test.each(CATEGORIES)('in %s, a public item weighs PUBLIC_WEIGHT times an own example', (category) => {
    const own = new Set(set.items.filter((it) => it.category === category && it.source === 'own').map((it) => it.weight));
    const pub = new Set(set.items.filter((it) => it.category === category && it.source !== 'own').map((it) => it.weight));
    expect(own.size).toBe(1);
    expect(pub.size).toBe(1);
    expect([...pub][0]).toBeCloseTo(([...own][0] as number) * PUBLIC_WEIGHT, 10);
  });
});
