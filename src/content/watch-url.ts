/**
 * Calls back when the page's URL changes without a reload (the sites are single-page apps). A content
 * script cannot see the page's history.pushState, so the Navigation API is used where there is one
 * (Chromium) and a cheap poll covers the rest (Firefox).
 */
const POLL_MS = 500;



export function watchUrl(win: Window, onChange: (from: URL, to: URL) => void, signal: AbortSignal): void {
  let last = win.location.href;
  const check = (): void => {
    const now = win.location.href;
    if (now === last) return;
    const from = new URL(last);
    last = now;
    onChange(from, new URL(now));
  };
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('navigatesuccess', check, { signal });
  win.addEventListener('popstate', check, { signal });
  const poll = setInterval(check, POLL_MS);
  signal.addEventListener('abort', () => clearInterval(poll));
}
