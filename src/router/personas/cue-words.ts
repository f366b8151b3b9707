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
}

const OPEN_ENDED = '\\p{L}*';
/** In a marked text, a character of a word: anything but the three separators cues contain and NUL. */
const WORD_CHAR = "[^\\0 '\\-]";
const WORD_START = `(?<!${WORD_CHAR})`;
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
  return { words: new RegExp(`${WORD_START}(?:${words.join('|')})`), stems, cjk };
}

/**
 * A word as the lookarounds saw it. With the `i` flag, [\p{L}\p{N}] also holds U+0345, which folds to a Greek
 * iota, and nothing else (a unit test checks every code point); written out, it compiles without `i`, in a
 * third of the time.
 */
const WORD = /[\p{L}\p{N}\u0345]+/gu;
const LETTERS = /^[\p{L}\u0345]*$/u;
const NOT_SEPARATOR = /[^ '-]/g;
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
  readonly words: readonly RegExpExecArray[];
  readonly marked: string;
}

export function cueText(text: string): CueText {
  const folded = foldCase(text);
  const words = [...text.matchAll(WORD)];
  return { text, folded, words, marked: markWords(folded, words) };
}

/** Whether the text mentions any cue of the list. */
export function mentionsCue({ text, folded, words, marked }: CueText, cues: CueList): boolean {
  if (cues.cjk.some((cue) => text.includes(cue))) return true;
  const stemmed = words.some(({ index, 0: word }) =>
    cues.stems.some((stem) => folded.startsWith(stem, index) && LETTERS.test(word.slice(stem.length))),
  );
  return stemmed || runCues(cues.words, marked);
}

/** The folded text with every character between words that is not ' ', '-' or "'" turned into NUL. */
function markWords(folded: string, words: readonly RegExpExecArray[]): string {
  let marked = '';
  let end = 0;
  for (const { index, 0: word } of words) {
    marked += folded.slice(end, index).replace(NOT_SEPARATOR, '\0') + folded.slice(index, index + word.length);
    end = index + word.length;
  }
  return marked + folded.slice(end).replace(NOT_SEPARATOR, '\0');
}
