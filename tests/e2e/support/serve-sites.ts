import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Route } from '@playwright/test';
import { build } from 'esbuild';
import type { SiteId } from '../../../src/shared/settings';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const FIXTURE_DIR = path.join(repoRoot, 'tests', 'fixtures', 'sites');

export interface FixtureResponse {
  status: number;
  contentType: string;
  body: string;
}

/** Where each fixture site is served: the real origins, so the extension's host permissions match. */
export const SITE_ORIGINS: Record<SiteId, string> = {
  chatgpt: 'https://chatgpt.com',
  claude: 'https://claude.ai',
};

/** The page a fresh chat opens on, per site. */
export const NEW_CHAT_URLS: Record<SiteId, string> = {
  chatgpt: 'https://chatgpt.com/',
  claude: 'https://claude.ai/new',
};

const HOSTS: Record<string, SiteId> = {
  'chatgpt.com': 'chatgpt',
  'chat.openai.com': 'chatgpt',
  'claude.ai': 'claude',
};

// Paths that serve the chat page, like the live sites' client-side routes.
const PAGE_PATHS: Record<SiteId, RegExp> = {
  chatgpt: /^\/(?:$|c\/[^/]+$|g\/[^/]+(?:\/c\/[^/]+)?$)/,
  claude: /^\/(?:$|new$|chat\/[^/]+$)/,
};

export function fixtureSiteFor(url: string | URL): SiteId | null {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' ? (HOSTS[hostname] ?? null) : null;
  } catch {
    return null;
  }
}

export function isExtensionUrl(url: string): boolean {
  return /^(?:chrome|moz)-extension:\/\//.test(url);
}

const bundles = new Map<SiteId, Promise<string>>();

/** The site's app script, bundled once per process (prosemirror-* included) from tests/fixtures/sites/app. */
export function fixtureScript(site: SiteId): Promise<string> {
  let bundle = bundles.get(site);
  if (!bundle) {
    bundle = build({
      entryPoints: [path.join(FIXTURE_DIR, 'app', `${site}-main.ts`)],
      bundle: true,
      write: false,
      format: 'iife',
      target: 'es2022',
      platform: 'browser',
      logLevel: 'silent',
    }).then((result) => {
      const output = result.outputFiles[0];
      if (!output) throw new Error(`fixture bundle for ${site} produced no output`);
      return output.text;
    });
    bundle.catch(() => bundles.delete(site));
    bundles.set(site, bundle);
  }
  return bundle;
}

async function respond(site: SiteId, pathname: string): Promise<FixtureResponse> {
  if (PAGE_PATHS[site].test(pathname)) {
    const body = await readFile(path.join(FIXTURE_DIR, `${site}.html`), 'utf8');
    return { status: 200, contentType: 'text/html; charset=utf-8', body };
  }
  if (pathname === `/__fixture/${site}.js`) {
    return { status: 200, contentType: 'text/javascript; charset=utf-8', body: await fixtureScript(site) };
  }
  if (pathname === '/favicon.ico') return { status: 204, contentType: 'image/x-icon', body: '' };
  return { status: 404, contentType: 'text/plain; charset=utf-8', body: `not part of the ${site} fixture: ${pathname}` };
}

/**
 * The fixture server, independent of any browser driver: the response for a URL on a fixture site (a 500
 * carrying the error when the page or its bundle cannot be made, so a test sees why), or null when the URL
 * is not on one (the caller should then block the request).
 */
export async function fixtureResponse(url: string | URL): Promise<FixtureResponse | null> {
  const site = fixtureSiteFor(url);
  if (!site) return null;
  return respond(site, new URL(url).pathname).catch((error: unknown) => ({
    status: 500,
    contentType: 'text/plain; charset=utf-8',
    body: `fixture server error: ${String(error)}`,
  }));
}

async function handle(route: Route): Promise<void> {
  const url = route.request().url();
  if (isExtensionUrl(url)) return route.continue();
  const response = await fixtureResponse(url);
  if (!response) return route.abort('blockedbyclient');
  return route.fulfill({ status: response.status, contentType: response.contentType, body: response.body });
}

/**
 * Serves the fixture pages at https://chatgpt.com/** and https://claude.ai/** in this context and blocks
 * every other request except the extension's own, so no test ever reaches the network.
 */
export async function serveFixtureSites(context: BrowserContext): Promise<void> {
  await context.route('**/*', handle);
}
