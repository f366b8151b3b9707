import { describe, expect, test } from 'vitest';
import { drivers, score } from '../../../src/router/model';
import { loadModel } from '../../../src/router/route';
import { CATEGORIES } from '../../../src/router/types';

// Words that start one another, digits (read as 0) and one-unit tokens: the cases where ranking breaks a
// weight tie by comparing labels without building them.
const VOCABULARY = [
  'a', 'ab', 'abc', 'a1', 'a2', 'a9x', '1', '12', '7', 'x', 'xy', 'write', 'writes', 'writer', 'poem', 'poems',
  'solve', 'solves', 'code', 'coder', 'é', 'éa', 'ça', '_', "it's", 'its', '?', '!', '"', 'z', 'zz', 'zzz',
  // Common words, whose 4-bit weights often tie with one another.
  'the', 'an', 'in', 'that', 'takes', 'and', 'assume', 'gap', 'returns', 'strings', 'as', 'be', 'may', 'ones', 'do',
];

/** A deterministic pseudo-random prompt of `n` vocabulary words. */
function promptOf(seed: number, n: number): string {
  let x = seed * 2654435761;
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    words.push(VOCABULARY[(x >>> 8) % VOCABULARY.length] as string);
  }
  return words.join(' ');
}

const byRank = (a: { weight: number; label: string }, b: { weight: number; label: string }): number =>
  b.weight - a.weight || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);

describe('driver ranking', () => {
  test('orders by weight, then by label as strings compare, on 300 generated prompts', () => {
    const model = loadModel();
    let ties = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const prompt = promptOf(seed, 3 + (seed % 30));
      for (const category of CATEGORIES) {
        const all = drivers(model, score(model, prompt), category, 1000);
        expect(new Set(all.map((d) => d.label)).size).toBe(all.length);
        expect(all).toEqual([...all].sort(byRank));
        for (let k = 1; k < all.length; k++) if (all[k]!.weight === all[k - 1]!.weight) ties++;
        expect(drivers(model, score(model, prompt), category, 12)).toEqual(all.slice(0, 12));
      }
    }
    // The prompts must have exercised the tie-break, or the test says nothing about it.
    expect(ties).toBeGreaterThan(100);
  });
});

describe('driver limit', () => {
  test('a limit beyond the candidates, or not a whole number, neither throws nor sizes anything by it', () => {
    const model = loadModel();
    const text = 'Write a short poem about my cat, then fix this python function that crashes on empty lists';
    const all = drivers(model, score(model, text), 'writing', 1000);
    expect(all.length).toBeGreaterThan(3);
    expect(drivers(model, score(model, text), 'writing', Infinity)).toEqual(all);
    expect(drivers(model, score(model, text), 'writing', 2.7)).toEqual(all.slice(0, 2));
    expect(drivers(model, score(model, text), 'writing', Number.NaN)).toEqual([]);
    expect(drivers(model, score(model, text), 'writing', -1)).toEqual([]);
  });
});
