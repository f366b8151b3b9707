/**
 * `npm run screenshots`: regenerates the README pictures from the built extension (dist/chrome, or
 * PR_EXTENSION_DIR) in headless Debian Chromium, on the local ChatGPT fixture page (no account, no network):
 *   docs/screenshots/popup.png, options.png, options-history.png  the extension's own pages
 *   docs/screenshots/badge.png, suggestion.png                    on the chat page
 * The history shown is real: the script sends a few prompts through the fixture page in auto mode first.
 * Pass --dark for the dark theme (written with a -dark suffix).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import {
  extensionIdOf,
  extensionWorker,
  launchWithExtension,
  openChat,
  sentTexts,
} from '../tests/e2e/support/extension';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(repoRoot, 'docs', 'screenshots');
const dark = process.argv.includes('--dark');
const scheme = dark ? 'dark' : 'light';
const file = (name: string) => path.join(OUT, `${name}${dark ? '-dark' : ''}.png`);

/** A mix of style and accuracy prompts, so the popup and the chart show both routes. */
const PROMPTS = [
  'Write a warm two-paragraph welcome note for the volunteers joining our community garden this spring.',
  'What is the derivative of x^3 * sin(x)?',
  'Fix the off-by-one error in this loop: for (let i = 0; i <= items.length; i++) total += items[i];',
  'Pretend you are a ship captain in 1850 greeting new passengers as they board.',
  'List every date mentioned in this text as YYYY-MM-DD: we met on 3 March 2021 and again on 14 July 2022.',
];
const SUGGESTION_PROMPT = 'Write a short poem about autumn leaves falling in a quiet park.';

async function send(page: Page, text: string): Promise<void> {
  const before = (await sentTexts(page)).length;
  await page.locator('#prompt-textarea').click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => window.__fixtureSent.length > n, before, { timeout: 5_000 });
}

async function shoot(target: Locator | Page, name: string): Promise<void> {
  await target.screenshot({ path: file(name), animations: 'disabled' });
  console.log(`  ${path.relative(repoRoot, file(name))}`);
}

/** A box around several elements, with some margin, for a screenshot that shows them in context. */
async function clipAround(page: Page, locators: Locator[], margin = 24) {
  const boxes = (await Promise.all(locators.map((l) => l.boundingBox()))).filter((b) => b !== null);
  if (boxes.length === 0) throw new Error('nothing to frame');
  const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - margin);
  const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - margin);
  const right = Math.max(...boxes.map((b) => b.x + b.width)) + margin;
  const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + margin;
  return { x, y, width: right - x, height: bottom - y };
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const browser = await launchWithExtension({ headless: true, viewport: { width: 1100, height: 760 } });
  try {
    const { context } = browser;
    const worker = await extensionWorker(context);
    const extensionId = extensionIdOf(worker);
    const chat = context.pages()[0] ?? (await context.newPage());
    await chat.emulateMedia({ colorScheme: scheme });

    // Suggest mode (the default): the chip offers the persona while the user types.
    await openChat(chat, 'chatgpt');
    await chat.keyboard.type(SUGGESTION_PROMPT);
    const chip = chat.locator('[data-persona-router-chip]');
    await chip.waitFor({ state: 'visible', timeout: 5_000 });
    await chat.waitForTimeout(300);
    await chat.screenshot({ path: file('suggestion'), clip: await clipAround(chat, [chip, chat.locator('#prompt-textarea')], 32) });
    console.log(`  ${path.relative(repoRoot, file('suggestion'))}`);
    await chat.keyboard.press('Control+A');
    await chat.keyboard.press('Delete');

    // Auto mode, as the popup's switch sets it, then a few real prompts.
    const popup = await context.newPage();
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize({ width: 380, height: 600 });
    const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ url: 'https://chatgpt.com/*' }))[0]?.id);
    await popup.goto(`chrome-extension://${extensionId}/src/ui/popup/index.html?tab=${tabId}`);
    await popup.getByRole('switch', { name: 'Auto-persona' }).click();
    await popup.waitForTimeout(300);

    for (const prompt of PROMPTS) await send(chat, prompt);
    const badges = chat.locator('[data-persona-router-badge]');
    await badges.nth(PROMPTS.length - 1).waitFor({ state: 'attached', timeout: 5_000 });
    const firstTurn = chat.locator('[data-message-author-role="user"]').first();
    await badges.first().hover();
    await chat.waitForTimeout(300);
    await chat.screenshot({ path: file('badge'), clip: await clipAround(chat, [firstTurn, badges.first(), badges.first().locator('[role="tooltip"]')], 16) });
    console.log(`  ${path.relative(repoRoot, file('badge'))}`);

    await popup.reload();
    const newest = popup.locator('ul.recent > li').first();
    await newest.waitFor();
    await popup.locator('ul.recent > li').nth(PROMPTS.length - 1).getByRole('button').click();
    await popup.waitForTimeout(200);
    await shoot(popup.locator('main'), 'popup');

    const options = await context.newPage();
    await options.emulateMedia({ colorScheme: scheme });
    await options.setViewportSize({ width: 1100, height: 1000 });
    await options.goto(`chrome-extension://${extensionId}/src/ui/options/index.html`);
    await options.getByRole('heading', { name: 'Routing policy' }).waitFor();
    await options.waitForTimeout(300);
    await shoot(options, 'options');
    await options.locator('#history').scrollIntoViewIfNeeded();
    await shoot(options.locator('#history'), 'options-history');
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
