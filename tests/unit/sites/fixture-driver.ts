import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

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
