import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipArchive, type ZipEntry } from './zip-archive';

/**
 * `npm run package`: store-ready zips of the built extension, one per browser, written to
 * artifacts/persona-router-<browser>-<version>.zip with manifest.json at the archive root.
 * Reads dist/<browser> (or $PR_DIST/<browser>, like the build). Dotfiles (.vite/ build metadata) and source
 * maps are left out: the stores do not need them and they would only grow the download.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distRoot = path.resolve(repoRoot, process.env.PR_DIST ?? 'dist');
const artifactsDir = path.join(repoRoot, 'artifacts');
const BROWSERS = ['chrome', 'firefox'] as const;
type Browser = (typeof BROWSERS)[number];

interface Manifest {
  manifest_version?: number;
  version?: string;
  background?: { service_worker?: string; scripts?: string[] };
  browser_specific_settings?: { gecko?: { id?: string } };
}

function excluded(relative: string): boolean {
  return relative.split('/').some((part) => part.startsWith('.')) || relative.endsWith('.map');
}

async function filesUnder(root: string, dir = root): Promise<string[]> {
  const found: string[] = [];
  for (const item of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, item.name);
    const relative = path.relative(root, full).split(path.sep).join('/');
    if (excluded(relative)) continue;
    if (item.isDirectory()) found.push(...(await filesUnder(root, full)));
    else if (item.isFile()) found.push(relative);
  }
  return found;
}

/** Refuses a build the store would reject, before a zip is written. */
function checkManifest(browser: Browser, manifest: Manifest, files: Set<string>): void {
  const problems: string[] = [];
  if (manifest.manifest_version !== 3) problems.push('manifest_version is not 3');
  if (!manifest.version) problems.push('no version');
  if (browser === 'chrome' && !manifest.background?.service_worker) problems.push('no background.service_worker');
  if (browser === 'firefox') {
    if (!manifest.background?.scripts?.length) problems.push('no background.scripts');
    if (!manifest.browser_specific_settings?.gecko?.id) problems.push('no browser_specific_settings.gecko.id');
  }
  const background = [manifest.background?.service_worker, ...(manifest.background?.scripts ?? [])];
  for (const script of background) if (script && !files.has(script)) problems.push(`background file ${script} missing`);
  if (problems.length) throw new Error(`dist/${browser}/manifest.json: ${problems.join('; ')}`);
}

async function packageBrowser(browser: Browser): Promise<{ file: string; version: string; entries: number; bytes: number }> {
  const dir = path.join(distRoot, browser);
  const manifestPath = path.join(dir, 'manifest.json');
  if (!(await stat(manifestPath).catch(() => null))?.isFile()) {
    throw new Error(`${path.relative(repoRoot, manifestPath)} not found: run \`npm run build\` first`);
  }
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest;
  // manifest.json first, the rest in a stable order, so the archive is the same for the same build.
  const names = (await filesUnder(dir)).filter((name) => name !== 'manifest.json').sort();
  checkManifest(browser, manifest, new Set(names));
  const entries: ZipEntry[] = [];
  for (const name of ['manifest.json', ...names]) entries.push({ name, data: await readFile(path.join(dir, name)) });
  const zip = zipArchive(entries);
  const version = manifest.version as string;
  const file = path.join(artifactsDir, `persona-router-${browser}-${version}.zip`);
  await writeFile(file, zip);
  return { file, version, entries: entries.length, bytes: zip.length };
}

async function main(): Promise<void> {
  await mkdir(artifactsDir, { recursive: true });
  const results = [];
  for (const browser of BROWSERS) results.push(await packageBrowser(browser));
  const versions = new Set(results.map((result) => result.version));
  if (versions.size > 1) throw new Error(`the two builds disagree on the version: ${[...versions].join(', ')}`);
  for (const { file, entries, bytes } of results) {
    console.log(`${path.relative(repoRoot, file)}  ${entries} files, ${(bytes / 1024).toFixed(1)} KiB`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
