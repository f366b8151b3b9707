import { chatgpt } from './chatgpt';
import { claude } from './claude';
import { createAdapter } from './create-adapter';
import type { SiteAdapter, SiteDefinition } from './types';

export type { EditorFamily, SiteAdapter, SiteDefinition, UserMessage } from './types';

/** Every supported site; adding a site is adding its definition file and listing it here. */
export const SITES: readonly SiteDefinition[] = [chatgpt, claude];

const adapters = new Map<SiteDefinition, SiteAdapter>();

export function adapterFor(url: URL): SiteAdapter | null {
  const site = SITES.find((candidate) => candidate.hosts.includes(url.hostname));
  if (!site) return null;
  let adapter = adapters.get(site);
  if (!adapter) {
    adapter = createAdapter(site);
    adapters.set(site, adapter);
  }
  return adapter;
}
