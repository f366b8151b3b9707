// @vitest-environment jsdom
import { afterEach, describe, expect, test } from 'vitest';
import { initWakeWorker } from '../../../src/content/wake-worker';
import { fakeContext, fakeSite } from './fake-site';

describe('waking the worker before a send (jsdom)', () => {
  let controller = new AbortController();
  afterEach(() => controller.abort());

  function setUp() {
    controller = new AbortController();
    const site = fakeSite(document);
    const { ctx, requests } = fakeContext(document, site.adapter, 'auto', null);
    initWakeWorker(ctx, controller.signal);
    const wakes = () => requests.filter((r) => r.type === 'CStoBG:getSettings').length;
    return { site, ctx, wakes };
  }

  test('a press in the composer wakes the worker once, before any text; later events of the same prompt do not', () => {
    const { site, wakes } = setUp();
    site.composer.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(wakes()).toBe(1);
    site.composer.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    site.composer.dispatchEvent(new Event('input', { bubbles: true }));
    site.composer.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(wakes()).toBe(1);
  });

  test.each(['keydown', 'focusin', 'input'])('a %s in the composer wakes it too', (type) => {
    const { site, wakes } = setUp();
    site.composer.dispatchEvent(new Event(type, { bubbles: true }));
    expect(wakes()).toBe(1);
  });

  test('events elsewhere on the page do not', () => {
    const { site, wakes } = setUp();
    site.list.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    site.button.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    document.body.dispatchEvent(new Event('input', { bubbles: true }));
    expect(wakes()).toBe(0);
  });

  test('each send re-arms it for the next prompt', () => {
    const { site, ctx, wakes } = setUp();
    site.composer.dispatchEvent(new Event('input', { bubbles: true }));
    ctx.book.expect('some-hash');
    site.composer.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(wakes()).toBe(2);
  });

  test('nothing listens once its signal is aborted', () => {
    const { site, wakes } = setUp();
    controller.abort();
    site.composer.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(wakes()).toBe(0);
  });
});
