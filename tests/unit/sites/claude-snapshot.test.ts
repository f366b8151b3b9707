// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { adapterFor } from '../../../src/sites';
import { hasSnapshots, loadSnapshot, SNAPSHOT_SKIP_REASON } from './snapshot-files';

const adapter = adapterFor(new URL('https://claude.ai/new'))!;

describe.skipIf(!hasSnapshots)(`claude adapter on the real snapshot (${hasSnapshots ? 'present' : SNAPSHOT_SKIP_REASON})`, () => {
  const doc = hasSnapshots ? loadSnapshot('claude-chat-simple.html') : document;

  test('finds the ProseMirror composer, not the server-rendered textarea', () => {
    const composer = adapter.findComposer(doc);
    expect(composer?.getAttribute('data-testid')).toBe('chat-input');
    expect(composer?.getAttribute('contenteditable')).toBe('true');
  });

  test('reads the empty composer as empty text', () => {
    expect(adapter.readComposerText(adapter.findComposer(doc)!)).toBe('');
  });

  test('falls back to the SSR textarea when the editor is gone', () => {
    const copy = doc.cloneNode(true) as Document;
    copy.querySelector('[data-testid="chat-input"]')?.remove();
    expect(adapter.findComposer(copy)?.getAttribute('data-testid')).toBe('chat-input-ssr');
  });

  test('reads the seven user messages in page order, one line per rendered block', () => {
    expect(adapter.userMessages(doc).map((m) => m.text)).toEqual([
      'Claude の html構造をテストするための質問です。「はい」とだけ答えて。',
      '次は「いいえ」だけ答えて。',
      '次の内容の artifact を作成して。\nClaude Code の概要について。',
      'Claude Code の概要について調査分析してください。',
      '基本的な機能のみで良いです。 技術的な観点は不要です。 素人向けです。',
      '数式をいくつか表現して表示して。',
      'chat で数式を表示できますか。',
    ]);
  });

  test('is not busy: every answer says data-is-streaming="false" and no stop button', () => {
    expect(doc.querySelectorAll('[data-is-streaming="false"]').length).toBeGreaterThan(0);
    expect(adapter.isBusy(doc)).toBe(false);
    expect(adapter.findSendButton(doc)).toBeNull();
  });

  test('becomes busy when an answer streams', () => {
    const copy = doc.cloneNode(true) as Document;
    copy.querySelector('[data-is-streaming]')?.setAttribute('data-is-streaming', 'true');
    expect(adapter.isBusy(copy)).toBe(true);
  });
});
