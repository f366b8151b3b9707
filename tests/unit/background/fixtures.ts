import { CATEGORIES, type Category, type Decision } from '../../../src/router/types';
import type { StorageAreaLike } from '../../../src/background/storage-area';

export function decision(category: Category, route: 'persona' | 'neutral', extra: Partial<Decision> = {}): Decision {
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, c === category ? 0.8 : 0.2 / 7])) as Decision['scores'];
  return {
    category,
    confidence: 0.8,
    scores,
    route,
    action: route === 'persona' ? 'auto' : 'never',
    reason: `looks like ${category}`,
    ...(route === 'persona' ? { persona: { id: category, name: `${category} expert`, text: `You are a ${category} expert.\n\n` } } : {}),
    ...extra,
  };
}

/** An in-memory storage area; `failSet` makes writes throw like a full or disabled storage.sync. */
export class MemoryArea implements StorageAreaLike {
  data = new Map<string, unknown>();
  failSet: Error | null = null;
  failGet: Error | null = null;
  async get(keys: string | string[]) {
    if (this.failGet) throw this.failGet;
    const out: Record<string, unknown> = {};
    for (const key of Array.isArray(keys) ? keys : [keys]) {
      if (this.data.has(key)) out[key] = structuredClone(this.data.get(key));
    }
    return out;
  }
  async set(items: Record<string, unknown>) {
    if (this.failSet) throw this.failSet;
    for (const [key, value] of Object.entries(items)) this.data.set(key, structuredClone(value));
  }
  async remove(keys: string | string[]) {
    for (const key of Array.isArray(keys) ? keys : [keys]) this.data.delete(key);
  }
}
