import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import {
  drivers,
  logits,
  MAX_PAIRS,
  MODEL_FORMAT,
  modelFromArtifact,
  pairCode,
  score,
  WEIGHT_LEVELS,
  weightAt,
  type ModelArtifact,
} from '../../../src/router/model';
import { loadModel } from '../../../src/router/route';
import { bucketOf, extractFeatures, FeatureList, NS, wordHash } from '../../../src/router/features';
import { featurize } from '../../../scripts/lib/trainer';
import { CATEGORIES, type Category } from '../../../src/router/types';
import { MODEL_PATH, buildModel, toModelFile } from '../../../scripts/lib/build-model';
import { SHARED_DIR, sharedDataPresent } from '../../../scripts/lib/data';

const raw = readFileSync(MODEL_PATH, 'utf8');
const artifact = JSON.parse(raw) as ModelArtifact;

describe('the committed model', () => {
  test('loads, with the eight categories in order and one character per two weights', () => {
    const model = modelFromArtifact(artifact);
    const count = (1 << artifact.bits) * CATEGORIES.length;
    expect(artifact.format).toBe(MODEL_FORMAT);
    expect(artifact.classes).toEqual([...CATEGORIES]);
    expect(model.weights.length).toBe(count / 2);
    expect(model.temperature).toBeGreaterThan(0);
    const values = new Set<number>();
    for (let i = 0; i < count; i++) values.add(weightAt(model, i));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(-WEIGHT_LEVELS);
    expect(Math.max(...values)).toBeLessThanOrEqual(WEIGHT_LEVELS);
    expect([...values].some((w) => w !== 0)).toBe(true);
  });

  test('scoring reads each weight in its class, as weightAt does', () => {
    const model = modelFromArtifact(artifact);
    for (const text of ['Write a limerick about a cat who hates Mondays', 'Solve 3x + 7 = 22', 'Why does my Rust build fail?']) {
      score(model, text);
    }
    const touched = [...model.rows.keys()].filter((b) => model.rows[b] !== 0);
    expect(touched.length).toBeGreaterThan(100);
    for (const b of touched) {
      const packed = Array.from({ length: CATEGORIES.length }, (_, c) => (((model.rows[b] as number) >>> (4 * c)) & 15) - 8);
      expect(packed).toEqual(Array.from({ length: CATEGORIES.length }, (_, c) => weightAt(model, b * CATEGORIES.length + c)));
    }
  });

  test("scoring sums the rows the trainer's feature vectors name, character grams in the upper half", () => {
    // The trainer learns weights for featurize()'s rows; scoring must read the same rows, or a retrained
    // model would be scored against features it never saw.
    const model = modelFromArtifact(artifact);
    const half = 1 << (artifact.bits - 1);
    for (const text of ['Write a limerick about a cat who hates Mondays', 'Solve 3x + 7 = 22', `Summarize: ${'The board met on Monday. '.repeat(60)}`]) {
      const { idx, val } = featurize(text, artifact.bits);
      const expected = Array.from({ length: CATEGORIES.length }, (_, c) => {
        let z = artifact.bias[c] as number;
        for (let k = 0; k < idx.length; k++) {
          z += (val[k] as number) * weightAt(model, (idx[k] as number) * CATEGORIES.length + c) * (artifact.scales[c] as number);
        }
        return z;
      });
      const got = [...logits(model, text).logits];
      for (let c = 0; c < CATEGORIES.length; c++) expect(got[c]).toBeCloseTo(expected[c] as number, 9);
      expect([...idx].some((b) => b >= half)).toBe(true);
      expect([...idx].some((b) => b < half)).toBe(true);
    }
    const list = new FeatureList();
    extractFeatures('Write a limerick about a cat', list);
    for (let i = 0; i < list.length; i++) {
      const b = bucketOf(list.ns[i] as number, list.hash[i] as number, artifact.bits);
      expect(b >= half, `namespace ${list.ns[i]}`).toBe(list.ns[i] === NS.char);
    }
  });

  test('explanations weigh a word by the row scoring reads for it', () => {
    const model = modelFromArtifact(artifact);
    const c = CATEGORIES.indexOf('writing');
    const scored = score(model, 'Write a limerick about a cat who hates Mondays');
    const words = drivers(model, scored, 'writing', 6).filter((d) => d.label.startsWith('"'));
    expect(words.length).toBeGreaterThan(1);
    const factor = (artifact.namespaceWeights[NS.word] as number) / Math.sqrt(scored.counts[NS.word] as number);
    for (const d of words) {
      const row = bucketOf(NS.word, wordHash(d.label.slice(1, -1)), artifact.bits);
      const w = (k: number): number => weightAt(model, row * CATEGORIES.length + k) * (artifact.scales[k] as number);
      let others = 0;
      for (let k = 0; k < CATEGORIES.length; k++) if (k !== c) others += w(k);
      expect(d.weight, d.label).toBeCloseTo(factor * (w(c) - others / (CATEGORIES.length - 1)), 9);
    }
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
    expect(() => modelFromArtifact({ ...artifact, bits: 0 })).toThrow(/bits 0/);
    expect(() => modelFromArtifact({ ...artifact, bits: 16.5 })).toThrow(/bits 16.5/);
    const { pairs: _, ...withoutPairs } = artifact;
    expect(() => modelFromArtifact(withoutPairs)).toThrow(/pairs/);
    // A nibble of 0 would be weight -8, one step beyond the range.
    expect(() => modelFromArtifact({ ...artifact, pairs: [0x88, 0x08] })).toThrow(/pair 1/);
    expect(() => modelFromArtifact({ ...artifact, pairs: [0x88, 0x188] })).toThrow(/pair 1/);
    expect(() => modelFromArtifact({ ...artifact, pairs: [0x88, 0x79, 0x88] })).toThrow(/pair 2 comes twice/);
    expect(() => modelFromArtifact({ ...artifact, weights: null as unknown as string })).toThrow(/weights are null/);
  });

  test('a weight character outside the alphabet is refused when its row is first read', () => {
    const damaged = modelFromArtifact({ ...artifact, weights: '\u0400'.repeat(artifact.weights.length) });
    expect(() => score(damaged, 'Translate "good morning" into Japanese.')).toThrow(/damaged/);
    expect(() => weightAt(damaged, 0)).toThrow(/damaged/);
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
    const scored = score(model, prompt);
    const best = CATEGORIES[scored.probs.indexOf(Math.max(...scored.probs))] as Category;
    // Drivers are the features that push towards a category: the winner always has some, while a category
    // that nothing in the prompt supports may have none.
    expect(drivers(model, scored, best, 1000).length).toBeGreaterThan(0);
    let withDrivers = 0;
    for (const category of CATEGORIES) {
      const all = drivers(model, scored, category, 1000);
      if (all.length > 0) withDrivers++;
      expect(new Set(all.map((d) => d.label)).size).toBe(all.length);
      expect(all).toEqual([...all].sort(byRank));
      for (const limit of [1, 3, 12]) expect(drivers(model, scored, category, limit)).toEqual(all.slice(0, limit));
    }
    expect(withDrivers).toBeGreaterThan(3);
  });
});

describe('the file format', () => {
  test('the alphabet is 225 distinct characters that JSON writes as they are, the first 93 in one byte', () => {
    const codes = Array.from({ length: MAX_PAIRS }, (_, i) => pairCode(i));
    expect(MAX_PAIRS).toBe(225);
    expect(new Set(codes).size).toBe(MAX_PAIRS);
    const text = String.fromCharCode(...codes);
    expect(JSON.stringify(text)).toBe(`"${text}"`);
    expect(Buffer.byteLength(text.slice(0, 93))).toBe(93);
    expect(Buffer.byteLength(text.slice(93, 94))).toBe(2);
  });

  test("the trainer's base64 nibbles become two weights to a character, the same values in the same order", () => {
    // Bucket 0: classes -7, 7, 0, 1, ...; 2 buckets of 8 classes = 16 nibbles = 8 bytes. The pair (0, 0)
    // comes three times, more than any other, so it gets the first character of the alphabet.
    const values = [-7, 7, 0, 0, -1, 3, -3, 2, 0, 0, 0, 0, 5, -5, 6, -6];
    const bytes = new Uint8Array(8);
    values.forEach((v, i) => {
      bytes[i >> 1] = (bytes[i >> 1] as number) | ((v + 7) << ((i & 1) * 4));
    });
    const quantized = { ...artifact, format: 1, bits: 1, weights: Buffer.from(bytes).toString('base64') };
    const file = JSON.parse(JSON.stringify(toModelFile(quantized))) as ModelArtifact;
    expect(file.format).toBe(MODEL_FORMAT);
    expect(file.weights.length).toBe(8);
    expect(file.pairs?.[0]).toBe(0x88);
    expect([...file.weights].filter((ch) => ch === String.fromCharCode(pairCode(0)))).toHaveLength(3);
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
