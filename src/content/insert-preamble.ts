import type { SiteAdapter } from '../sites';

/**
 * Puts a persona preamble in front of the prompt through the editor's own input path, so the site's editor
 * state (ProseMirror, Lexical, a React-controlled textarea) learns about it exactly as if the user had typed
 * it: typed at a collapsed selection at the start, then a synthetic paste as fallback. The result is read
 * back through the adapter and must be exactly preamble + original; anything else is undone.
 */
export type InsertResult = 'inserted' | 'unchanged' | 'restored' | 'damaged';

/**
 * Exact, on purpose: an editor that turned the blank line into a single line break would send the persona
 * glued to the prompt ("…\nprompt"), which is neither what we promise nor what hasPreamble was tuned on.
 */
export function holdsPreamble(now: string, preamble: string, original: string): boolean {
  return now === preamble + original;
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

/**
 * Types text the way a user would. In a rich editor every "\n" is its own insertParagraph (Enter) and each
 * line an insertText: given "Body.\n\n", Chromium's insertText makes paragraphs but Firefox's makes a single
 * hard break, so one call cannot be trusted with line breaks. The calls run in one synchronous stretch so
 * the editor reads them as one DOM change: a lone new empty block would look like an Enter press to
 * ProseMirror, which then runs the site's Enter binding (send) instead of taking the text.
 */
function typeText(composer: HTMLElement, doc: Document, text: string): boolean {
  try {
    // Deprecated but still the one call every editor treats as real typing (and undoable).
    if (isTextField(composer)) return doc.execCommand('insertText', false, text);
    let typed = true;
    text.split('\n').forEach((line, i) => {
      if (i > 0) typed = doc.execCommand('insertParagraph', false) && typed;
      if (line !== '') typed = doc.execCommand('insertText', false, line) && typed;
    });
    return typed;
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
    if (!event.defaultPrevented && isTextField(composer)) return typeText(composer, doc, text);
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
  const attempts: Array<() => boolean> = [() => typeText(composer, doc, preamble), () => pasteText(composer, doc, preamble)];
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
  typeText(composer, doc, original);
  await afterMutations();
  return adapter.readComposerText(composer) === original ? 'restored' : 'damaged';
}
