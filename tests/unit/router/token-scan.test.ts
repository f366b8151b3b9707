import { describe, expect, test } from 'vitest';
import { extractFeatures, FeatureList, hashString, SEED, tokenize } from '../../../src/router/features';
import { segment } from '../../../src/router/segment';
import { textOf } from './generated-text';

// Apostrophes before, inside, after and between words, digits (ASCII and not), symbols, CJK, white space.
const PIECES = ["'", "''", 'a', 'Bc', 'x1', '42', '٣', 'é', '_', ' ', '  ', '\t', '!', '?', '+', '写', 'ß', "n't", 'İ', '\u00a0'];

describe('the token scan behind scoring', () => {
  test('finds the tokens tokenize() finds, with their hashes, on 5,000 generated instructions', () => {
    const list = new FeatureList();
    for (let seed = 1; seed <= 5000; seed++) {
      const text = textOf(seed, 1 + (seed % 40), PIECES);
      const expected = tokenize(segment(text).head);
      const scan = extractFeatures(text, list).words[0]!;
      const tokens = Array.from({ length: scan.length }, (_, i) => scan.token(i));
      expect(tokens, JSON.stringify(text)).toEqual(expected);
      expect([...scan.hash.subarray(0, scan.length)]).toEqual(expected.map((t) => hashString(SEED[0], t)));
    }
  });
});
