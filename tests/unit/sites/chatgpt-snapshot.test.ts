// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { adapterFor } from '../../../src/sites';
import { normalizeMessageText } from '../../../src/shared/text-hash';
import { hasSnapshots, loadSnapshot, SNAPSHOT_SKIP_REASON } from './snapshot-files';

const adapter = adapterFor(new URL('https://chatgpt.com/'))!;

describe.skipIf(!hasSnapshots)(`chatgpt adapter on the real snapshot (${hasSnapshots ? 'present' : SNAPSHOT_SKIP_REASON})`, () => {
  const doc = hasSnapshots ? loadSnapshot('chatgpt-chat-simple.html') : document;

  test('finds the ProseMirror composer, not the hidden fallback textarea', () => {
    const composer = adapter.findComposer(doc);
    expect(composer?.id).toBe('prompt-textarea');
    expect(composer?.classList.contains('ProseMirror')).toBe(true);
    expect(composer?.localName).toBe('div');
  });

  test('reads the empty composer as empty text (placeholder break is not content)', () => {
    expect(adapter.readComposerText(adapter.findComposer(doc)!)).toBe('');
  });

  test('falls back to the hidden textarea when the editor is gone', () => {
    const copy = doc.cloneNode(true) as Document;
    copy.getElementById('prompt-textarea')?.remove();
    const composer = adapter.findComposer(copy);
    expect(composer?.localName).toBe('textarea');
    expect(composer?.getAttribute('name')).toBe('prompt-textarea');
  });

  test('reads the five user messages in page order with their text', () => {
    const messages = adapter.userMessages(doc);
    // The capture tool re-indented the markup, so compare with whitespace runs collapsed; one is exact.
    expect(messages.map((m) => normalizeMessageText(m.text))).toEqual([
      'ChatGPTのhtml構造をテストするための質問です。「はい」とだけ答えて。',
      '次は「いいえ」だけ答えて',
      'この Research 依頼はテスト用です。最小のリサーチ結果を提供してください。',
      'ChatGPT の提供する機能についてまとめてください。',
      '数式を表現できますか。できるならいくつか数式を表示して。',
    ]);
    expect(messages[1]?.text).toBe('次は「いいえ」だけ答えて');
    for (const { element } of messages) expect(element.getAttribute('data-message-author-role')).toBe('user');
  });

  test('does not include the screen-reader "You said:" label', () => {
    expect(adapter.userMessages(doc).some((m) => m.text.includes('You said'))).toBe(false);
  });

  test('is not busy and shows no send button with an empty composer', () => {
    expect(adapter.isBusy(doc)).toBe(false);
    expect(adapter.findSendButton(doc)).toBeNull();
  });

  test('does not mistake the voice button (composer-submit-button-color) for send', () => {
    const voice = doc.querySelector('button[aria-label="Start Voice"]');
    expect(voice).not.toBeNull();
    expect(adapter.sendControlFrom(voice)).toBeNull();
  });
});
