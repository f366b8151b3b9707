/**
 * Splits a prompt into the words that say what to do (the instruction) and the material to do it on (the
 * payload), so that "Summarize this email: <email>" is judged by "Summarize this email", not by the email.
 * Long inputs are reduced to their head and tail first, so the cost does not grow with the text.
 */
import { isWhiteSpace, lastUnitBeforeSpace } from './white-space';

/** Inputs longer than this are looked at through their head, their tail and a sampled structure summary. */
export const VIEW_LIMIT = 8192;
const HEAD_KEEP = 4096;
const TAIL_KEEP = 2048;
/** Below this many characters (outside code fences) a prompt is all instruction. */
const ALL_INSTRUCTION_MAX = 600;
const HEAD_MAX = 400;
const TAIL_MAX = 300;

export interface Segments {
  /** The opening instruction (first paragraph, or its first sentences / the part before a colon). */
  head: string;
  /** A closing instruction after a payload ("…why does this crash?"); empty when there is none. */
  tail: string;
  /** Pasted material: everything else, code fences included. */
  payload: string;
  /** Number of fenced code blocks seen in the view. */
  fences: number;
  /** The (possibly reduced) text the segments come from. */
  view: string;
  /** Length of the full input in UTF-16 units. */
  length: number;
}

const PARAGRAPH_BREAK = /\n[ \t]*\n+/;

/** The part of a long input the router reads: the head and the tail, joined by a blank line. */
export function viewOf(text: string): string {
  if (text.length <= VIEW_LIMIT) return text;
  return `${text.slice(0, HEAD_KEEP)}\n\n${text.slice(text.length - TAIL_KEEP)}`;
}

/**
 * Does a sentence end with character `i` of `s`? At . ! ? before white space or the end, and at 。！？
 * anywhere: what /[.!?。！？](?=\s|$)|[。！？]/ matches, without the pattern.
 */
function endsSentence(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c === 0x3002 || c === 0xff01 || c === 0xff1f) return true;
  if (c !== 46 && c !== 33 && c !== 63) return false;
  return i + 1 === s.length || isWhiteSpace(s.charCodeAt(i + 1));
}

/** The end index of the first sentences of `s` that fit in `max` characters (at least one sentence cut). */
export function firstSentencesEnd(s: string, max: number): number {
  let end = -1;
  for (let i = 0; i < s.length && i + 1 <= max; i++) {
    if (endsSentence(s, i)) end = i + 1;
  }
  return end > 0 ? end : Math.min(s.length, max);
}

/** The last sentence of `s` if it is short enough to be an instruction. */
export function lastSentence(s: string, max: number): string {
  const trimmed = s.trimEnd();
  // It starts after the last sentence end that is not the final character, found from the end.
  let start = 0;
  for (let i = trimmed.length - 3; i >= 0; i--) {
    if (endsSentence(trimmed, i)) {
      start = i + 1;
      break;
    }
  }
  const last = trimmed.slice(start).trim();
  return last.length <= max ? last : '';
}

/**
 * `view` with each code fence turned into a paragraph break; the fences go to `codeParts`, in order. A fence
 * runs from ``` (or ~~~) to the next ``` (or ~~~), or to the end when it is never closed, as the pattern
 * /```[\s\S]*?(?:```|$)|~~~[\s\S]*?(?:~~~|$)/g finds them, but with indexOf (a unit test holds the two together).
 */
export function withoutFences(view: string, codeParts: string[]): string {
  let open = nextFence(view, 0);
  if (open < 0) return view;
  let prose = '';
  let copied = 0;
  while (open >= 0) {
    const close = view.indexOf(view.slice(open, open + 3), open + 3);
    const end = close < 0 ? view.length : close + 3;
    codeParts.push(view.slice(open, end));
    prose += `${view.slice(copied, open)}\n\n`;
    copied = end;
    open = nextFence(view, end);
  }
  return prose + view.slice(copied);
}

/** Where the next ``` or ~~~ starts, from `from` on; -1 when there is none. */
function nextFence(s: string, from: number): number {
  const backticks = s.indexOf('```', from);
  const tildes = s.indexOf('~~~', from);
  if (backticks < 0) return tildes;
  return tildes < 0 ? backticks : Math.min(backticks, tildes);
}

/** Index of the first ':' or '：' in `s`, or -1. */
function firstColon(s: string): number {
  const ascii = s.indexOf(':');
  const wide = s.indexOf('\uff1a');
  if (ascii < 0) return wide;
  return wide < 0 ? ascii : Math.min(ascii, wide);
}

export function segment(text: string): Segments {
  const view = viewOf(text);
  const codeParts: string[] = [];
  const prose = withoutFences(view, codeParts);
  const fences = codeParts.length;
  const trimmed = prose.trim();
  if (trimmed.length <= ALL_INSTRUCTION_MAX && fences === 0) {
    return { head: trimmed, tail: '', payload: '', fences, view, length: text.length };
  }

  const paragraphs = trimmed.split(PARAGRAPH_BREAK).filter((p) => p.trim() !== '');
  const first = paragraphs[0] ?? '';
  let head: string;
  const rest: string[] = [];
  if (first.length <= HEAD_MAX) {
    head = first;
  } else {
    // "Summarize this email: Dear Anna, …" on one line: the instruction stops at the colon (or the full-width
    // colon of Chinese and Japanese, "以下を要約して：…").
    const colon = firstColon(first);
    const newline = first.indexOf('\n');
    let cut: number;
    if (colon > 0 && colon < 300) cut = colon + 1;
    else if (newline > 0 && newline < HEAD_MAX) cut = newline;
    else cut = firstSentencesEnd(first, 300);
    head = first.slice(0, cut);
    rest.push(first.slice(cut));
  }

  // A closing instruction is a short last paragraph, or a closing question. After an opening that introduces
  // the payload ("…this email:"), only a question counts: "Best, Tom" at the end of a letter is payload.
  const headEnd = lastUnitBeforeSpace(head);
  const introduces = headEnd === 58 || headEnd === 0xff1a;
  const middle = [...rest, ...paragraphs.slice(1)];
  let tail = '';
  const last = middle[middle.length - 1];
  if (last !== undefined) {
    const ownParagraph = paragraphs.length > 1;
    const candidate = ownParagraph && last.length <= TAIL_MAX ? last.trim() : lastSentence(last, 250);
    const question = candidate.endsWith('?') || candidate.endsWith('？');
    if (candidate !== '' && (question || (ownParagraph && !introduces))) {
      tail = candidate;
      const kept = last.trimEnd();
      middle[middle.length - 1] = kept.slice(0, kept.length - candidate.length);
    }
  }
  const payload = [...middle, ...codeParts].join('\n\n');
  return { head: head.trim(), tail: tail.trim(), payload, fences, view, length: text.length };
}
