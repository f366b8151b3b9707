/**
 * Lower case, index for index, as a regular expression with the `iu` flags compares letters: a word looked
 * up in a Set after foldCase matches exactly when an `iu` pattern for it would (a unit test checks every BMP
 * character against the letters our word lists use). Two characters need care:
 * 'ſ' (long s) is an 's' to `iu` but lower-cases to itself, and 'İ' lower-cases to two characters, which
 * would shift every index after it, while `iu` matches it to no 'i', so it stays as it is.
 */
export function foldCase(text: string): string {
  // Nearly every text has neither: then splitting, joining and replacing would only copy it.
  if (!text.includes('İ') && !text.includes('ſ')) return text.toLowerCase();
  return text
    .split('İ')
    .map((piece) => piece.toLowerCase())
    .join('İ')
    .replace(/ſ/g, 's');
}
