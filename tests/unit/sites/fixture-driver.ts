import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

// The project's own stand-in pages; these never skip, unlike the real snapshots (snapshot-files.ts).
const FIXTURE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'sites');

export function loadFixturePage(file: string): Document {
  return new DOMParser().parseFromString(readFileSync(path.join(FIXTURE_DIR, file), 'utf8'), 'text/html');
}

/** Puts a fixture page into the test's own document, so its app script can run against it. */
export function installFixturePage(file: string): void {
  const page = loadFixturePage(file);
  document.replaceChild(document.importNode(page.documentElement, true), document.documentElement);
}

/** Replaces the editor's content with `text` (lines become paragraphs) through editor transactions. */
export function typeInto(view: EditorView, text: string): void {
  view.dispatch(view.state.tr.delete(0, view.state.doc.content.size));
  text.split('\n').forEach((line, index) => {
    if (index > 0) view.dispatch(view.state.tr.split(view.state.selection.from));
    view.dispatch(view.state.tr.insertText(line));
  });
  view.dispatch(view.state.tr.setSelection(TextSelection.atEnd(view.state.doc)));
}

export function pressEnter(composer: HTMLElement, init: KeyboardEventInit = {}): void {
  composer.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true, cancelable: true, ...init }));
}

export async function waitUntil(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
