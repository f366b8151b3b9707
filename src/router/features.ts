/**
 * Feature extraction for the intent model: hashed word unigrams and bigrams and character 3-5-grams of the
 * instruction, lead-word features, payload words in a namespace of their own (so pasted text counts less
 * than the words that say what to do), and named structural features (code, math notation, length, shape).
 * Training and scoring share this one function, so what the model learned is what it sees.
 */
import { segment, VIEW_LIMIT, type Segments } from './segment';

/** Feature namespaces; each gets its own weight and is normalised by the square root of its count. */
export const NS = {
  word: 0,
  bigram: 1,
  char: 2,
  lead: 3,
  payload: 4,
  struct: 5,
} as const;
export type Namespace = (typeof NS)[keyof typeof NS];
export const NAMESPACE_COUNT = 6;

/**
 * The row of a feature in a table of 2^bits rows. Character grams take the upper half and every other
 * namespace the lower half: on the training texts the grams outnumber the words, bigrams and structural
 * features three to one (about 200,000 against 60,000 seen in three texts or more), and sharing rows with
 * them blurred the features that say the most (see docs/router-history.md).
 */
export function bucketOf(ns: number, hash: number, bits: number): number {
  const half = 1 << (bits - 1);
  return ns === NS.char ? half | (hash & (half - 1)) : hash & (half - 1);
}
export const NAMESPACE_NAMES = ['word', 'bigram', 'char', 'lead', 'payload', 'struct'] as const;

/** Per-namespace weight of a feature occurrence; the instruction outweighs the payload. */
export const NAMESPACE_WEIGHTS: readonly number[] = [1.0, 0.6, 1.0, 0.8, 0.45, 0.5];
/** Structural features are counted as is (each fires at most once); the others are length-normalised. */
export const NAMESPACE_NORMALISED: readonly boolean[] = [true, true, true, true, true, false];

/**
 * The feature occurrences of one text: namespace and 32-bit hash (the model maps it to a bucket), in
 * emission order (which carries no meaning: a text's features are a multiset). Reused between calls, so
 * scoring allocates almost nothing.
 */
export class FeatureList {
  ns = new Uint8Array(4096);
  hash = new Uint32Array(4096);
  length = 0;
  /**
   * Where each run of features of one namespace starts, in order (the first at 0): scoring sums a run at a
   * time, and finding the runs by reading every namespace cost as much as a fifth of it.
   */
  runStarts = new Int32Array(32);
  runs = 0;

  add(ns: Namespace, hash: number): void {
    if (this.length === this.ns.length) this.reserve(1);
    if (this.length === 0 || this.ns[this.length - 1] !== ns) this.startRun();
    this.ns[this.length] = ns;
    this.hash[this.length] = hash;
    this.length++;
  }

  clear(): void {
    this.length = 0;
    this.runs = 0;
  }

  /** Records that a run starts at the end of the list (the list's first run also forgets earlier ones). */
  startRun(): void {
    if (this.length === 0) this.runs = 0;
    if (this.runs === this.runStarts.length) {
      const grown = new Int32Array(this.runs * 2);
      grown.set(this.runStarts);
      this.runStarts = grown;
    }
    this.runStarts[this.runs++] = this.length;
  }

  /** Makes room for `n` more features, so a loop that emits at most that many can write without checks. */
  reserve(n: number): void {
    if (this.length + n <= this.ns.length) return;
    const size = Math.max(this.ns.length * 2, this.length + n);
    const ns2 = new Uint8Array(size);
    ns2.set(this.ns);
    const hash2 = new Uint32Array(size);
    hash2.set(this.hash);
    this.ns = ns2;
    this.hash = hash2;
  }
}

const FNV_PRIME = 0x01000193;
/** One seed per namespace (exported so tests can rebuild features the slow, obvious way). */
export const SEED = [0x811c9dc5, 0x9e3779b1, 0x7f4a7c15, 0x2545f491, 0x6a09e667, 0x3c6ef372] as const;
/** Payload words read at most; the view already bounds the payload to a few kilobytes. */
const PAYLOAD_TOKENS = 1600;

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function hashString(seed: number, s: string): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return fmix(h);
}

/** A hash that never changes, for deciding held-back splits: FNV-1a over the UTF-16 units of the text. */
export function stableTextHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}_']/u;
const DIGIT_CHAR = /\p{Nd}/u;

// Character classes for the tokenizer, by UTF-16 unit: 0 space, 1 word, 2 digit, 3 symbol, 4 single (CJK).
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (c <= 32 || c === 127) ASCII_CLASS[c] = 0;
  else if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 39) ASCII_CLASS[c] = 1;
  else if (c >= 48 && c <= 57) ASCII_CLASS[c] = 2;
  else ASCII_CLASS[c] = 3;
}
/** Classes of the other units as found by the regular expressions, plus one (0: not looked up yet). */
let wideClasses: Uint8Array | null = null;

function charClass(c: number): number {
  return c < 128 ? (ASCII_CLASS[c] as number) : wideClass(c);
}

function wideClass(c: number): number {
  // Han, kana and Hangul have no spaces: each character is a token of its own (bigrams then pair them).
  if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff)) {
    return 4;
  }
  if (c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0xfeff) return 0;
  wideClasses ??= new Uint8Array(65536);
  const known = wideClasses[c] as number;
  if (known !== 0) return known - 1;
  const ch = String.fromCharCode(c);
  const k = DIGIT_CHAR.test(ch) ? 2 : WORD_CHAR.test(ch) ? 1 : 3;
  wideClasses[c] = k + 1;
  return k;
}

/**
 * Lower-cased tokens with every digit written as 0, so "17 + 25" and "3 + 4" look alike. This is the
 * readable definition of a token; scoring runs scanTokens, which hashes the same tokens without building
 * them (a unit test holds the two together).
 */
export function tokenize(s: string, limit = Infinity): string[] {
  const out: string[] = [];
  const lower = s.toLowerCase();
  let start = -1;
  let digits = false;
  const flush = (end: number): void => {
    if (start < 0) return;
    let t = lower.slice(start, end);
    if (digits) t = zeroDigits(t);
    if (t.charCodeAt(0) === 39 || t.charCodeAt(t.length - 1) === 39) t = t.replace(/^'+|'+$/g, '');
    if (t !== '') out.push(t);
    start = -1;
    digits = false;
  };
  for (let i = 0; i < lower.length && out.length < limit; i++) {
    const k = charClass(lower.charCodeAt(i));
    if (k === 1 || k === 2) {
      if (start < 0) start = i;
      if (k === 2) digits = true;
    } else {
      flush(i);
      if (k === 3 || k === 4) out.push(lower[i] as string);
    }
  }
  flush(lower.length);
  return out.length > limit ? out.slice(0, limit) : out;
}

function zeroDigits(t: string): string {
  let r = '';
  for (let i = 0; i < t.length; i++) r += charClass(t.charCodeAt(i)) === 2 ? '0' : (t[i] as string);
  return r;
}

/**
 * The tokens of one lower-cased text as tokenize() finds them, kept as hashes and places instead of strings
 * (scoring needs only the hashes; explanations build the few strings they show). Reused between calls.
 */
export class TokenScan {
  /** The lower-cased text the places refer to. */
  text = '';
  hash = new Uint32Array(256);
  start = new Int32Array(256);
  end = new Int32Array(256);
  /** 1 when the token has digits (written as 0 in its string). */
  digits = new Uint8Array(256);
  length = 0;

  push(hash: number, start: number, end: number, digits: boolean): void {
    if (this.length === this.hash.length) {
      const n = this.length * 2;
      const grow = <T extends Uint32Array | Int32Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
      this.hash = grow(this.hash, new Uint32Array(n));
      this.start = grow(this.start, new Int32Array(n));
      this.end = grow(this.end, new Int32Array(n));
      this.digits = grow(this.digits, new Uint8Array(n));
    }
    this.hash[this.length] = hash;
    this.start[this.length] = start;
    this.end[this.length] = end;
    this.digits[this.length] = digits ? 1 : 0;
    this.length++;
  }

  /** Token `i` as tokenize() returns it. */
  token(i: number): string {
    const t = this.text.slice(this.start[i], this.end[i]);
    return this.digits[i] === 1 ? zeroDigits(t) : t;
  }

  /** Unit `k` of token `i` as token(i) writes it (digits as '0'). */
  unitAt(i: number, k: number): number {
    const c = this.text.charCodeAt((this.start[i] as number) + k);
    return this.digits[i] === 1 && charClass(c) === 2 ? 48 : c;
  }

  /** Its hash under another seed (as hashString(seed, token(i)) would be). */
  hashWith(seed: number, i: number): number {
    let h = seed;
    const s = this.text;
    for (let j = this.start[i] as number; j < (this.end[i] as number); j++) {
      const c = s.charCodeAt(j);
      h = Math.imul(h ^ (charClass(c) === 2 ? 48 : c), FNV_PRIME);
    }
    return fmix(h);
  }

  /** Do tokens i and j read the same? */
  same(i: number, j: number): boolean {
    const a = this.start[i] as number;
    const b = this.start[j] as number;
    const n = (this.end[i] as number) - a;
    if ((this.end[j] as number) - b !== n) return false;
    const s = this.text;
    for (let k = 0; k < n; k++) {
      const x = s.charCodeAt(a + k);
      const y = s.charCodeAt(b + k);
      if (x !== y && !(charClass(x) === 2 && charClass(y) === 2)) return false;
    }
    return true;
  }
}

/**
 * tokenize() without the strings: the hash (hashString(seed, token)) and place of each of the first `limit`
 * tokens of `lower` (already lower-cased) go to `out`. Digits hash as '0'; apostrophes that open or close
 * a word are not part of it, so they are only hashed once a letter follows them.
 */
function scanTokens(lower: string, seed: number, out: TokenScan, limit: number): void {
  out.text = lower;
  out.length = 0;
  const n = lower.length;
  for (let i = 0; i < n; i++) {
    let c = lower.charCodeAt(i);
    let k = c < 128 ? (ASCII_CLASS[c] as number) : wideClass(c);
    if (k === 0 || c === 39) continue;
    if (k !== 1 && k !== 2) {
      out.push(fmix(Math.imul(seed ^ c, FNV_PRIME)), i, i + 1, false);
      if (out.length >= limit) return;
      continue;
    }
    // A word: read to its end in a loop of its own (one branch per unit that rarely changes its answer).
    const start = i;
    let h = seed;
    let end = i;
    let apostrophes = 0;
    let digits = false;
    do {
      if (c === 39) {
        apostrophes++;
      } else {
        for (; apostrophes > 0; apostrophes--) h = Math.imul(h ^ 39, FNV_PRIME);
        if (k === 2) {
          digits = true;
          c = 48;
        }
        h = Math.imul(h ^ c, FNV_PRIME);
        end = i + 1;
      }
      if (++i === n) break;
      c = lower.charCodeAt(i);
      k = c < 128 ? (ASCII_CLASS[c] as number) : wideClass(c);
    } while (k === 1 || k === 2);
    out.push(fmix(h), start, end, digits);
    if (out.length >= limit) return;
    // The unit that ended the word is read again by the outer loop.
    i--;
  }
}

/** Hash of an instruction word feature (explanations look words up by it). */
export function wordHash(token: string): number {
  return hashString(SEED[0], token);
}

const structHashes = new Map<string, number>();

/** Hash of a named structural feature. */
export function structHash(name: string): number {
  let h = structHashes.get(name);
  if (h === undefined) {
    h = hashString(SEED[5], name);
    structHashes.set(name, h);
  }
  return h;
}

const START_HASH = hashString(SEED[1], '<s>');

/** Words, then bigrams (each namespace in one run: scoring sums a run in registers). */
function emitWords(tokens: TokenScan, out: FeatureList): void {
  for (let i = 0; i < tokens.length; i++) out.add(NS.word, tokens.hash[i] as number);
  let prev = START_HASH;
  for (let i = 0; i < tokens.length; i++) {
    const h = tokens.hash[i] as number;
    out.add(NS.bigram, fmix(Math.imul(prev, 31) ^ h ^ SEED[1]));
    prev = h;
  }
  out.add(NS.bigram, fmix(Math.imul(prev, 31) ^ SEED[2]));
}

/**
 * Character 3..5-grams of the words of the instruction, lower-cased, digits as 0, each word with the space
 * before and after it (" word "), so a gram never spans two words: the bigrams see word pairs, and grams across
 * words filled the buckets with combinations that rarely recur. A word here is a run between white space (code
 * units up to 32, U+00A0, U+3000; a run counts as one space), so punctuation stays on its word; text without
 * spaces (Chinese, Japanese) is one long word. (2-grams were dropped: they cost a quarter of the scoring time
 * and did not help on the held-back or evaluation sets.) One pass: the running hashes of the grams that end at
 * the current character are carried along, so nothing is built.
 */
function emitCharGrams(lower: string, out: FeatureList): void {
  const seed: number = SEED[2];
  // h1..h4: hash of the last 1..4 characters so far (h2 and up valid once that many were seen).
  let h1 = Math.imul(seed ^ 32, FNV_PRIME);
  let h2 = 0;
  let h3 = 0;
  let h4 = 0;
  // Characters of the current word so far; a gram may be at most that long plus the space before it.
  let word = 0;
  let space = true;
  const n = lower.length;
  // At most three grams per character and the closing space; written in place, their namespace at the end.
  out.reserve(3 * (n + 1));
  const hash = out.hash;
  const first = out.length;
  let end = first;
  for (let i = 0; i <= n; i++) {
    let c: number;
    if (i === n) {
      if (space) break;
      c = 32;
    } else {
      c = lower.charCodeAt(i);
      if (c <= 32 || c === 0xa0 || c === 0x3000) {
        if (space) continue;
        c = 32;
        space = true;
      } else {
        space = false;
        if (c >= 48 && c <= 57) c = 48;
      }
    }
    const g5 = Math.imul(h4 ^ c, FNV_PRIME);
    const g4 = Math.imul(h3 ^ c, FNV_PRIME);
    const g3 = Math.imul(h2 ^ c, FNV_PRIME);
    h2 = Math.imul(h1 ^ c, FNV_PRIME);
    h1 = Math.imul(seed ^ c, FNV_PRIME);
    h3 = g3;
    h4 = g4;
    // The longest gram that ends here within one word: the word and the space before it, and the space after.
    let longest: number;
    if (c === 32) {
      longest = word + 2;
      word = 0;
    } else {
      word++;
      longest = word + 1;
    }
    if (longest >= 3) hash[end++] = fmix(g3 ^ 2);
    if (longest >= 4) hash[end++] = fmix(g4 ^ 3);
    if (longest >= 5) hash[end++] = fmix(g5 ^ 4);
  }
  if (end === first) return;
  out.startRun();
  out.ns.fill(NS.char, first, end);
  out.length = end;
}

// A line that opens like code; anchored, so prose fails on its first characters. Keywords are matched in
// lower case and before a space, so "Let's…" or "Return the list…" at the start of a sentence are prose.
const CODE_START =
  /^\s*(?:(?:def|class|import|from\s+\S+\s+import|function|const|let|var|public|private|return|#include|package|fn|func)\s|(?:SELECT|INSERT|UPDATE|DELETE|CREATE TABLE)\s|(?:if|for|while)\s*\(|<\/?[a-z][\w-]*[ >])/;
const BULLET = /^\s*(?:[-*•]|\d+[.)])\s+\S/;
const MATH_EQ = /\d\s*[-+*/×÷^=]\s*\(?-?\d|\d\s*[%√]|[=<>≤≥]\s*-?\d/;
const MATH_VAR = /(?:^|[^\p{L}])[a-z]\s*(?:\^|²|³|\s=\s*-?[\d(])|\d[xyz](?![\p{L}])|\b[fg]\(x\)/u;
const MATH_TEX = /\\(?:frac|sqrt|int|sum|cdot|times|pi|alpha|theta|lim|infty|mathbb)|\$[^$\n]{1,80}\$/;
const QUOTED = /["“«「][^"”»」\n]{40,}["”»」]/;
const QUOTE_OPENERS = ['"', '“', '«', '「'];
const EMAIL = /^(?:dear|hi|hello|hey|subject:)[^\n]{0,60}$/im;
const JSON_LIKE = /^\s*[{[]\s*["{[]/m;
const MATH_SYMBOLS = new Set([...'√∫∑∏π≤≥≠±∞∂∈∀∃'].map((c) => c.charCodeAt(0)));

function bucket(value: number, edges: readonly number[]): number {
  let i = 0;
  while (i < edges.length && value >= (edges[i] as number)) i++;
  return i;
}

function isCodeLine(line: string): boolean {
  let e = line.length - 1;
  while (e >= 0 && line.charCodeAt(e) <= 32) e--;
  if (e < 0) return false;
  const last = line.charCodeAt(e);
  if (last === 59 || last === 123 || last === 125) return true;
  if (line.length > 4 && line.startsWith('    ') && line.charCodeAt(4) > 32) return true;
  if (line.includes('=>')) return true;
  return mayStartCode(line.charCodeAt(0)) && CODE_START.test(line);
}

/**
 * Can a line whose first unit is `c` match CODE_START? Only if it opens with space or with the first
 * character of one of its keywords (d c i f l v p r # S I U D C w <): most prose lines fail here.
 */
function mayStartCode(c: number): boolean {
  if (c > 127) return true; // non-ASCII white space
  return c <= 32 || CODE_FIRST.includes(String.fromCharCode(c));
}
const CODE_FIRST = 'dciflvpr#SIUDCw<';

/** Can a line whose first unit is `c` match BULLET? Not if it opens with an ASCII letter. */
function mayBeBullet(c: number): boolean {
  return !((c >= 97 && c <= 122) || (c >= 65 && c <= 90));
}

/** Is `s` only white space, as String.prototype.trim sees it? (Without building the trimmed copy.) */
function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c < 0xa0) return false;
    if (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029) continue;
    if (c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) continue;
    return false;
  }
  return true;
}

/**
 * Can EMAIL match `s`: does a line (at the start or after \n, \r, U+2028 or U+2029, as its `m` flag has it)
 * open with d, h or s in either case? Most pasted texts have no such line, and then the pattern, which is
 * tried at every line start, need not run.
 */
function mayOpenLetter(s: string): boolean {
  if (opensLetterWord(s.charCodeAt(0))) return true;
  for (const terminator of LINE_TERMINATORS) {
    for (let i = s.indexOf(terminator); i >= 0; i = s.indexOf(terminator, i + 1)) {
      if (opensLetterWord(s.charCodeAt(i + 1))) return true;
    }
  }
  return false;
}
const LINE_TERMINATORS = ['\n', '\r', '\u2028', '\u2029'];

/** d, h or s in either case: the first letters of EMAIL's words (dear, hi, hello, hey, subject). */
function opensLetterWord(c: number): boolean {
  const lower = c | 32;
  return lower === 100 || lower === 104 || lower === 115;
}

/** Does `s` hold `ch` at least twice? */
function hasTwo(s: string, ch: string): boolean {
  const i = s.indexOf(ch);
  return i >= 0 && s.indexOf(ch, i + 1) >= 0;
}

function codeLineRatio(lines: readonly string[]): number {
  let code = 0;
  let nonEmpty = 0;
  for (const line of lines) {
    if (isBlank(line)) continue;
    nonEmpty++;
    if (isCodeLine(line)) code++;
  }
  return nonEmpty === 0 ? 0 : code / nonEmpty;
}

/** The lines to judge structure by: at most 200 from the start and 200 from the end. */
function sampleLines(view: string): string[] {
  // Most short prompts are one line: then splitting only copies it.
  if (!view.includes('\n')) return [view];
  const lines = view.split('\n');
  return lines.length <= 400 ? lines : [...lines.slice(0, 200), ...lines.slice(-200)];
}

/** Structure of the middle of a huge input, which the view skips: 16 evenly spaced windows. */
function middleCodeRatio(text: string): number {
  const lines: string[] = [];
  const step = Math.floor(text.length / 17);
  for (let k = 1; k <= 16; k++) {
    const window = text.slice(k * step, k * step + 512).split('\n');
    lines.push(...window.slice(1, -1));
  }
  return codeLineRatio(lines);
}

interface CharStats {
  digits: number;
  cjk: number;
  cyrillic: number;
  latin: number;
  mathSymbol: boolean;
  question: boolean;
  /** Has '^', '=', '²' or '³': without them (and digits, and "(x)") MATH_VAR cannot match. */
  powerOrEquals: boolean;
}

function charStats(s: string): CharStats {
  const st: CharStats = { digits: 0, cjk: 0, cyrillic: 0, latin: 0, mathSymbol: false, question: false, powerOrEquals: false };
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if (c >= 48 && c <= 57) st.digits++;
      else if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) st.latin++;
      else if (c === 63) st.question = true;
      else if (c === 94 || c === 61) st.powerOrEquals = true;
    } else if (c >= 0xc0 && c <= 0x24f) st.latin++;
    else if (c >= 0x400 && c <= 0x4ff) st.cyrillic++;
    else if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af)) st.cjk++;
    else if (c === 0xff1f) st.question = true;
    else if (c === 0xb2 || c === 0xb3) st.powerOrEquals = true;
    else if (MATH_SYMBOLS.has(c)) st.mathSymbol = true;
  }
  return st;
}

const LEN_EDGES = [40, 80, 160, 320, 640, 1280, 2560, 5120, 20000];
const ILEN_EDGES = [20, 40, 80, 160, 320, 640];
const DIGIT_EDGES = [0.001, 0.02, 0.05, 0.1];
const names = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}:${i}`);
const LEN_NAMES = names('len', LEN_EDGES.length + 1);
const ILEN_NAMES = names('ilen', ILEN_EDGES.length + 1);
const DIGIT_NAMES = names('digits', DIGIT_EDGES.length + 1);
const CODE_LINE_NAMES = names('code-lines', 3);

/** The instruction: the head, and the tail on a line of its own. */
function instructionOf(seg: Segments): string {
  return seg.tail === '' ? seg.head : `${seg.head}\n${seg.tail}`;
}

/**
 * Names of the structural features that fire; exported for tests and explanations. The regular
 * expressions run only when the characters they need are there (a cheap scan decides).
 */
export function structuralFeatures(seg: Segments, text: string, instruction = instructionOf(seg)): string[] {
  const out: string[] = [];
  const view = seg.view;
  out.push(LEN_NAMES[bucket(seg.length, LEN_EDGES)] as string);
  out.push(ILEN_NAMES[bucket(instruction.length, ILEN_EDGES)] as string);
  if (seg.payload !== '') {
    out.push('payload');
    if (instruction.length <= 250 && seg.payload.length >= 400) out.push('shape:short-instruction-long-payload');
    if (seg.payload.length >= 2000) out.push('payload:long');
    if (mayOpenLetter(seg.payload) && EMAIL.test(seg.payload)) out.push('payload:letter');
    if ((seg.payload.includes('{') || seg.payload.includes('[')) && JSON_LIKE.test(seg.payload)) out.push('payload:json');
  }
  if (seg.tail !== '') out.push('tail-instruction');
  if (seg.fences > 0) out.push('code:fenced');
  const lines = sampleLines(view);
  const ratio = codeLineRatio(lines);
  if (ratio >= 0.1) out.push(CODE_LINE_NAMES[bucket(ratio, [0.3, 0.6])] as string);
  if (seg.length > VIEW_LIMIT) {
    out.push('huge');
    if (middleCodeRatio(text) >= 0.3) out.push('huge:code');
  }
  if (lines.length >= 3) {
    let bullets = 0;
    let piped = 0;
    for (const line of lines) {
      if (mayBeBullet(line.charCodeAt(0)) && BULLET.test(line)) bullets++;
      if (hasTwo(line, '|') || hasTwo(line, '\t')) piped++;
    }
    if (bullets >= 3) out.push('list');
    if (piped >= 3) out.push('table');
  }
  const st = charStats(instruction);
  // Every branch of MATH_EQ needs an ASCII digit; MATH_VAR needs a digit, a power or '=', or "(x)".
  if (st.digits > 0 && MATH_EQ.test(instruction)) out.push('math:equation');
  if ((st.digits > 0 || st.powerOrEquals || instruction.includes('(x)')) && MATH_VAR.test(instruction)) {
    out.push('math:variable');
  }
  if ((view.includes('\\') || view.includes('$')) && MATH_TEX.test(view)) out.push('math:tex');
  if (st.mathSymbol) out.push('math:symbol');
  out.push(DIGIT_NAMES[bucket(st.digits / Math.max(1, instruction.length), DIGIT_EDGES)] as string);
  const lastInstruction = seg.tail === '' ? seg.head : seg.tail;
  const last = lastCodeBeforeSpace(lastInstruction);
  if (last === 63 || last === 0xff1f) out.push('question:end');
  else if (st.question) out.push('question:inside');
  if (QUOTE_OPENERS.some((q) => view.includes(q)) && QUOTED.test(view)) out.push('quoted');
  if (hasWebAddress(view)) out.push('url');
  const letters = st.cjk + st.cyrillic + st.latin;
  if (letters > 0) {
    if (st.cjk / letters > 0.3) out.push('script:cjk');
    else if (st.cyrillic / letters > 0.3) out.push('script:cyrillic');
  } else if (instruction.trim() !== '') {
    out.push('script:none');
  }
  return out;
}

/**
 * Does `s` hold "http://" or "https://"? Looked for from the rarer "://": searching for 'h' first stops at
 * every "the" of a prose text.
 */
function hasWebAddress(s: string): boolean {
  for (let at = s.indexOf('://', 4); at >= 0; at = s.indexOf('://', at + 1)) {
    if (s.startsWith('http', at - 4) || s.startsWith('https', at - 5)) return true;
  }
  return false;
}

/** The last UTF-16 unit of `s` once trailing white space (as trimEnd() sees it) is dropped; -1 if none. */
function lastCodeBeforeSpace(s: string): number {
  const trimmed = s.trimEnd();
  return trimmed.length === 0 ? -1 : trimmed.charCodeAt(trimmed.length - 1);
}

export interface Extracted {
  seg: Segments;
  /**
   * Instruction tokens: the head's, then the tail's (for explanations). Scratch space reused by the next
   * extractFeatures call: read it before extracting again.
   */
  words: readonly TokenScan[];
  /** Structural features that fired. */
  struct: string[];
}

// Extraction is synchronous: these serve every call.
const headTokens = new TokenScan();
const tailTokens = new TokenScan();
const payloadTokens = new TokenScan();

/** Fills `out` with every feature of `text` (clearing it first); returns what explanations need. */
export function extractFeatures(text: string, out: FeatureList): Extracted {
  out.clear();
  const seg = segment(text);
  const headLower = seg.head.toLowerCase();
  scanTokens(headLower, SEED[0], headTokens, Infinity);
  emitWords(headTokens, out);
  for (let i = 0; i < Math.min(2, headTokens.length); i++) out.add(NS.lead, headTokens.hashWith(SEED[3] + i, i));
  let instruction = seg.head;
  let instructionLower = headLower;
  const words = [headTokens];
  if (seg.tail !== '') {
    scanTokens(seg.tail.toLowerCase(), SEED[0], tailTokens, Infinity);
    emitWords(tailTokens, out);
    if (tailTokens.length > 0) out.add(NS.lead, tailTokens.hashWith(SEED[3] + 7, 0));
    instruction = instructionOf(seg);
    instructionLower = instruction.toLowerCase();
    words.push(tailTokens);
  }
  emitCharGrams(instructionLower, out);
  if (seg.payload !== '') {
    scanTokens(seg.payload.toLowerCase(), SEED[4], payloadTokens, PAYLOAD_TOKENS);
    for (let i = 0; i < payloadTokens.length; i++) out.add(NS.payload, payloadTokens.hash[i] as number);
  }
  const struct = structuralFeatures(seg, text, instruction);
  for (const name of struct) out.add(NS.struct, structHash(name));
  return { seg, words, struct };
}
