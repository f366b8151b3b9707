import { defaultSettings } from '../shared/defaults';
import type { Settings } from '../shared/settings';
import { normalizeSettings } from '../shared/settings-schema';
import type { StorageAreaLike } from './storage-area';

/**
 * Settings live in storage.sync under 'settings' so they follow the user. When sync is missing, disabled or
 * over its quota (8 KB per item, persona overrides can pass it), the same object goes to storage.local and a
 * flag says that copy is the current one, so the next read does not return an older synced value.
 * Whatever comes back is passed through normalizeSettings: corrupt or old values never throw.
 */
export const SETTINGS_KEY = 'settings';
/** In storage.local: true while the local copy is the current one. */
export const LOCAL_IS_CURRENT_KEY = 'settingsLocalIsCurrent';

export interface SettingsStore {
  read(): Promise<Settings>;
  write(settings: unknown): Promise<Settings>;
  reset(): Promise<Settings>;
}

export function createSettingsStore(sync: StorageAreaLike | undefined, local: StorageAreaLike): SettingsStore {
  /** The local copy and whether it is the current one, in one request; an unreadable area reads as empty. */
  async function readLocal(): Promise<{ raw: unknown; current: boolean }> {
    try {
      const got = await local.get([SETTINGS_KEY, LOCAL_IS_CURRENT_KEY]);
      return { raw: got[SETTINGS_KEY], current: got[LOCAL_IS_CURRENT_KEY] === true };
    } catch (error) {
      console.warn('[persona-router] storage.local unreadable', error);
      return { raw: undefined, current: false };
    }
  }

  async function readSync(): Promise<unknown> {
    if (!sync) return undefined;
    try {
      return (await sync.get(SETTINGS_KEY))[SETTINGS_KEY];
    } catch (error) {
      console.warn('[persona-router] storage.sync unavailable, reading the local copy', error);
      return undefined;
    }
  }

  async function read(): Promise<Settings> {
    // Both areas at once: a worker woken by a held send reads its settings first, and one round trip
    // to storage instead of two (or three) comes straight off that send's wait.
    const [fromLocal, fromSync] = await Promise.all([readLocal(), readSync()]);
    const raw = !fromLocal.current && fromSync !== undefined ? fromSync : fromLocal.raw;
    return raw === undefined ? defaultSettings() : normalizeSettings(raw);
  }

  async function write(input: unknown): Promise<Settings> {
    const settings = normalizeSettings(input);
    if (sync) {
      try {
        await sync.set({ [SETTINGS_KEY]: settings });
        await local.remove([SETTINGS_KEY, LOCAL_IS_CURRENT_KEY]);
        return settings;
      } catch (error) {
        console.warn('[persona-router] storage.sync refused the settings, keeping them locally', error);
      }
    }
    await local.set({ [SETTINGS_KEY]: settings, [LOCAL_IS_CURRENT_KEY]: true });
    return settings;
  }

  return { read, write, reset: () => write(defaultSettings()) };
}

/**
 * Every classify reads the settings; two storage reads each time would cost the held send milliseconds.
 * The copy is only a cache of storage (rebuilt after a worker restart) and is dropped on every change.
 */
export function cachedUntilChanged(store: SettingsStore): SettingsStore & { invalidate(): void } {
  let cached: Promise<Settings> | null = null;
  const invalidate = (): void => {
    cached = null;
  };
  return {
    read() {
      cached ??= store.read().catch((error: unknown) => {
        cached = null;
        throw error;
      });
      return cached.then((s) => structuredClone(s));
    },
    async write(input) {
      invalidate();
      return store.write(input);
    },
    async reset() {
      invalidate();
      return store.reset();
    },
    invalidate,
  };
}
