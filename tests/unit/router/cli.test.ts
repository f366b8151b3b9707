import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CATEGORIES } from '../../../src/router/types';

const ROOT = resolve(__dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

function cli(args: string[], input?: string) {
  const r = spawnSync(TSX, ['scripts/route.ts', ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('route CLI', () => {
  test('one prompt → one JSON object with the decision fields', () => {
    const r = cli(['Write a cheerful limerick about a cat who learns to surf.']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(CATEGORIES).toContain(d.category);
    expect(d).toHaveProperty('confidence');
    expect(d).toHaveProperty('scores');
    expect(['persona', 'neutral']).toContain(d.route);
    expect(typeof d.reason).toBe('string');
    if (d.route === 'persona') expect(typeof d.persona.text).toBe('string');
  });

  test('--jsonl FILE → one line per input, in order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'route-cli-'));
    const file = join(dir, 'in.jsonl');
    const texts = ['Solve 2x + 6 = 14 for x.', '', 'Write a haiku about winter light.'];
    writeFileSync(file, texts.map((text) => JSON.stringify({ text, id: text.length })).join('\n') + '\n');
    const r = cli(['--jsonl', file]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].category).toBe('math');
    expect(lines[1]).toMatchObject({ category: null, route: 'neutral', reason: 'empty' });
    expect(lines[2].category).toBe('writing');
  });

  test('--jsonl - reads stdin', () => {
    const r = cli(['--jsonl', '-'], '{"text":"Write a haiku about winter light."}\n');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).category).toBe('writing');
  });

  test('a malformed line is an error naming its line number, with a non-zero exit', () => {
    const r = cli(['--jsonl', '-'], '{"text":"fine"}\n{"text": oops}\n{"text":"also fine"}\n');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/line 2/);
    const missing = cli(['--jsonl', '-'], '{"text":"fine"}\n{"prompt":"no text field"}\n');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/line 2.*"text"/);
  });

  test('no arguments prints usage and fails', () => {
    const r = cli([]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/usage/);
  });
});
