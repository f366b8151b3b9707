import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import type { SiteId } from '../../src/shared/settings';
import {
  CHROMIUM_FLAGS,
  CHROMIUM_PATH,
  composerOf,
  extensionPage,
  openChat,
  sendButtonOf,
  sentTexts,
  stopButtonOf,
  test as extensionTest,
  userMessagesOf,
} from './support/extension';
import { fixtureResponse, serveFixtureSites } from './support/serve-sites';

// The fixture pages alone, in a browser without the extension: when an extension test fails, this file
// says whether the stand-in site itself still behaves like the live one.

const SITES: SiteId[] = ['chatgpt', 'claude'];
const CONVERSATION_URL: Record<SiteId, RegExp> = {
  chatgpt: /^https:\/\/chatgpt\.com\/c\/[\w-]+$/,
  claude: /^https:\/\/claude\.ai\/chat\/[\w-]+$/,
};

let browser: Browser;
test.beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
});
test.afterAll(async () => {
  await browser.close();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext();
  await serveFixtureSites(context);
  return context.newPage();
}

test.afterEach(async () => {
  for (const context of browser.contexts()) await context.close();
});

test('the fixture server blocks other hosts and unknown paths', async () => {
  expect(await fixtureResponse('https://example.com/')).toBeNull();
  expect(await fixtureResponse('http://chatgpt.com/')).toBeNull();
  expect((await fixtureResponse('https://chatgpt.com/backend-api/conversation'))?.status).toBe(404);
  expect((await fixtureResponse('https://claude.ai/chat/abc'))?.contentType).toContain('text/html');
  const page = await newPage();
  await expect(page.goto('https://example.com/')).rejects.toThrow();
});

for (const site of SITES) {
  test.describe(`${site} fixture page`, () => {
    test('Enter sends the editor text once, adds the user turn and clears the composer', async () => {
      const page = await newPage();
      const composer = await openChat(page, site);
      await page.keyboard.type('Write a short poem about tea');
      await page.keyboard.press('Enter');
      await expect.poll(() => sentTexts(page)).toEqual(['Write a short poem about tea']);
      await expect(userMessagesOf(page, site)).toHaveText(['Write a short poem about tea']);
      await expect(composer).toHaveText('');
      await expect(page).toHaveURL(CONVERSATION_URL[site]);
    });

    test('Shift+Enter starts a new paragraph and sends nothing; Enter then sends both lines', async () => {
      const page = await newPage();
      const composer = await openChat(page, site);
      await page.keyboard.type('first line');
      await page.keyboard.press('Shift+Enter');
      await page.keyboard.type('second line');
      await expect(composer.locator('p')).toHaveText(['first line', 'second line']);
      expect(await sentTexts(page)).toEqual([]);
      await page.keyboard.press('Enter');
      await expect.poll(() => sentTexts(page)).toEqual(['first line\nsecond line']);
    });

    test('Enter during IME composition sends nothing', async () => {
      const page = await newPage();
      const composer = await openChat(page, site);
      await page.keyboard.type('かな');
      await composer.evaluate((element) => {
        element.dispatchEvent(
          new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 229, isComposing: true, bubbles: true, cancelable: true }),
        );
      });
      expect(await sentTexts(page)).toEqual([]);
      await expect(composer).toHaveText('かな');
    });

    test('the send button appears with text and sends on click', async () => {
      const page = await newPage();
      await openChat(page, site);
      await expect(sendButtonOf(page, site)).toHaveCount(0);
      await page.keyboard.type('Solve 2x + 3 = 11');
      await sendButtonOf(page, site).click();
      await expect.poll(() => sentTexts(page)).toEqual(['Solve 2x + 3 = 11']);
      await expect(userMessagesOf(page, site)).toHaveText(['Solve 2x + 3 = 11']);
    });

    test('nothing is sent while an answer streams or when the composer is empty', async () => {
      const page = await newPage();
      // A long answer, so the busy window does not depend on how fast this machine types.
      await page.addInitScript(() => {
        window.__fixtureStreamMs = 60_000;
      });
      const composer = await openChat(page, site);
      await page.keyboard.press('Enter');
      expect(await sentTexts(page)).toEqual([]);
      await page.keyboard.type('one');
      await page.keyboard.press('Enter');
      await expect(stopButtonOf(page, site)).toBeVisible();
      await page.keyboard.type('two');
      await page.keyboard.press('Enter');
      expect(await sentTexts(page)).toEqual(['one']);
      await expect(composer).toHaveText('two');
      await stopButtonOf(page, site).click();
      await expect(stopButtonOf(page, site)).toHaveCount(0);
      await composer.click();
      await page.keyboard.press('Enter');
      await expect.poll(() => sentTexts(page)).toEqual(['one', 'two']);
    });

    test('a reload of the conversation shows the earlier user turns again', async () => {
      const page = await newPage();
      await openChat(page, site);
      await page.keyboard.type('remember me');
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(CONVERSATION_URL[site]);
      await expect(stopButtonOf(page, site)).toHaveCount(0);
      await page.reload();
      await page.waitForFunction(() => Array.isArray(window.__fixtureSent));
      await expect(userMessagesOf(page, site)).toHaveText(['remember me']);
      expect(await sentTexts(page)).toEqual([]);
      await expect(composerOf(page, site)).toBeVisible();
    });
  });
}

// The same pages with the built extension loaded: its worker starts and the pages still come up,
// whatever the content script does with them later.
extensionTest('the built extension loads next to the fixture pages', async ({ context, page, worker, extensionId }) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  expect(worker.url().startsWith(`chrome-extension://${extensionId}/`)).toBe(true);
  for (const site of SITES) {
    const composer = await openChat(page, site);
    await expect(composer).toBeFocused();
    expect(await sentTexts(page)).toEqual([]);
  }
  const popup = await extensionPage(context, extensionId, 'src/ui/popup/index.html');
  await expect(popup).toHaveURL(`chrome-extension://${extensionId}/src/ui/popup/index.html`);
});
