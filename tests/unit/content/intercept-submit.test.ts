// @vitest-environment jsdom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { initInterceptSubmit, isSendKey, verdict, type Situation } from '../../../src/content/intercept-submit';
import { hashText } from '../../../src/shared/text-hash';
import { decision } from '../background/fixtures';
import { fakeContext, fakeSite, press } from './fake-site';

const key = { key: 'Enter', shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, isComposing: false, keyCode: 13 };

describe('isSendKey', () => {
  test('plain Enter sends', () => expect(isSendKey(key)).toBe(true));
  test.each([
    ['Shift+Enter (newline)', { shiftKey: true }],
    ['Ctrl+Enter', { ctrlKey: true }],
    ['Alt+Enter', { altKey: true }],
    ['Meta+Enter', { metaKey: true }],
    ['Enter during IME composition', { isComposing: true }],
    ['the keyCode 229 keydown that ends a composition', { keyCode: 229 }],
    ['another key', { key: 'a' }],
  ])('%s does not', (_name, change) => expect(isSendKey({ ...key, ...change })).toBe(false));
});

describe('verdict', () => {
  const base: Situation = { ours: false, sendGesture: true, holding: false, busy: false, empty: false, bypass: false, mode: 'auto', accepted: false };
  test('auto mode holds a send', () => expect(verdict(base)).toBe('hold'));
  test('suggest mode never holds, only observes', () => expect(verdict({ ...base, mode: 'suggest' })).toBe('observe'));
  test('our own re-submit passes', () => expect(verdict({ ...base, ours: true })).toBe('pass'));
  test('a repeat while holding is swallowed', () => expect(verdict({ ...base, holding: true })).toBe('swallow'));
  test('a busy site is left alone', () => expect(verdict({ ...base, busy: true })).toBe('pass'));
  test('an empty composer is left alone', () => expect(verdict({ ...base, empty: true })).toBe('pass'));
  test('an accepted suggestion is not routed again', () => expect(verdict({ ...base, accepted: true })).toBe('observe'));
  test('after an unconfirmed send the next one goes through', () => expect(verdict({ ...base, bypass: true })).toBe('observe'));
  test('not a send gesture', () => expect(verdict({ ...base, sendGesture: false })).toBe('pass'));
});

describe('interception on a textarea chat page (jsdom)', () => {
  let controller = new AbortController();
  afterEach(() => controller.abort());
  const setup = (mode: 'suggest' | 'auto', answer = decision('math', 'neutral')) => {
    controller = new AbortController();
    const site = fakeSite(document);
    const { ctx, requests } = fakeContext(document, site.adapter, mode, answer);
    initInterceptSubmit(ctx, controller.signal);
    return { ...site, ctx, requests };
  };

  test('auto: Enter is held, routed, and the prompt sent once unchanged for a neutral route', async () => {
    const { composer, sent, ctx, requests } = setup('auto');
    composer.value = 'What is 17 * 23?';
    const event = press(composer);
    expect(event.defaultPrevented).toBe(true);
    expect(sent).toEqual([]);
    await vi.waitFor(() => expect(sent).toEqual(['What is 17 * 23?']));
    await vi.waitFor(() => expect(ctx.book.get(hashText('What is 17 * 23?'))).toMatchObject({ outcome: 'unchanged' }));
    expect(requests.filter((r) => r.type === 'CStoBG:record')).toHaveLength(1);
  });

  test('auto: a second Enter while the first is held does not send twice', async () => {
    const { composer, sent } = setup('auto');
    composer.value = 'Integrate x^2';
    press(composer);
    press(composer);
    press(composer);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 50));
    expect(sent).toEqual(['Integrate x^2']);
  });

  test('auto: the send button click is held and re-sent once', async () => {
    const { composer, button, sent } = setup('auto');
    composer.value = 'Sort a list in Python';
    button.click();
    expect(sent).toEqual([]);
    await vi.waitFor(() => expect(sent).toEqual(['Sort a list in Python']));
  });

  test('auto: no answer from the worker sends the prompt unmodified and marks it not routed', async () => {
    const { composer, sent, ctx } = setup('auto', null as never);
    composer.value = 'Write a haiku about rain';
    press(composer);
    await vi.waitFor(() => expect(sent).toEqual(['Write a haiku about rain']));
    await vi.waitFor(() => expect(ctx.book.get(hashText('Write a haiku about rain'))).toMatchObject({ outcome: 'not-routed', decision: null }));
  });

  test('auto: when the persona cannot be inserted, the prompt is sent unmodified as not routed', async () => {
    // jsdom has neither a working execCommand nor DataTransfer, so both input paths fail here.
    const { composer, sent, ctx } = setup('auto', decision('writing', 'persona'));
    composer.value = 'Write a haiku about rain';
    press(composer);
    await vi.waitFor(() => expect(sent).toEqual(['Write a haiku about rain']));
    await vi.waitFor(() => expect(ctx.book.get(hashText('Write a haiku about rain'))).toMatchObject({ outcome: 'not-routed' }));
  });

  test('Shift+Enter and IME Enter reach the site untouched', () => {
    const { composer, sent, requests } = setup('auto');
    composer.value = 'line one';
    expect(press(composer, { shiftKey: true }).defaultPrevented).toBe(false);
    const ime = press(composer, { isComposing: true });
    // The fake site sends on any non-shift Enter, so the IME event reaching it proves we did not hold it.
    expect(sent).toEqual(['line one']);
    expect(ime.defaultPrevented).toBe(true);
    expect(requests).toEqual([]);
  });

  test('a busy site gets the Enter itself (and ignores it); nothing is held', () => {
    const { composer, sent, state, requests } = setup('auto');
    state.busy = true;
    composer.value = 'Another question';
    press(composer);
    expect(sent).toEqual([]);
    expect(composer.value).toBe('Another question');
    expect(requests).toEqual([]);
  });

  test('suggest: the site sends at once, the message is routed afterwards for its badge', async () => {
    const { composer, sent, ctx, requests } = setup('suggest', decision('writing', 'persona'));
    composer.value = 'Draft a wedding toast';
    press(composer);
    expect(sent).toEqual(['Draft a wedding toast']);
    await vi.waitFor(() =>
      expect(ctx.book.get(hashText('Draft a wedding toast'))).toMatchObject({ outcome: 'unchanged', decision: { route: 'persona' } }),
    );
    expect(requests.map((r) => r.type)).toEqual(['CStoBG:classify', 'CStoBG:record']);
  });

  test('aborting the signal removes the listeners', () => {
    const { composer, sent } = setup('auto');
    controller.abort();
    composer.value = 'plain';
    expect(press(composer).defaultPrevented).toBe(true); // the site's own handler
    expect(sent).toEqual(['plain']);
  });
});

describe('routing done while typing', () => {
  test('a held send of exactly the routed text does not ask the worker again', async () => {
    const controller = new AbortController();
    const site = fakeSite(document);
    const { ctx, requests } = fakeContext(document, site.adapter, 'auto', decision('writing', 'persona'));
    initInterceptSubmit(ctx, controller.signal);
    ctx.routed = { text: 'What is 17 * 23?', decision: decision('math', 'neutral') };
    site.composer.value = 'What is 17 * 23?';
    press(site.composer);
    await vi.waitFor(() => expect(site.sent).toEqual(['What is 17 * 23?']));
    expect(requests.filter((r) => r.type === 'CStoBG:classify')).toEqual([]);
    await vi.waitFor(() => expect(ctx.book.get(hashText('What is 17 * 23?'))).toMatchObject({ decision: { category: 'math' } }));

    // Different text: the stale decision is not used.
    await new Promise((r) => setTimeout(r, 0));
    site.composer.value = 'What is 17 * 24?';
    press(site.composer);
    await vi.waitFor(() => expect(site.sent).toHaveLength(2));
    expect(requests.filter((r) => r.type === 'CStoBG:classify')).toHaveLength(1);
    controller.abort();
  });
});
