import { describe, expect, test } from 'vitest';
import { cueList, cueText, markWords, wordEndAt } from '../../../src/router/personas/cue-words';
import { foldCase } from '../../../src/router/fold-case';
import { textOf } from './generated-text';

const ASCII = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));
// Letters, digits, U+0345, a letter and an emoji outside the BMP, lone surrogates, separators, punctuation, İ and ſ.
const MIXED = ['a', 'Z', 'é', 'ß', '7', '٣', '\u0345', '𝐀', '😀', '\ud800', '\udc00', ' ', "'", '-', ',', '.', '写', 'İ', 'ſ', 'K'];

describe('cueText', () => {
  test('an ASCII text is marked as the code point reading marks it, on 3,000 generated texts', () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const text = textOf(seed, seed % 60, ASCII);
      const fast = cueText(text);
      const slow = markWords(text, foldCase(text));
      expect(fast.marked).toBe(slow.marked);
      expect(fast.folded).toBe(slow.folded);
      // No CJK cue starts below 128, so "at most 127" answers the cue lists as the exact highest unit does.
      expect(fast.maxUnit).toBeGreaterThanOrEqual(slow.maxUnit);
      expect(fast.maxUnit).toBeLessThan(128);
    }
  });

  test('a CJK cue may not start with an ASCII character', () => {
    expect(() => cueList([], ['a写'])).toThrow(/ASCII/);
    expect(cueList([], ['写']).cjkFirstUnit).toBe(0x5199);
  });
});

describe('wordEndAt', () => {
  test('finds the words the pattern /[\\p{L}\\p{N}\\u0345]+/gu finds, from every position of 2,000 generated texts', () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const text = textOf(seed, 1 + (seed % 25), MIXED);
      const ends = new Map<number, number>();
      for (const m of text.matchAll(/[\p{L}\p{N}\u0345]+/gu)) ends.set(m.index, m.index + m[0].length);
      for (let at = 0; at <= text.length; at++) expect(wordEndAt(text, at), `${JSON.stringify(text)} @${at}`).toBe(ends.get(at) ?? -1);
    }
  });
});
