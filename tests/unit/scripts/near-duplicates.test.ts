import { describe, expect, test } from 'vitest';
import { nearDuplicates, NEAR_DUPLICATE_JACCARD, shingles } from '../../../scripts/lib/near-duplicates';

function jaccard(a: string, b: string): number {
  const x = shingles(a);
  const y = shingles(b);
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return shared / (x.size + y.size - shared);
}

describe('nearDuplicates', () => {
  test('finds a restated prompt, with its exact similarity, and leaves a different one alone', () => {
    const held = ['wat is a quark', "What's the difference between a virus and a bacterium?"];
    const training = ['wat is a quark lol', 'What is the difference between a virus and a bacterium?', 'Write a limerick about a quark'];
    const found = nearDuplicates(training, held);
    expect(found.map((d) => [d.training, d.heldBack])).toEqual([
      [training[0], held[0]],
      [training[1], held[1]],
    ]);
    for (const d of found) {
      expect(d.jaccard).toBeGreaterThanOrEqual(NEAR_DUPLICATE_JACCARD);
      expect(d.jaccard).toBeCloseTo(jaccard(d.training, d.heldBack), 12);
    }
  });

  test('a copy is found even when most of its grams are shared by hundreds of held-back texts', () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const names = Array.from({ length: 450 }, (_, i) => `${letters[i % 26]}${letters[Math.floor(i / 26) % 26]}${letters[(i * 7) % 26]}x`);
    const held = [...names.map((n) => `what for the ${n}`), 'What for the nation?'];
    const found = nearDuplicates(['WHAT FOR THE NATION?'], held);
    expect(found).toEqual([{ training: 'WHAT FOR THE NATION?', heldBack: 'What for the nation?', jaccard: 1 }]);
  });

  test('reports the most similar held-back text, not the first one over the threshold', () => {
    const held = ['How does a touchscreen know where my finger is on the glass?', 'how do touchscreens know where my finger is'];
    const [d] = nearDuplicates(['How do touchscreens know where my finger is?'], held);
    expect(d?.heldBack).toBe(held[1]);
  });

  test('a long prompt that merely contains a held-back one is not a restatement of it', () => {
    const long =
      'wat is a quark, and how did Gell-Mann come up with the name? I read somewhere that it came from a novel and I want the whole story';
    expect(nearDuplicates([long], ['wat is a quark'])).toEqual([]);
  });

  test('grams ignore case, spacing and which digits, in any script', () => {
    expect(shingles('Solve  3x + 2 = 11')).toEqual(shingles('solve 7x + 5 = 40'));
    expect(nearDuplicates(['方程式 ３x+２=１１ を解いて'], ['方程式 ７x+５=４０ を解いて'])).toHaveLength(1);
    expect(nearDuplicates(['حل المعادلة ٣س+٢=١١'], ['حل المعادلة ٧س+٥=٤٠'])).toHaveLength(1);
  });
});
