/**
 * Near-duplicates between training texts and held-back texts. A training example that restates a held-back
 * one ("wat is a quark lol" beside "wat is a quark") lets the model score that held-back item from memory, so
 * the held-back numbers would overstate how it does on prompts it has not seen.
 */

/** Jaccard similarity of character 4-gram sets at or above which two texts count as the same prompt. */
export const NEAR_DUPLICATE_JACCARD = 0.55;

/** Character 4-grams of the text lower-cased, runs of white space as one space and every digit as 0. */
export function shingles(text: string): Set<string> {
  const t = text.toLowerCase().replace(/\s+/g, ' ').replace(/\p{Nd}/gu, '0');
  const out = new Set<string>();
  for (let i = 0; i + 4 <= t.length; i++) out.add(t.slice(i, i + 4));
  return out;
}

export interface NearDuplicate {
  training: string;
  heldBack: string;
  jaccard: number;
}

/** Each training text whose most similar held-back text reaches `threshold`, with that text (exact Jaccard). */
export function nearDuplicates(
  training: readonly string[],
  heldBack: readonly string[],
  threshold = NEAR_DUPLICATE_JACCARD,
): NearDuplicate[] {
  // Grams as small integers and, for each gram, the held-back texts that have it.
  const gramId = new Map<string, number>();
  const postings: number[][] = [];
  const heldSize = new Int32Array(heldBack.length);
  heldBack.forEach((text, i) => {
    const grams = shingles(text);
    heldSize[i] = grams.size;
    for (const g of grams) {
      let id = gramId.get(g);
      if (id === undefined) {
        id = postings.length;
        gramId.set(g, id);
        postings.push([]);
      }
      (postings[id] as number[]).push(i);
    }
  });
  const shared = new Int32Array(heldBack.length);
  const touched: number[] = [];
  const found: NearDuplicate[] = [];
  for (const text of training) {
    const grams = shingles(text);
    for (const g of grams) {
      const id = gramId.get(g);
      if (id === undefined) continue;
      for (const i of postings[id] as number[]) {
        if (shared[i] === 0) touched.push(i);
        shared[i] = (shared[i] as number) + 1;
      }
    }
    let best = 0;
    let bestIndex = -1;
    for (const i of touched) {
      const n = shared[i] as number;
      const jaccard = n / (grams.size + (heldSize[i] as number) - n);
      if (jaccard > best) {
        best = jaccard;
        bestIndex = i;
      }
      shared[i] = 0;
    }
    touched.length = 0;
    if (bestIndex >= 0 && best >= threshold) {
      found.push({ training: text, heldBack: heldBack[bestIndex] as string, jaccard: best });
    }
  }
  return found;
}
