import { describe, expect, test } from 'vitest';
import { isWhiteSpace, lastUnitBeforeSpace } from '../../../src/router/white-space';

describe('isWhiteSpace', () => {
  test('agrees with \\s on every UTF-16 unit', () => {
    const differ: number[] = [];
    let spaces = 0;
    for (let c = 0; c <= 0xffff; c++) {
      const expected = /\s/.test(String.fromCharCode(c));
      if (expected) spaces++;
      if (isWhiteSpace(c) !== expected) differ.push(c);
    }
    expect(differ).toEqual([]);
    expect(spaces).toBe(25);
  });

  test('lastUnitBeforeSpace is the last unit trimEnd() keeps', () => {
    for (const s of ['', ' ', 'a', 'a:', 'a: \n', 'ask?\u3000', '\u00a0x\u2028', '？\t', ':\ufeff', 'x\u200b']) {
      const kept = s.trimEnd();
      expect(lastUnitBeforeSpace(s), JSON.stringify(s)).toBe(kept === '' ? -1 : kept.charCodeAt(kept.length - 1));
    }
  });

  test('a last unit of ":" or "：" is what /[:：]\\s*$/ finds, and "?" or "？" what /[?？]\\s*$/ finds', () => {
    const pieces = ['a', ':', '：', '?', '？', ' ', '\n', '\u3000', '\u00a0', ':x'];
    for (let n = 0; n < 5000; n++) {
      let s = '';
      for (let k = n; k > 0; k = Math.floor(k / pieces.length)) s += pieces[k % pieces.length];
      const last = lastUnitBeforeSpace(s);
      expect(last === 58 || last === 0xff1a, JSON.stringify(s)).toBe(/[:：]\s*$/.test(s));
      expect(last === 63 || last === 0xff1f, JSON.stringify(s)).toBe(/[?？]\s*$/.test(s));
    }
  });
});
