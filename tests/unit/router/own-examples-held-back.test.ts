import { describe, expect, test } from 'vitest';
import { isHeldBack, loadOwnExamples } from '../../../scripts/lib/data';
import { nearDuplicates, NEAR_DUPLICATE_JACCARD, shingles } from '../../../scripts/lib/near-duplicates';

describe('near-duplicate search', () => {
  test('finds a restated prompt and leaves a different one alone', () => {
    const held = ['wat is a quark', 'Why do hydrangeas change colour depending on the soil?'];
    const found = nearDuplicates(
      ['wat is a quark lol', 'Why do hydrangeas change color depending on the soil?', 'Write a limerick about a quark'],
      held,
    );
    expect(found.map((d) => [d.training, d.heldBack])).toEqual([
      ['wat is a quark lol', 'wat is a quark'],
      ['Why do hydrangeas change color depending on the soil?', 'Why do hydrangeas change colour depending on the soil?'],
    ]);
    for (const d of found) expect(d.jaccard).toBeGreaterThanOrEqual(NEAR_DUPLICATE_JACCARD);
  });

  test('grams ignore case, spacing and which digits', () => {
    expect(shingles('Solve  3x + 2 = 11')).toEqual(shingles('solve 7x + 5 = 40'));
  });
});

describe('own examples', () => {
  // The held-back split is only a fair test if nothing trained on restates it.
  test('no training example is a near-duplicate of a held-back one', { timeout: 60_000 }, () => {
    const texts = loadOwnExamples().map((e) => e.text);
    const heldBack = texts.filter(isHeldBack);
    const training = texts.filter((t) => !isHeldBack(t));
    expect(heldBack.length).toBeGreaterThan(1000);
    const found = nearDuplicates(training, heldBack).map(
      (d) => `${d.jaccard.toFixed(2)}  ${d.training.slice(0, 70)}  ~  ${d.heldBack.slice(0, 70)}`,
    );
    expect(found).toEqual([]);
  });
});
