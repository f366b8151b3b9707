import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../src/router/types';
import { EVIDENCE } from '../../../src/shared/evidence';

// The catalogue is the only place UI words live (issue #4): these checks keep it loadable by browsers and
// complete for the UI's source.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
type Entry = { message: string; description?: string; placeholders?: Record<string, { content: string }> };
const en = JSON.parse(readFileSync(path.join(root, 'public/_locales/en/messages.json'), 'utf8')) as Record<string, Entry>;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(path.join(dir, d.name)) : /\.tsx?$/.test(d.name) ? [path.join(dir, d.name)] : [],
  );
}

describe('English messages.json', () => {
  it('uses only key names and placeholders the WebExtension i18n API accepts', () => {
    for (const [key, entry] of Object.entries(en)) {
      expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
      expect(typeof entry.message).toBe('string');
      const used = [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase());
      const declared = Object.keys(entry.placeholders ?? {});
      expect(new Set(used), key).toEqual(new Set(declared));
      for (const p of Object.values(entry.placeholders ?? {})) expect(p.content).toMatch(/^\$[1-9]$/);
    }
  });

  it('has every key the UI and the worker features ask for', () => {
    const files = [...sources(path.join(root, 'src/ui')), path.join(root, 'src/background/toolbar-icon.ts'), path.join(root, 'src/background/auto-persona-shortcut.ts')];
    const asked = new Set<string>();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\('([A-Za-z0-9_@]+)'/g)) asked.add(m[1]!);
      for (const m of text.matchAll(/:\s*'((?:category|mode|action|route|site|length|outcome|evidence)[A-Z][A-Za-z]*)'/g)) asked.add(m[1]!);
    }
    expect(asked.size).toBeGreaterThan(50);
    expect([...asked].filter((key) => !(key in en))).toEqual([]);
  });

  it('shows the same evidence line per category as src/shared/evidence.ts', () => {
    for (const category of CATEGORIES) {
      const key = `evidence${category[0]!.toUpperCase()}${category.slice(1)}`;
      expect(en[key]?.message, key).toBe(EVIDENCE[category]);
    }
  });

  it('keeps the shortcut badge short enough for the toolbar', () => {
    expect([...en.badgeAutoOn!.message].length).toBeLessThanOrEqual(4);
    expect([...en.badgeAutoOff!.message].length).toBeLessThanOrEqual(4);
  });
});
