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

/**
 * Weighted cosine of character 3-grams at or above which a training text asks the same thing as a held-back
 * one in other words ("How do smoke detectors sense smoke?" beside "how does a smoke detector know theres
 * smoke"), which the 4-gram sets above miss. Chosen by reading the closest pairs: from here up nearly every pair
 * was one question.
 */
export const RESTATEMENT_COSINE = 0.5;

/** Grams in more than this share of the held-back texts (spaces, function words) only refine, never propose, a match. */
const COMMON_GRAM_SHARE = 0.05;
/** Held-back texts scored exactly per training text: those sharing the most weight in rarer grams. */
const CANDIDATES = 8;

function trigramCounts(text: string): Map<string, number> {
  const t = ` ${text.toLowerCase().replace(/\s+/g, ' ')} `;
  const out = new Map<string, number>();
  for (let i = 0; i + 3 <= t.length; i++) {
    const g = t.slice(i, i + 3);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

export interface Restatement {
  training: string;
  heldBack: string;
  cosine: number;
}

/**
 * Each training text whose most similar held-back text reaches `threshold`, by the cosine of character 3-gram
 * counts weighted by rarity among the held-back texts (count × ln((N + 1) / (texts with the gram + 1))), so
 * that shared topic words count for much and a shared "what is the" for little. The candidates for a training
 * text are the held-back texts that share most weight with it in grams fewer than 5% of them have; those are
 * then scored over all grams.
 */
export function restatements(
  training: readonly string[],
  heldBack: readonly string[],
  threshold = RESTATEMENT_COSINE,
): Restatement[] {
  const heldCounts = heldBack.map(trigramCounts);
  const df = new Map<string, number>();
  for (const counts of heldCounts) for (const g of counts.keys()) df.set(g, (df.get(g) ?? 0) + 1);
  const common = Math.max(1, Math.floor(heldBack.length * COMMON_GRAM_SHARE));
  const idf = (g: string): number => Math.log((heldBack.length + 1) / ((df.get(g) ?? 0) + 1));
  const weigh = (counts: Map<string, number>): { weights: Map<string, number>; norm: number } => {
    const weights = new Map<string, number>();
    let sq = 0;
    for (const [g, c] of counts) {
      const v = c * idf(g);
      weights.set(g, v);
      sq += v * v;
    }
    return { weights, norm: Math.sqrt(sq) };
  };
  const held = heldCounts.map(weigh);
  // For each rarer gram, the held-back texts that have it and its weight in each.
  const postingTexts = new Map<string, number[]>();
  const postingWeights = new Map<string, number[]>();
  held.forEach(({ weights }, i) => {
    for (const [g, v] of weights) {
      if ((df.get(g) as number) > common) continue;
      let texts = postingTexts.get(g);
      if (!texts) {
        postingTexts.set(g, (texts = []));
        postingWeights.set(g, []);
      }
      texts.push(i);
      (postingWeights.get(g) as number[]).push(v);
    }
  });
  const partial = new Float64Array(heldBack.length);
  const touched: number[] = [];
  const found: Restatement[] = [];
  for (const text of training) {
    const mine = weigh(trigramCounts(text));
    for (const [g, v] of mine.weights) {
      const texts = postingTexts.get(g);
      if (!texts) continue;
      const weights = postingWeights.get(g) as number[];
      for (let k = 0; k < texts.length; k++) {
        const i = texts[k] as number;
        if (partial[i] === 0) touched.push(i);
        partial[i] = (partial[i] as number) + v * (weights[k] as number);
      }
    }
    // The CANDIDATES best by shared rarer weight, kept sorted (best first, then lower index) by insertion.
    const candidates: { i: number; score: number }[] = [];
    for (const i of touched) {
      const score = (partial[i] as number) / (held[i] as { norm: number }).norm;
      partial[i] = 0;
      const last = candidates[CANDIDATES - 1];
      if (last && (score < last.score || (score === last.score && i > last.i))) continue;
      let at = candidates.length;
      while (at > 0) {
        const before = candidates[at - 1] as { i: number; score: number };
        if (before.score > score || (before.score === score && before.i < i)) break;
        at--;
      }
      candidates.splice(at, 0, { i, score });
      if (candidates.length > CANDIDATES) candidates.pop();
    }
    touched.length = 0;
    let best = 0;
    let bestIndex = -1;
    for (const { i } of candidates) {
      const other = held[i] as { weights: Map<string, number>; norm: number };
      let dot = 0;
      for (const [g, v] of mine.weights) dot += v * (other.weights.get(g) ?? 0);
      const cosine = dot / (mine.norm * other.norm);
      if (cosine > best) {
        best = cosine;
        bestIndex = i;
      }
    }
    if (bestIndex >= 0 && best >= threshold) found.push({ training: text, heldBack: heldBack[bestIndex] as string, cosine: best });
  }
  return found;
}
