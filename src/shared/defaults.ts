import { DEFAULT_ROUTER_SETTINGS } from '../router/defaults';
import type { Settings } from './settings';

/** Shared object: never mutate it; use defaultSettings() for a copy you may change. */
export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  mode: 'suggest',
  sites: { chatgpt: true, claude: true },
  router: DEFAULT_ROUTER_SETTINGS,
  // Whichever limit is smaller wins (issue #4).
  history: { maxEntries: 500, maxDays: 30 },
};

/** A fresh deep copy of the defaults, safe to edit. */
export function defaultSettings(): Settings {
  return structuredClone(DEFAULT_SETTINGS);
}
