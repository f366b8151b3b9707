// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { adapterFor } from '../../../src/sites';
import { createAdapter } from '../../../src/sites/create-adapter';
import { chatgpt } from '../../../src/sites/chatgpt';

describe('adapterFor', () => {
  test('picks the adapter by host', () => {
    expect(adapterFor(new URL('https://chatgpt.com/'))?.id).toBe('chatgpt');
    expect(adapterFor(new URL('https://chat.openai.com/c/x'))?.id).toBe('chatgpt');
    expect(adapterFor(new URL('https://claude.ai/new'))?.id).toBe('claude');
    expect(adapterFor(new URL('https://chatgpt.com/c/1'))).toBe(adapterFor(new URL('https://chat.openai.com/')));
  });

  test('answers null for other sites and look-alike hosts', () => {
    expect(adapterFor(new URL('https://example.com/'))).toBeNull();
    expect(adapterFor(new URL('https://claude.ai.example.com/'))).toBeNull();
    expect(adapterFor(new URL('https://gemini.google.com/app'))).toBeNull();
  });
});

// URLs only, so these run without the page snapshots.
describe('conversationId', () => {
  const chatgptAdapter = adapterFor(new URL('https://chatgpt.com/'))!;
  const claudeAdapter = adapterFor(new URL('https://claude.ai/'))!;

  test('chatgpt: reads the conversation id from /c/<id>, including inside a custom GPT', () => {
    expect(chatgptAdapter.conversationId(new URL('https://chatgpt.com/c/6979d2a1-0000-8000-9000-abcdef012345'))).toBe(
      '6979d2a1-0000-8000-9000-abcdef012345',
    );
    expect(chatgptAdapter.conversationId(new URL('https://chatgpt.com/g/g-abc123-helper/c/abc-123'))).toBe('abc-123');
    expect(chatgptAdapter.conversationId(new URL('https://chatgpt.com/'))).toBe('new');
    expect(chatgptAdapter.conversationId(new URL('https://chatgpt.com/gpts'))).toBe('new');
  });

  test('claude: reads the conversation id from /chat/<uuid>', () => {
    expect(claudeAdapter.conversationId(new URL('https://claude.ai/chat/0b7e1c52-5a3f-4d0e-9c1a-2f3e4d5c6b7a'))).toBe(
      '0b7e1c52-5a3f-4d0e-9c1a-2f3e4d5c6b7a',
    );
    expect(claudeAdapter.conversationId(new URL('https://claude.ai/new'))).toBe('new');
    expect(claudeAdapter.conversationId(new URL('https://claude.ai/project/0b7e1c52'))).toBe('new');
  });
});

describe('a generated adapter fails safe', () => {
  const blank = document.implementation.createHTMLDocument('blank');

  test('on a page without any known element', () => {
    for (const adapter of [adapterFor(new URL('https://chatgpt.com/'))!, adapterFor(new URL('https://claude.ai/'))!]) {
      expect(adapter.findComposer(blank)).toBeNull();
      expect(adapter.findSendButton(blank)).toBeNull();
      expect(adapter.isBusy(blank)).toBe(false);
      expect(adapter.userMessages(blank)).toEqual([]);
      expect(adapter.sendControlFrom(null)).toBeNull();
      expect(adapter.sendControlFrom(blank.body)).toBeNull();
    }
  });

  test('when a selector cannot be parsed, the next one still works', () => {
    const adapter = createAdapter({
      ...chatgpt,
      selectors: { ...chatgpt.selectors, sendButton: ['button:::broken', 'button[data-testid="send-button"]'] },
    });
    const doc = document.implementation.createHTMLDocument('send');
    const button = doc.createElement('button');
    button.dataset.testid = 'send-button';
    const icon = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
    button.append(icon);
    doc.body.append(button);
    expect(adapter.findSendButton(doc)).toBe(button);
    expect(adapter.sendControlFrom(icon)).toBe(button);
    expect(adapter.sendControlFrom(icon.ownerDocument.createTextNode('x'))).toBeNull();
  });

  test('an unparsable busy selector does not hide the streaming marker after it', () => {
    const adapter = createAdapter({ ...chatgpt, selectors: { ...chatgpt.selectors, busy: ['div:::broken', '.result-streaming'] } });
    const doc = document.implementation.createHTMLDocument('busy');
    expect(adapter.isBusy(doc)).toBe(false);
    doc.body.append(Object.assign(doc.createElement('div'), { className: 'result-streaming' }));
    expect(adapter.isBusy(doc)).toBe(true);
  });

  test('an SVG element matching a selector is not taken for a page element', () => {
    const doc = document.implementation.createHTMLDocument('svg');
    const svg = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('data-message-author-role', 'user');
    doc.body.append(svg);
    expect(adapterFor(new URL('https://chatgpt.com/'))!.userMessages(doc)).toEqual([]);
  });

  test('reads a textarea composer from its value', () => {
    const adapter = adapterFor(new URL('https://claude.ai/'))!;
    const area = document.createElement('textarea');
    area.value = 'line one\nline two';
    expect(adapter.readComposerText(area)).toBe('line one\nline two');
  });
});

describe('userMessages', () => {
  test("leaves our own badge and the site's hidden labels out of a user message", () => {
    const doc = document.implementation.createHTMLDocument('messages');
    const message = doc.createElement('div');
    message.setAttribute('data-message-author-role', 'user');
    const label = Object.assign(doc.createElement('h5'), { className: 'sr-only', textContent: 'You said:' });
    const text = Object.assign(doc.createElement('div'), { className: 'whitespace-pre-wrap', textContent: 'Plan my week' });
    const badge = Object.assign(doc.createElement('span'), { textContent: 'Persona · writing' });
    badge.setAttribute('data-persona-router-badge', '');
    text.append(badge);
    message.append(label, text);
    doc.body.append(message);
    const adapter = adapterFor(new URL('https://chatgpt.com/'))!;
    expect(adapter.userMessages(doc).map((m) => m.text)).toEqual(['Plan my week']);
    // Without the text wrapper the whole message is read, still without the label.
    text.classList.remove('whitespace-pre-wrap');
    expect(adapter.userMessages(doc).map((m) => m.text)).toEqual(['Plan my week']);
  });
});
