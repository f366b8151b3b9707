import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, expect, test as base, type BrowserContext, type Locator, type Page, type Worker } from '@playwright/test';
import type { SiteId } from '../../../src/shared/settings';
import { NEW_CHAT_URLS, SITE_ORIGINS, serveFixtureSites } from './serve-sites';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The built extension under test (`npm run build` writes dist/chrome; PR_EXTENSION_DIR overrides). */
export const EXTENSION_DIR = path.resolve(repoRoot, process.env.PR_EXTENSION_DIR ?? 'dist/chrome');

/** Flags for every Chromium the tests start: quiet, offline, no background services. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchOptions {
  headless?: boolean;
  extensionDir?: string;
  /** Serve the fixture sites and block the network (default true). */
  serveSites?: boolean;
  viewport?: { width: number; height: number } | null;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  /** Closes the browser and deletes its temporary profile. */
  close(): Promise<void>;
}

/** Debian Chromium with the built extension in a fresh temporary profile (tests, demo, benchmarks). */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const extensionDir = path.resolve(options.extensionDir ?? EXTENSION_DIR);
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`no built extension in ${extensionDir}: run \`npm run build\` (or set PR_EXTENSION_DIR)`);
  }
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'persona-router-profile-'));
  const context = await chromium
    .launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: options.headless ?? true,
      viewport: options.viewport === undefined ? { width: 1280, height: 800 } : options.viewport,
      args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
    })
    .catch(async (error: unknown) => {
      await rm(userDataDir, { recursive: true, force: true }).catch(() => undefined);
      throw error;
    });
  if (options.serveSites ?? true) await serveFixtureSites(context);
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      await rm(userDataDir, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}

/** The extension's service worker, waiting for it to start if needed. */
export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const running = context.serviceWorkers().find((worker) => worker.url().startsWith('chrome-extension://'));
  return running ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
}

export function extensionIdOf(worker: Worker): string {
  return new URL(worker.url()).host;
}

export const test = base.extend<{ context: BrowserContext; worker: Worker; extensionId: string }>({
  // A persistent context is the only way to load an unpacked extension; one fresh profile per test.
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const browser = await launchWithExtension();
    await use(browser.context);
    await browser.close();
  },
  worker: async ({ context }, use) => {
    await use(await extensionWorker(context));
  },
  extensionId: async ({ worker }, use) => {
    await use(extensionIdOf(worker));
  },
});

export { expect };

/**
 * How tests find a fixture site's parts, the way the live sites mark them. Written apart from the adapters'
 * selectors (src/sites) on purpose: a test that reused them could not notice when they stop matching.
 */
const PAGE_PARTS: Record<SiteId, { composer: string; send: string; stop: string; userMessage: string }> = {
  chatgpt: {
    composer: '#prompt-textarea',
    send: 'button[data-testid="send-button"]',
    stop: 'button[data-testid="stop-button"]',
    userMessage: '[data-message-author-role="user"]',
  },
  claude: {
    composer: '[data-testid="chat-input"]',
    send: 'button[aria-label="Send message"]',
    stop: 'button[aria-label="Stop response"]',
    userMessage: '[data-testid="user-message"]',
  },
};

export function composerOf(page: Page, site: SiteId): Locator {
  return page.locator(PAGE_PARTS[site].composer);
}

/** Present only while the composer holds text and the site is not busy. */
export function sendButtonOf(page: Page, site: SiteId): Locator {
  return page.locator(PAGE_PARTS[site].send);
}

/** Present only while an answer streams. */
export function stopButtonOf(page: Page, site: SiteId): Locator {
  return page.locator(PAGE_PARTS[site].stop);
}

/** Every user turn on the page, in order. */
export function userMessagesOf(page: Page, site: SiteId): Locator {
  return page.locator(PAGE_PARTS[site].userMessage);
}

/**
 * Opens a fixture chat (a fresh chat by default, or `path` on the site's origin such as "/c/abc") once its
 * editor is live, focuses the composer and returns it.
 */
export async function openChat(page: Page, site: SiteId, pathname?: string): Promise<Locator> {
  await page.goto(pathname ? SITE_ORIGINS[site] + pathname : NEW_CHAT_URLS[site]);
  await page.waitForFunction(() => Array.isArray(window.__fixtureSent));
  const composer = composerOf(page, site);
  await composer.click();
  return composer;
}

/** Every prompt the fixture site received on this page load, in order. */
export async function sentTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => (window.__fixtureSent ?? []).map((sent) => sent.text));
}

/**
 * Waits until the site received `text`, then checks, after a pause long enough for a duplicate to show up,
 * that it received it exactly once.
 */
export async function expectSentOnce(page: Page, text: string, options: { timeout?: number; settleMs?: number } = {}): Promise<void> {
  await expect
    .poll(() => sentTexts(page), { timeout: options.timeout ?? 5_000, message: 'the site never received the prompt' })
    .toContain(text);
  await page.waitForTimeout(options.settleMs ?? 300);
  const sent = await sentTexts(page);
  expect(sent.filter((entry) => entry === text), 'the prompt reached the site exactly once').toHaveLength(1);
}

/** Opens one of the extension's pages, e.g. 'src/ui/popup/index.html'. */
export async function extensionPage(
  context: BrowserContext,
  extensionId: string,
  pagePath: 'src/ui/popup/index.html' | 'src/ui/options/index.html',
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${pagePath}`);
  return page;
}
