/**
 * The intent model: a multinomial logistic regression over hashed features (see features.ts), with 4-bit
 * integer weights times a scale, and a temperature that calibrates its probabilities. The weights
 * are a generated artifact (model/weights.json, written by `npm run train` through
 * scripts/lib/build-model.ts); this file only reads and scores.
 */
import { CATEGORIES, type Category } from './types';
import {
  bucketOf,
  extractFeatures,
  FeatureList,
  NAMESPACE_COUNT,
  NAMESPACE_NORMALISED,
  NS,
  structHash,
  type Extracted,
  type TokenScan,
} from './features';

export const CLASS_COUNT = CATEGORIES.length;

/** The weights file's format (see ModelArtifact.weights); build-model.ts writes it. */
export const MODEL_FORMAT = 3;
/** Weights are integers in -WEIGHT_LEVELS..WEIGHT_LEVELS. */
export const WEIGHT_LEVELS = 7;
/** Pairs of such weights there are, so the most characters a weights string's alphabet can need. */
export const MAX_PAIRS = (2 * WEIGHT_LEVELS + 1) ** 2;
/** Printable ASCII characters but the quote and the backslash: JSON writes them as they are, in one byte. */
const ONE_BYTE_CODES = 0x7f - 0x20 - 2;

/**
 * The character that stands for entry `index` of a weights string's alphabet: printable ASCII but '"' and
 * '\\', so the commonest pairs take one byte of the file, then U+00C0 onwards (two bytes in UTF-8).
 */
export function pairCode(index: number): number {
  if (index >= ONE_BYTE_CODES) return 0xc0 + index - ONE_BYTE_CODES;
  let code = 0x20 + index;
  if (code >= 0x22) code++;
  if (code >= 0x5c) code++;
  return code;
}

/** The committed weights file, as JSON (and, with format 1, the trainer's quantized output). */
export interface ModelArtifact {
  format: number;
  /** log2 of the number of hash buckets. */
  bits: number;
  classes: readonly string[];
  namespaceWeights: readonly number[];
  /** Divides the logits before the softmax; fitted on out-of-fold predictions. */
  temperature: number;
  bias: readonly number[];
  /** weight = integer * scales[class]. */
  scales: readonly number[];
  /**
   * The buckets × classes integer weights, bucket-major. Format 3 (the file): two weights to a character,
   * the character pairCode(i) standing for pairs[i]; read in place while scoring, so loading decodes
   * nothing (unpacking 2^19 weights used to cost a cold worker tens of milliseconds). Two to a character
   * because gzip then codes a pair of small weights in fewer bits than two characters, which let the
   * weights have a finer step within the size budget. Format 1 (the trainer's quantize output only):
   * base64, two per byte (low nibble first), each value + 7.
   */
  weights: string;
  /**
   * Format 3: the alphabet of the weights string, commonest pair first; entry i is the pair that
   * character pairCode(i) stands for, as (first weight + 8) | (second weight + 8) << 4.
   */
  pairs?: readonly number[];
  /** What the model was trained on (counts only), for the record. */
  training: Record<string, unknown>;
}

export interface Model {
  bits: number;
  /** Masks a hash to its row within its half of the table (see bucketOf). */
  halfMask: number;
  temperature: number;
  bias: Float64Array;
  scales: Float64Array;
  namespaceWeights: Float64Array;
  /** ModelArtifact.weights (format 3): bucket b's weights are in characters 4b..4b+3, two to a character. */
  weights: string;
  /** Character code → its pair of weights as ModelArtifact.pairs writes them; 0 for a code not in the alphabet. */
  pairOf: Uint8Array;
  /**
   * The rows scoring has met so far, packed: nibble c of rows[b] is weight (b, c) + 8 (1..15, so 0 means
   * "not packed yet"). Filled as buckets are first touched, so no load ever unpacks the whole table, and
   * summed eight classes at a time.
   */
  rows: Int32Array;
  /** Weight (as scoring weighs it, scale included) of class c at packed nibble n, at c * 16 + n. */
  nibbleWeights: Float64Array;
}

export interface Scored {
  /** Calibrated probabilities in CATEGORIES order. */
  probs: Float64Array;
  extracted: Extracted;
  /** Feature occurrences per namespace (explanations need them to weigh a feature as scoring did). */
  counts: Int32Array;
}

/** The integer weight at index `i` (bucket * CLASS_COUNT + class). */
export function weightAt(model: Model, i: number): number {
  const pair = pairAt(model, i >> 1);
  if (pair === 0) throw new Error(`model weights damaged at ${i}`);
  return ((i & 1) === 0 ? pair & 15 : pair >> 4) - 8;
}

/** The pair of weights character `k` of the weights stands for, or 0 if it stands for none. */
function pairAt(model: Model, k: number): number {
  const code = model.weights.charCodeAt(k);
  return code < model.pairOf.length ? (model.pairOf[code] as number) : 0;
}

/** The table from character code to pair of weights, from a format 3 alphabet (which it checks). */
function pairTable(pairs: unknown): Uint8Array {
  if (!Array.isArray(pairs) || pairs.length === 0 || pairs.length > MAX_PAIRS) throw new Error('model pairs missing or too many');
  const table = new Uint8Array(pairCode(pairs.length - 1) + 1);
  const seen = new Set<number>();
  pairs.forEach((pair: unknown, i) => {
    const ok = Number.isInteger(pair) && inRange((pair as number) & 15) && inRange((pair as number) >> 4) && (pair as number) < 256;
    if (!ok) throw new Error(`model pair ${i} is not two weights`);
    if (seen.has(pair as number)) throw new Error(`model pair ${i} comes twice`);
    seen.add(pair as number);
    table[pairCode(i)] = pair as number;
  });
  return table;
}

/** Is a weight + 8 (a packed nibble) one of -WEIGHT_LEVELS..WEIGHT_LEVELS? */
function inRange(nibble: number): boolean {
  return nibble >= 8 - WEIGHT_LEVELS && nibble <= 8 + WEIGHT_LEVELS;
}

export function modelFromArtifact(a: ModelArtifact): Model {
  if (a.format !== MODEL_FORMAT) throw new Error(`unknown model format ${String(a.format)}`);
  if (a.classes.length !== CLASS_COUNT || a.classes.some((c, i) => c !== CATEGORIES[i])) {
    throw new Error('model classes do not match CATEGORIES');
  }
  if (a.namespaceWeights.length !== NAMESPACE_COUNT) throw new Error('model namespaces do not match');
  // Scoring packs a row of eight 4-bit weights into one 32-bit integer.
  if (CLASS_COUNT !== 8) throw new Error('the packed scoring needs exactly eight classes');
  // Character grams and the other namespaces each take half of the 2^bits rows (see bucketOf).
  if (!Number.isInteger(a.bits) || a.bits < 1 || a.bits > 24) throw new Error(`model bits ${String(a.bits)} out of range 1-24`);
  const weights = a.weights;
  const characters = ((1 << a.bits) * CLASS_COUNT) / 2;
  if (typeof weights !== 'string') throw new Error(`model weights are ${weights === null ? 'null' : typeof weights}, not a string`);
  if (weights.length !== characters) throw new Error(`model weights have ${weights.length} characters, expected ${characters}`);
  const pairOf = pairTable(a.pairs);
  return {
    bits: a.bits,
    halfMask: (1 << (a.bits - 1)) - 1,
    temperature: a.temperature,
    bias: Float64Array.from(a.bias),
    scales: Float64Array.from(a.scales),
    namespaceWeights: Float64Array.from(a.namespaceWeights),
    weights,
    pairOf,
    rows: new Int32Array(1 << a.bits),
    nibbleWeights: nibbleWeightsOf(a.scales),
  };
}

function nibbleWeightsOf(scales: readonly number[]): Float64Array {
  const out = new Float64Array(CLASS_COUNT * 16);
  for (let c = 0; c < CLASS_COUNT; c++) {
    for (let n = 0; n < 16; n++) out[c * 16 + n] = (n - 8) * (scales[c] as number);
  }
  return out;
}

/** Row `b` of the weights packed into one integer (see Model.rows). */
function packRow(model: Model, b: number): number {
  let p = 0;
  // A pair holds classes 2k and 2k + 1 as Model.rows packs them: its byte is the row's byte k.
  for (let k = CLASS_COUNT / 2 - 1; k >= 0; k--) {
    const pair = pairAt(model, b * (CLASS_COUNT / 2) + k);
    // Loading checks the length and the alphabet, not every character (reading 2^18 of them is what it
    // avoids): a row is checked here.
    if (pair === 0) throw new Error(`model weights damaged in bucket ${b}`);
    p = (p << 8) | pair;
  }
  model.rows[b] = p;
  return p;
}

// Scoring is synchronous and single-threaded: one list and one set of sums serve every call.
const scratch = new FeatureList();
const acc = new Int32Array(NAMESPACE_COUNT * CLASS_COUNT);
const LANES = 0x0f0f0f0f;
/** A byte lane takes 16 nibbles of at most 15 (240) before it must be emptied. */
const LANE_ADDS = 16;

/** Adds byte lanes of classes 0, 2, 4, 6 (`even`) and 1, 3, 5, 7 (`odd`) to namespace `ns` of `acc`. */
function emptyLanes(ns: number, even: number, odd: number): void {
  const base = ns * CLASS_COUNT;
  for (let k = 0; k < 4; k++) {
    acc[base + 2 * k] = (acc[base + 2 * k] as number) + ((even >>> (8 * k)) & 255);
    acc[base + 2 * k + 1] = (acc[base + 2 * k + 1] as number) + ((odd >>> (8 * k)) & 255);
  }
}

/** Adds the packed rows of features start..end of `scratch` (all of namespace `ns`) to `acc`. */
function sumRun(model: Model, ns: number, start: number, end: number): void {
  const { halfMask, rows } = model;
  // bucketOf(ns, h) is base | (h & halfMask): the namespace picks the half once for the whole run.
  const base = bucketOf(ns, 0, model.bits);
  const hash = scratch.hash;
  for (let from = start; from < end; from += LANE_ADDS) {
    const to = Math.min(end, from + LANE_ADDS);
    // Eight classes at a time: the weights of classes 0, 2, 4, 6 in the byte lanes of `even`, the others in `odd`.
    let even = 0;
    let odd = 0;
    for (let i = from; i < to; i++) {
      const b = base | ((hash[i] as number) & halfMask);
      let p = rows[b] as number;
      if (p === 0) p = packRow(model, b);
      even = (even + (p & LANES)) | 0;
      odd = (odd + ((p >>> 4) & LANES)) | 0;
    }
    emptyLanes(ns, even, odd);
  }
}

/**
 * Sums the features of `text` into `out` (raw logits, before the temperature) and `counts` (features per
 * namespace, which start at 0).
 */
function sumLogits(model: Model, text: string, counts: Int32Array, out: Float64Array): Extracted {
  acc.fill(0);
  const extracted = extractFeatures(text, scratch);
  const { ns: nsOf, length, runStarts, runs } = scratch;
  // Features come in runs of one namespace: each run is summed on its own (integer sums, exact, so the
  // order of the features is free), without asking every feature for its namespace.
  for (let r = 0; r < runs; r++) {
    const start = runStarts[r] as number;
    const end = r + 1 < runs ? (runStarts[r + 1] as number) : length;
    const ns = nsOf[start] as number;
    sumRun(model, ns, start, end);
    counts[ns] = (counts[ns] as number) + end - start;
  }
  out.set(model.bias);
  for (let k = 0; k < NAMESPACE_COUNT; k++) {
    const f = namespaceFactor(model, k, counts[k] as number);
    if (f === 0) continue;
    // Each packed weight carried +8: take it off, then weigh as the trainer did.
    const offset = 8 * (counts[k] as number);
    for (let c = 0; c < CLASS_COUNT; c++) {
      out[c] = (out[c] as number) + f * ((acc[k * CLASS_COUNT + c] as number) - offset) * (model.scales[c] as number);
    }
  }
  return extracted;
}

/** Raw logits (before the temperature) of `text`. */
export function logits(model: Model, text: string): { logits: Float64Array; extracted: Extracted; counts: Int32Array } {
  const counts = new Int32Array(NAMESPACE_COUNT);
  const out = new Float64Array(CLASS_COUNT);
  const extracted = sumLogits(model, text, counts, out);
  return { logits: out, extracted, counts };
}

function namespaceFactor(model: Model, ns: number, n: number): number {
  if (n === 0) return 0;
  return (model.namespaceWeights[ns] as number) / (NAMESPACE_NORMALISED[ns] ? Math.sqrt(n) : 1);
}

export function softmax(z: ArrayLike<number>, temperature = 1): Float64Array {
  return softmaxInto(z, temperature, new Float64Array(z.length));
}

function softmaxInto(z: ArrayLike<number>, temperature: number, out: Float64Array): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < z.length; i++) max = Math.max(max, (z[i] as number) / temperature);
  let sum = 0;
  for (let i = 0; i < z.length; i++) {
    const e = Math.exp((z[i] as number) / temperature - max);
    out[i] = e;
    sum += e;
  }
  for (let i = 0; i < z.length; i++) out[i] = (out[i] as number) / sum;
  return out;
}

export function score(model: Model, text: string): Scored {
  const { logits: z, extracted, counts } = logits(model, text);
  return { probs: softmax(z, model.temperature), extracted, counts };
}

// For callers that read a score before scoring again (route() does): one set of arrays serves every call.
const sharedCounts = new Int32Array(NAMESPACE_COUNT);
const sharedLogits = new Float64Array(CLASS_COUNT);
const sharedProbs = new Float64Array(CLASS_COUNT);

/**
 * score() into arrays that the next call overwrites (as it does `extracted` already): read what is needed
 * and let none of it escape. Saves a route() on a short prompt the allocations of three arrays.
 */
export function scoreShared(model: Model, text: string): Scored {
  sharedCounts.fill(0);
  const extracted = sumLogits(model, text, sharedCounts, sharedLogits);
  return { probs: softmaxInto(sharedLogits, model.temperature, sharedProbs), extracted, counts: sharedCounts };
}

export interface Driver {
  /** A quoted instruction word or a structural feature name. */
  label: string;
  /** How much it pushed `category` above the average of the other classes (logit units). */
  weight: number;
}

/** Do token i of `a` and token j of `b` read the same (digits all read as 0)? */
function sameToken(a: TokenScan, i: number, b: TokenScan, j: number): boolean {
  if (a === b) return a.same(i, j);
  return a.token(i) === b.token(j);
}

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/**
 * Is the UTF-16 unit `c` a letter or a number? ASCII is answered without the (costly to compile) pattern.
 * (A digit of a one-unit token reads as '0' in its string: a number either way.)
 */
function isLetterOrNumber(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return LETTER_OR_NUMBER.test(String.fromCharCode(c));
}

/** How far the weights of feature `hash` of namespace `ns` lean towards class `c`: its weight minus the others' average. */
function lean(model: Model, ns: number, hash: number, c: number): number {
  const b = bucketOf(ns, hash, model.bits);
  const p = model.rows[b] || packRow(model, b);
  const w = model.nibbleWeights;
  let others = 0;
  for (let k = 0; k < CLASS_COUNT; k++) {
    if (k !== c) others += w[k * 16 + ((p >>> (4 * k)) & 15)] as number;
  }
  return (w[c * 16 + ((p >>> (4 * c)) & 15)] as number) - others / (CLASS_COUNT - 1);
}

const MAX_DRIVER_WORDS = 32;
// The distinct words drivers() has met so far in the current call (it is synchronous: one set serves all).
const seenHash = new Uint32Array(MAX_DRIVER_WORDS);
const seenIndex = new Int32Array(MAX_DRIVER_WORDS);
const seenScan: TokenScan[] = [];

/** Is token i of `scan` (hash h) one of the first `seen` distinct words? */
function seenBefore(seen: number, scan: TokenScan, i: number, h: number): boolean {
  for (let k = 0; k < seen; k++) {
    if (seenHash[k] === h && sameToken(seenScan[k] as TokenScan, seenIndex[k] as number, scan, i)) return true;
  }
  return false;
}

/**
 * The best drivers of the latest rankDrivers() call, in rank order, kept as references: a word's slot
 * among the distinct words (below MAX_DRIVER_WORDS) or MAX_DRIVER_WORDS + the index of a structural
 * feature. Labels are built only for the few drivers a caller reads, and to break a tie.
 */
export class DriverRanking {
  weights = new Float64Array(16);
  refs = new Int32Array(16);
  length = 0;
  limit = 0;
  struct: readonly string[] = [];

  reset(limit: number, struct: readonly string[]): void {
    if (limit > this.weights.length) {
      this.weights = new Float64Array(limit);
      this.refs = new Int32Array(limit);
    }
    this.length = 0;
    this.limit = limit;
    this.struct = struct;
  }

  /** Could a driver of this weight get in? */
  admits(weight: number): boolean {
    return this.length < this.limit || weight >= (this.weights[this.limit - 1] as number);
  }

  add(weight: number, ref: number): void {
    const { weights, refs } = this;
    let at = this.length;
    while (at > 0 && this.ranksBefore(weight, ref, at - 1)) at--;
    if (at >= this.limit) return;
    if (this.length < this.limit) this.length++;
    for (let k = this.length - 1; k > at; k--) {
      weights[k] = weights[k - 1] as number;
      refs[k] = refs[k - 1] as number;
    }
    weights[at] = weight;
    refs[at] = ref;
  }

  /** Does a driver rank before the one at `k`: more weight, or as much and a label that sorts first? (Labels are distinct.) */
  private ranksBefore(weight: number, ref: number, k: number): boolean {
    const other = this.weights[k] as number;
    return weight > other || (weight === other && this.labelBefore(ref, this.refs[k] as number));
  }

  /** this.labelOf(a) < this.labelOf(b), without building word labels (weights tie often: they are 4-bit). */
  private labelBefore(a: number, b: number): boolean {
    const aIsWord = a < MAX_DRIVER_WORDS;
    const bIsWord = b < MAX_DRIVER_WORDS;
    if (aIsWord && bIsWord) return wordLabelBefore(a, b);
    if (!aIsWord && !bIsWord) return this.labelOf(a) < this.labelOf(b);
    // A word label opens with its quote; a feature name decides by its first unit unless that is a quote too.
    const name = this.labelOf(aIsWord ? b : a);
    if (name.charCodeAt(0) === QUOTE) return this.labelOf(a) < this.labelOf(b);
    return aIsWord === QUOTE < name.charCodeAt(0);
  }

  /** Is driver `k` an instruction word (else a structural feature)? */
  isWord(k: number): boolean {
    return (this.refs[k] as number) < MAX_DRIVER_WORDS;
  }

  /** Driver `k`'s word, as tokenize() writes it. */
  word(k: number): string {
    const slot = this.refs[k] as number;
    return (seenScan[slot] as TokenScan).token(seenIndex[slot] as number);
  }

  /** Driver `k`'s structural feature name. */
  structName(k: number): string {
    return this.struct[(this.refs[k] as number) - MAX_DRIVER_WORDS] as string;
  }

  /** Driver `k`'s label: a word in quotes, or a structural feature name. */
  label(k: number): string {
    return this.labelOf(this.refs[k] as number);
  }

  private labelOf(ref: number): string {
    if (ref >= MAX_DRIVER_WORDS) return this.struct[ref - MAX_DRIVER_WORDS] as string;
    return `"${(seenScan[ref] as TokenScan).token(seenIndex[ref] as number)}"`;
  }
}

const QUOTE = 34;

/** Is the label of the word in slot `a` ("word", quotes included) before that of slot `b`, as strings compare? */
function wordLabelBefore(a: number, b: number): boolean {
  const scanA = seenScan[a] as TokenScan;
  const scanB = seenScan[b] as TokenScan;
  const i = seenIndex[a] as number;
  const j = seenIndex[b] as number;
  const lengthA = (scanA.end[i] as number) - (scanA.start[i] as number);
  const lengthB = (scanB.end[j] as number) - (scanB.start[j] as number);
  const common = Math.min(lengthA, lengthB);
  for (let k = 0; k < common; k++) {
    const x = scanA.unitAt(i, k);
    const y = scanB.unitAt(j, k);
    if (x !== y) return x < y;
  }
  // One word is the start of the other: the shorter one's closing quote meets the other's next unit.
  if (lengthA === lengthB) return false;
  return lengthA < lengthB ? QUOTE < scanB.unitAt(j, common) : scanA.unitAt(i, common) < QUOTE;
}

const ranking = new DriverRanking();

/**
 * The instruction words and structural features that pushed most towards class `c`, best `limit` first.
 * The ranking is shared: read it before ranking or scoring again.
 */
export function rankDrivers(model: Model, scored: Scored, c: number, limit: number): DriverRanking {
  const struct = scored.extracted.struct;
  const n = leaningCandidates(model, scored, c);
  const best = ranking;
  // The ranking never holds more than the n candidates: a larger (or not whole) limit must not size its arrays.
  best.reset(Math.max(0, Math.min(Math.floor(limit) || 0, n)), struct);
  for (let k = 0; k < n; k++) {
    const weight = candidateWeight[k] as number;
    if (best.admits(weight)) best.add(weight, candidateRef[k] as number);
  }
  return best;
}

// The candidates of the current call that lean towards the class: weight and reference (see DriverRanking).
let candidateWeight = new Float64Array(64);
let candidateRef = new Int32Array(64);

/**
 * Weighs the first MAX_DRIVER_WORDS distinct instruction words and the structural features towards class
 * `c`; those with a positive weight become candidates, in that order. Returns how many.
 */
function leaningCandidates(model: Model, scored: Scored, c: number): number {
  const struct = scored.extracted.struct;
  if (candidateWeight.length < MAX_DRIVER_WORDS + struct.length) {
    candidateWeight = new Float64Array(2 * (MAX_DRIVER_WORDS + struct.length));
    candidateRef = new Int32Array(candidateWeight.length);
  }
  let n = 0;
  const wordFactor = namespaceFactor(model, NS.word, scored.counts[NS.word] as number);
  // Hashes are compared first, letters only when they agree.
  let seen = 0;
  words: for (const scan of scored.extracted.words) {
    for (let i = 0; i < scan.length; i++) {
      if (seen >= MAX_DRIVER_WORDS) break words;
      const h = scan.hash[i] as number;
      if (seenBefore(seen, scan, i, h)) continue;
      seenHash[seen] = h;
      seenScan[seen] = scan;
      seenIndex[seen] = i;
      const slot = seen++;
      const start = scan.start[i] as number;
      const long = (scan.end[i] as number) - start > 1;
      if (!long && !isLetterOrNumber(scan.text.charCodeAt(start))) continue;
      const weight = wordFactor * lean(model, NS.word, h, c);
      if (weight > 0) {
        candidateWeight[n] = weight;
        candidateRef[n++] = slot;
      }
    }
  }
  const structFactor = namespaceFactor(model, NS.struct, scored.counts[NS.struct] as number);
  for (let j = 0; j < struct.length; j++) {
    const weight = structFactor * lean(model, NS.struct, structHash(struct[j] as string), c);
    if (weight > 0) {
      candidateWeight[n] = weight;
      candidateRef[n++] = MAX_DRIVER_WORDS + j;
    }
  }
  return n;
}

/** The instruction words and structural features that pushed most towards `category`. */
export function drivers(model: Model, scored: Scored, category: Category, limit = 3): Driver[] {
  const best = rankDrivers(model, scored, CATEGORIES.indexOf(category), limit);
  const out: Driver[] = [];
  for (let k = 0; k < best.length; k++) out.push({ label: best.label(k), weight: best.weights[k] as number });
  return out;
}
