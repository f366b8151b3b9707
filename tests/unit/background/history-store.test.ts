import { describe, expect, test } from 'vitest';
import { createHistoryStore, HISTORY_KEY } from '../../../src/background/history-store';
import type { HistoryEntry } from '../../../src/shared/messages';
import { decision, MemoryArea } from './fixtures';

const DAY = 86_400_000;

function entry(i: number, time: number, extra: Partial<HistoryEntry> = {}): Omit<HistoryEntry, 'id'> {
  return {
    time,
    site: 'chatgpt',
    conversationId: 'c1',
    tabId: 1,
    textHash: `${i}-${i.toString(16).padStart(16, '0')}`,
    outcome: 'unchanged',
    decision: decision('math', 'neutral'),
    ...extra,
  };
}

describe('history store', () => {
  test('keeps at most maxEntries, dropping the oldest', async () => {
    const local = new MemoryArea();
    let now = 1_000 * DAY;
    let id = 0;
    const store = createHistoryStore(local, () => now, () => `id${id++}`);
    for (let i = 0; i < 8; i++) {
      now += 1000;
      await store.append(entry(i, now), () => ({ maxEntries: 5, maxDays: 30 }));
    }
    const all = await store.list();
    expect(all).toHaveLength(5);
    expect(all.map((e) => e.id)).toEqual(['id7', 'id6', 'id5', 'id4', 'id3']);
  });

  test('drops entries older than maxDays', async () => {
    const local = new MemoryArea();
    const now = 1_000 * DAY;
    const store = createHistoryStore(local, () => now);
    await local.set({ [HISTORY_KEY]: [{ ...entry(1, now - 10 * DAY), id: 'old' }, { ...entry(2, now - 2 * DAY), id: 'recent' }] });
    await store.append(entry(3, now), () => ({ maxEntries: 100, maxDays: 7 }));
    expect((await store.list()).map((e) => e.id).includes('old')).toBe(false);
    expect((await store.list()).map((e) => e.id)).toContain('recent');
  });

  test('concurrent appends are all kept', async () => {
    const store = createHistoryStore(new MemoryArea());
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.append(entry(i, Date.now()), () => ({ maxEntries: 100, maxDays: 30 }))));
    expect(await store.list()).toHaveLength(20);
  });

  test('filters by site and tab, newest first, with a limit', async () => {
    const store = createHistoryStore(new MemoryArea());
    const keep = () => ({ maxEntries: 100, maxDays: 30 });
    await store.append(entry(1, Date.now(), { site: 'claude', tabId: 2 }), keep);
    await store.append(entry(2, Date.now(), { tabId: 2 }), keep);
    await store.append(entry(3, Date.now(), { tabId: 3 }), keep);
    await store.append(entry(4, Date.now(), { tabId: 2 }), keep);
    expect((await store.list({ site: 'chatgpt', tabId: 2 })).map((e) => e.textHash)).toEqual([entry(4, 0).textHash, entry(2, 0).textHash]);
    expect(await store.list({ limit: 1 })).toHaveLength(1);
  });

  test('finds a conversation and moves a new chat to its id', async () => {
    const store = createHistoryStore(new MemoryArea());
    const keep = () => ({ maxEntries: 100, maxDays: 30 });
    await store.append(entry(1, Date.now(), { conversationId: 'new', tabId: 5 }), keep);
    await store.append(entry(2, Date.now(), { conversationId: 'new', tabId: 6 }), keep);
    expect(await store.rekey('chatgpt', 5, 'new', 'abc', [entry(1, 0).textHash, entry(2, 0).textHash])).toBe(1);
    expect((await store.forConversation('chatgpt', 'abc')).map((e) => e.tabId)).toEqual([5]);
    expect(await store.forConversation('chatgpt', 'new')).toHaveLength(1);
  });

  test('corrupt storage reads as empty and is replaced on the next write', async () => {
    const local = new MemoryArea();
    await local.set({ [HISTORY_KEY]: 'garbage' });
    const store = createHistoryStore(local);
    expect(await store.list()).toEqual([]);
    await local.set({ [HISTORY_KEY]: [null, 3, { id: 'half' }] });
    await store.append(entry(1, Date.now()), () => ({ maxEntries: 10, maxDays: 30 }));
    expect(await store.list()).toHaveLength(1);
  });

  test('clear empties it', async () => {
    const store = createHistoryStore(new MemoryArea());
    await store.append(entry(1, Date.now()), () => ({ maxEntries: 10, maxDays: 30 }));
    await store.clear();
    expect(await store.list()).toEqual([]);
  });
});
