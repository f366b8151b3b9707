import { describe, expect, test } from 'vitest';
import { nearDuplicates, NEAR_DUPLICATE_JACCARD, restatements, RESTATEMENT_COSINE, shingles } from '../../../scripts/lib/near-duplicates';
import { textOf } from '../router/generated-text';
import { isHeldBack, loadOwnExamples } from '../../../scripts/lib/data';

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

/** The definition, computed the slow way: every pair, every gram. */
function referenceBest(text: string, heldBack: readonly string[]): { heldBack: string; cosine: number } {
  const counts = (t: string) => {
    const s = ` ${t.toLowerCase().replace(/\s+/g, ' ')} `;
    const m = new Map<string, number>();
    for (let i = 0; i + 3 <= s.length; i++) m.set(s.slice(i, i + 3), (m.get(s.slice(i, i + 3)) ?? 0) + 1);
    return m;
  };
  const df = new Map<string, number>();
  for (const h of heldBack) for (const g of counts(h).keys()) df.set(g, (df.get(g) ?? 0) + 1);
  const weights = (t: string) => {
    const m = new Map<string, number>();
    for (const [g, c] of counts(t)) m.set(g, c * Math.log((heldBack.length + 1) / ((df.get(g) ?? 0) + 1)));
    return m;
  };
  const cosine = (a: Map<string, number>, b: Map<string, number>) => {
    let dot = 0;
    let na = 0;
    let nb = 0;
    for (const [g, v] of a) dot += v * (b.get(g) ?? 0);
    for (const v of a.values()) na += v * v;
    for (const v of b.values()) nb += v * v;
    return dot / Math.sqrt(na * nb);
  };
  const mine = weights(text);
  let best = { heldBack: '', cosine: 0 };
  for (const h of heldBack) {
    const c = cosine(mine, weights(h));
    if (c > best.cosine) best = { heldBack: h, cosine: c };
  }
  return best;
}

describe('restatements', () => {
  // Gram weights come from the held-back texts, so these tests use the real held-back split as the background.
  const background = loadOwnExamples()
    .map((e) => e.text)
    .filter(isHeldBack);
  const heldBack = [
    ...background,
    'how does a smoke detector know theres smoke',
    'Wie funktioniert eigentlich eine Wärmepumpe?',
    'Why did the Berlin Wall come down so suddenly in 1989?',
    'Write a haiku about the first snow in Kyoto.',
    'What is the difference between a compiler and an interpreter?',
  ];

  test('finds the same question in other words, which the 4-gram sets miss', () => {
    const restated = ['How do smoke detectors sense smoke?', 'Why did the Berlin Wall fall so suddenly in November 1989?'];
    expect(nearDuplicates(restated, heldBack)).toEqual([]);
    expect(restatements(restated, heldBack).map((d) => [d.training, d.heldBack])).toEqual([
      [restated[0], 'how does a smoke detector know theres smoke'],
      [restated[1], 'Why did the Berlin Wall come down so suddenly in 1989?'],
    ]);
  });

  test('leaves alone a different question that shares its opening words', () => {
    const different = [
      'Why did the Berlin Wall get built in the first place?',
      'Wie funktioniert eigentlich ein Kühlschrank, wenn die Küche heiß ist?',
      'Write a haiku about a merge conflict.',
    ];
    expect(restatements(different, heldBack)).toEqual([]);
  });

  test('finds every text the every-pair definition finds, with the same held-back text and exact cosine', () => {
    const words = Array.from({ length: 300 }, (_, i) => `${textOf(i + 7, 2 + (i % 4), [...'abcdefghijklmnopqrstuvwxyz'])} `);
    const held = Array.from({ length: 400 }, (_, i) => textOf(i + 1, 5 + (i % 9), words));
    // Half are a held-back text with one word swapped, half have nothing to do with any.
    const training = Array.from({ length: 60 }, (_, i) =>
      i % 2 === 0 ? (held[i * 5] as string).replace(/^\S+ /, words[i] as string) : textOf(5000 + i, 4 + (i % 7), words),
    );
    const expected = training
      .map((t) => ({ training: t, ...referenceBest(t, held) }))
      .filter((d) => d.cosine >= RESTATEMENT_COSINE);
    expect(expected.length).toBeGreaterThanOrEqual(25);
    const found = restatements(training, held);
    expect(found.map((d) => [d.training, d.heldBack])).toEqual(expected.map((d) => [d.training, d.heldBack]));
    found.forEach((d, i) => expect(d.cosine).toBeCloseTo((expected[i] as { cosine: number }).cosine, 12));
    const [same] = restatements(['Write a haiku about the first snow in Kyoto.'], heldBack);
    expect(same?.cosine).toBeCloseTo(1, 12);
  });

  test('the threshold is the documented one, and an empty side finds nothing', () => {
    expect(RESTATEMENT_COSINE).toBe(0.5);
    expect(restatements([], heldBack)).toEqual([]);
    expect(restatements(['How do smoke detectors sense smoke?'], [])).toEqual([]);
  });
});
