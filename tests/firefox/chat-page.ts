import assert from 'node:assert/strict';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import type { SiteId } from '../../src/shared/settings';
import { NEW_CHAT_URLS, SITE_ORIGINS } from '../e2e/support/serve-sites';
import { serveFixtureSites } from './firefox';

/**
 * The fixture chat pages (tests/fixtures/sites) as a Firefox test sees them. The selectors are the fixture's
 * own markup, which copies the live sites' (the Playwright helpers in tests/e2e/support use the same ones).
 */
const SELECTORS: Record<SiteId, { composer: string; send: string; userMessage: string }> = {
  chatgpt: {
    composer: '#prompt-textarea',
    send: 'button[data-testid="send-button"]',
    userMessage: '[data-message-author-role="user"]',
  },
  claude: {
    composer: '[data-testid="chat-input"]',
    send: 'button[aria-label="Send message"]',
    userMessage: '[data-testid="user-message"]',
  },
};

/** Where the extension marks its badge hosts (issue #3). */
export const BADGE_SELECTOR = '[data-persona-router-badge]';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `read` until `done` accepts its value; fails with `message` and the last value after `timeout`. */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, message: string, timeout = 5_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`${message} (last seen: ${JSON.stringify(value)?.slice(0, 300)})`);
    await sleep(100);
  }
}

export interface MessageBadges {
  message: string;
  /** The visible text of each badge attached to this user message. */
  badges: string[];
}

export class ChatPage {
  constructor(
    readonly page: Page,
    readonly site: SiteId,
  ) {}

  static async open(browser: Browser, site: SiteId, pathname?: string): Promise<ChatPage> {
    const page = await browser.newPage();
    // PR_FIREFOX_CONSOLE=1 echoes the page's console (the content script's warnings included) for debugging.
    if (process.env.PR_FIREFOX_CONSOLE) page.on('console', (message) => console.error(`  [${site} console.${message.type()}] ${message.text()}`));
    await serveFixtureSites(page);
    const chat = new ChatPage(page, site);
    await chat.load(pathname ? SITE_ORIGINS[site] + pathname : NEW_CHAT_URLS[site]);
    return chat;
  }

  async load(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'load' });
    await this.page.waitForFunction(() => Array.isArray(window.__fixtureSent), { timeout: 10_000 });
    await this.page.waitForSelector(`${SELECTORS[this.site].composer}[contenteditable="true"]`, { timeout: 10_000 });
  }

  /** Reloads the current conversation, as a user pressing F5. */
  async reload(): Promise<void> {
    await this.load(this.page.url());
  }

  async focusComposer(): Promise<void> {
    await this.page.click(SELECTORS[this.site].composer);
  }

  async type(text: string): Promise<void> {
    await this.focusComposer();
    await this.page.keyboard.type(text);
  }

  /**
   * Puts a long text into the composer through the editor's input path in one step (typing 100,000 keys would
   * take minutes); ProseMirror reads it from the DOM like any typed text.
   */
  async insertText(text: string): Promise<void> {
    await this.focusComposer();
    const ok = await this.page.evaluate((t) => document.execCommand('insertText', false, t), text);
    assert.ok(ok, 'execCommand insertText was refused');
    await waitFor(() => this.composerText(), (now) => now === text, 'the composer never held the inserted text');
  }

  async pressEnter(): Promise<void> {
    await this.page.keyboard.press('Enter');
  }

  async pressShiftEnter(): Promise<void> {
    await this.page.keyboard.down('Shift');
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.up('Shift');
  }

  /**
   * The keydown an IME sends when Enter confirms a composition. BiDi cannot drive a real IME, so the event is
   * dispatched on the composer as the browser would deliver it (isComposing, keyCode 229).
   */
  async composingEnter(): Promise<void> {
    await this.page.$eval(SELECTORS[this.site].composer, (composer) => {
      const init = { key: 'Enter', code: 'Enter', keyCode: 229, isComposing: true, bubbles: true, cancelable: true, composed: true };
      composer.dispatchEvent(new KeyboardEvent('keydown', init));
    });
  }

  async clickSend(): Promise<void> {
    const button = await this.page.waitForSelector(SELECTORS[this.site].send, { visible: true, timeout: 5_000 });
    assert.ok(button, 'no send button');
    await button.click();
  }

  /** Marks, in the page, when the next Enter keydown happens, before any listener of the extension sees it. */
  async stampNextEnter(): Promise<void> {
    await this.page.evaluate(() => {
      const w = window as unknown as { __enterAt?: number };
      delete w.__enterAt;
      // The window's capture phase runs before the content script's listeners on the document.
      window.addEventListener(
        'keydown',
        (event) => {
          if (event.key === 'Enter' && w.__enterAt === undefined) w.__enterAt = event.timeStamp;
        },
        { capture: true },
      );
    });
  }

  /**
   * For the stamped Enter and the last prompt the site received: the time between them (ms) and when the Enter
   * happened (ms since the epoch, to compare with other documents' clocks).
   */
  sendTiming(): Promise<{ delay: number; enterEpoch: number }> {
    return this.page.evaluate(() => {
      const enterAt = (window as unknown as { __enterAt?: number }).__enterAt;
      const last = window.__fixtureSent.at(-1);
      if (enterAt === undefined || !last) throw new Error('no stamped Enter or no prompt received');
      return { delay: last.at - enterAt, enterEpoch: performance.timeOrigin + enterAt };
    });
  }

  /** Every prompt the fixture site received on this page load, in order. */
  sent(): Promise<string[]> {
    return this.page.evaluate(() => window.__fixtureSent.map((entry) => entry.text));
  }

  /**
   * The composer's text exactly as the fixture would send it: read from the ProseMirror document (the view
   * hangs its description on the editor's DOM node as pmViewDesc), blocks and hard breaks as "\n", like
   * editorText() in tests/fixtures/sites/app/composer.ts.
   */
  composerText(): Promise<string> {
    return this.page.$eval(SELECTORS[this.site].composer, (composer) => {
      interface PMNode {
        content: { size: number };
        type: { name: string };
        textBetween(from: number, to: number, block: string, leaf: (node: PMNode) => string): string;
      }
      const doc = (composer as unknown as { pmViewDesc?: { node?: PMNode } }).pmViewDesc?.node;
      if (!doc) throw new Error('the composer is not a ProseMirror editor');
      return doc.textBetween(0, doc.content.size, '\n', (leaf) => (leaf.type.name === 'hard_break' ? '\n' : ''));
    });
  }

  /** Waits for a first send and returns it, after a pause long enough for a second one to show up. */
  async sentOnce(timeout = 5_000): Promise<string> {
    await waitFor(() => this.sent(), (sent) => sent.length > 0, 'the site never received the prompt', timeout);
    await sleep(500);
    const sent = await this.sent();
    assert.equal(sent.length, 1, `the site received ${sent.length} prompts instead of one`);
    return sent[0]!;
  }

  /** Each user message with the visible text of the badges attached to it. */
  messageBadges(): Promise<MessageBadges[]> {
    // No helper functions inside: tsx's name-keeping wrapper (__name) does not exist in the page.
    return this.page.$$eval(
      SELECTORS[this.site].userMessage,
      (messages, badgeSelector) =>
        messages.map((message) => {
          // A badge belongs to the message it sits in, or to the turn around it when no other message is there.
          const scope = message.parentElement ?? message;
          const own = Array.from(scope.querySelectorAll(badgeSelector)).filter(
            (badge) => message.contains(badge) || !messages.some((other) => other !== message && other.contains(badge)),
          );
          const badges = own.map((host) => {
            const walker = document.createTreeWalker(host.shadowRoot ?? host, NodeFilter.SHOW_TEXT);
            let text = '';
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const parent = node.parentElement;
              if (parent && parent.localName !== 'style' && parent.checkVisibility()) text += node.textContent;
            }
            return text.replace(/\s+/g, ' ').trim();
          });
          const clone = message.cloneNode(true) as Element;
          clone.querySelectorAll(badgeSelector).forEach((badge) => badge.remove());
          // A message rendered as one <p> per paragraph (Claude) has no text between them; a reader sees a break.
          clone.querySelectorAll('p').forEach((paragraph) => paragraph.after('\n'));
          return { message: clone.textContent ?? '', badges };
        }),
      BADGE_SELECTOR,
    );
  }

  /** The suggestion chip's button with this visible text, if the chip is showing. */
  async chipButton(label: 'Insert' | 'Dismiss'): Promise<ElementHandle<HTMLButtonElement> | null> {
    const handle = await this.page.evaluateHandle((wanted) => {
      for (const host of Array.from(document.querySelectorAll('body *'))) {
        const root = host.shadowRoot;
        if (!root) continue;
        const buttons = Array.from(root.querySelectorAll('button'));
        const hasBoth = ['Insert', 'Dismiss'].every((name) => buttons.some((b) => b.textContent?.trim() === name));
        const button = buttons.find((b) => b.textContent?.trim() === wanted);
        if (hasBoth && button && button.checkVisibility()) return button;
      }
      return null;
    }, label);
    const element = handle.asElement() as ElementHandle<HTMLButtonElement> | null;
    if (!element) await handle.dispose();
    return element;
  }

  /** The visible text of the suggestion chip ("Add <persona> Insert Dismiss"), or null when none shows. */
  chipText(): Promise<string | null> {
    return this.page.evaluate(() => {
      for (const host of Array.from(document.querySelectorAll('body *'))) {
        const root = host.shadowRoot;
        if (!root) continue;
        const buttons = Array.from(root.querySelectorAll('button'));
        if (!['Insert', 'Dismiss'].every((name) => buttons.some((b) => b.textContent?.trim() === name))) continue;
        if (!buttons.some((b) => b.checkVisibility())) continue;
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        let text = '';
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const parent = node.parentElement;
          if (parent && parent.localName !== 'style' && parent.checkVisibility()) text += ` ${node.textContent}`;
        }
        return text.replace(/\s+/g, ' ').trim();
      }
      return null;
    });
  }

  async close(): Promise<void> {
    await this.page.close().catch(() => undefined);
  }
}
