import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { keywordBaseline } from '../../../src/router/keyword-baseline';

const ROOT = resolve(__dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const MODEL = join(ROOT, 'src/router/model/weights.json');
// A user's clone has no ../shared: point the scripts at a folder that does not exist.
const env = { ...process.env, PR_ROUTER_DATA: join(ROOT, 'no-such-folder') };

function run(script: string) {
  return spawnSync(TSX, [script], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
}

describe('without the public data (a user clone)', () => {
  test('npm run train says the data is missing and keeps the committed model', () => {
    const before = readFileSync(MODEL, 'utf8');
    const r = run('scripts/train.ts');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/not found.*training skipped/);
    expect(readFileSync(MODEL, 'utf8')).toBe(before);
  });

  test('npm run eval says so and still evaluates the own examples', { timeout: 120_000 }, () => {
    const r = run('scripts/eval.ts');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/not found.*own examples only/);
    expect(r.stdout).toMatch(/\| own examples \| held-back split \| \d+ \|/);
    // The English and other-language rows split the own row: their counts add up to it.
    const n = (name: string) => Number(new RegExp(`\\| ${name} \\| held-back split \\| (\\d+) \\|`).exec(r.stdout)?.[1]);
    expect(n('own examples, English')).toBeGreaterThan(0);
    expect(n('own examples, other languages')).toBeGreaterThan(0);
    expect(n('own examples, English') + n('own examples, other languages')).toBe(n('own examples'));
    expect(r.stdout).not.toMatch(/\| gsm8k_test \|/);
  });
});

describe('keyword baseline', () => {
  test('counts keyword hits and falls back to writing', () => {
    expect(keywordBaseline('Please debug this Python function, it throws an error')).toBe('coding');
    expect(keywordBaseline('Solve the equation and calculate the sum')).toBe('math');
    expect(keywordBaseline('zzz')).toBe('writing');
  });
});
