import type { SiteAdapter } from '../sites';

/**
 * Puts a persona preamble in front of the prompt through the editor's own input path, so the site's editor
 * state (ProseMirror, Lexical, a React-controlled textarea) learns about it exactly as if the user had typed
 * it: execCommand('insertText') at a collapsed selection at the start, then a synthetic paste as fallback.
 * The result is read back through the adapter; anything but preamble + original is undone.
 */
export type InsertResult = 'inserted' | 'unchanged' | 'restored' | 'damaged';

/** Rich editors may merge or split blank lines of the inserted text into paragraphs; that still counts. */
function sameUpToBlankLines(a: string, b: string): boolean {
  const squeeze = (s: string) => s.replace(/\n{2,}/g, '\n');
  return a === b || squeeze(a) === squeeze(b);
}

export function holdsPreamble(now: string, preamble: string, original: string): boolean {
  if (now === preamble + original) return true;
  if (!now.endsWith(original)) return false;
  return sameUpToBlankLines(now.slice(0, now.length - original.length), preamble);
}

function isTextField(el: HTMLElement): el is HTMLTextAreaElement | HTMLInputElement {
  return el.localName === 'textarea' || el.localName === 'input';
}

/** A collapsed selection before the composer's first character. */
export function placeCaretAtStart(composer: HTMLElement, doc: Document): boolean {
  if (doc.activeElement !== composer) composer.focus({ preventScroll: true });
  if (isTextField(composer)) {
    composer.setSelectionRange(0, 0);
    return true;
  }
  const selection = doc.getSelection();
  if (!selection) return false;
  const range = doc.createRange();
  const firstText = doc.createTreeWalker(composer, NodeFilter.SHOW_TEXT).nextNode();
  if (firstText) {
    range.setStart(firstText, 0);
  } else {
    // No text yet: the innermost first block (an empty paragraph).
    let node: Node = composer;
    while (node.firstChild && node.firstChild.nodeType === Node.ELEMENT_NODE && node.firstChild.nodeName !== 'BR') {
      node = node.firstChild;
    }
    range.setStart(node, 0);
  }
  range.collapse(true);
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
}

function selectAll(composer: HTMLElement, doc: Document): void {
  composer.focus({ preventScroll: true });
  if (isTextField(composer)) {
    composer.select();
    return;
  }
  const range = doc.createRange();
  range.selectNodeContents(composer);
  const selection = doc.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/** A task later: focus handlers and selectionchange have run. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/**
 * ProseMirror and Lexical read DOM input in a MutationObserver callback, a microtask queued by the change
 * itself, so awaiting here (queued after it) reads the editor's updated state without waiting a whole task.
 */
const afterMutations = async () => {
  await Promise.resolve();
  await Promise.resolve();
};

function typeText(doc: Document, text: string): boolean {
  try {
    // Deprecated but still the one call every editor treats as real typing (and undoable).
    return doc.execCommand('insertText', false, text);
  } catch {
    return false;
  }
}

function pasteText(composer: HTMLElement, doc: Document, text: string): boolean {
  try {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
    composer.dispatchEvent(event);
    // An editor that handled the paste cancels the browser default; a textarea has no handler.
    if (!event.defaultPrevented && isTextField(composer)) return typeText(doc, text);
    return event.defaultPrevented;
  } catch {
    return false;
  }
}

export async function insertPreamble(
  composer: HTMLElement,
  adapter: SiteAdapter,
  doc: Document,
  preamble: string,
  original: string,
): Promise<InsertResult> {
  const read = () => adapter.readComposerText(composer);
  const attempts: Array<() => boolean> = [() => typeText(doc, preamble), () => pasteText(composer, doc, preamble)];
  for (const attempt of attempts) {
    if (!composer.isConnected) return 'unchanged';
    if (doc.activeElement !== composer) {
      // An editor may restore its own selection when it gets focus (the chip's Insert button had it):
      // let that happen first, then place the caret.
      composer.focus({ preventScroll: true });
      await nextTask();
    }
    if (!composer.isConnected || !placeCaretAtStart(composer, doc)) return 'unchanged';
    attempt();
    await afterMutations();
    const now = read();
    if (holdsPreamble(now, preamble, original)) return 'inserted';
    if (now !== original) return restore(composer, adapter, doc, original);
  }
  return 'unchanged';
}

/** Puts the user's own text back after an attempt left something else in the composer. */
async function restore(composer: HTMLElement, adapter: SiteAdapter, doc: Document, original: string): Promise<InsertResult> {
  if (!composer.isConnected) return 'damaged';
  selectAll(composer, doc);
  typeText(doc, original);
  await afterMutations();
  return adapter.readComposerText(composer) === original ? 'restored' : 'damaged';
}
