import { expect, test } from 'vitest';
import { isHeldBack, loadOwnExamples } from '../../../scripts/lib/data';
import { nearDuplicates } from '../../../scripts/lib/near-duplicates';

// The held-back split is only a fair test if nothing trained on restates it.
test('no own training example is a near-duplicate of a held-back one', () => {
  const texts = loadOwnExamples().map((e) => e.text);
  const heldBack = texts.filter(isHeldBack);
  const training = texts.filter((t) => !isHeldBack(t));
  expect(heldBack.length).toBeGreaterThan(1000);
  const found = nearDuplicates(training, heldBack).map(
    (d) => `${d.jaccard.toFixed(2)}  ${d.training.slice(0, 70)}  ~  ${d.heldBack.slice(0, 70)}`,
  );
  expect(found).toEqual([]);
});
