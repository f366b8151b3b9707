import { describe, expect, test } from 'vitest';
import { PERSONA_LIBRARY } from '../../../src/router/personas/library';
import { PREAMBLE_SEPARATOR, applyPreamble, formatPreamble, hasPreamble } from '../../../src/router/preamble';
import type { Persona } from '../../../src/router/types';

const editor: Persona = {
  id: 'writing',
  name: 'Writer and editor',
  text: formatPreamble(PERSONA_LIBRARY[0]!.texts.short),
};

describe('formatPreamble', () => {
  test('is the trimmed persona text followed by one blank line', () => {
    expect(PREAMBLE_SEPARATOR).toBe('\n\n');
    expect(formatPreamble('  You are a poet.\n')).toBe('You are a poet.\n\n');
    expect(formatPreamble(formatPreamble('You are a poet.'))).toBe('You are a poet.\n\n');
  });
});

describe('applyPreamble', () => {
  test('puts the preamble before the prompt, separated by a blank line', () => {
    const out = applyPreamble('Tighten this paragraph.', editor);
    expect(out).toBe(`${PERSONA_LIBRARY[0]!.texts.short}\n\nTighten this paragraph.`);
  });

  test('is idempotent: applying twice equals applying once', () => {
    const once = applyPreamble('Tighten this paragraph.', editor);
    expect(applyPreamble(once, editor)).toBe(once);
  });

  test('never adds a second preamble, even a different persona', () => {
    const once = applyPreamble('Write a limerick.', editor);
    const poet: Persona = { id: 'writing.literary', name: 'x', text: formatPreamble('You are a poet.') };
    expect(applyPreamble(once, poet)).toBe(once);
  });

  test('is idempotent for a user-edited persona text that no library check knows', () => {
    const custom: Persona = { id: 'writing', name: 'x', text: formatPreamble('Keep it warm and brief.') };
    const once = applyPreamble('Reply to my aunt.', custom);
    expect(once).toBe('Keep it warm and brief.\n\nReply to my aunt.');
    expect(applyPreamble(once, custom)).toBe(once);
  });

  test('drops leading blank lines of the prompt but keeps indentation of its first line', () => {
    expect(applyPreamble('\n\n  \n    indented()', editor)).toBe(`${editor.text}    indented()`);
  });

  test('leaves blank prompts alone', () => {
    expect(applyPreamble('', editor)).toBe('');
    expect(applyPreamble(' \n ', editor)).toBe(' \n ');
  });
});

describe('hasPreamble', () => {
  test.each(
    PERSONA_LIBRARY.flatMap((p) => Object.entries(p.texts).map(([length, text]) => [`${p.id}.${length}`, text])),
  )('recognizes %s at the start of a prompt', (_name, text) => {
    expect(hasPreamble(formatPreamble(text) + 'Do the thing.')).toBe(true);
  });

  test('survives an editor that turned the paragraph break into one newline or non-breaking spaces', () => {
    const body = PERSONA_LIBRARY[0]!.texts.short;
    expect(hasPreamble(`${body}\nDo it.`)).toBe(true);
    expect(hasPreamble(`\u200B ${body.replace(/ /g, '\u00A0')}\r\n\r\nDo it.`)).toBe(true);
    expect(hasPreamble(body)).toBe(true);
    expect(hasPreamble(`${body.replace(/ /g, ' \u200B')}\n\nDo it.`), 'zero-width marks between words').toBe(true);
  });

  test('is false for ordinary prompts, a partial preamble, or a preamble glued to more text', () => {
    const body = PERSONA_LIBRARY[0]!.texts.short;
    expect(hasPreamble('You are a skilled writer.')).toBe(false);
    expect(hasPreamble(body.slice(0, 40))).toBe(false);
    expect(hasPreamble(body.slice(0, -1) + '!')).toBe(false);
    expect(hasPreamble(`${body}Fix it`)).toBe(false);
    expect(hasPreamble('')).toBe(false);
  });

  test('knows user overrides when they are passed', () => {
    const text = 'Keep it warm and brief.\n\nReply to my aunt.';
    expect(hasPreamble(text)).toBe(false);
    expect(hasPreamble(text, { writing: { short: 'Keep it warm and brief.' } })).toBe(true);
  });

  test('reads only the head of a 1 MB prompt', () => {
    const huge = applyPreamble('x'.repeat(1_000_000), editor);
    expect(hasPreamble(huge)).toBe(true);
    expect(hasPreamble('y'.repeat(1_000_000))).toBe(false);
  });
});
