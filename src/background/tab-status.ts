import type { TabStatus } from '../shared/messages';
import type { SiteId } from '../shared/settings';
import type { StorageAreaLike } from './storage-area';

/**
 * What each tab's content script last reported (is the composer there?), for the popup. Kept in
 * storage.session because the worker may be suspended between the report and the popup opening; browsers
 * without storage.session get storage.local, where entries are removed with their tab.
 */
const PREFIX = 'tabStatus:';

export interface TabStatusStore {
  report(tabId: number, site: SiteId, composerFound: boolean): Promise<void>;
  /** `site` is what the tab's URL says now; a stored report for another site is stale and ignored. */
  read(tabId: number, site: SiteId | null): Promise<TabStatus>;
  forget(tabId: number): Promise<void>;
}

export function createTabStatusStore(area: StorageAreaLike): TabStatusStore {
  return {
    async report(tabId, site, composerFound) {
      await area.set({ [PREFIX + tabId]: { site, composerFound } });
    },
    async read(tabId, site) {
      if (site === null) return { site: null, composerFound: null };
      const stored = (await area.get(PREFIX + tabId))[PREFIX + tabId] as Partial<TabStatus> | undefined;
      const found = stored?.site === site && typeof stored.composerFound === 'boolean' ? stored.composerFound : null;
      return { site, composerFound: found };
    },
    async forget(tabId) {
      await area.remove(PREFIX + tabId);
    },
  };
}
