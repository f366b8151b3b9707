// @vitest-environment jsdom
import { beforeAll, describe, expect, test } from 'vitest';
import type { EditorView } from 'prosemirror-view';
import { adapterFor } from '../../../src/sites';
import { normalizeMessageText } from '../../../src/shared/text-hash';
import { startChatApp } from '../../fixtures/sites/app/chat-app';
import { claudeSite } from '../../fixtures/sites/app/claude-site';
import { editorText } from '../../fixtures/sites/app/composer';
import { installFixturePage, loadFixturePage, pressEnter, typeInto, waitUntil } from './fixture-driver';

const adapter = adapterFor(new URL('https://claude.ai/new'))!;

// The project's own Claude stand-in must give the adapter what the real page gives it.
describe('claude adapter on the static fixture page', () => {
  const doc = loadFixturePage('claude.html');

  test('finds the ProseMirror composer and, without it, the SSR textarea', () => {
    expect(adapter.findComposer(doc)?.getAttribute('data-testid')).toBe('chat-input');
    const copy = doc.cloneNode(true) as Document;
    copy.querySelector('[data-testid="chat-input"]')?.remove();
    expect(adapter.findComposer(copy)?.getAttribute('data-testid')).toBe('chat-input-ssr');
  });

  test('starts empty, idle, without a send button or messages', () => {
    expect(adapter.readComposerText(adapter.findComposer(doc)!)).toBe('');
    expect(adapter.isBusy(doc)).toBe(false);
    expect(adapter.findSendButton(doc)).toBeNull();
    expect(adapter.userMessages(doc)).toEqual([]);
  });
});

describe('claude adapter on the running fixture app', () => {
  let view: EditorView;
  beforeAll(() => {
    installFixturePage('claude.html');
    window.__fixtureStreamMs = 20;
    view = startChatApp(claudeSite).view;
  });

  test('the mounted editor keeps the attributes the adapter looks for', () => {
    const composer = adapter.findComposer(document);
    expect(composer).toBe(view.dom);
    expect(composer?.classList.contains('ProseMirror')).toBe(true);
    expect(composer?.getAttribute('role')).toBe('textbox');
  });

  test('reads the composer as the editor state holds it', () => {
    typeInto(view, 'one\n\nthree');
    expect(adapter.readComposerText(view.dom)).toBe(editorText(view.state));
    expect(adapter.readComposerText(view.dom)).toBe('one\n\nthree');
    expect(adapter.findSendButton(document)?.getAttribute('aria-label')).toBe('Send message');
  });

  test('Enter during composition sends nothing', () => {
    typeInto(view, 'かな');
    pressEnter(view.dom, { isComposing: true, keyCode: 229 });
    expect(window.__fixtureSent).toEqual([]);
  });

  test('a sent multi-paragraph prompt is read back as one line per paragraph', async () => {
    typeInto(view, 'Draft a toast\n\nfor my sister');
    pressEnter(view.dom);
    expect(window.__fixtureSent.map((sent) => sent.text)).toEqual(['Draft a toast\n\nfor my sister']);
    expect(adapter.isBusy(document)).toBe(true);
    const [message] = adapter.userMessages(document);
    expect(message?.text).toBe('Draft a toast\nfor my sister');
    // Rendering drops the blank line, so stored decisions are matched on normalized text.
    expect(normalizeMessageText(message!.text)).toBe(normalizeMessageText('Draft a toast\n\nfor my sister'));
    expect(adapter.conversationId(new URL(location.href))).not.toBe('new');
    await waitUntil(() => !adapter.isBusy(document));
    expect(document.querySelector('[data-is-streaming="false"]')).not.toBeNull();
  });
});
