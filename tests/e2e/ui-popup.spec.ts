import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, extensionPage, openChat, test } from './support/extension';
import { POPUP, decision, entry, expectStored, seedHistory } from './ui-support';

// The popup in Chromium with the built extension. Playwright cannot open the real toolbar popup, so the
// popup page is opened as a tab and told which tab it stands for with ?tab=<id> (see current-tab.ts).

async function tabIdOf(worker: Worker, url: string): Promise<number> {
  const id = await worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, url);
  if (id === undefined) throw new Error(`no tab at ${url}`);
  return id;
}

async function popupFor(context: BrowserContext, extensionId: string, tabId: number): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${POPUP}?tab=${tabId}`);
  return page;
}

test('popup controls change the stored settings; a non-chat tab says so', async ({ context, extensionId, worker }) => {
  const popup = await extensionPage(context, extensionId, POPUP);
  await expect(popup.getByRole('status').filter({ hasText: 'Not a chat site' })).toBeVisible();
  await expect(popup.getByRole('switch', { name: /Active on/ })).toHaveCount(0);

  const auto = popup.getByRole('switch', { name: 'Auto-persona' });
  await auto.click();
  await expectStored(worker, (s) => s.mode, 'auto');
  await expect(popup.getByTestId('mode-pill')).toHaveText('Auto');
  // Keyboard alone: Space toggles the focused switch back.
  await auto.press('Space');
  await expectStored(worker, (s) => s.mode, 'suggest');

  await popup.getByRole('radio', { name: 'Off' }).check();
  await expectStored(worker, (s) => s.mode, 'off');
  await expect(auto).not.toBeChecked();
  // The toolbar icon's tooltip names the mode at a glance (the icon itself switches variant alongside).
  await expect.poll(() => worker.evaluate(() => chrome.action.getTitle({}))).toBe('Persona Router: Off');
  await popup.getByRole('radio', { name: 'Auto' }).check();
  await expectStored(worker, (s) => s.mode, 'auto');
  await expect(auto).toBeChecked();

  const link = popup.getByRole('link', { name: 'Settings, personas and history' });
  const [options] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await expect(options).toHaveURL(/src\/ui\/options\/index\.html/);
});

test('on a chat tab: adapter status, the per-site switch and this tab’s last messages', async ({ context, extensionId, worker }) => {
  const chat = await context.newPage();
  await openChat(chat, 'chatgpt');
  const tabId = await tabIdOf(worker, 'https://chatgpt.com/*');

  const now = Date.now();
  await seedHistory(worker, [
    entry({
      site: 'chatgpt',
      tabId,
      time: now - 1_000,
      outcome: 'inserted',
      decision: decision({
        category: 'writing',
        route: 'persona',
        confidence: 0.91,
        reason: 'writing prompt, policy auto',
        persona: { id: 'writing', name: 'Writer and editor', text: 'You are a <i>careful</i> writer.' },
      }),
    }),
    entry({ site: 'chatgpt', tabId, time: now - 2_000, decision: decision({ category: 'math', route: 'neutral', confidence: 0.74 }) }),
    entry({ site: 'chatgpt', tabId: tabId + 1000, time: now - 500, decision: decision({ category: 'coding', route: 'neutral' }) }),
  ]);

  const popup = await popupFor(context, extensionId, tabId);
  await expect(popup.getByRole('status').filter({ hasText: 'ChatGPT: working' })).toBeVisible();

  const items = popup.locator('ul.recent > li');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('Persona · Writing');
  await expect(items.nth(0)).toContainText('91%');
  await expect(items.nth(0)).toContainText('Persona: Writer and editor');
  await expect(items.nth(0)).toContainText('writing prompt, policy auto');
  await expect(items.nth(1)).toContainText('Neutral · Math');
  await expect(popup.locator('ul.recent')).not.toContainText('Coding');

  const first = items.nth(0).getByRole('button');
  await expect(first).toHaveAttribute('aria-expanded', 'false');
  await first.press('Enter');
  await expect(first).toHaveAttribute('aria-expanded', 'true');
  const details = items.nth(0).locator('.decision');
  await expect(details).toContainText('Persona inserted on send');
  // The persona text is text, never markup.
  await expect(details.locator('.persona-text')).toHaveText('You are a <i>careful</i> writer.');
  await expect(details.locator('i')).toHaveCount(0);
  await expect(details.locator('.scores li')).toHaveCount(8);

  const siteSwitch = popup.getByRole('switch', { name: 'Active on ChatGPT' });
  await expect(siteSwitch).toBeChecked();
  await siteSwitch.click();
  await expectStored(worker, (s) => s.sites, { chatgpt: false, claude: true });
  await expect(siteSwitch).toHaveAccessibleDescription('Nothing is read or changed on ChatGPT while this is off.');

  // When the adapter stops finding the composer (a site redesign), the popup says so. The report is written
  // where the content script's report goes (the worker's tab-status store in storage.session).
  await worker.evaluate((id) => chrome.storage.session.set({ [`tabStatus:${id}`]: { site: 'chatgpt', composerFound: false } }), tabId);
  await expect(popup.getByRole('status').filter({ hasText: 'the message box was not found' })).toBeVisible();
});

test('the popup works with the keyboard alone', async ({ context, extensionId, worker }) => {
  const popup = await extensionPage(context, extensionId, POPUP);
  const focused = () => popup.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
  await expect(popup.getByRole('switch', { name: 'Auto-persona' })).toBeVisible();

  await popup.keyboard.press('Tab');
  expect(await focused()).toBe('auto-persona');
  await popup.keyboard.press('Space');
  await expectStored(worker, (s) => s.mode, 'auto');

  // Into the mode group: focus lands on the checked radio; arrows move the choice.
  await popup.keyboard.press('Tab');
  expect(await focused()).toBe('mode-auto');
  await popup.keyboard.press('ArrowLeft');
  await expectStored(worker, (s) => s.mode, 'suggest');
  await popup.keyboard.press('ArrowLeft');
  await expectStored(worker, (s) => s.mode, 'off');

  await popup.keyboard.press('Tab');
  expect(await focused()).toBe('A');
  const [options] = await Promise.all([context.waitForEvent('page'), popup.keyboard.press('Enter')]);
  await expect(options).toHaveURL(/src\/ui\/options\/index\.html/);
});
