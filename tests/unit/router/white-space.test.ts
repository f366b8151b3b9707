import { describe, expect, test } from 'vitest';
import { isWhiteSpace } from '../../../src/router/white-space';

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
});
