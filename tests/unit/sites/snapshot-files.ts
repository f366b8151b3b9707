import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * The real page snapshots live outside the repository (../shared/fixtures/sites, next to the clone on the
 * project's machines); a user's clone does not have them, so tests that need them skip with this reason.
 */
export const SNAPSHOT_DIR = path.resolve(repoRoot, '..', 'shared', 'fixtures', 'sites');
export const hasSnapshots = existsSync(SNAPSHOT_DIR);
export const SNAPSHOT_SKIP_REASON = `real site snapshots not found at ${SNAPSHOT_DIR}; snapshot checks skipped`;

if (!hasSnapshots) console.warn(SNAPSHOT_SKIP_REASON);

export function loadSnapshot(file: string): Document {
  const html = readFileSync(path.join(SNAPSHOT_DIR, file), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}
