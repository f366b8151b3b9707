// @vitest-environment jsdom
import { beforeAll, describe, expect, test } from 'vitest';
import { schema } from 'prosemirror-schema-basic';
import { adapterFor } from '../../../src/sites';
import { startChatApp } from '../../fixtures/sites/app/chat-app';
import { chatgptSite } from '../../fixtures/sites/app/chatgpt-site';
import { editorText } from '../../fixtures/sites/app/composer';
import type { EditorView } from 'prosemirror-view';
import { installFixturePage, loadFixturePage, pressEnter, typeInto, waitUntil } from './fixture-driver';

const adapter = adapterFor(new URL('https://chatgpt.com/'))!;

// The project's own ChatGPT stand-in must give the adapter what the real page gives it.
describe('chatgpt adapter on the static fixture page', () => {
  const doc = loadFixturePage('chatgpt.html');

  test('finds the ProseMirror composer and, without it, the hidden textarea', () => {
    expect(adapter.findComposer(doc)?.id).toBe('prompt-textarea');
    expect(adapter.findComposer(doc)?.closest('form[data-type="unified-composer"]')).not.toBeNull();
    const copy = doc.cloneNode(true) as Document;
    copy.getElementById('prompt-textarea')?.remove();
    expect(adapter.findComposer(copy)?.getAttribute('name')).toBe('prompt-textarea');
  });

  test('starts empty, idle, without a send button or messages', () => {
    expect(adapter.readComposerText(adapter.findComposer(doc)!)).toBe('');
    expect(adapter.isBusy(doc)).toBe(false);
    expect(adapter.findSendButton(doc)).toBeNull();
    expect(adapter.userMessages(doc)).toEqual([]);
  });
});

describe('chatgpt adapter on the running fixture app', () => {
  let view: EditorView;
  beforeAll(() => {
    installFixturePage('chatgpt.html');
    window.__fixtureStreamMs = 20;
    view = startChatApp(chatgptSite).view;
  });

  test('reads the composer exactly as the editor state holds it', () => {
    expect(adapter.findComposer(document)).toBe(view.dom);
    const { paragraph, hard_break } = schema.nodes;
    const doc = schema.nodes.doc.create(null, [
      paragraph.create(null, [schema.text('  indented'), hard_break.create(), schema.text('after break')]),
      paragraph.create(),
      paragraph.create(null, schema.text('last')),
    ]);
    view.dispatch(view.state.tr.replaceWith(0, view.state.doc.content.size, doc.content));
    expect(editorText(view.state)).toBe('  indented\nafter break\n\nlast');
    expect(adapter.readComposerText(adapter.findComposer(document)!)).toBe(editorText(view.state));
  });

  test('shows the send button once the composer holds text', () => {
    typeInto(view, 'Write a haiku about autumn');
    expect(adapter.findSendButton(document)?.getAttribute('data-testid')).toBe('send-button');
    const icon = adapter.findSendButton(document)!.firstElementChild;
    expect(adapter.sendControlFrom(icon)).toBe(adapter.findSendButton(document));
  });

  test('after Enter: the site received the text, the turn is readable, the site is busy, then idle', async () => {
    const composer = adapter.findComposer(document)!;
    typeInto(view, 'Write a haiku\nabout autumn');
    pressEnter(composer);
    expect(window.__fixtureSent.map((sent) => sent.text)).toEqual(['Write a haiku\nabout autumn']);
    expect(adapter.isBusy(document)).toBe(true);
    expect(adapter.findSendButton(document)).toBeNull();
    expect(adapter.userMessages(document).map((m) => m.text)).toEqual(['Write a haiku\nabout autumn']);
    expect(adapter.readComposerText(composer)).toBe('');
    expect(adapter.conversationId(new URL(location.href))).toMatch(/^[\w-]{8,}$/);
    await waitUntil(() => !adapter.isBusy(document));
    expect(document.querySelectorAll('[data-message-author-role="assistant"]')).toHaveLength(1);
  });
});
