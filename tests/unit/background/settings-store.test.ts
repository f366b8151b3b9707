import { describe, expect, test, vi } from 'vitest';
import { cachedUntilChanged, createSettingsStore, LOCAL_IS_CURRENT_KEY, SETTINGS_KEY } from '../../../src/background/settings-store';
import { defaultSettings } from '../../../src/shared/defaults';
import { MemoryArea } from './fixtures';

function auto() {
  return { ...defaultSettings(), mode: 'auto' as const };
}

describe('settings store', () => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);

  test('reads defaults from empty storage', async () => {
    const store = createSettingsStore(new MemoryArea(), new MemoryArea());
    expect(await store.read()).toEqual(defaultSettings());
  });

  test('writes to storage.sync and reads it back', async () => {
    const sync = new MemoryArea();
    const local = new MemoryArea();
    const store = createSettingsStore(sync, local);
    await store.write(auto());
    expect(sync.data.get(SETTINGS_KEY)).toMatchObject({ mode: 'auto' });
    expect(local.data.has(SETTINGS_KEY)).toBe(false);
    expect((await store.read()).mode).toBe('auto');
  });

  test('falls back to storage.local when sync refuses the write (quota)', async () => {
    const sync = new MemoryArea();
    const local = new MemoryArea();
    await sync.set({ [SETTINGS_KEY]: defaultSettings() });
    sync.failSet = new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    const store = createSettingsStore(sync, local);
    await store.write(auto());
    expect(local.data.get(SETTINGS_KEY)).toMatchObject({ mode: 'auto' });
    expect(local.data.get(LOCAL_IS_CURRENT_KEY)).toBe(true);
    // The older synced copy must not win over the newer local one.
    expect((await store.read()).mode).toBe('auto');
  });

  test('a later successful sync write makes sync current again', async () => {
    const sync = new MemoryArea();
    const local = new MemoryArea();
    const store = createSettingsStore(sync, local);
    sync.failSet = new Error('quota');
    await store.write(auto());
    sync.failSet = null;
    await store.write({ ...defaultSettings(), mode: 'off' });
    expect(local.data.has(SETTINGS_KEY)).toBe(false);
    expect((await store.read()).mode).toBe('off');
  });

  test('reads the local copy when sync is unavailable', async () => {
    const sync = new MemoryArea();
    const local = new MemoryArea();
    await local.set({ [SETTINGS_KEY]: auto() });
    sync.failGet = new Error('sync is disabled');
    expect((await createSettingsStore(sync, local).read()).mode).toBe('auto');
  });

  test('works without storage.sync at all', async () => {
    const local = new MemoryArea();
    const store = createSettingsStore(undefined, local);
    await store.write(auto());
    expect((await store.read()).mode).toBe('auto');
  });

  test.each([
    ['a string', 'not json'],
    ['a number', 42],
    ['an array', [1, 2]],
    ['wrong field types', { version: 1, mode: 7, sites: 'all', router: null, history: { maxEntries: -5 } }],
  ])('corrupt stored settings (%s) read as defaults without throwing', async (_name, raw) => {
    const sync = new MemoryArea();
    await sync.set({ [SETTINGS_KEY]: raw });
    const settings = await createSettingsStore(sync, new MemoryArea()).read();
    expect(settings).toEqual(defaultSettings());
  });

  test('one corrupt field keeps the others', async () => {
    const sync = new MemoryArea();
    await sync.set({ [SETTINGS_KEY]: { ...auto(), history: 'forever' } });
    const settings = await createSettingsStore(sync, new MemoryArea()).read();
    expect(settings.mode).toBe('auto');
    expect(settings.history).toEqual(defaultSettings().history);
  });

  test('writes are normalized, and reset restores defaults', async () => {
    const sync = new MemoryArea();
    const store = createSettingsStore(sync, new MemoryArea());
    const written = await store.write({ ...auto(), router: { ...auto().router, threshold: 7 } });
    expect(written.router.threshold).toBe(1);
    expect(await store.reset()).toEqual(defaultSettings());
    expect(await store.read()).toEqual(defaultSettings());
  });
});

describe('cached settings', () => {
  test('reads storage once until invalidated, and never hands out the cached object itself', async () => {
    const sync = new MemoryArea();
    const inner = createSettingsStore(sync, new MemoryArea());
    const read = vi.spyOn(inner, 'read');
    const store = cachedUntilChanged(inner);
    const first = await store.read();
    first.mode = 'off';
    expect((await store.read()).mode).toBe('suggest');
    expect(read).toHaveBeenCalledTimes(1);
    await sync.set({ [SETTINGS_KEY]: auto() });
    expect((await store.read()).mode).toBe('suggest');
    store.invalidate();
    expect((await store.read()).mode).toBe('auto');
    await store.write({ ...defaultSettings(), mode: 'off' });
    expect((await store.read()).mode).toBe('off');
  });
});
