import browser from 'webextension-polyfill';

/**
 * The tab the popup speaks for. A real popup asks for the active tab; the end-to-end tests open the popup as
 * an ordinary tab (Playwright cannot click the toolbar) and name the chat tab with `?tab=<id>`.
 */
export async function currentTabId(): Promise<number | null> {
  const named = new URLSearchParams(location.search).get('tab');
  if (named !== null && /^\d+$/.test(named)) return Number(named);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}
