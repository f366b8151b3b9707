import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { fixtureResponse, isExtensionUrl } from '../e2e/support/serve-sites';

/**
 * Firefox ESR driven by puppeteer-core over WebDriver BiDi (Playwright cannot drive a stock Firefox), with the
 * built dist/firefox installed as a temporary add-on, in a fresh profile deleted on close.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The built extension under test (PR_EXTENSION_DIR overrides, like the Chromium suite). */
export const EXTENSION_DIR = path.resolve(repoRoot, process.env.PR_EXTENSION_DIR ?? 'dist/firefox');
/** browser_specific_settings.gecko.id in the Firefox manifest (vite.config.ts). */
export const GECKO_ID = 'persona-router@persona-router.dev';
/**
 * Firefox gives every install a random moz-extension:// host; this pref pins ours so the tests can open the
 * popup and options pages by URL.
 */
export const EXTENSION_UUID = '5e7a1c52-93d4-4b8e-a0f6-2c1d9b7e4f30';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export interface LaunchedFirefox {
  browser: Browser;
  /** Closes Firefox and deletes its profile; safe to call twice. */
  close(): Promise<void>;
}

export async function launchFirefox(extraPrefs: Record<string, unknown> = {}): Promise<LaunchedFirefox> {
  if (!(await stat(path.join(EXTENSION_DIR, 'manifest.json')).catch(() => null))) {
    throw new Error(`${EXTENSION_DIR}/manifest.json not found: run \`npm run build\` first`);
  }
  const profile = await mkdtemp(path.join(os.tmpdir(), 'persona-router-firefox-'));
  let browser: Browser | null = null;
  const close = async (): Promise<void> => {
    const running = browser;
    browser = null;
    if (running) await running.close().catch(() => running.process()?.kill('SIGKILL'));
    await rm(profile, { recursive: true, force: true }).catch(() => undefined);
  };
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      userDataDir: profile,
      protocolTimeout: 60_000,
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
        // Offline by construction; these keep Firefox from trying anyway at start-up.
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
        'browser.safebrowsing.update.enabled': false,
        'app.update.enabled': false,
        ...extraPrefs,
      },
      // WebDriver BiDi refuses to open privileged (moz-extension://) documents without this.
      env: { ...process.env, MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1' },
    });
    await browser.installExtension(EXTENSION_DIR);
    return { browser, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function serve(request: HTTPRequest): Promise<void> {
  if (request.isInterceptResolutionHandled()) return;
  const url = request.url();
  if (isExtensionUrl(url) || url.startsWith('data:') || url.startsWith('blob:')) return request.continue();
  const response = await fixtureResponse(url).catch((error: unknown) => ({
    status: 500,
    contentType: 'text/plain; charset=utf-8',
    body: `fixture server error: ${String(error)}`,
  }));
  if (!response) return request.abort('blockedbyclient');
  return request.respond({ status: response.status, contentType: response.contentType, body: response.body });
}

/**
 * Serves the fixture pages at the real https://chatgpt.com/ and https://claude.ai/ origins for this page, so
 * the manifest's content-script patterns are what decides whether we run; every other request is aborted.
 */
export async function serveFixtureSites(page: Page): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    serve(request).catch(() => undefined);
  });
}
