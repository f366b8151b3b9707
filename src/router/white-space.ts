/**
 * Is the UTF-16 unit `c` white space as the `\s` of a regular expression (and String.prototype.trim) sees
 * it? Answered without a pattern for loops that look at one character at a time (a unit test compares every
 * unit with `\s`).
 */
export function isWhiteSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The last UTF-16 unit of `s` before its trailing white space (as trimEnd() drops it); -1 when there is none. */
export function lastUnitBeforeSpace(s: string): number {
  let i = s.length - 1;
  while (i >= 0 && isWhiteSpace(s.charCodeAt(i))) i--;
  return i < 0 ? -1 : s.charCodeAt(i);
}
