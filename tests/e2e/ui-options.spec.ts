import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_SETTINGS } from '../../src/shared/defaults';
import { expect, extensionPage, test } from './support/extension';
import {
  OPTIONS,
  decision,
  entry,
  expectStored,
  getSettings,
  saveSettings,
  seedHistory,
  storedHistory,
  storedSettings,
} from './ui-support';

// The options page in Chromium with the built extension: every control writes the stored setting.

test('general controls: auto-persona switch, mode and per-site switches', async ({ context, extensionId, worker }) => {
  const page = await extensionPage(context, extensionId, OPTIONS);
  const auto = page.getByRole('switch', { name: 'Auto-persona' });
  await expect(auto).not.toBeChecked();
  await auto.click();
  await expectStored(worker, (s) => s.mode, 'auto');
  await expect(page.getByRole('radio', { name: 'Auto', exact: true })).toBeChecked();

  await page.getByRole('radio', { name: 'Off', exact: true }).check();
  await expectStored(worker, (s) => s.mode, 'off');
  await expect(auto).not.toBeChecked();

  await page.getByRole('switch', { name: 'Active on Claude' }).click();
  await expectStored(worker, (s) => s.sites, { chatgpt: true, claude: false });
  await page.getByRole('switch', { name: 'Active on ChatGPT' }).press('Space');
  await expectStored(worker, (s) => s.sites, { chatgpt: false, claude: false });
});

test('routing policy per category, threshold and reset', async ({ context, extensionId, worker }) => {
  const page = await extensionPage(context, extensionId, OPTIONS);
  const writing = page.getByLabel('Writing', { exact: true });
  await expect(writing).toHaveValue('auto');
  await expect(writing).toHaveAccessibleDescription(/writing up slightly \(\+0\.10\)/);
  await expect(page.getByRole('row', { name: /Coding/ })).toContainText('lowered MT-Bench coding scores by 0.65');

  await writing.selectOption('never');
  await expectStored(worker, (s) => s.router.policy.writing, 'never');
  await page.getByLabel('STEM', { exact: true }).selectOption('suggest');
  await expectStored(worker, (s) => s.router.policy.stem, 'suggest');

  const threshold = page.getByRole('slider', { name: 'Confidence threshold' });
  const start = Math.round(Number(await threshold.inputValue()) * 100);
  await threshold.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(threshold).toHaveValue(String((start + 5) / 100));
  await expectStored(worker, (s) => Math.round(s.router.threshold * 100), start + 5);
  await expect(page.getByTestId('threshold-value')).toHaveText(`${start + 5}%`);

  await page.getByRole('button', { name: 'Reset policy and threshold to defaults' }).click();
  await expectStored(worker, (s) => s.router.policy, DEFAULT_SETTINGS.router.policy);
  await expectStored(worker, (s) => s.router.threshold, DEFAULT_SETTINGS.router.threshold);
  await expect(writing).toHaveValue('auto');
});

test('persona editor: length, validated plain-text editing, preview and reset', async ({ context, extensionId, worker }) => {
  const page = await extensionPage(context, extensionId, OPTIONS);
  await page.getByRole('radio', { name: 'Long' }).check();
  await expectStored(worker, (s) => s.router.personaLength, 'long');
  await page.getByRole('radio', { name: 'Minimum' }).check();
  await expectStored(worker, (s) => s.router.personaLength, 'minimum');

  await page.getByLabel('Persona', { exact: true }).selectOption('roleplay');
  const minimum = page.getByRole('textbox', { name: /^Minimum text/ });
  const save = page.locator('.persona-editor[data-length="minimum"]').getByRole('button', { name: 'Save' });
  const before = await storedSettings(worker);

  // Markup typed by the user stays text: it is stored and previewed literally.
  const edited = 'You are a <b>stage</b> actor & improviser.';
  await minimum.fill(edited);
  await save.click();
  await expectStored(worker, (s) => s.router.personaOverrides.roleplay, { minimum: edited });
  await expect(page.getByTestId('persona-preview')).toContainText(edited);
  await expect(page.getByTestId('persona-preview').locator('b')).toHaveCount(0);
  await expect(page.locator('.persona-editor[data-length="minimum"]')).toContainText('Edited');

  // Too long: a clear message, no save; empty: the same.
  await minimum.fill('x'.repeat(2_001));
  await expect(page.getByRole('alert').filter({ hasText: 'is 2,001 characters long; the limit is 2,000' })).toBeVisible();
  await expect(minimum).toHaveAttribute('aria-invalid', 'true');
  await expect(save).toBeDisabled();
  await minimum.fill('   ');
  await expect(page.getByRole('alert').filter({ hasText: 'cannot be empty' })).toBeVisible();
  await expect(save).toBeDisabled();
  await expectStored(worker, (s) => s.router.personaOverrides.roleplay, { minimum: edited });

  // Exactly at the limit is fine.
  await minimum.fill('y'.repeat(2_000));
  await expect(save).toBeEnabled();

  await page.locator('.persona-editor[data-length="minimum"]').getByRole('button', { name: 'Reset to default' }).click();
  await expectStored(worker, (s) => s.router.personaOverrides.roleplay, undefined);
  await expect(minimum).not.toHaveValue(edited);
  expect(before?.router.personaOverrides.roleplay).toBeUndefined();
});

test('history table, filters, chart, retention and clear', async ({ context, extensionId, worker }) => {
  const now = Date.now();
  await seedHistory(worker, [
    entry({ site: 'chatgpt', time: now - 1_000, outcome: 'inserted', decision: decision({ category: 'writing', route: 'persona', persona: { id: 'writing', name: 'Writer and editor', text: 'You are a writer.' } }) }),
    entry({ site: 'claude', time: now - 2_000, decision: decision({ category: 'math', route: 'neutral' }) }),
    entry({ site: 'claude', time: now - 3_000, decision: decision({ category: 'coding', route: 'neutral' }) }),
    entry({ site: 'chatgpt', time: now - 4_000, outcome: 'not-routed', decision: null }),
    entry({ site: 'chatgpt', time: now - 8 * 86_400_000, decision: decision({ category: 'math', route: 'neutral' }) }),
  ]);
  const page = await extensionPage(context, extensionId, OPTIONS);
  const rows = page.locator('table.history tbody tr');
  await expect(rows).toHaveCount(5);
  await expect(rows.first()).toContainText('Writing');
  await expect(rows.first()).toContainText('Persona');

  await page.getByLabel('Site', { exact: true }).selectOption('claude');
  await expect(rows).toHaveCount(2);
  await page.getByLabel('Route', { exact: true }).selectOption('neutral');
  await expect(rows).toHaveCount(2);
  await page.getByLabel('Site', { exact: true }).selectOption('all');
  await expect(rows).toHaveCount(3);
  await page.getByLabel('Route', { exact: true }).selectOption('not-routed');
  await expect(rows).toHaveCount(1);
  await page.getByLabel('Route', { exact: true }).selectOption('all');

  // The full decision opens from the time cell.
  await rows.first().getByRole('button').click();
  await expect(page.locator('.details-row')).toContainText('You are a writer.');

  // Chart: one SVG rect per category and week with a count; the unrouted entry is not a category.
  const chart = page.getByTestId('history-chart');
  await expect(chart.locator('rect.bar')).toHaveCount(4);
  const counted = await chart.locator('rect.bar').evaluateAll((rects) =>
    rects.reduce((sum, r) => sum + Number(r.getAttribute('data-count')), 0),
  );
  expect(counted).toBe(4);
  await expect(chart).toHaveAccessibleName(/4 in all/);

  await page.getByLabel('Most entries kept').fill('200');
  await page.getByLabel('Most entries kept').press('Enter');
  await expectStored(worker, (s) => s.history.maxEntries, 200);
  await page.getByLabel('Most days kept').fill('0');
  await page.getByLabel('Most days kept').press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'whole number' })).toBeVisible();
  await page.getByLabel('Most days kept').fill('7');
  await page.getByLabel('Most days kept').press('Enter');
  await expectStored(worker, (s) => s.history, { maxEntries: 200, maxDays: 7 });

  await page.getByRole('button', { name: 'Clear history' }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect.poll(() => storedHistory(worker)).toEqual([]);
  await expect(rows).toHaveCount(0);
});

test('export then import round-trips, with a preview before anything changes', async ({ context, extensionId, worker }, testInfo) => {
  const page = await extensionPage(context, extensionId, OPTIONS);
  const custom = structuredClone(DEFAULT_SETTINGS);
  custom.mode = 'auto';
  custom.sites.claude = false;
  custom.router.policy.extraction = 'never';
  custom.router.threshold = 0.7;
  custom.router.personaLength = 'long';
  custom.router.personaOverrides = { 'writing.business': { short: 'You write crisp business mail.' } };
  custom.history = { maxEntries: 300, maxDays: 14 };
  await saveSettings(page, custom);
  await page.reload();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export settings' }).click(),
  ]);
  const file = testInfo.outputPath('exported.json');
  await download.saveAs(file);
  const exported = JSON.parse(await readFile(file, 'utf8'));
  expect(exported.settings).toEqual(custom);

  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'UItoBG:resetSettings' }));
  await expectStored(worker, (s) => s.mode, DEFAULT_SETTINGS.mode);

  await page.getByLabel('Import settings from a file').setInputFiles(file);
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('Mode: Suggest → Auto');
  await expect(preview).toContainText('Policy for Extraction: Suggest → Never');
  // Previewing applies nothing.
  await expectStored(worker, (s) => s.mode, DEFAULT_SETTINGS.mode);

  await preview.getByRole('button', { name: 'Apply these settings' }).click();
  await expect(page.getByTestId('import-applied')).toBeVisible();
  await expectStored(worker, (s) => s, custom);
  expect(await getSettings(page)).toEqual(custom);
});

test('a malformed or foreign import shows a clear error and changes nothing', async ({ context, extensionId, worker }, testInfo) => {
  const page = await extensionPage(context, extensionId, OPTIONS);
  const custom = structuredClone(DEFAULT_SETTINGS);
  custom.mode = 'off';
  await saveSettings(page, custom);
  const before = await storedSettings(worker);
  expect(before?.mode).toBe('off');

  const cases: Array<[string, string, RegExp]> = [
    ['broken.json', '{"app": "persona-router", "kind": "settings", ', /not valid JSON/],
    ['foreign.json', JSON.stringify({ name: 'some other extension', mode: 'auto' }), /not a Persona Router settings file/],
    [
      'bad-field.json',
      JSON.stringify({ app: 'persona-router', kind: 'settings', version: 1, settings: { ...custom, mode: 'sometimes' } }),
      /mode must be/,
    ],
  ];
  for (const [name, text, message] of cases) {
    const file = path.join(testInfo.outputPath(), name);
    await writeFile(file, text);
    await page.getByLabel('Import settings from a file').setInputFiles(file);
    const error = page.getByTestId('import-error');
    await expect(error).toContainText(`"${name}" was not imported, and nothing was changed.`);
    await expect(error).toContainText(message);
    await expect(page.getByTestId('import-preview')).toHaveCount(0);
    expect(await storedSettings(worker)).toEqual(before);
  }
});
