import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { DEFAULT_SETTINGS } from '../../src/shared/defaults';
import type { Page } from '@playwright/test';
import { expect, extensionPage, openChat, test } from './support/extension';
import { OPTIONS, POPUP, axeViolations, decision, entry, seedHistory } from './ui-support';

// axe-core on the popup and the options page, in the light and the dark theme, with their dynamic parts
// open (history rows, a decision, validation messages, an import preview), so those are scanned too.

const SCHEMES = ['light', 'dark'] as const;

/** Scans in each theme; one browser per page keeps the suite lean on two cores. */
async function violationsPerScheme(page: Page): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
    result[scheme] = await axeViolations(page);
  }
  return result;
}

test('popup has no axe violations, light or dark', async ({ context, extensionId, worker }) => {
  const chat = await context.newPage();
  await openChat(chat, 'chatgpt');
  const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ url: 'https://chatgpt.com/*' }))[0]?.id);
  await seedHistory(worker, [
    entry({
      site: 'chatgpt',
      tabId,
      outcome: 'inserted',
      decision: decision({ category: 'writing', route: 'persona', persona: { id: 'writing', name: 'Writer', text: 'You are a writer.' } }),
    }),
    entry({ site: 'chatgpt', tabId, outcome: 'not-routed', decision: null }),
  ]);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 700 });
  await popup.goto(`chrome-extension://${extensionId}/${POPUP}?tab=${tabId}`);
  await expect(popup.getByRole('switch', { name: 'Active on ChatGPT' })).toBeVisible();
  await popup.locator('ul.recent > li').first().getByRole('button').click();
  await expect(popup.locator('.decision')).toBeVisible();
  expect(await violationsPerScheme(popup)).toEqual({ light: [], dark: [] });
});

test('options page has no axe violations, light or dark', async ({ context, extensionId, worker }, testInfo) => {
  await seedHistory(worker, [
    entry({ site: 'chatgpt', outcome: 'inserted', decision: decision({ category: 'writing', route: 'persona', persona: { id: 'writing', name: 'Writer', text: 'You are a writer.' } }) }),
    entry({ site: 'claude', decision: decision({ category: 'coding', route: 'neutral' }) }),
    entry({ site: 'claude', outcome: 'not-routed', decision: null }),
  ]);
  const page = await extensionPage(context, extensionId, OPTIONS);
  await expect(page.locator('table.history tbody tr')).toHaveCount(3);
  await page.locator('table.history tbody tr').first().getByRole('button').click();
  await page.getByRole('textbox', { name: /^Minimum text/ }).fill('');
  await page.getByLabel('Most days kept').fill('0');
  const file = path.join(testInfo.outputPath(), 'settings.json');
  await writeFile(file, JSON.stringify({ app: 'persona-router', kind: 'settings', version: 1, settings: { ...DEFAULT_SETTINGS, mode: 'auto' } }));
  await page.getByLabel('Import settings from a file').setInputFiles(file);
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await expect(page.getByRole('alert').first()).toBeVisible();
  expect(await violationsPerScheme(page)).toEqual({ light: [], dark: [] });
});

test('the scan is not vacuous: an unlabelled control and low-contrast text are reported', async ({ context, extensionId }) => {
  const page = await extensionPage(context, extensionId, OPTIONS);
  await expect(page.getByRole('heading', { name: 'Routing policy' })).toBeVisible();
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'text';
    const faint = document.createElement('p');
    faint.textContent = 'barely visible';
    faint.style.color = '#c8c8c8';
    faint.style.background = '#ffffff';
    document.querySelector('main')!.append(input, faint);
  });
  const violations = await axeViolations(page);
  expect(violations.some((v) => v.startsWith('label'))).toBe(true);
  expect(violations.some((v) => v.startsWith('color-contrast'))).toBe(true);
});
