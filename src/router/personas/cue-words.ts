import { foldCase } from '../fold-case';

/**
 * Whole-word cue lists, matched as `(?<![\p{L}\p{N}])(?:latin…)(?![\p{L}\p{N}])|cjk…` with the `iu` flags
 * would match them, without that pattern: compiling four of them (hundreds of case-insensitive Unicode
 * alternatives between letter lookarounds) cost a cold worker's first route about 20 ms (issue #3).
 * Instead the text is folded to lower case and what lies between its words is marked with plain characters,
 * so the cue pattern needs neither flag, and compiles in a tenth of the time.
 */
export interface CueList {
  /** The Latin cues, to run on the marked text of cueText. */
  readonly words: RegExp;
  /** Cues written as `stem\p{L}*`: a word that starts with the stem and has only letters after it. */
  readonly stems: readonly string[];
  /** Chinese and Japanese cues, found anywhere (they have no case and no spaces between words). */
  readonly cjk: readonly string[];
  /** The lowest first UTF-16 unit of a CJK cue: a text with no unit this high holds none of them. */
  readonly cjkFirstUnit: number;
}

const OPEN_ENDED = '\\p{L}*';
/** In a marked text, a character of a word: anything but the three separators cues contain and NUL. */
const WORD_CHAR = "[^\\0 '\\-]";
/**
 * A word starts after a separator. Matched, not looked behind for: V8 then skips ahead to the separators
 * instead of trying the lookbehind at every position (the cues run ~1.5x faster), and the marked text opens
 * with a NUL so that its first word has a separator before it too.
 */
const WORD_START = "[\\0 '\\-]";
const WORD_END = `(?!${WORD_CHAR})`;
/**
 * A cue that ends in a group. V8 emits the code after an alternation once per alternative, so "to
 * (?:my|our|…) (?:clients?|…)" was slow to compile; with the last group in a lookahead that also checks the
 * word end, it is emitted once (1 ms less for the first route) and matches the same.
 */
const LAST_GROUP = /^(.*)(\(\?:[^()]*\))$/;

/** Latin cues are pattern syntax in lower case without escapes, or `stem\p{L}*` with a plain stem (unit-tested). */
export function cueList(latin: readonly string[], cjk: readonly string[]): CueList {
  const stems = latin.filter((cue) => cue.endsWith(OPEN_ENDED)).map((cue) => cue.slice(0, -OPEN_ENDED.length));
  const words = latin.filter((cue) => !cue.endsWith(OPEN_ENDED)).map((cue) => {
    const split = LAST_GROUP.exec(cue);
    return split ? `${split[1]}(?=${split[2]}${WORD_END})` : `(?:${cue})${WORD_END}`;
  });
  const cjkFirstUnit = Math.min(...cjk.map((cue) => (cue === '' ? 0 : cue.charCodeAt(0))));
  return { words: new RegExp(`${WORD_START}(?:${words.join('|')})`), stems, cjk, cjkFirstUnit };
}

/**
 * A word as the lookarounds saw it: a run of code points in [\p{L}\p{N}\u0345]. With the `i` flag,
 * [\p{L}\p{N}] also holds U+0345, which folds to a Greek iota, and nothing else (a unit test checks every
 * code point); written out, it compiles without `i`, in a third of the time.
 */
const WORD_POINT = /^[\p{L}\p{N}\u0345]$/u;
const LETTERS = /^[\p{L}\u0345]*$/u;
/**
 * V8 runs a new pattern as bytecode first, and optimizing that bytecode took 1-3 ms per cue list, unless the
 * text is at least 1,000 characters long: then it compiles machine code at once, several times faster here.
 * So a list's first run gets a padded text; the padding is NUL, outside every word, so it changes no match.
 * Later runs use the machine code whatever the length, and padding would only cost time.
 */
const COMPILE_AT_ONCE_LENGTH = 1000;
const compiled = new WeakSet<RegExp>();

function runCues(pattern: RegExp, marked: string): boolean {
  if (compiled.has(pattern)) return pattern.test(marked);
  compiled.add(pattern);
  return pattern.test(marked.padEnd(COMPILE_AT_ONCE_LENGTH, '\0'));
}

/** A text read once for every cue list: its words, and the folded text with what lies between them marked. */
export interface CueText {
  readonly text: string;
  readonly folded: string;
  /** Where each word of `text` starts and ends (exclusive), in order: start, end, start, end, … */
  readonly words: readonly number[];
  /** NUL, then the folded text with what lies between words marked (see markWords). */
  readonly marked: string;
  /** The text's highest UTF-16 unit (see CueList.cjkFirstUnit). */
  readonly maxUnit: number;
}

export function cueText(text: string): CueText {
  const folded = foldCase(text);
  const { words, maxUnit } = readWords(text);
  return { text, folded, words, marked: markWords(folded, words), maxUnit };
}

/** Whether the text mentions any cue of the list. */
export function mentionsCue(text: CueText, cues: CueList): boolean {
  if (text.maxUnit >= cues.cjkFirstUnit && cues.cjk.some((cue) => text.text.includes(cue))) return true;
  return mentionsStem(text, cues.stems) || runCues(cues.words, text.marked);
}

/** Does a word start with one of the stems and have only letters after it? */
function mentionsStem({ text, folded, words }: CueText, stems: readonly string[]): boolean {
  for (const stem of stems) {
    for (let at = folded.indexOf(stem); at >= 0; at = folded.indexOf(stem, at + 1)) {
      const end = wordEndAt(words, at);
      if (end >= 0 && LETTERS.test(text.slice(at, end).slice(stem.length))) return true;
    }
  }
  return false;
}

/** The end of the word that starts at `start`, or -1 when no word starts there. */
function wordEndAt(words: readonly number[], start: number): number {
  for (let w = 0; w < words.length && (words[w] as number) <= start; w += 2) {
    if (words[w] === start) return words[w + 1] as number;
  }
  return -1;
}

/** Word characters by UTF-16 unit below 128; the others are looked up as they are met (isWordUnit). */
const ASCII_WORD = new Uint8Array(128).map((_, c) => ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0));
/** By BMP unit (not a surrogate of a pair): 1 in a word, 2 not, 0 not looked up yet. */
let wordUnits: Uint8Array | null = null;

function isWordUnit(c: number): boolean {
  wordUnits ??= new Uint8Array(65536);
  let known = wordUnits[c] as number;
  if (known === 0) {
    known = WORD_POINT.test(String.fromCharCode(c)) ? 1 : 2;
    wordUnits[c] = known;
  }
  return known === 1;
}

/**
 * The words of `text` as the `u` pattern /[\p{L}\p{N}\u0345]+/g finds them, code point by code point, as
 * start, end, start, end, …; and the text's highest UTF-16 unit.
 */
function readWords(text: string): { words: number[]; maxUnit: number } {
  const words: number[] = [];
  let maxUnit = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > maxUnit) maxUnit = c;
    let inWord: boolean;
    if (c < 128) {
      inWord = ASCII_WORD[c] === 1;
    } else if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      inWord = WORD_POINT.test(text.slice(i, i + 2));
      maxUnit = Math.max(maxUnit, text.charCodeAt(i + 1));
      if (inWord && start < 0) start = i;
      else if (!inWord && start >= 0) start = endWord(words, start, i);
      i++;
      continue;
    } else {
      inWord = isWordUnit(c);
    }
    // One test per unit on the common path: most units continue what the previous one was.
    if (inWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      start = endWord(words, start, i);
    }
  }
  if (start >= 0) endWord(words, start, text.length);
  return { words, maxUnit };
}

/** Adds the word start..end to `words`; returns -1 (no word open). */
function endWord(words: number[], start: number, end: number): number {
  words.push(start);
  words.push(end);
  return -1;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** NUL, then the folded text with every character between words that is not ' ', '-' or "'" turned into NUL. */
function markWords(folded: string, words: readonly number[]): string {
  let marked = '\0';
  let copied = 0;
  let gapStart = 0;
  for (let w = 0; w <= words.length; w += 2) {
    const gapEnd = w < words.length ? (words[w] as number) : folded.length;
    for (let i = gapStart; i < gapEnd; i++) {
      const c = folded.charCodeAt(i);
      if (c === 32 || c === 39 || c === 45) continue;
      marked += `${folded.slice(copied, i)}\0`;
      copied = i + 1;
    }
    if (w < words.length) gapStart = words[w + 1] as number;
  }
  return copied === 0 ? `\0${folded}` : marked + folded.slice(copied);
}
