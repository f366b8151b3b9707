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
export const NAMESPACE_NAMES = ['word', 'bigram', 'char', 'lead', 'payload', 'struct'] as const;

/** Per-namespace weight of a feature occurrence; the instruction outweighs the payload. */
export const NAMESPACE_WEIGHTS: readonly number[] = [1.0, 0.6, 1.0, 0.8, 0.45, 0.5];
/** Structural features are counted as is (each fires at most once); the others are length-normalised. */
export const NAMESPACE_NORMALISED: readonly boolean[] = [true, true, true, true, true, false];

/**
 * The feature occurrences of one text: namespace and 32-bit hash (the model maps it to a bucket), in
 * emission order. Reused between calls, so scoring allocates almost nothing.
 */
export class FeatureList {
  ns = new Uint8Array(4096);
  hash = new Uint32Array(4096);
  length = 0;

  add(ns: Namespace, hash: number): void {
    if (this.length === this.ns.length) {
      const ns2 = new Uint8Array(this.length * 2);
      ns2.set(this.ns);
      const hash2 = new Uint32Array(this.length * 2);
      hash2.set(this.hash);
      this.ns = ns2;
      this.hash = hash2;
    }
    this.ns[this.length] = ns;
    this.hash[this.length] = hash;
    this.length++;
  }
}

const FNV_PRIME = 0x01000193;
const SEED = [0x811c9dc5, 0x9e3779b1, 0x7f4a7c15, 0x2545f491, 0x6a09e667, 0x3c6ef372] as const;
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
function charClass(c: number, ch: string): number {
  if (c < 128) {
    if (c <= 32 || c === 127) return 0;
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 39) return 1;
    if (c >= 48 && c <= 57) return 2;
    return 3;
  }
  // Han, kana and Hangul have no spaces: each character is a token of its own (bigrams then pair them).
  if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff)) {
    return 4;
  }
  if (c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0xfeff) return 0;
  if (DIGIT_CHAR.test(ch)) return 2;
  return WORD_CHAR.test(ch) ? 1 : 3;
}

/** Lower-cased tokens with every digit written as 0, so "17 + 25" and "3 + 4" look alike. */
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
    const c = lower.charCodeAt(i);
    const k = charClass(c, lower[i] as string);
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
  for (let i = 0; i < t.length; i++) {
    const ch = t[i] as string;
    r += charClass(t.charCodeAt(i), ch) === 2 ? '0' : ch;
  }
  return r;
}

/** Hash of an instruction word feature (explanations look words up by it). */
export function wordHash(token: string): number {
  return hashString(SEED[0], token);
}

/** Hash of a named structural feature. */
export function structHash(name: string): number {
  return hashString(SEED[5], name);
}

function emitWords(tokens: readonly string[], out: FeatureList): void {
  let prev = hashString(SEED[1], '<s>');
  for (const t of tokens) {
    const h = wordHash(t);
    out.add(NS.word, h);
    out.add(NS.bigram, fmix(Math.imul(prev, 31) ^ h ^ SEED[1]));
    prev = h;
  }
  out.add(NS.bigram, fmix(Math.imul(prev, 31) ^ SEED[2]));
}

/**
 * Character 3..5-grams over the instruction, lower-cased, digits as 0, runs of space as one. (2-grams were
 * dropped: they cost a quarter of the scoring time and did not help on the held-back or evaluation sets.)
 */
function emitCharGrams(s: string, out: FeatureList): void {
  const lower = s.toLowerCase();
  const codes: number[] = [32];
  let space = true;
  for (let i = 0; i < lower.length; i++) {
    let c = lower.charCodeAt(i);
    if (c <= 32 || c === 0xa0 || c === 0x3000) {
      if (space) continue;
      c = 32;
      space = true;
    } else {
      space = false;
      if (c >= 48 && c <= 57) c = 48;
    }
    codes.push(c);
  }
  if (!space) codes.push(32);
  const n = codes.length;
  for (let i = 0; i < n - 2; i++) {
    let h: number = SEED[2];
    const end = Math.min(n, i + 5);
    h = Math.imul(h ^ (codes[i] as number), FNV_PRIME);
    h = Math.imul(h ^ (codes[i + 1] as number), FNV_PRIME);
    for (let j = i + 2; j < end; j++) {
      h = Math.imul(h ^ (codes[j] as number), FNV_PRIME);
      out.add(NS.char, fmix(h ^ (j - i)));
    }
  }
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
  return CODE_START.test(line);
}

function codeLineRatio(lines: readonly string[]): number {
  let code = 0;
  let nonEmpty = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    nonEmpty++;
    if (isCodeLine(line)) code++;
  }
  return nonEmpty === 0 ? 0 : code / nonEmpty;
}

function countChar(s: string, c: number): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === c) n++;
  return n;
}

/** The lines to judge structure by: at most 200 from the start and 200 from the end. */
function sampleLines(view: string): string[] {
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
}

function charStats(s: string): CharStats {
  const st: CharStats = { digits: 0, cjk: 0, cyrillic: 0, latin: 0, mathSymbol: false, question: false };
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if (c >= 48 && c <= 57) st.digits++;
      else if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) st.latin++;
      else if (c === 63) st.question = true;
    } else if (c >= 0xc0 && c <= 0x24f) st.latin++;
    else if (c >= 0x400 && c <= 0x4ff) st.cyrillic++;
    else if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af)) st.cjk++;
    else if (c === 0xff1f) st.question = true;
    else if (MATH_SYMBOLS.has(c)) st.mathSymbol = true;
  }
  return st;
}

/** Names of the structural features that fire; exported for tests and explanations. */
export function structuralFeatures(seg: Segments, text: string): string[] {
  const out: string[] = [];
  const instruction = seg.tail === '' ? seg.head : `${seg.head}\n${seg.tail}`;
  out.push(`len:${bucket(seg.length, [40, 80, 160, 320, 640, 1280, 2560, 5120, 20000])}`);
  out.push(`ilen:${bucket(instruction.length, [20, 40, 80, 160, 320, 640])}`);
  if (seg.payload !== '') {
    out.push('payload');
    if (instruction.length <= 250 && seg.payload.length >= 400) out.push('shape:short-instruction-long-payload');
    if (seg.payload.length >= 2000) out.push('payload:long');
    if (EMAIL.test(seg.payload)) out.push('payload:letter');
    if (JSON_LIKE.test(seg.payload)) out.push('payload:json');
  }
  if (seg.tail !== '') out.push('tail-instruction');
  if (seg.fences > 0) out.push('code:fenced');
  const lines = sampleLines(seg.view);
  const ratio = codeLineRatio(lines);
  if (ratio >= 0.1) out.push(`code-lines:${bucket(ratio, [0.3, 0.6])}`);
  if (seg.length > VIEW_LIMIT) {
    out.push('huge');
    if (middleCodeRatio(text) >= 0.3) out.push('huge:code');
  }
  if (lines.length >= 3) {
    let bullets = 0;
    let piped = 0;
    for (const line of lines) {
      if (BULLET.test(line)) bullets++;
      if (countChar(line, 124) >= 2 || countChar(line, 9) >= 2) piped++;
    }
    if (bullets >= 3) out.push('list');
    if (piped >= 3) out.push('table');
  }
  const st = charStats(instruction);
  if (MATH_EQ.test(instruction)) out.push('math:equation');
  if (MATH_VAR.test(instruction)) out.push('math:variable');
  if (MATH_TEX.test(seg.view)) out.push('math:tex');
  if (st.mathSymbol) out.push('math:symbol');
  out.push(`digits:${bucket(st.digits / Math.max(1, instruction.length), [0.001, 0.02, 0.05, 0.1])}`);
  const lastInstruction = (seg.tail === '' ? seg.head : seg.tail).trimEnd();
  if (/[?？]$/.test(lastInstruction)) out.push('question:end');
  else if (st.question) out.push('question:inside');
  if (QUOTED.test(seg.view)) out.push('quoted');
  if (seg.view.includes('http://') || seg.view.includes('https://')) out.push('url');
  const letters = st.cjk + st.cyrillic + st.latin;
  if (letters > 0) {
    if (st.cjk / letters > 0.3) out.push('script:cjk');
    else if (st.cyrillic / letters > 0.3) out.push('script:cyrillic');
  } else if (instruction.trim() !== '') {
    out.push('script:none');
  }
  return out;
}

export interface Extracted {
  seg: Segments;
  /** Instruction tokens (head, then tail), for explanations. */
  words: string[];
  /** Structural features that fired. */
  struct: string[];
}

/** Fills `out` with every feature of `text` (clearing it first); returns what explanations need. */
export function extractFeatures(text: string, out: FeatureList): Extracted {
  out.length = 0;
  const seg = segment(text);
  const words = tokenize(seg.head);
  emitWords(words, out);
  for (let i = 0; i < Math.min(2, words.length); i++) {
    out.add(NS.lead, hashString(SEED[3] + i, words[i] as string));
  }
  let chars = seg.head;
  if (seg.tail !== '') {
    const tailTokens = tokenize(seg.tail);
    emitWords(tailTokens, out);
    if (tailTokens[0] !== undefined) out.add(NS.lead, hashString(SEED[3] + 7, tailTokens[0]));
    chars = `${seg.head}\n${seg.tail}`;
    words.push(...tailTokens);
  }
  emitCharGrams(chars, out);
  if (seg.payload !== '') {
    for (const t of tokenize(seg.payload, PAYLOAD_TOKENS)) out.add(NS.payload, hashString(SEED[4], t));
  }
  const struct = structuralFeatures(seg, text);
  for (const name of struct) out.add(NS.struct, structHash(name));
  return { seg, words, struct };
}
