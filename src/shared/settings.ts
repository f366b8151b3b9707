import type { RouterSettings } from '../router/types';

/** off: the extension stays out of the way; suggest: offer a chip; auto: insert on send ("Auto-persona" on). */
export type Mode = 'off' | 'suggest' | 'auto';
export const MODES: readonly Mode[] = ['off', 'suggest', 'auto'];

export const SITE_IDS = ['chatgpt', 'claude'] as const;
export type SiteId = (typeof SITE_IDS)[number];

export interface HistoryRetention {
  maxEntries: number;
  maxDays: number;
}

export interface Settings {
  /** Schema version, bumped with a migration step in settings-schema.ts. */
  version: 1;
  mode: Mode;
  /** Per-site on/off switch; a missing site counts as on. */
  sites: Record<SiteId, boolean>;
  router: RouterSettings;
  history: HistoryRetention;
}
