import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// ESLint forbids innerHTML and friends as property accesses; JSX has one more way in that it cannot see.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'src', 'ui');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(path.join(dir, d.name)) : [path.join(dir, d.name)],
  );
}

describe('UI source', () => {
  it('never renders markup from strings', () => {
    const offenders = files(root).filter((file) =>
      /dangerouslySetInnerHTML|innerHTML|outerHTML|insertAdjacentHTML|document\.write/.test(readFileSync(file, 'utf8')),
    );
    expect(files(root).length).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });
});
