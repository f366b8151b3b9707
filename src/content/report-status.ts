import type { SiteAdapter } from '../sites';
import type { Ask } from './context';

/** Tells the worker whether this tab's composer was found, for the popup; again whenever that changes. */
const CHECK_MS = 1_000;

export function initReportStatus(doc: Document, adapter: SiteAdapter, ask: Ask, signal: AbortSignal): void {
  let reported: boolean | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = (): void => {
    timer = undefined;
    const found = adapter.findComposer(doc) !== null;
    if (found === reported) return;
    reported = found;
    void ask({ type: 'CStoBG:status', site: adapter.id, composerFound: found }, 5_000);
  };
  const observer = new MutationObserver(() => {
    timer ??= setTimeout(check, CHECK_MS);
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  });
  check();
}
