// @vitest-environment jsdom
import { afterEach, describe, expect, test } from 'vitest';
import { holdsPreamble, insertPreamble } from '../../../src/content/insert-preamble';
import type { SiteAdapter } from '../../../src/sites';
import { readBlockText } from '../../../src/sites/read-text';

/**
 * jsdom has no editing commands, so each test gives the document a small execCommand that edits a
 * contenteditable of <p> blocks the way a browser does: insertText at the caret, insertParagraph splits the
 * block. `breakOnly` makes insertParagraph behave like Firefox's insertText("\n\n") in the ProseMirror
 * fixture: one hard break, and a second one in a row is swallowed.
 */
type Command = { name: string; value?: string };

function richEditor(initial: string, { breakOnly = false } = {}) {
  document.body.replaceChildren();
  const composer = document.createElement('div');
  composer.contentEditable = 'true';
  composer.tabIndex = 0;
  for (const line of initial.split('\n')) {
    const p = document.createElement('p');
    if (line) p.append(line);
    composer.append(p);
  }
  document.body.append(composer);
  const commands: Command[] = [];

  const caret = (): Range => document.getSelection()!.getRangeAt(0);
  const moveCaret = (node: Node, offset: number): void => {
    const range = document.createRange();
    range.setStart(node, offset);
    range.collapse(true);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  };
  /** The <p> holding the caret; after a select-all delete there is none, so one is made there. */
  const blockAtCaret = (range: Range): HTMLParagraphElement => {
    const start = range.startContainer;
    const element = start.nodeType === Node.TEXT_NODE ? start.parentElement : (start as Element);
    const found = element?.closest('p');
    if (found && composer.contains(found)) return found;
    const p = document.createElement('p');
    range.insertNode(p);
    moveCaret(p, 0);
    return p;
  };

  const execCommand = (name: string, _ui?: boolean, value?: string): boolean => {
    commands.push({ name, value });
    const range = caret();
    range.deleteContents();
    const block = blockAtCaret(caret());
    const at = caret();
    if (name === 'insertText' && value !== undefined) {
      if (at.startContainer.nodeType === Node.TEXT_NODE) {
        (at.startContainer as Text).insertData(at.startOffset, value);
        moveCaret(at.startContainer, at.startOffset + value.length);
      } else {
        const text = document.createTextNode(value);
        at.insertNode(text);
        moveCaret(text, value.length);
      }
      return true;
    }
    if (name === 'insertParagraph') {
      if (breakOnly) {
        const before = at.startContainer.nodeType === Node.TEXT_NODE ? at.startContainer.previousSibling : null;
        const atBreak = at.startContainer.nodeType === Node.TEXT_NODE && at.startOffset === 0 && before?.nodeName === 'BR';
        if (atBreak) return true;
        if (at.startContainer.nodeType === Node.TEXT_NODE) (at.startContainer as Text).splitText(at.startOffset);
        const br = document.createElement('br');
        const after = at.startContainer.nodeType === Node.TEXT_NODE ? at.startContainer.nextSibling : null;
        block.insertBefore(br, after);
        if (br.nextSibling) moveCaret(br.nextSibling, 0);
        return true;
      }
      const tail = document.createRange();
      tail.setStart(at.startContainer, at.startOffset);
      tail.setEnd(block, block.childNodes.length);
      const next = document.createElement('p');
      next.append(tail.extractContents());
      block.after(next);
      moveCaret(next, 0);
      return true;
    }
    return false;
  };
  Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
  return { composer, commands };
}

function textareaEditor(initial: string) {
  document.body.replaceChildren();
  const composer = document.createElement('textarea');
  composer.value = initial;
  document.body.append(composer);
  const commands: Command[] = [];
  const execCommand = (name: string, _ui?: boolean, value?: string): boolean => {
    commands.push({ name, value });
    if (name !== 'insertText' || value === undefined) return false;
    composer.setRangeText(value, composer.selectionStart, composer.selectionEnd, 'end');
    return true;
  };
  Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
  return { composer, commands };
}

/** Reads the composer like the site adapters do (one line per block). */
const adapter = {
  readComposerText: (composer: HTMLElement) =>
    composer instanceof HTMLTextAreaElement ? composer.value : readBlockText(composer),
} as SiteAdapter;

afterEach(() => {
  Reflect.deleteProperty(document, 'execCommand');
});

describe('holdsPreamble', () => {
  test('accepts exactly preamble + original', () => {
    expect(holdsPreamble('Body.\n\nHello', 'Body.\n\n', 'Hello')).toBe(true);
  });
  test.each([
    ['a blank line squeezed to one break', 'Body.\nHello'],
    ['no separator at all', 'Body.Hello'],
    ['an extra blank line', 'Body.\n\n\nHello'],
  ])('rejects %s', (_name, now) => expect(holdsPreamble(now, 'Body.\n\n', 'Hello')).toBe(false));
});

describe('insertPreamble in a rich editor', () => {
  test('types each line and makes each newline a paragraph, so the blank line is an empty block', async () => {
    const { composer, commands } = richEditor('Hello');
    const result = await insertPreamble(composer, adapter, document, 'Body.\n\n', 'Hello');
    expect(result).toBe('inserted');
    expect(adapter.readComposerText(composer)).toBe('Body.\n\nHello');
    expect(Array.from(composer.querySelectorAll('p'), (p) => p.textContent)).toEqual(['Body.', '', 'Hello']);
    // Never hands a line break to insertText (Firefox turns "\n\n" into one hard break).
    expect(commands.filter((c) => c.name === 'insertText' && c.value?.includes('\n'))).toEqual([]);
  });

  test('a persona of several paragraphs keeps every blank line', async () => {
    const { composer } = richEditor('first\nsecond');
    const result = await insertPreamble(composer, adapter, document, 'One.\n\nTwo.\n\n', 'first\nsecond');
    expect(result).toBe('inserted');
    expect(adapter.readComposerText(composer)).toBe('One.\n\nTwo.\n\nfirst\nsecond');
  });

  test('an editor that squeezes the blank line into one break is not accepted: the prompt is put back', async () => {
    const { composer } = richEditor('Hello');
    const result = await insertPreamble(composer, adapter, document, 'Body.\n\n', 'Hello');
    expect(result).toBe('inserted'); // control: the same editor without the quirk
    const quirky = richEditor('Hello', { breakOnly: true });
    const quirkyResult = await insertPreamble(quirky.composer, adapter, document, 'Body.\n\n', 'Hello');
    expect(quirkyResult).toBe('restored');
    expect(adapter.readComposerText(quirky.composer)).toBe('Hello');
  });

  test('restoring a prompt of several lines brings its blank lines back too', async () => {
    const original = 'line one\n\nline three';
    const { composer } = richEditor(original);
    // An editor that refuses paragraph breaks until the restore starts typing the prompt back.
    const realExec = document.execCommand.bind(document);
    let restoring = false;
    Object.defineProperty(document, 'execCommand', {
      value: (name: string, ui?: boolean, value?: string) => {
        if (name === 'insertText' && value === 'line one') restoring = true;
        return !restoring && name === 'insertParagraph' ? false : realExec(name, ui, value);
      },
      configurable: true,
    });
    expect(await insertPreamble(composer, adapter, document, 'Body.\n\n', original)).toBe('restored');
    expect(adapter.readComposerText(composer)).toBe(original);
  });
});

describe('insertPreamble in a textarea', () => {
  test('one insertText with the whole preamble', async () => {
    const { composer, commands } = textareaEditor('Hello');
    const result = await insertPreamble(composer, adapter, document, 'Body.\n\n', 'Hello');
    expect(result).toBe('inserted');
    expect(composer.value).toBe('Body.\n\nHello');
    expect(commands).toEqual([{ name: 'insertText', value: 'Body.\n\n' }]);
  });
});
