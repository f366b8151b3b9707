import type { Persona, PersonaOverrides } from './types';
import { PERSONA_LIBRARY } from './personas/library';

/**
 * How a persona is joined to a prompt; the only place that knows.
 *
 * The separator is a blank line: plain text that reads as "instruction, then the request" to the model, and
 * that survives the sites' ProseMirror composers, where inserting "\n\n" starts a new paragraph. A site may
 * send paragraphs back as "\n\n", "\n" or with non-breaking spaces, so recognition (hasPreamble) compares
 * word by word and accepts any whitespace between the persona and the prompt. A visible marker (a label or
 * a rule such as "---") was rejected: the model would read it, and markdown-aware composers rewrite it.
 */
export const PREAMBLE_SEPARATOR = '\n\n';

/** Characters an editor or a copy may add that carry no text: a BOM and zero-width marks (\s misses the latter). */
const INVISIBLE = '\\uFEFF\\u200B-\\u200D\\u2060';
const LEADING_INVISIBLE = new RegExp(`^[\\s${INVISIBLE}]+`);
const WHITESPACE_RUN = new RegExp(`[\\s${INVISIBLE}]+`, 'g');
/** Blank lines at the start of a prompt, not the indentation of its first text line. */
const LEADING_BLANK_LINES = new RegExp(`^(?:[ \\t${INVISIBLE}]*(?:\\r\\n|\\r|\\n))+`);

/** The preamble exactly as inserted before a prompt: the persona text, then a paragraph break. */
export function formatPreamble(personaText: string): string {
  return personaText.trim() + PREAMBLE_SEPARATOR;
}

function words(text: string): string[] {
  return text.replace(WHITESPACE_RUN, ' ').trim().split(' ').filter(Boolean);
}

let libraryBodies: ReadonlyMap<string, string[][]> | null = null;

/** The library's persona texts as words, by first word (all of them start with "You", which one check rules out). */
function knownBodies(): ReadonlyMap<string, string[][]> {
  if (libraryBodies === null) {
    const byFirst = new Map<string, string[][]>();
    for (const body of PERSONA_LIBRARY.flatMap((p) => Object.values(p.texts).map(words))) {
      const first = body[0] ?? '';
      byFirst.set(first, [...(byFirst.get(first) ?? []), body]);
    }
    libraryBodies = byFirst;
  }
  return libraryBodies;
}

/**
 * True when `text` opens with `body` word for word (whitespace of any kind and amount between words) and
 * the body is followed by whitespace or the end. Only the head of the text is read, so 1 MB is no cost.
 */
function opensWith(text: string, body: readonly string[]): boolean {
  return startOpensWith(text.replace(LEADING_INVISIBLE, ''), body);
}

/** opensWith for a text whose leading whitespace and invisible marks are already gone. */
function startOpensWith(start: string, body: readonly string[]): boolean {
  if (body.length === 0) return false;
  // The first word decides for almost every prompt; checking it first keeps route() fast (issue #2 budget).
  if (!start.startsWith(body[0] as string)) return false;
  const head = start.slice(0, body.join(' ').length * 4 + 16);
  const headWords = words(head);
  if (headWords.length < body.length) return false;
  for (let i = 0; i < body.length; i++) {
    if (headWords[i] !== body[i]) return false;
  }
  return true;
}

/**
 * True when the text starts with one of our preambles: any library persona at any length, or any of the
 * given user overrides. A user's own persona sentence is not a preamble; see startsWithPersona.
 */
export function hasPreamble(text: string, overrides?: PersonaOverrides): boolean {
  if (typeof text !== 'string' || text.trim() === '') return false;
  const start = text.replace(LEADING_INVISIBLE, '');
  for (const [first, bodies] of knownBodies()) {
    if (start.startsWith(first) && bodies.some((body) => startOpensWith(start, body))) return true;
  }
  if (overrides) {
    for (const texts of Object.values(overrides)) {
      for (const body of Object.values(texts ?? {})) {
        if (typeof body === 'string' && startOpensWith(start, words(body))) return true;
      }
    }
  }
  return false;
}

/**
 * The prompt with the persona's preamble in front. Idempotent: a prompt that already opens with one of our
 * preambles, or with this persona's text, comes back unchanged, so applying twice equals applying once.
 * A blank prompt or an empty persona text leaves the prompt as it is: there is nothing to join.
 * Leading blank lines of the prompt are dropped so the separator stays one blank line; leading spaces on
 * the first line are kept (they may be code indentation).
 */
export function applyPreamble(prompt: string, persona: Persona): string {
  if (prompt.trim() === '' || persona.text.trim() === '') return prompt;
  const preamble = formatPreamble(persona.text);
  if (hasPreamble(prompt) || opensWith(prompt, words(preamble))) return prompt;
  return preamble + prompt.replace(LEADING_BLANK_LINES, '');
}
