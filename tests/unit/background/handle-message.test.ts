import { describe, expect, test } from 'vitest';
import { handleMessage, type WorkerDeps } from '../../../src/background/handle-message';
import { createHistoryStore } from '../../../src/background/history-store';
import { createSettingsStore } from '../../../src/background/settings-store';
import { createTabStatusStore } from '../../../src/background/tab-status';
import { defaultSettings } from '../../../src/shared/defaults';
import { hashText } from '../../../src/shared/text-hash';
import { decision, MemoryArea } from './fixtures';

function deps(): WorkerDeps & { classified: string[] } {
  const classified: string[] = [];
  return {
    classified,
    settings: createSettingsStore(new MemoryArea(), new MemoryArea()),
    history: createHistoryStore(new MemoryArea()),
    tabStatus: createTabStatusStore(new MemoryArea()),
    classify: (text, settings) => {
      classified.push(`${settings.mode}:${text}`);
      return decision('math', 'neutral');
    },
    siteOfTab: async (tabId) => (tabId === 9 ? 'claude' : null),
  };
}

const entry = {
  time: Date.now(),
  site: 'claude' as const,
  conversationId: 'new',
  textHash: hashText('hello'),
  outcome: 'unchanged' as const,
  decision: decision('math', 'neutral'),
};

describe('worker message handling', () => {
  test('classify routes with the stored settings', async () => {
    const d = deps();
    await d.settings.write({ ...defaultSettings(), mode: 'auto' });
    const answer = await handleMessage({ type: 'CStoBG:classify', text: '2+2?' }, { tabId: 9 }, d);
    expect(answer.category).toBe('math');
    expect(d.classified).toEqual(['auto:2+2?']);
  });

  test('a record gets the sender tab, badges find it, and a rekey moves it to the new conversation id', async () => {
    const d = deps();
    await handleMessage({ type: 'CStoBG:record', entry }, { tabId: 9 }, d);
    const listed = await handleMessage({ type: 'UItoBG:history', tabId: 9 }, {}, d);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ tabId: 9, textHash: entry.textHash });
    await handleMessage({ type: 'CStoBG:rekey', site: 'claude', from: 'new', to: 'c42', textHashes: [entry.textHash] }, { tabId: 9 }, d);
    expect(await handleMessage({ type: 'CStoBG:badges', site: 'claude', conversationId: 'c42' }, { tabId: 9 }, d)).toHaveLength(1);
    expect(await handleMessage({ type: 'CStoBG:badges', site: 'claude', conversationId: 'new' }, { tabId: 9 }, d)).toEqual([]);
  });

  test('a rekey from another tab moves nothing', async () => {
    const d = deps();
    await handleMessage({ type: 'CStoBG:record', entry }, { tabId: 9 }, d);
    await handleMessage({ type: 'CStoBG:rekey', site: 'claude', from: 'new', to: 'c42', textHashes: [entry.textHash] }, { tabId: 3 }, d);
    expect(await handleMessage({ type: 'CStoBG:badges', site: 'claude', conversationId: 'c42' }, { tabId: 3 }, d)).toEqual([]);
  });

  test('tab status: reported composer for a supported tab, nothing for others', async () => {
    const d = deps();
    await handleMessage({ type: 'CStoBG:status', site: 'claude', composerFound: true }, { tabId: 9 }, d);
    expect(await handleMessage({ type: 'UItoBG:tabStatus', tabId: 9 }, {}, d)).toEqual({ site: 'claude', composerFound: true });
    expect(await handleMessage({ type: 'UItoBG:tabStatus', tabId: 4 }, {}, d)).toEqual({ site: null, composerFound: null });
  });

  test('settings set, read and reset', async () => {
    const d = deps();
    const saved = await handleMessage({ type: 'UItoBG:setSettings', settings: { ...defaultSettings(), mode: 'off' } }, {}, d);
    expect(saved.mode).toBe('off');
    expect((await handleMessage({ type: 'CStoBG:getSettings' }, { tabId: 9 }, d)).mode).toBe('off');
    expect(await handleMessage({ type: 'UItoBG:resetSettings' }, {}, d)).toEqual(defaultSettings());
  });
});
