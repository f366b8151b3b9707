import { expect, test } from 'vitest';
import { isHeldBack, loadOwnExamples, loadPublicSet, sharedDataPresent, TRAINABLE_SETS } from '../../../scripts/lib/data';
import { nearDuplicates, restatements } from '../../../scripts/lib/near-duplicates';

// The held-back splits are only a fair test if nothing trained on restates them.
const texts = loadOwnExamples().map((e) => e.text);
const training = texts.filter((t) => !isHeldBack(t));
const show = (score: number, a: string, b: string) => `${score.toFixed(2)}  ${a.slice(0, 70)}  ~  ${b.slice(0, 70)}`;

test('no own training example is a near-duplicate of a held-back one', () => {
  const heldBack = texts.filter(isHeldBack);
  expect(heldBack.length).toBeGreaterThan(1000);
  const found = nearDuplicates(training, heldBack).map((d) => show(d.jaccard, d.training, d.heldBack));
  expect(found).toEqual([]);
});

test('no own training example asks a held-back own example again in other words', () => {
  const heldBack = texts.filter(isHeldBack);
  const found = restatements(training, heldBack).map((d) => show(d.cosine, d.training, d.heldBack));
  expect(found).toEqual([]);
});

test.skipIf(!sharedDataPresent())('no own training example asks a held-back public item again in other words', () => {
  const heldBack = TRAINABLE_SETS.flatMap((name) => loadPublicSet(name).map((it) => it.text)).filter(isHeldBack);
  expect(heldBack.length).toBeGreaterThan(500);
  const found = restatements(training, heldBack).map((d) => show(d.cosine, d.training, d.heldBack));
  expect(found).toEqual([]);
});
