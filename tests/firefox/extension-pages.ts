import type { Browser, Page } from 'puppeteer-core';
import type { Decision } from '../../src/router/types';
import type { Request, Responses } from '../../src/shared/messages';
import type { Mode, Settings } from '../../src/shared/settings';
import { EXTENSION_ORIGIN } from './firefox';

export const POPUP_PATH = 'src/ui/popup/index.html';
export const OPTIONS_PATH = 'src/ui/options/index.html';

const MAX_TABS = 5;

/**
 * Opens one of the extension's own pages in a new tab. The navigation is not awaited: over BiDi a
 * moz-extension:// load may never report completion, so we wait for the page's `browser` API instead.
 */
export async function openExtensionPage(browser: Browser, pagePath: string): Promise<Page> {
  const url = `${EXTENSION_ORIGIN}/${pagePath}`;
  // Over BiDi, one navigation in six to ten from a fresh tab to a moz-extension:// page is lost to the driver: the
  // tab reports about:blank and nothing can be evaluated in it, for good (5 of 30 popup loads here; three lost in
  // a row failed one full-suite run). A page loads in under 1.5 s here, so after 5 s that tab is closed and a new
  // one tried, at most five times, and the retry is printed.
  for (let attempt = 1; ; attempt++) {
    const page = await browser.newPage();
    page.goto(url).catch(() => undefined);
    try {
      await page.waitForFunction(
        (expected) =>
          location.href === expected && typeof (globalThis as { browser?: unknown }).browser === 'object' && document.readyState === 'complete',
        { timeout: 5_000, polling: 100 },
        url,
      );
      return page;
    } catch (error) {
      const at = page.url();
      await page.close().catch(() => undefined);
      if (attempt >= MAX_TABS) {
        throw new Error(`${url} did not load in ${attempt} tabs (last at ${at}): ${error instanceof Error ? error.message : String(error)}`);
      }
      console.log(`# ${pagePath} did not load (tab at ${at}); trying a new tab`);
    }
  }
}

/** Sends a runtime message from an extension page, the way the popup and options pages talk to the worker. */
export async function ask<R extends Request>(page: Page, request: R): Promise<Responses[R['type']]> {
  return page.evaluate(async (message) => {
    const api = (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser;
    return api.runtime.sendMessage(message);
  }, request as unknown as Record<string, unknown>) as Promise<Responses[R['type']]>;
}

/** An extension page kept open to read and change settings and to ask the worker's router for expectations. */
export class ControlPage {
  private constructor(readonly page: Page) {}

  static async open(browser: Browser): Promise<ControlPage> {
    return new ControlPage(await openExtensionPage(browser, OPTIONS_PATH));
  }

  settings(): Promise<Settings> {
    return ask(this.page, { type: 'UItoBG:getSettings' });
  }

  /** The defaults with this mode, through the worker like any settings change from the UI. */
  async reset(mode: Mode): Promise<Settings> {
    const settings = await ask(this.page, { type: 'UItoBG:resetSettings' });
    settings.mode = mode;
    return ask(this.page, { type: 'UItoBG:setSettings', settings });
  }

  classify(text: string): Promise<Decision> {
    return ask(this.page, { type: 'UItoBG:classify', text });
  }

  /**
   * When the loaded background page started (its performance.timeOrigin, ms since the epoch), or null while
   * it is suspended. Firefox's extension.getBackgroundPage() only looks: unlike a message, it never wakes an
   * event page, so this can watch the background go idle and come back without changing what it watches.
   */
  backgroundStartedAt(): Promise<number | null> {
    return this.page.evaluate(() => {
      const api = (globalThis as unknown as { browser: { extension: { getBackgroundPage(): Window | null } } }).browser;
      return api.extension.getBackgroundPage()?.performance.timeOrigin ?? null;
    });
  }
}
