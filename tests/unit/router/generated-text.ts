/** A deterministic pseudo-random text of `n` pieces drawn from `alphabet` (a linear congruential generator). */
export function textOf(seed: number, n: number, alphabet: readonly string[]): string {
  let x = seed;
  let out = '';
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out += alphabet[(x >>> 8) % alphabet.length] as string;
  }
  return out;
}
