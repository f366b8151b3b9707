/**
 * Near-duplicates between training texts and held-back texts. A training example that restates a held-back
 * one ("wat is a quark lol" beside "wat is a quark") lets the model score that held-back item from memory, so
 * the held-back numbers would overstate how it does on prompts it has not seen.
 */

/** Jaccard similarity of character 4-gram sets at or above which two texts count as the same prompt. */
export const NEAR_DUPLICATE_JACCARD = 0.55;

/** Character 4-grams of the text lower-cased, runs of white space as one space and digits as 0. */
export function shingles(text: string): Set<string> {
  const t = text.toLowerCase().replace(/\s+/g, ' ').replace(/[0-9]/g, '0');
  const out = new Set<string>();
  for (let i = 0; i + 4 <= t.length; i++) out.add(t.slice(i, i + 4));
  return out;
}

export interface NearDuplicate {
  training: string;
  heldBack: string;
  jaccard: number;
}

// Grams shared by more held-back texts than this ("the ", "what") say nothing about one prompt; skipping
// them keeps the search fast. A real near-duplicate shares plenty of rarer grams.
const COMMON_GRAM = 400;

/** Each training text whose most similar held-back text reaches `threshold`, with that text. */
export function nearDuplicates(
  training: readonly string[],
  heldBack: readonly string[],
  threshold = NEAR_DUPLICATE_JACCARD,
): NearDuplicate[] {
  const heldShingles = heldBack.map(shingles);
  const index = new Map<string, number[]>();
  heldShingles.forEach((grams, i) => {
    for (const g of grams) {
      const list = index.get(g);
      if (list === undefined) index.set(g, [i]);
      else list.push(i);
    }
  });
  const found: NearDuplicate[] = [];
  for (const text of training) {
    const grams = shingles(text);
    const shared = new Map<number, number>();
    for (const g of grams) {
      const list = index.get(g);
      if (list === undefined || list.length > COMMON_GRAM) continue;
      for (const i of list) shared.set(i, (shared.get(i) ?? 0) + 1);
    }
    let best = 0;
    let bestIndex = -1;
    for (const [i, n] of shared) {
      const jaccard = n / (grams.size + (heldShingles[i] as Set<string>).size - n);
      if (jaccard > best) {
        best = jaccard;
        bestIndex = i;
      }
    }
    if (bestIndex >= 0 && best >= threshold) {
      found.push({ training: text, heldBack: heldBack[bestIndex] as string, jaccard: best });
    }
  }
  return found;
}
