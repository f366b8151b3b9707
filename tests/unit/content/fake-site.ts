import { vi } from 'vitest';
import type { ContentContext } from '../../../src/content/context';
import { DecisionBook } from '../../../src/content/decision-book';
import type { Decision } from '../../../src/router/types';
import type { CStoBG } from '../../../src/shared/messages';
import type { SiteAdapter } from '../../../src/sites';

/**
 * A minimal chat page in jsdom: a textarea composer in a form, a send button, a message list. Like the real
 * sites, it sends on Enter (its own keydown handler) and on a send click, appends the user turn and clears
 * the composer. `sent` is what the "server" received.
 */
export function fakeSite(doc: Document) {
  doc.body.replaceChildren();
  const list = doc.createElement('main');
  const form = doc.createElement('form');
  const composer = doc.createElement('textarea');
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'send';
  form.append(composer, button);
  doc.body.append(list, form);
  const sent: string[] = [];
  const state = { busy: false };
  const send = () => {
    if (state.busy || composer.value.trim() === '') return;
    sent.push(composer.value);
    const turn = doc.createElement('div');
    turn.className = 'user';
    turn.textContent = composer.value;
    list.append(turn);
    composer.value = '';
  };
  composer.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      send();
    }
  });
  button.addEventListener('click', send);

  const adapter: SiteAdapter = {
    id: 'chatgpt',
    editor: 'textarea',
    findComposer: (d) => d.querySelector('textarea'),
    readComposerText: (c) => (c as HTMLTextAreaElement).value,
    findSendButton: (d) => d.querySelector('button.send'),
    sendControlFrom: (t) => (t instanceof Element ? (t.closest('button.send') as HTMLElement | null) : null),
    isBusy: () => state.busy,
    userMessages: (d) => Array.from(d.querySelectorAll<HTMLElement>('div.user')).map((element) => ({ element, text: element.textContent ?? '' })),
    conversationId: (url) => /\/c\/(\w+)/.exec(url.pathname)?.[1] ?? 'new',
  };
  return { composer, button, form, list, sent, state, adapter };
}

/** A context whose worker answers classify with `answer` (null: no answer in time) and records requests. */
export function fakeContext(doc: Document, adapter: SiteAdapter, mode: 'suggest' | 'auto', answer: Decision | null) {
  const requests: CStoBG[] = [];
  const ask = vi.fn(async (message: CStoBG) => {
    requests.push(message);
    if (message.type === 'CStoBG:classify') return answer;
    if (message.type === 'CStoBG:badges') return [];
    return { ok: true };
  });
  const ctx: ContentContext = {
    doc,
    adapter,
    mode,
    ask: ask as unknown as ContentContext['ask'],
    book: new DecisionBook(),
    url: () => new URL('https://chatgpt.com/c/abc'),
    accepted: null,
    routed: null,
    recordedInNewChat: new Set(),
    t: (_key, fallback) => fallback,
  };
  return { ctx, requests };
}

export function press(target: HTMLElement, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}
