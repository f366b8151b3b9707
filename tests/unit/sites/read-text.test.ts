// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { readBlockText } from '../../../src/sites/read-text';

function element(build: (root: HTMLElement) => void): HTMLElement {
  const root = document.createElement('div');
  build(root);
  return root;
}

function add(parent: Element, tag: string, text?: string, className?: string): HTMLElement {
  const child = document.createElement(tag);
  if (text !== undefined) child.textContent = text;
  if (className) child.className = className;
  parent.append(child);
  return child;
}

describe('readBlockText', () => {
  test('joins paragraphs with "\\n" and keeps an empty paragraph as an empty line', () => {
    const root = element((r) => {
      add(r, 'p', 'first');
      add(add(r, 'p'), 'br', undefined, 'ProseMirror-trailingBreak');
      add(r, 'p', 'third');
    });
    expect(readBlockText(root)).toBe('first\n\nthird');
  });

  test('reads a hard break as "\\n" and ignores the trailing-break placeholder', () => {
    const root = element((r) => {
      const p = add(r, 'p');
      p.append('a');
      add(p, 'br');
      p.append('b');
      add(p, 'br', undefined, 'ProseMirror-trailingBreak');
    });
    expect(readBlockText(root)).toBe('a\nb');
  });

  test('keeps inline markup and spaces inside a line', () => {
    const root = element((r) => {
      const p = add(r, 'p');
      p.append('  two ');
      add(p, 'strong', 'bold');
      p.append(' words ');
    });
    expect(readBlockText(root)).toBe('  two bold words ');
    expect(readBlockText(root, { trimBlocks: true })).toBe('two bold words');
  });

  test('skips ignored elements and layout whitespace between blocks', () => {
    const root = element((r) => {
      r.append('\n   ');
      add(r, 'h5', 'You said:', 'sr-only');
      r.append('\n  ');
      add(r, 'p', 'hello');
      r.append('\n');
    });
    expect(readBlockText(root, { ignore: ['.sr-only'] })).toBe('hello');
  });

  test('skips script, style and template contents, which a page never shows as text', () => {
    const root = element((r) => {
      const p = add(r, 'p', 'shown');
      add(p, 'style', '.katex { color: red }');
      add(r, 'script', 'track()');
      add(r, 'template', 'later');
    });
    expect(readBlockText(root)).toBe('shown');
  });

  test('an unparsable ignore selector does not throw', () => {
    const root = element((r) => add(r, 'p', 'x'));
    expect(readBlockText(root, { ignore: ['::::nope'] })).toBe('x');
  });
});
