import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { HistoryEntry, UItoBG } from '../../shared/messages';
import type { Settings } from '../../shared/settings';
import { ask, onStorageChange } from '../api';

export interface SettingsState {
  settings: Settings | null;
  /** A failure to load or save, shown to the user; null when the last request succeeded. */
  error: string | null;
  /** Applies `change` to a copy of the current settings and saves it; resolves to what the worker stored. */
  update: (change: (draft: Settings) => void) => Promise<Settings | null>;
  /** Replaces all settings (import). */
  replace: (next: Settings) => Promise<Settings | null>;
  reset: () => Promise<Settings | null>;
}

/** Settings as the worker holds them, kept current when they change elsewhere (shortcut, another page). */
export function useSettings(): SettingsState {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Rapid changes (typing in a number field) must each start from the newest value, not a stale render's.
  const latest = useRef<Settings | null>(null);

  const store = useCallback((next: Settings) => {
    latest.current = next;
    setSettings(next);
  }, []);

  const load = useCallback(async () => {
    try {
      store(await ask({ type: 'UItoBG:getSettings' }));
      setError(null);
    } catch (e) {
      setError(String(e));
    }
  }, [store]);

  useEffect(() => {
    const controller = new AbortController();
    void load();
    onStorageChange(() => void load(), controller.signal);
    return () => controller.abort();
  }, [load]);

  const send = useCallback(
    async (message: Extract<UItoBG, { type: 'UItoBG:setSettings' | 'UItoBG:resetSettings' }>) => {
      try {
        const saved = await ask(message);
        store(saved);
        setError(null);
        return saved;
      } catch (e) {
        setError(String(e));
        await load();
        return null;
      }
    },
    [load, store],
  );

  const replace = useCallback(
    (next: Settings) => {
      store(next);
      return send({ type: 'UItoBG:setSettings', settings: next });
    },
    [send, store],
  );

  const update = useCallback(
    (change: (draft: Settings) => void) => {
      if (!latest.current) return Promise.resolve(null);
      const draft = structuredClone(latest.current);
      change(draft);
      return replace(draft);
    },
    [replace],
  );

  const reset = useCallback(() => send({ type: 'UItoBG:resetSettings' }), [send]);

  return { settings, error, update, replace, reset };
}

/** Routing history from the worker (newest first), refreshed when storage changes. */
export function useHistory(query: { tabId?: number; limit?: number } = {}, enabled = true) {
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { tabId, limit } = query;

  const load = useCallback(async () => {
    try {
      const list = await ask({ type: 'UItoBG:history', tabId, limit });
      setEntries([...list].sort((a, b) => b.time - a.time));
      setError(null);
    } catch (e) {
      setError(String(e));
    }
  }, [tabId, limit]);

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    void load();
    onStorageChange(() => void load(), controller.signal);
    return () => controller.abort();
  }, [load, enabled]);

  return { entries, error, reload: load };
}
