// @vitest-environment jsdom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { CHIP_ATTRIBUTE, initSuggestionChip, wantsChip } from '../../../src/content/suggestion-chip';
import { decision } from '../background/fixtures';
import { fakeContext, fakeSite } from './fake-site';

describe('wantsChip', () => {
  const writing = decision('writing', 'persona');
  const extraction = decision('extraction', 'persona', { action: 'suggest' });
  test('suggest mode offers every persona route', () => {
    expect(wantsChip(writing, 'suggest')).toBe(true);
    expect(wantsChip(extraction, 'suggest')).toBe(true);
  });
  test('auto mode offers only the suggest-only categories (the others are inserted on send)', () => {
    expect(wantsChip(writing, 'auto')).toBe(false);
    expect(wantsChip(extraction, 'auto')).toBe(true);
  });
  test('neutral routes, missing personas and no answer offer nothing', () => {
    expect(wantsChip(decision('math', 'neutral'), 'suggest')).toBe(false);
    expect(wantsChip({ ...writing, persona: undefined }, 'suggest')).toBe(false);
    expect(wantsChip(null, 'suggest')).toBe(false);
  });
});

describe('suggestion chip (jsdom)', () => {
  let controller = new AbortController();
  afterEach(() => controller.abort());

  test('appears for a persona route with the persona name, and Dismiss hides it for this prompt', async () => {
    controller = new AbortController();
    const site = fakeSite(document);
    const { ctx, requests } = fakeContext(document, site.adapter, 'suggest', decision('writing', 'persona'));
    initSuggestionChip(ctx, controller.signal);
    site.composer.value = 'Write a limerick about a cat';
    site.composer.dispatchEvent(new Event('input', { bubbles: true }));
    const chip = () => document.querySelector(`[${CHIP_ATTRIBUTE}]`);
    await vi.waitFor(() => expect(chip()).not.toBeNull());
    const root = chip()!.shadowRoot!;
    expect(root.textContent).toContain('Add writing expert');
    const buttons = Array.from(root.querySelectorAll('button')).map((b) => b.textContent);
    expect(buttons).toEqual(['Insert', 'Dismiss']);
    // Drawn in a shadow root only: the page's own text is untouched.
    expect(chip()!.textContent).toBe('');
    (root.querySelectorAll('button')[1] as HTMLButtonElement).click();
    expect(chip()).toBeNull();
    expect(site.composer.value).toBe('Write a limerick about a cat');

    const asked = requests.length;
    site.composer.value = 'Write a limerick about a cat, please';
    site.composer.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 500));
    expect(chip()).toBeNull();
    expect(requests.length).toBe(asked);
  });

  test('stays away for a neutral route', async () => {
    controller = new AbortController();
    const site = fakeSite(document);
    const { ctx, requests } = fakeContext(document, site.adapter, 'suggest', decision('math', 'neutral'));
    initSuggestionChip(ctx, controller.signal);
    site.composer.value = 'What is 12 squared?';
    site.composer.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() => expect(requests.some((r) => r.type === 'CStoBG:classify')).toBe(true));
    await new Promise((r) => setTimeout(r, 50));
    expect(document.querySelector(`[${CHIP_ATTRIBUTE}]`)).toBeNull();
  });
});
