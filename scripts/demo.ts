/**
 * `npm run demo`: Debian Chromium with the built extension (dist/chrome) on the local ChatGPT-like
 * fixture page, served at https://chatgpt.com/ by request interception: no account, no network.
 * Headed when a display is available (or with --headed); otherwise headless: it sends a sample writing
 * prompt and saves a screenshot to artifacts/demo.png.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { EXTENSION_DIR, extensionWorker, launchWithExtension, openChat, sentTexts } from '../tests/e2e/support/extension';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCREENSHOT = path.join(repoRoot, 'artifacts', 'demo.png');
const SAMPLE_PROMPT =
  'Write a warm two-paragraph welcome note for the volunteers joining our community garden this spring.';

const args = new Set(process.argv.slice(2));
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headed = args.has('--headed') || (hasDisplay && !args.has('--headless'));

async function badgeText(page: Page, timeoutMs: number): Promise<string | null> {
  const badge = page.locator('[data-persona-router-badge]').first();
  try {
    await badge.waitFor({ state: 'attached', timeout: timeoutMs });
    // The badge draws its words in a closed shadow root; its host only says that it is there.
    const label = (await badge.getAttribute('aria-label'))?.trim() || (await badge.innerText()).trim();
    return label ? `"${label}"` : 'one appeared next to the message';
  } catch {
    return null;
  }
}

async function runHeadless(): Promise<void> {
  const browser = await launchWithExtension({ headless: true });
  try {
    await extensionWorker(browser.context);
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await openChat(page, 'chatgpt');
    await page.keyboard.type(SAMPLE_PROMPT);
    // Give the suggestion (debounced while typing) a moment, as a person would before pressing Enter.
    await page.waitForTimeout(800);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__fixtureSent.length > 0, undefined, { timeout: 5_000 });
    const badge = await badgeText(page, 3_000);
    await page.waitForTimeout(500);
    await mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    const [sent] = await sentTexts(page);
    console.log('\nPersona Router demo (headless: no display found)');
    console.log(`  page:       https://chatgpt.com/ (local fixture, nothing left this machine)`);
    console.log(`  typed:      ${SAMPLE_PROMPT}`);
    console.log(`  site got:   ${sent === SAMPLE_PROMPT ? 'the prompt unchanged' : JSON.stringify(sent)}`);
    console.log(`  badge:      ${badge ?? 'none appeared within 3 s'}`);
    console.log(`  screenshot: ${SCREENSHOT}`);
    console.log('\nTo try it yourself in a window, run on a machine with a display:  npm run demo');
    console.log('or, without one, through a virtual display:  xvfb-run -a npm run demo -- --headed\n');
  } finally {
    await browser.close();
  }
}

async function runHeaded(): Promise<void> {
  const browser = await launchWithExtension({ headless: false, viewport: null });
  let closing = false;
  const closeAll = async (): Promise<void> => {
    if (closing) return;
    closing = true;
    await browser.close();
  };
  process.once('SIGINT', () => void closeAll().then(() => process.exit(0)));
  process.once('SIGTERM', () => void closeAll().then(() => process.exit(0)));

  await extensionWorker(browser.context);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await openChat(page, 'chatgpt');
  await page.keyboard.type(SAMPLE_PROMPT);

  console.log('\nPersona Router demo: Chromium is open on a local ChatGPT-like page (no account, no network).');
  console.log('  1. A sample writing prompt is already in the composer; a suggestion to add a persona appears');
  console.log('     next to it (the default "suggest" mode). Insert or Dismiss it, then press Enter.');
  console.log('  2. The sent message gets a badge such as "Persona · writing"; try a math question too.');
  console.log('  3. The toolbar puzzle-piece menu holds the extension: its popup has the Auto-persona switch.');
  console.log('Close the browser window (or press Ctrl+C here) to end the demo.\n');

  await new Promise<void>((resolve) => {
    browser.context.once('close', () => resolve());
  });
  await closeAll();
}

console.log(`Loading the extension from ${EXTENSION_DIR}`);
(headed ? runHeaded() : runHeadless()).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`demo failed: ${message.split('\n')[0]}`);
  if (headed && !hasDisplay) console.error('No display found: run `npm run demo` without --headed for the headless demo.');
  process.exitCode = 1;
});
