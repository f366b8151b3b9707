import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import {
  drivers,
  MODEL_FORMAT,
  modelFromArtifact,
  score,
  WEIGHT_LEVELS,
  weightAt,
  type ModelArtifact,
} from '../../../src/router/model';
import { loadModel } from '../../../src/router/route';
import { CATEGORIES } from '../../../src/router/types';
import { MODEL_PATH, buildModel, toModelFile } from '../../../scripts/lib/build-model';
import { SHARED_DIR, sharedDataPresent } from '../../../scripts/lib/data';

const raw = readFileSync(MODEL_PATH, 'utf8');
const artifact = JSON.parse(raw) as ModelArtifact;

describe('the committed model', () => {
  test('loads, with the eight categories in order and one weight character per bucket and class', () => {
    const model = modelFromArtifact(artifact);
    expect(artifact.format).toBe(MODEL_FORMAT);
    expect(artifact.classes).toEqual([...CATEGORIES]);
    expect(model.weights.length).toBe((1 << artifact.bits) * CATEGORIES.length);
    expect(model.temperature).toBeGreaterThan(0);
    const values = new Set<number>();
    for (let i = 0; i < model.weights.length; i++) values.add(weightAt(model, i));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(-WEIGHT_LEVELS);
    expect(Math.max(...values)).toBeLessThanOrEqual(WEIGHT_LEVELS);
    expect([...values].some((w) => w !== 0)).toBe(true);
  });

  test('is at most 150 KB gzipped', () => {
    expect(gzipSync(raw).length).toBeLessThanOrEqual(150 * 1024);
  });

  test('is decoded once and kept', () => {
    expect(loadModel()).toBe(loadModel());
  });

  test('scores a prompt into a probability distribution', () => {
    const { probs } = score(loadModel(), 'Translate "good morning" into Japanese.');
    expect(probs.length).toBe(CATEGORIES.length);
    expect([...probs].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  test('a damaged artifact is refused, not half-loaded', () => {
    expect(() => modelFromArtifact({ ...artifact, classes: [...CATEGORIES].reverse() })).toThrow(/classes/);
    expect(() => modelFromArtifact({ ...artifact, weights: artifact.weights.slice(0, 400) })).toThrow(/weights/);
    expect(() => modelFromArtifact({ ...artifact, format: 1 })).toThrow(/format/);
  });

  test('a weight character out of range is refused when its row is first read', () => {
    const damaged = modelFromArtifact({ ...artifact, weights: 'z'.repeat(artifact.weights.length) });
    expect(() => score(damaged, 'Translate "good morning" into Japanese.')).toThrow(/damaged/);
  });
});

describe('drivers', () => {
  const prompts = [
    'Write a short, warm poem about the first frost of autumn for my grandmother',
    'Solve 3x + 7 = 22 and explain each step.',
    'Why does this crash?\n```js\nconst x = null;\nx.foo();\n```',
    'Summarize this email for my manager:\n\nDear Anna, thanks for the notes. The the the report is late.',
  ];
  const byRank = (a: { weight: number; label: string }, b: { weight: number; label: string }): number =>
    b.weight - a.weight || (a.label < b.label ? -1 : 1);

  test.each(prompts)('come most important first, and a limit keeps the best of them: %s', (prompt) => {
    const model = loadModel();
    for (const category of CATEGORIES) {
      const all = drivers(model, score(model, prompt), category, 1000);
      expect(all.length).toBeGreaterThan(0);
      expect(new Set(all.map((d) => d.label)).size).toBe(all.length);
      expect(all).toEqual([...all].sort(byRank));
      for (const limit of [1, 3, 12]) expect(drivers(model, score(model, prompt), category, limit)).toEqual(all.slice(0, limit));
    }
  });
});

describe('the file format', () => {
  test("the trainer's base64 nibbles become one character per weight, same values in the same order", () => {
    // Bucket 0: classes -7, 7, 0, 1, ...; 2 buckets of 8 classes = 16 nibbles = 8 bytes.
    const values = [-7, 7, 0, 1, -1, 3, -3, 2, 0, 0, 0, 0, 5, -5, 6, -6];
    const bytes = new Uint8Array(8);
    values.forEach((v, i) => {
      bytes[i >> 1] = (bytes[i >> 1] as number) | ((v + 7) << ((i & 1) * 4));
    });
    const quantized = { ...artifact, format: 1, bits: 1, weights: Buffer.from(bytes).toString('base64') };
    const file = toModelFile(quantized);
    expect(file.format).toBe(MODEL_FORMAT);
    const model = modelFromArtifact(file);
    expect(values.map((_, i) => weightAt(model, i))).toEqual(values);
    expect(() => toModelFile({ ...quantized, weights: Buffer.from(bytes.subarray(0, 4)).toString('base64') })).toThrow(/expected/);
  });
});

const present = sharedDataPresent();
if (!present) console.log(`Skipping the retraining check: public router data not found at ${SHARED_DIR}.`);

describe.skipIf(!present)('training is deterministic', () => {
  test('a fresh training run writes exactly the committed model', { timeout: 900_000 }, () => {
    const fresh = buildModel();
    expect(fresh.json.length).toBe(raw.length);
    expect(fresh.json === raw).toBe(true);
  });
});
