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
  // An ASCII text is read without finding its highest unit (see CueText.maxUnit).
  if (cjkFirstUnit > 0 && cjkFirstUnit < 128) throw new Error('a CJK cue starts with an ASCII character');
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

/** A text read once for every cue list: the folded text with what lies between its words marked. */
export interface CueText {
  readonly text: string;
  readonly folded: string;
  /**
   * NUL, then `folded` (index for index the same text) with every unit between words that is not ' ', '-'
   * or "'" turned into NUL. A word is a run of code points in [\p{L}\p{N}\u0345] of `text`.
   */
  readonly marked: string;
  /** The text's highest UTF-16 unit, or 127 for an ASCII text (see CueList.cjkFirstUnit). */
  readonly maxUnit: number;
}

const NON_ASCII = /[^\0-\x7f]/;
/** In ASCII, what is neither in a word nor one of the three separators cues contain. */
const ASCII_GAP = /[^0-9A-Za-z '-]/g;

export function cueText(text: string): CueText {
  const folded = foldCase(text);
  // Most prompts are ASCII: then one native replace marks the text (a loop over its units cost twice as much).
  if (!NON_ASCII.test(text)) return { text, folded, marked: `\0${folded.replace(ASCII_GAP, '\0')}`, maxUnit: 127 };
  return markWords(text, folded);
}

/** Whether the text mentions any cue of the list. */
export function mentionsCue(text: CueText, cues: CueList): boolean {
  if (text.maxUnit >= cues.cjkFirstUnit && cues.cjk.some((cue) => text.text.includes(cue))) return true;
  return mentionsStem(text, cues.stems) || runCues(cues.words, text.marked);
}

/** Does a word start with one of the stems and have only letters after it? */
function mentionsStem({ text, folded }: CueText, stems: readonly string[]): boolean {
  for (const stem of stems) {
    for (let at = folded.indexOf(stem); at >= 0; at = folded.indexOf(stem, at + 1)) {
      const end = wordEndAt(text, at);
      if (end >= 0 && LETTERS.test(text.slice(at, end).slice(stem.length))) return true;
    }
  }
  return false;
}

/** The end of the word of `text` that starts at `start`, or -1 when no word starts there. */
export function wordEndAt(text: string, start: number): number {
  if (start >= text.length || wordPointSize(text, start) === 0) return -1;
  if (start > 0) {
    // A word point just before `start` (a surrogate pair, or one unit) means the word starts earlier.
    const before = text.charCodeAt(start - 1);
    if (isLowSurrogate(before) && start >= 2 && isHighSurrogate(text.charCodeAt(start - 2))) {
      if (WORD_POINT.test(text.slice(start - 2, start))) return -1;
    } else if (wordPointSize(text, start - 1) > 0) {
      return -1;
    }
  }
  let end = start;
  for (let size = wordPointSize(text, end); size > 0; size = wordPointSize(text, end)) end += size;
  return end;
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

/** How many units the code point at `i` takes if it is a word point (1 or 2); 0 if it is not one. */
function wordPointSize(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c] === 1 ? 1 : 0;
  if (isHighSurrogate(c) && isLowSurrogate(text.charCodeAt(i + 1))) return WORD_POINT.test(text.slice(i, i + 2)) ? 2 : 0;
  return isWordUnit(c) ? 1 : 0;
}

/** CueText of any text, code point by code point (see CueText.marked); cueText without its ASCII shortcut. */
export function markWords(text: string, folded: string): CueText {
  let maxUnit = 0;
  let marked = '\0';
  let copied = 0;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c > maxUnit) maxUnit = c;
    const word = wordPointSize(text, i);
    const size = word > 0 ? word : isHighSurrogate(c) && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
    if (size === 2) maxUnit = Math.max(maxUnit, text.charCodeAt(i + 1));
    for (let k = i; word === 0 && k < i + size; k++) {
      const f = folded.charCodeAt(k);
      if (f === 32 || f === 39 || f === 45) continue;
      marked += `${folded.slice(copied, k)}\0`;
      copied = k + 1;
    }
    i += size;
  }
  return { text, folded, marked: copied === 0 ? `\0${folded}` : marked + folded.slice(copied), maxUnit };
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
