import type { Page } from '@playwright/test';
import type { Decision } from '../../src/router/types';
import { expect, extensionPage, openChat, sentTexts, test } from './support/extension';
import { OPTIONS, POPUP, expectStored } from './ui-support';

// What the popup and options controls do on a fixture chat page (ChatGPT stand-in served at chatgpt.com).

const POEM = 'Write a short poem about autumn leaves falling in a quiet park.';
const NOTE = 'Draft a warm thank-you note to my neighbour for watering my plants while I was away.';

async function send(chat: Page, text: string): Promise<string> {
  const before = (await sentTexts(chat)).length;
  await openChatComposer(chat);
  await chat.keyboard.type(text);
  await chat.keyboard.press('Enter');
  await expect.poll(async () => (await sentTexts(chat)).length).toBe(before + 1);
  return (await sentTexts(chat))[before]!;
}

async function openChatComposer(chat: Page) {
  await chat.bringToFront();
  await chat.locator('#prompt-textarea').click();
}

async function classify(page: Page, text: string): Promise<Decision> {
  return page.evaluate((t) => chrome.runtime.sendMessage({ type: 'UItoBG:classify', text: t }), text);
}

test('auto-persona from the popup adds a persona to the next writing prompt; policy never stops it', async ({ context, extensionId, worker }) => {
  const chat = await context.newPage();
  await openChat(chat, 'chatgpt');

  // Suggest mode (the default) never changes what is sent.
  expect(await send(chat, POEM)).toBe(POEM);

  const popup = await extensionPage(context, extensionId, POPUP);
  const expected = await classify(popup, POEM);
  expect(expected.route).toBe('persona');
  await popup.getByRole('switch', { name: 'Auto-persona' }).click();
  await expectStored(worker, (s) => s.mode, 'auto');

  const withPersona = await send(chat, POEM);
  expect(withPersona).not.toBe(POEM);
  expect(withPersona.endsWith(POEM)).toBe(true);
  expect(withPersona.startsWith(expected.persona!.text.trim())).toBe(true);

  // The popup for that tab lists what really happened, newest first.
  const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ url: 'https://chatgpt.com/*' }))[0]?.id);
  await popup.goto(`${popup.url().split('?')[0]}?tab=${tabId}`);
  const items = popup.locator('ul.recent > li');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('Persona · Writing');
  await expect(items.nth(0)).toContainText(`Persona: ${expected.persona!.name}`);
  await items.nth(0).getByRole('button').click();
  await expect(items.nth(0).locator('.decision')).toContainText('Persona inserted on send');

  const options = await extensionPage(context, extensionId, OPTIONS);
  await options.getByLabel('Writing', { exact: true }).selectOption('never');
  await expectStored(worker, (s) => s.router.policy.writing, 'never');

  expect(await send(chat, POEM)).toBe(POEM);
});

test('an edited persona text is the one inserted', async ({ context, extensionId, worker }) => {
  const options = await extensionPage(context, extensionId, OPTIONS);
  const personaId = (await classify(options, NOTE)).persona?.id;
  expect(personaId).toBeTruthy();

  await options.getByRole('switch', { name: 'Auto-persona' }).click();
  await options.getByLabel('Persona', { exact: true }).selectOption(personaId!);
  // The default length is the one being edited.
  await expect(options.getByRole('radio', { name: 'Short' })).toBeChecked();
  const edited = 'You are my neighbour-friendly letter writer; keep it under eighty words.';
  const editor = options.locator('.persona-editor[data-length="short"]');
  await editor.getByRole('textbox').fill(edited);
  await editor.getByRole('button', { name: 'Save' }).click();
  await expectStored(worker, (s) => [s.mode, s.router.personaOverrides[personaId!]?.short], ['auto', edited]);
  await expect(options.getByTestId('persona-preview')).toContainText(edited);

  const chat = await context.newPage();
  await openChat(chat, 'chatgpt');
  const sent = await send(chat, NOTE);
  expect(sent.startsWith(edited)).toBe(true);
  expect(sent.endsWith(NOTE)).toBe(true);
});
