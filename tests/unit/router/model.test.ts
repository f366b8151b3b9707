import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { modelFromArtifact, score, type ModelArtifact } from '../../../src/router/model';
import { loadModel } from '../../../src/router/route';
import { CATEGORIES } from '../../../src/router/types';
import { MODEL_PATH, buildModel } from '../../../scripts/lib/build-model';
import { SHARED_DIR, sharedDataPresent } from '../../../scripts/lib/data';

const raw = readFileSync(MODEL_PATH, 'utf8');
const artifact = JSON.parse(raw) as ModelArtifact;

describe('the committed model', () => {
  test('loads, with the eight categories in order and one int8 row per bucket', () => {
    const model = modelFromArtifact(artifact);
    expect(artifact.classes).toEqual([...CATEGORIES]);
    expect(model.weights.length).toBe((1 << artifact.bits) * CATEGORIES.length);
    expect(model.temperature).toBeGreaterThan(0);
    expect(model.weights.some((w) => w !== 0)).toBe(true);
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
    expect(() => modelFromArtifact({ ...artifact, format: 2 })).toThrow(/format/);
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
