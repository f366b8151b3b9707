import type { Browser, Page } from 'puppeteer-core';
import type { Decision } from '../../src/router/types';
import type { Request, Responses } from '../../src/shared/messages';
import type { Mode, Settings } from '../../src/shared/settings';
import { EXTENSION_ORIGIN } from './firefox';

export const POPUP_PATH = 'src/ui/popup/index.html';
export const OPTIONS_PATH = 'src/ui/options/index.html';

/**
 * Opens one of the extension's own pages in a new tab. The navigation is not awaited: over BiDi a
 * moz-extension:// load may never report completion, so we wait for the page's `browser` API instead.
 */
export async function openExtensionPage(browser: Browser, pagePath: string): Promise<Page> {
  const page = await browser.newPage();
  const url = `${EXTENSION_ORIGIN}/${pagePath}`;
  const ready = () =>
    page.waitForFunction(
      (expected) =>
        location.href === expected && typeof (globalThis as { browser?: unknown }).browser === 'object' && document.readyState === 'complete',
      { timeout: 10_000, polling: 100 },
      url,
    );
  page.goto(url).catch(() => undefined);
  try {
    await ready();
  } catch {
    // Right after installExtension the add-on may still be starting and the first load can come to nothing;
    // one more navigation, said out loud, before giving up.
    console.log(`# ${pagePath} did not load (at ${page.url()}); navigating once more`);
    page.goto(url).catch(() => undefined);
    await ready().catch((error: unknown) => {
      throw new Error(`${url} did not load (page at ${page.url()}): ${error instanceof Error ? error.message : String(error)}`);
    });
  }
  return page;
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
}
