import { hashText } from '../shared/text-hash';
import type { ContentContext } from './context';

/**
 * Resolves true once the site has taken the prompt: its composer emptied, or (checked last, since reading
 * every message costs more) a user message with the sent text is on the page. False after timeoutMs.
 */
export function waitForSend(ctx: ContentContext, sentHash: string, timeoutMs: number): Promise<boolean> {
  const { doc, adapter } = ctx;
  const emptied = (): boolean => {
    const composer = adapter.findComposer(doc);
    return composer !== null && adapter.readComposerText(composer).trim() === '';
  };
  if (emptied()) return Promise.resolve(true);
  return new Promise((resolve) => {
    let queued = false;
    const finish = (sent: boolean): void => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(sent);
    };
    const observer = new MutationObserver(() => {
      if (queued) return;
      queued = true;
      queueMicrotask(() => {
        queued = false;
        if (emptied()) finish(true);
      });
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    const timer = setTimeout(() => finish(emptied() || adapter.userMessages(doc).some((m) => hashText(m.text) === sentHash)), timeoutMs);
  });
}

/** Resolves true when the site is not (or no longer) busy streaming; false if it still is after timeoutMs. */
export function waitUntilIdle(ctx: ContentContext, timeoutMs: number): Promise<boolean> {
  const { doc, adapter } = ctx;
  if (!adapter.isBusy(doc)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (adapter.isBusy(doc)) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(true);
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true });
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve(!adapter.isBusy(doc));
    }, timeoutMs);
  });
}
