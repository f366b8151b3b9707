// @vitest-environment jsdom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { badgeDetails, badgeLabel } from '../../../src/content/badge-text';
import { BADGE_ATTRIBUTE, initMessageBadges } from '../../../src/content/message-badges';
import type { HistoryEntry } from '../../../src/shared/messages';
import { hashText } from '../../../src/shared/text-hash';
import { decision } from '../background/fixtures';
import { fakeContext, fakeSite } from './fake-site';

describe('badge text', () => {
  test('persona route names the category', () => {
    expect(badgeLabel({ decision: decision('writing', 'persona'), outcome: 'inserted' })).toBe('Persona · writing');
  });
  test('neutral route names the category', () => {
    expect(badgeLabel({ decision: decision('math', 'neutral'), outcome: 'unchanged' })).toBe('Neutral · math');
  });
  test('a persona route says "Persona" only when the persona was really added', () => {
    expect(badgeLabel({ decision: decision('writing', 'persona'), outcome: 'unchanged' })).toBe('Suggested · writing');
    expect(badgeLabel({ decision: decision('writing', 'persona'), outcome: 'suggested-accepted' })).toBe('Persona · writing');
  });
  test('no decision, a failed insert or an empty prompt read "Not routed"', () => {
    expect(badgeLabel({ decision: null, outcome: 'not-routed' })).toBe('Not routed');
    expect(badgeLabel({ decision: decision('writing', 'persona'), outcome: 'not-routed' })).toBe('Not routed');
    expect(badgeLabel({ decision: decision('math', 'neutral', { category: null }), outcome: 'unchanged' })).toBe('Not routed');
  });
  test('details give confidence, reason and the persona', () => {
    const lines = badgeDetails({ decision: decision('writing', 'persona', { confidence: 0.874 }), outcome: 'inserted' });
    expect(lines).toEqual(['Confidence: 87%', 'Reason: looks like writing', 'Persona added: writing expert']);
  });
  test('a suggested persona that was not taken says so', () => {
    const lines = badgeDetails({ decision: decision('writing', 'persona'), outcome: 'unchanged' });
    expect(lines.at(-1)).toBe('Persona suggested, not added: writing expert');
  });
  test('translations are used when present', () => {
    const t = (key: string, fallback: string, subs?: string[]) => (key === 'badgePersona' ? `Persona : ${subs?.[0]}` : fallback);
    expect(badgeLabel({ decision: decision('roleplay', 'persona'), outcome: 'inserted' }, t)).toBe('Persona : roleplay');
  });
});

describe('message badges (jsdom)', () => {
  let controller = new AbortController();
  afterEach(() => controller.abort());

  function badgeText(host: Element): string {
    return host.shadowRoot?.querySelector('button')?.textContent ?? '';
  }

  test('a sent message gets a badge in a shadow root; stored decisions come back for old messages', async () => {
    controller = new AbortController();
    const site = fakeSite(document);
    const { ctx } = fakeContext(document, site.adapter, 'suggest', null);
    const stored: HistoryEntry = {
      id: '1',
      time: 1,
      site: 'chatgpt',
      conversationId: 'abc',
      textHash: hashText('Old poem request'),
      outcome: 'inserted',
      decision: decision('writing', 'persona'),
    };
    ctx.ask = (async (m: { type: string }) => (m.type === 'CStoBG:badges' ? [stored] : null)) as typeof ctx.ask;
    for (const text of ['Old poem request', 'Never routed']) {
      const turn = document.createElement('div');
      turn.className = 'user';
      turn.textContent = text;
      site.list.append(turn);
    }
    initMessageBadges(ctx, controller.signal);
    await vi.waitFor(() => expect(document.querySelectorAll(`[${BADGE_ATTRIBUTE}]`)).toHaveLength(1));
    const host = document.querySelector(`[${BADGE_ATTRIBUTE}]`)!;
    expect(host.getAttribute(BADGE_ATTRIBUTE)).toBe('persona');
    expect(badgeText(host)).toBe('Persona · writing');
    // Drawn as text only; the host itself holds no light-DOM text that would change the message's text.
    expect(host.textContent).toBe('');
    expect(host.shadowRoot?.querySelector('[role="tooltip"]')?.textContent).toContain('Confidence: 80%');

    // A new message whose decision arrives later gets its badge then.
    const hash = hashText('What is 2 + 2?');
    ctx.book.expect(hash);
    const turn = document.createElement('div');
    turn.className = 'user';
    turn.textContent = 'What is 2 + 2?';
    site.list.append(turn);
    await new Promise((r) => setTimeout(r, 300));
    expect(turn.querySelector(`[${BADGE_ATTRIBUTE}]`)).toBeNull();
    ctx.book.settle(hash, { decision: decision('math', 'neutral'), outcome: 'unchanged' });
    await vi.waitFor(() => expect(badgeText(turn.querySelector(`[${BADGE_ATTRIBUTE}]`)!)).toBe('Neutral · math'));

    controller.abort();
    expect(document.querySelectorAll(`[${BADGE_ATTRIBUTE}]`)).toHaveLength(0);
  });
});

describe('text hash', () => {
  test('is stable and ignores whitespace differences between composer and rendered message', () => {
    expect(hashText('Hello\n\nworld ')).toBe(hashText('Hello\nworld'));
    expect(hashText('Hello world')).not.toBe(hashText('Hello world!'));
    expect(hashText('a'.repeat(100_000))).toMatch(/^[0-9a-z]+-[0-9a-f]{16}$/);
  });
});
