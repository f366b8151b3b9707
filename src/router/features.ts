/**
 * Feature extraction for the intent model: hashed word unigrams and bigrams and character 2-5-grams of the
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

/** Called once per feature occurrence; `hash` is a 32-bit unsigned hash the model maps to a bucket. */
export type Emit = (ns: Namespace, hash: number) => void;

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

// Han, kana and Hangul have no spaces: each character is a token of its own (bigrams then pair them).
const TOKEN = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]|[\p{L}\p{M}\p{N}_']+|[^\s\p{L}\p{M}\p{N}]/gu;
const DIGIT = /\p{Nd}/gu;

/** Lower-cased tokens with every digit written as 0, so "17 + 25" and "3 + 4" look alike. */
export function tokenize(s: string, limit = Infinity): string[] {
  const out: string[] = [];
  const lower = s.toLowerCase().replace(DIGIT, '0');
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(lower); m && out.length < limit; m = TOKEN.exec(lower)) {
    let t = m[0];
    if (t.length > 1 && (t.charCodeAt(0) === 39 || t.charCodeAt(t.length - 1) === 39)) t = t.replace(/^'+|'+$/g, '');
    if (t !== '') out.push(t);
  }
  return out;
}

/** Hash of an instruction word feature (explanations look words up by it). */
export function wordHash(token: string): number {
  return hashString(SEED[0], token);
}

/** Hash of a named structural feature. */
export function structHash(name: string): number {
  return hashString(SEED[5], name);
}

function emitWords(tokens: readonly string[], emit: Emit): void {
  let prev = hashString(SEED[1], '<s>');
  for (const t of tokens) {
    const h = wordHash(t);
    emit(NS.word, h);
    emit(NS.bigram, fmix(Math.imul(prev, 31) ^ h ^ SEED[1]));
    prev = h;
  }
  emit(NS.bigram, fmix(Math.imul(prev, 31) ^ SEED[2]));
}

/** Character 2..5-grams over the instruction, lower-cased, digits as 0, runs of space as one. */
function emitCharGrams(s: string, emit: Emit): void {
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
  for (let i = 0; i < n - 1; i++) {
    let h: number = SEED[2];
    const end = Math.min(n, i + 5);
    h = Math.imul(h ^ (codes[i] as number), FNV_PRIME);
    for (let j = i + 1; j < end; j++) {
      h = Math.imul(h ^ (codes[j] as number), FNV_PRIME);
      emit(NS.char, fmix(h ^ (j - i)));
    }
  }
}

const CODE_LINE =
  /[;{}]\s*$|^\s*(?:def|class|import|from\s+\S+\s+import|function|const|let|var|public|private|return|#include|package|fn|func|SELECT|INSERT|CREATE TABLE|<\/?[a-z][\w-]*[ >])\b|=>|\)\s*:\s*$|^\s*(?:if|for|while)\s*\(|^\s{4,}\S/i;
const BULLET = /^\s*(?:[-*•]|\d+[.)])\s+\S/;
const MATH_EQ = /\d\s*[-+*/×÷^=]\s*\(?-?\d|\d\s*[%√]|[=<>≤≥]\s*-?\d/;
const MATH_VAR = /(?:^|[^\p{L}])[a-z]\s*(?:\^|²|³|\s=\s*-?[\d(])|\d[xyz](?![\p{L}])|\b[fg]\(x\)/u;
const MATH_TEX = /\\(?:frac|sqrt|int|sum|cdot|times|pi|alpha|theta|lim|infty|mathbb)|\$[^$\n]{1,80}\$/;
const MATH_SYM = /[√∫∑∏π≤≥≠±∞∂∈∀∃]/;
const QUOTED = /["“«「][^"”»」]{40,}["”»」]/;
const URL = /https?:\/\//;
const EMAIL = /^(?:dear|hi|hello|hey|subject:)[^\n]{0,60}$/im;
const JSON_LIKE = /^\s*[{[]\s*["{[]/m;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g;
const CYRILLIC = /[\u0400-\u04ff]/g;
const LATIN_LETTER = /[a-zA-Z\u00c0-\u024f]/g;

function bucket(value: number, edges: readonly number[]): number {
  let i = 0;
  while (i < edges.length && value >= (edges[i] as number)) i++;
  return i;
}

function count(s: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s)) n++;
  return n;
}

function codeLineRatio(lines: readonly string[]): number {
  let code = 0;
  let nonEmpty = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    nonEmpty++;
    if (CODE_LINE.test(line)) code++;
  }
  return nonEmpty === 0 ? 0 : code / nonEmpty;
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
  let bullets = 0;
  for (const line of lines) if (BULLET.test(line)) bullets++;
  if (bullets >= 3) out.push('list');
  let piped = 0;
  for (const line of lines) if (line.split('|').length >= 3 || line.split('\t').length >= 3) piped++;
  if (piped >= 3) out.push('table');
  if (MATH_EQ.test(instruction)) out.push('math:equation');
  if (MATH_VAR.test(instruction)) out.push('math:variable');
  if (MATH_TEX.test(seg.view)) out.push('math:tex');
  if (MATH_SYM.test(instruction)) out.push('math:symbol');
  const digits = count(instruction, DIGIT) / Math.max(1, instruction.length);
  out.push(`digits:${bucket(digits, [0.001, 0.02, 0.05, 0.1])}`);
  const lastInstruction = (seg.tail === '' ? seg.head : seg.tail).trimEnd();
  if (/[?？]$/.test(lastInstruction)) out.push('question:end');
  else if (/[?？]/.test(instruction)) out.push('question:inside');
  if (QUOTED.test(seg.view)) out.push('quoted');
  if (URL.test(seg.view)) out.push('url');
  if (seg.payload !== '' && EMAIL.test(seg.payload)) out.push('payload:letter');
  if (seg.payload !== '' && JSON_LIKE.test(seg.payload)) out.push('payload:json');
  const head = seg.head.slice(0, 300);
  const letters = count(head, CJK) + count(head, CYRILLIC) + count(head, LATIN_LETTER);
  if (letters > 0) {
    if (count(head, CJK) / letters > 0.3) out.push('script:cjk');
    else if (count(head, CYRILLIC) / letters > 0.3) out.push('script:cyrillic');
  } else if (head !== '') {
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

/** Emits every feature of `text` and returns what explanations need to name them. */
export function extractFeatures(text: string, emit: Emit): Extracted {
  const seg = segment(text);
  const words = tokenize(seg.head);
  emitWords(words, emit);
  for (let i = 0; i < Math.min(2, words.length); i++) {
    emit(NS.lead, hashString(SEED[3] + i, words[i] as string));
  }
  let chars = seg.head;
  if (seg.tail !== '') {
    const tailTokens = tokenize(seg.tail);
    emitWords(tailTokens, emit);
    if (tailTokens[0] !== undefined) emit(NS.lead, hashString(SEED[3] + 7, tailTokens[0]));
    chars = `${seg.head}\n${seg.tail}`;
    words.push(...tailTokens);
  }
  emitCharGrams(chars, emit);
  if (seg.payload !== '') {
    for (const t of tokenize(seg.payload, PAYLOAD_TOKENS)) emit(NS.payload, hashString(SEED[4], t));
  }
  const struct = structuralFeatures(seg, text);
  for (const name of struct) emit(NS.struct, structHash(name));
  return { seg, words, struct };
}
