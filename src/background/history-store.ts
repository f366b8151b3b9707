import type { HistoryEntry } from '../shared/messages';
import type { HistoryRetention, SiteId } from '../shared/settings';
import type { StorageAreaLike } from './storage-area';

/**
 * The routing history in storage.local under 'history', oldest first, bounded by the user's retention
 * (whichever of entry count and age is smaller wins). It doubles as the badge store: entries are found
 * again by site, conversation id and text hash. Writes are chained so two messages arriving together
 * cannot overwrite each other's read-modify-write.
 */
export const HISTORY_KEY = 'history';
const DAY_MS = 86_400_000;

export interface HistoryQuery {
  site?: SiteId;
  tabId?: number;
  limit?: number;
}

export interface HistoryStore {
  /** retention is read inside the write queue, so requests are stored in the order they arrived. */
  append(entry: Omit<HistoryEntry, 'id'>, retention: () => Promise<HistoryRetention> | HistoryRetention): Promise<HistoryEntry>;
  /** Newest first. */
  list(query?: HistoryQuery): Promise<HistoryEntry[]>;
  forConversation(site: SiteId, conversationId: string): Promise<HistoryEntry[]>;
  rekey(site: SiteId, tabId: number, from: string, to: string, textHashes: readonly string[]): Promise<number>;
  clear(): Promise<void>;
}

function looksLikeEntry(value: unknown): value is HistoryEntry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return (
    typeof e.id === 'string' &&
    typeof e.time === 'number' &&
    typeof e.site === 'string' &&
    typeof e.conversationId === 'string' &&
    typeof e.textHash === 'string' &&
    typeof e.outcome === 'string'
  );
}

export function prune(entries: HistoryEntry[], retention: HistoryRetention, now: number): HistoryEntry[] {
  const oldest = now - retention.maxDays * DAY_MS;
  const fresh = entries.filter((e) => e.time >= oldest);
  return fresh.slice(Math.max(0, fresh.length - retention.maxEntries));
}

export function createHistoryStore(
  local: StorageAreaLike,
  now: () => number = Date.now,
  newId: () => string = () => crypto.randomUUID(),
): HistoryStore {
  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  async function load(): Promise<HistoryEntry[]> {
    const raw = (await local.get(HISTORY_KEY))[HISTORY_KEY];
    return Array.isArray(raw) ? raw.filter(looksLikeEntry) : [];
  }

  return {
    append: (entry, retention) =>
      serial(async () => {
        const full: HistoryEntry = { ...entry, id: newId() };
        const entries = prune([...(await load()), full], await retention(), now());
        await local.set({ [HISTORY_KEY]: entries });
        return full;
      }),
    list: (query = {}) =>
      serial(async () => {
        const matches = (await load())
          .filter((e) => (query.site === undefined || e.site === query.site) && (query.tabId === undefined || e.tabId === query.tabId))
          .reverse();
        return query.limit === undefined ? matches : matches.slice(0, query.limit);
      }),
    forConversation: (site, conversationId) =>
      serial(async () => (await load()).filter((e) => e.site === site && e.conversationId === conversationId)),
    rekey: (site, tabId, from, to, textHashes) =>
      serial(async () => {
        const entries = await load();
        let moved = 0;
        for (const e of entries) {
          if (e.site === site && e.tabId === tabId && e.conversationId === from && textHashes.includes(e.textHash)) {
            e.conversationId = to;
            moved++;
          }
        }
        if (moved > 0) await local.set({ [HISTORY_KEY]: entries });
        return moved;
      }),
    clear: () => serial(() => local.remove(HISTORY_KEY)),
  };
}
