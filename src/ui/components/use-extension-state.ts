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
  // Rapid changes (a slider moved with the arrow keys) must each start from the newest value, reach the
  // worker in order, and never be overwritten on screen by an older answer: changes apply locally at once,
  // saves run one after another, and reads that started before the latest local change are dropped.
  const latest = useRef<Settings | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const generation = useRef(0);
  const pending = useRef(0);
  const failed = useRef(false);

  const show = useCallback((next: Settings) => {
    latest.current = next;
    setSettings(next);
  }, []);

  const load = useCallback(async () => {
    // While saves are on their way, what the worker reads may predate them; their answers speak instead.
    if (pending.current > 0) return;
    const started = generation.current;
    try {
      const current = await ask({ type: 'UItoBG:getSettings' });
      if (started === generation.current && pending.current === 0) show(current);
      setError(null);
    } catch (e) {
      setError(String(e));
    }
  }, [show]);

  useEffect(() => {
    const controller = new AbortController();
    void load();
    onStorageChange(() => void load(), controller.signal);
    return () => controller.abort();
  }, [load]);

  const save = useCallback(
    (message: Extract<UItoBG, { type: 'UItoBG:setSettings' | 'UItoBG:resetSettings' }>) => {
      generation.current++;
      pending.current++;
      const run = queue.current.then(async () => {
        try {
          const saved = await ask(message);
          // Only the last save in a burst speaks for what is stored now.
          if (pending.current === 1) show(saved);
          setError(null);
          return saved;
        } catch (e) {
          setError(String(e));
          failed.current = true;
          return null;
        } finally {
          pending.current--;
          // After a refused save the screen shows a value that was never stored: read back the real one.
          if (pending.current === 0 && failed.current) {
            failed.current = false;
            void load();
          }
        }
      });
      queue.current = run;
      return run;
    },
    [load, show],
  );

  const replace = useCallback(
    (next: Settings) => {
      show(next);
      return save({ type: 'UItoBG:setSettings', settings: next });
    },
    [save, show],
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

  const reset = useCallback(() => save({ type: 'UItoBG:resetSettings' }), [save]);

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
