import { chatgpt } from './chatgpt';
import { claude } from './claude';
import { createAdapter } from './create-adapter';
import type { SiteAdapter, SiteDefinition } from './types';

export type { EditorFamily, SiteAdapter, SiteDefinition, UserMessage } from './types';

/** Every supported site; adding a site is adding its definition file and listing it here. */
export const SITES: readonly SiteDefinition[] = [chatgpt, claude];

// Built once, so every caller for a site shares one adapter.
const ADAPTERS = new Map<SiteDefinition, SiteAdapter>(SITES.map((site) => [site, createAdapter(site)]));

export function adapterFor(url: URL): SiteAdapter | null {
  const site = SITES.find((candidate) => candidate.hosts.includes(url.hostname));
  return site ? (ADAPTERS.get(site) ?? null) : null;
}
