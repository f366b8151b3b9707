import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import type { Decision } from '../../src/router/types';
import { CATEGORIES } from '../../src/router/types';
import type { SiteId } from '../../src/shared/settings';
import { ChatPage, sleep, waitFor } from './chat-page';
import { ask, type ControlPage, openExtensionPage, POPUP_PATH, OPTIONS_PATH } from './extension-pages';
import { EXTENSION_DIR } from './firefox';

/** The extension scenarios of issue #3 (and the Firefox part of issue #4), as Firefox ESR runs them. */

export interface Env {
  browser: Browser;
  control: ControlPage;
}

export interface Scenario {
  name: string;
  run(env: Env, site: SiteId): Promise<void>;
}

export const WRITING = 'Write a short poem about drinking green tea on a rainy morning';
const MATH = 'Solve for x: 3x + 7 = 22. Show each step.';
const WITH_PERSONA = 'You are a seasoned travel writer. Write a short blog post about a rainy weekend in Lisbon.';
/** How long the fixture streams its answer (tests/fixtures/sites/app/chat-app.ts STREAM_MS) plus slack. */
const STREAM_WAIT_MS = 900;

/** 100,000 characters of prose, one paragraph, ending in a visible character (editors may drop a trailing space). */
function longPrompt(): string {
  const unit = 'Rewrite these harbour notes as a calm letter: the ferry leaves at dawn, gulls circle the masts, and the fish market opens late. ';
  return `${unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 99_999)}.`;
}

/** What auto mode should send for a prompt the worker routed this way: the preamble in front only for an 'auto' persona. */
function autoSend(decision: Decision, prompt: string): string {
  return decision.route === 'persona' && decision.action === 'auto' && decision.persona ? decision.persona.text + prompt : prompt;
}

/** The router has to see the writing prompt as writing with a persona, or the scenario tests nothing. */
export async function writingDecision(env: Env, prompt = WRITING): Promise<Decision & { persona: NonNullable<Decision['persona']> }> {
  const decision = await env.control.classify(prompt);
  assert.equal(decision.category, 'writing', `the router classified the writing prompt as ${decision.category}`);
  assert.equal(decision.route, 'persona', `the writing prompt was routed ${decision.route}: ${decision.reason}`);
  assert.ok(decision.persona, 'a persona route without a persona');
  return decision as Decision & { persona: NonNullable<Decision['persona']> };
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

export async function withChat(env: Env, site: SiteId, body: (chat: ChatPage) => Promise<void>, pathname?: string): Promise<void> {
  const chat = await ChatPage.open(env.browser, site, pathname);
  try {
    await body(chat);
  } finally {
    await chat.close();
  }
}

/**
 * The sent text is the preamble exactly as the router formats it (persona text, then a blank line) followed by
 * the prompt exactly as typed: the same strict check the Chromium suite makes (tests/e2e/extension-scenarios.ts).
 * On failure, says whether only the separator differs, the one difference seen in Firefox so far.
 */
export function assertPreamblePlusPrompt(actual: string, preamble: string, prompt: string, what: string): void {
  if (actual === preamble + prompt) return;
  const body = preamble.trimEnd();
  if (actual.startsWith(body) && actual.endsWith(prompt) && actual.length > body.length + prompt.length) {
    const separator = actual.slice(body.length, actual.length - prompt.length);
    if (separator.trim() === '') {
      assert.fail(`${what}: preamble and prompt arrived whole, but separated by ${JSON.stringify(separator)} instead of ${JSON.stringify(preamble.slice(body.length))}`);
    }
  }
  assert.equal(actual, preamble + prompt, what);
}

async function sendsWithPersona(env: Env, site: SiteId, send: (chat: ChatPage) => Promise<void>): Promise<void> {
  await env.control.reset('auto');
  const decision = await writingDecision(env);
  await withChat(env, site, async (chat) => {
    await chat.type(WRITING);
    await send(chat);
    assertPreamblePlusPrompt(await chat.sentOnce(), decision.persona.text, WRITING, 'the site did not receive preamble + prompt');
  });
}

async function sentUnchanged(env: Env, site: SiteId, prompt: string, expectNeutral: string): Promise<void> {
  await env.control.reset('auto');
  const decision = await env.control.classify(prompt);
  assert.equal(decision.route, 'neutral', `${expectNeutral} was routed ${decision.route} (${decision.category}): ${decision.reason}`);
  await withChat(env, site, async (chat) => {
    await chat.type(prompt);
    await chat.pressEnter();
    assert.equal(await chat.sentOnce(), prompt);
  });
}

const AUTO_PERSONA_LABEL = 'Auto-persona';

/** Clicks the switch whose accessible name is "Auto-persona" (a label, aria-label or aria-labelledby). */
async function autoPersonaSwitch(page: Page): Promise<ElementHandle<HTMLElement>> {
  // No helper functions inside: tsx's name-keeping wrapper (__name) does not exist in the page.
  const handle = await page.waitForFunction(
    (name) =>
      Array.from(document.querySelectorAll('[role="switch"], input[type="checkbox"]')).find((el) => {
        const labelledBy = el.getAttribute('aria-labelledby');
        const labels = (el as HTMLInputElement).labels;
        const accessibleName = labelledBy
          ? labelledBy.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
          : (el.getAttribute('aria-label') ?? (labels?.length ? Array.from(labels, (l) => l.textContent ?? '').join(' ') : (el.textContent ?? '')));
        return accessibleName.trim() === name;
      }) ?? null,
    { timeout: 10_000, polling: 100 },
    AUTO_PERSONA_LABEL,
  );
  return handle.asElement() as ElementHandle<HTMLElement>;
}

function isOn(element: ElementHandle<HTMLElement>): Promise<boolean> {
  return element.evaluate((el) => (el.localName === 'input' ? (el as HTMLInputElement).checked : el.getAttribute('aria-checked') === 'true'));
}

export const SITE_SCENARIOS: Scenario[] = [
  {
    name: 'auto: Enter sends preamble + prompt exactly once',
    run: (env, site) => sendsWithPersona(env, site, (chat) => chat.pressEnter()),
  },
  {
    name: 'auto: send button sends preamble + prompt exactly once',
    run: (env, site) => sendsWithPersona(env, site, (chat) => chat.clickSend()),
  },
  {
    name: 'auto: math prompt arrives unchanged',
    run: (env, site) => sentUnchanged(env, site, MATH, 'the math prompt'),
  },
  {
    name: 'auto: prompt that already has a persona gets none added',
    run: (env, site) => sentUnchanged(env, site, WITH_PERSONA, 'the prompt with its own persona'),
  },
  {
    name: 'auto: Shift+Enter adds a newline and sends nothing',
    async run(env, site) {
      await env.control.reset('auto');
      await withChat(env, site, async (chat) => {
        await chat.type('First line of a limerick about a cat');
        await chat.pressShiftEnter();
        await chat.page.keyboard.type('second line');
        await sleep(600);
        assert.deepEqual(await chat.sent(), [], 'Shift+Enter sent the prompt');
        assert.equal(await chat.composerText(), 'First line of a limerick about a cat\nsecond line');
      });
    },
  },
  {
    name: 'auto: Enter during IME composition is not intercepted',
    async run(env, site) {
      await env.control.reset('auto');
      await writingDecision(env);
      await withChat(env, site, async (chat) => {
        await chat.type(WRITING);
        await chat.composingEnter();
        await sleep(800);
        assert.deepEqual(await chat.sent(), [], 'an Enter that ends a composition sent the prompt');
        assert.equal(await chat.composerText(), WRITING, 'an Enter that ends a composition changed the prompt');
      });
    },
  },
  {
    name: 'auto: a 100,000-character prompt is sent intact',
    async run(env, site) {
      await env.control.reset('auto');
      const prompt = longPrompt();
      assert.equal(prompt.length, 100_000);
      const decision = await env.control.classify(prompt);
      await withChat(env, site, async (chat) => {
        await chat.insertText(prompt);
        await chat.pressEnter();
        const sent = await chat.sentOnce(10_000);
        const withPersona = autoSend(decision, prompt) !== prompt;
        const tail = sent.slice(sent.length - prompt.length);
        if (tail !== prompt) {
          const at = Array.from(prompt).findIndex((char, i) => tail[i] !== char);
          assert.fail(`the long prompt arrived altered: ${sent.length} characters sent, first difference at prompt index ${at}`);
        }
        if (!withPersona) {
          assert.equal(sent.length, prompt.length, `a neutral long prompt (${decision.category}) arrived with something added`);
        } else if (sent.length === prompt.length) {
          // Allowed by issue #3 only when the worker missed the send budget: then the message must say "Not routed".
          const badges = await waitFor(() => chat.messageBadges(), (all) => all[0]?.badges.length === 1, 'the unmodified long prompt got no badge');
          assert.deepEqual(badges[0]!.badges, ['Not routed'], 'the long prompt was routed to a persona but sent without it');
        } else {
          assertPreamblePlusPrompt(sent, decision.persona!.text, prompt, 'the long prompt arrived with something else in front');
        }
      });
    },
  },
  {
    name: 'suggest: the chip offers the persona and Insert adds the preamble',
    async run(env, site) {
      await env.control.reset('suggest');
      const decision = await writingDecision(env);
      await withChat(env, site, async (chat) => {
        await chat.type(WRITING);
        const text = await waitFor(() => chat.chipText(), (t) => t !== null, 'no suggestion chip appeared');
        assert.ok(text?.includes(decision.persona.name), `the chip does not name the persona "${decision.persona.name}": ${text}`);
        const insert = await chat.chipButton('Insert');
        assert.ok(insert, 'no Insert button');
        await insert.click();
        await waitFor(() => chat.composerText(), (t) => t !== WRITING, 'Insert did not change the composer');
        assertPreamblePlusPrompt(await chat.composerText(), decision.persona.text, WRITING, 'Insert did not put the preamble before the prompt');
        assert.deepEqual(await chat.sent(), [], 'Insert sent the prompt');
        await chat.focusComposer();
        await chat.pressEnter();
        assertPreamblePlusPrompt(await chat.sentOnce(), decision.persona.text, WRITING, 'the accepted suggestion was not sent as preamble + prompt');
      });
    },
  },
  {
    name: 'suggest: Dismiss changes nothing',
    async run(env, site) {
      await env.control.reset('suggest');
      await writingDecision(env);
      await withChat(env, site, async (chat) => {
        await chat.type(WRITING);
        await waitFor(() => chat.chipText(), (t) => t !== null, 'no suggestion chip appeared');
        const dismiss = await chat.chipButton('Dismiss');
        assert.ok(dismiss, 'no Dismiss button');
        await dismiss.click();
        await waitFor(() => chat.chipText(), (t) => t === null, 'the chip stayed after Dismiss');
        assert.equal(await chat.composerText(), WRITING);
        assert.deepEqual(await chat.sent(), []);
        await chat.focusComposer();
        await chat.pressEnter();
        assert.equal(await chat.sentOnce(), WRITING, 'suggest mode changed the prompt on send');
      });
    },
  },
  {
    name: 'each sent message gets a badge naming route and category',
    async run(env, site) {
      await env.control.reset('auto');
      const writing = await writingDecision(env);
      await withChat(env, site, async (chat) => {
        await chat.type(WRITING);
        await chat.pressEnter();
        await waitFor(() => chat.sent(), (s) => s.length === 1, 'the writing prompt was not sent');
        await sleep(STREAM_WAIT_MS);
        await chat.type(MATH);
        await chat.pressEnter();
        await waitFor(() => chat.sent(), (s) => s.length === 2, 'the math prompt was not sent');
        const badges = await waitFor(
          () => chat.messageBadges(),
          (all) => all.length === 2 && all.every((m) => m.badges.length > 0),
          'not every sent message got a badge',
        );
        // Which message is which (the fixture renders lines as blocks, so whitespace is compared loosely).
        assert.equal(squeeze(badges[0]!.message), squeeze(writing.persona.text + WRITING));
        assert.deepEqual(badges[0]!.badges, ['Persona · writing']);
        assert.equal(squeeze(badges[1]!.message), squeeze(MATH));
        assert.deepEqual(badges[1]!.badges, ['Neutral · math']);
      });
    },
  },
  {
    name: 'badges come back after a reload',
    async run(env, site) {
      await env.control.reset('auto');
      await withChat(env, site, async (chat) => {
        await chat.type(MATH);
        await chat.pressEnter();
        await waitFor(() => chat.messageBadges(), (all) => all.length === 1 && all[0]!.badges.length === 1, 'the message got no badge');
        await sleep(STREAM_WAIT_MS);
        const conversation = chat.page.url();
        assert.ok(!['/', '/new'].includes(new URL(conversation).pathname), `the chat never moved to a conversation URL: ${conversation}`);
        await chat.reload();
        assert.equal(chat.page.url(), conversation);
        const badges = await waitFor(
          () => chat.messageBadges(),
          (all) => all.length === 1 && all[0]!.badges.length > 0,
          'the badge did not come back after the reload',
        );
        assert.deepEqual(badges[0]!.badges, ['Neutral · math']);
      });
    },
  },
  {
    name: 'popup: the Auto-persona switch stores the mode and drives the chat page',
    async run(env, site) {
      await env.control.reset('suggest');
      const decision = await writingDecision(env);
      await withChat(env, site, async (chat) => {
        const popup = await openExtensionPage(env.browser, POPUP_PATH);
        try {
          const toggle = await autoPersonaSwitch(popup);
          assert.equal(await isOn(toggle), false, 'the switch is on while the mode is suggest');
          await toggle.click();
          await waitFor(() => env.control.settings(), (s) => s.mode === 'auto', 'turning the switch on did not store mode auto');
          assert.equal(await isOn(toggle), true);
          // The open chat follows the change: the next writing prompt gets its persona on Enter.
          await chat.type(WRITING);
          await chat.pressEnter();
          assertPreamblePlusPrompt(await chat.sentOnce(), decision.persona.text, WRITING, 'auto-persona on did not add the persona');
          await toggle.click();
          await waitFor(() => env.control.settings(), (s) => s.mode === 'suggest', 'turning the switch off did not store mode suggest');
          assert.equal(await isOn(toggle), false);
        } finally {
          await popup.close().catch(() => undefined);
        }
      });
      await withChat(env, site, async (chat) => {
        await chat.type(WRITING);
        await chat.pressEnter();
        assert.equal(await chat.sentOnce(), WRITING, 'with auto-persona off the prompt was changed on send');
      });
    },
  },
];

export const EXTENSION_SCENARIOS: Scenario[] = [
  {
    // Firefox 127+ grants an MV3 add-on's host_permissions at install (pref extensions.originControls.grantByDefault,
    // true by default, left alone here); a user can still revoke them, which is why the manifest asks for so few.
    name: 'host permissions for the chat sites are granted at install',
    async run(env) {
      const manifest = JSON.parse(await readFile(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { host_permissions?: string[] };
      const origins = manifest.host_permissions ?? [];
      assert.ok(origins.length > 0, 'the manifest has no host_permissions');
      const granted = await env.control.page.evaluate(async () => {
        const api = (globalThis as unknown as { browser: { permissions: { getAll(): Promise<{ origins?: string[] }> } } }).browser;
        return (await api.permissions.getAll()).origins ?? [];
      });
      assert.deepEqual([...granted].sort(), [...origins].sort(), 'granted origins differ from host_permissions');
    },
  },
  {
    name: 'options page opens with its title and a policy control per category',
    async run(env) {
      const messages = JSON.parse(await readFile(path.join(EXTENSION_DIR, '_locales', 'en', 'messages.json'), 'utf8')) as Record<
        string,
        { message: string }
      >;
      const title = messages.optionsTitle?.message;
      assert.ok(title, 'no optionsTitle in _locales/en/messages.json');
      const page = await openExtensionPage(env.browser, OPTIONS_PATH);
      try {
        await page.waitForFunction((expected) => document.querySelector('h1')?.textContent?.trim() === expected, { timeout: 10_000 }, title);
        const unlabelled = await page.evaluate((categories) => {
          const labelled = Array.from(document.querySelectorAll('select, input')).flatMap((control) =>
            Array.from((control as HTMLSelectElement).labels ?? [], (label) => (label.textContent ?? '').trim().toLowerCase()),
          );
          return categories.filter((category) => !labelled.some((label) => label.includes(category)));
        }, CATEGORIES as unknown as string[]);
        assert.deepEqual(unlabelled, [], 'categories without a labelled policy control');
        const stored = await ask(page, { type: 'UItoBG:getSettings' });
        assert.ok(['off', 'suggest', 'auto'].includes(stored.mode));
      } finally {
        await page.close().catch(() => undefined);
      }
    },
  },
];
