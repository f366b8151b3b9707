import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  handLabeledSets,
  isHeldBack,
  loadHandLabels,
  loadPublicSet,
  SHARED_DIR,
  sharedDataPresent,
  type Item,
} from '../../../scripts/lib/data';
import { buildTrainingSet, restatingPublicTexts, trainingLabel } from '../../../scripts/lib/training-set';

const dirs: string[] = [];
function labelsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pr-labels-'));
  dirs.push(dir);
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  return dir;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const line = (o: unknown): string => `${JSON.stringify(o)}\n`;

describe('hand label files (data/labels/<set>.jsonl)', () => {
  test('map each id to its category, null kept as "leave out"', () => {
    const dir = labelsDir({
      'ifeval.jsonl':
        line({ id: 'ifeval:1', category: 'writing' }) +
        '\n' +
        line({ id: 'ifeval:2', category: null, note: 'two tasks' }) +
        line({ id: 'ifeval:3', category: 'extraction' }),
    });
    const labels = loadHandLabels('ifeval', dir);
    expect([...labels]).toEqual([
      ['ifeval:1', 'writing'],
      ['ifeval:2', null],
      ['ifeval:3', 'extraction'],
    ]);
    expect(labels.has('ifeval:4')).toBe(false);
  });

  test('an absent file means no labels, and only sets with a file count as hand-labeled', () => {
    const dir = labelsDir({ 'just_eval.jsonl': line({ id: 'just_eval:5', category: 'stem' }) });
    expect(loadHandLabels('ifeval', dir).size).toBe(0);
    expect(handLabeledSets(dir)).toEqual(['just_eval']);
  });

  test('a typo is an error naming the file, never a silently different label', () => {
    const bad = (body: string) => () => loadHandLabels('x', labelsDir({ 'x.jsonl': body }));
    expect(bad(line({ id: 'x:1', category: 'Writing' }))).toThrow(/x\.jsonl: label 1 \(x:1\) has unknown category Writing/);
    expect(bad(line({ id: 'x:1', category: 'math' }) + line({ category: 'math' }))).toThrow(/label 2 has no id/);
    expect(bad(line({ id: 'x:1' }))).toThrow(/has no category field/);
    expect(bad(line({ id: 'x:1', category: 'math' }) + line({ id: 'x:1', category: 'stem' }))).toThrow(/labeled twice/);
    expect(bad('{"id": "x:1", "category": "math"\n')).toThrow(/x\.jsonl:1: not JSON/);
    // The same label twice is harmless.
    expect(loadHandLabels('x', labelsDir({ 'x.jsonl': line({ id: 'x:1', category: 'math' }).repeat(2) })).get('x:1')).toBe('math');
  });

  test('a hand label wins over the IFEval rule and over a set label; uncovered items keep the rule', () => {
    const item = (id: string, text: string, source: string, category: Item['category'] = null): Item => ({
      id,
      text,
      category,
      source,
      sourceLabel: '',
      tags: [],
    });
    const poem = item('ifeval:1', 'Write a poem about rain. Use no commas.', 'ifeval');
    const question = item('ifeval:2', 'What is the capital of Peru? Answer in all caps.', 'ifeval');
    const hand = new Map([
      ['ifeval:1', null],
      ['ifeval:2', 'humanities' as const],
      ['just_eval:9', 'reasoning' as const],
    ]);
    expect(trainingLabel(poem)).toBe('writing');
    expect(trainingLabel(poem, hand)).toBe(null);
    expect(trainingLabel(question)).toBe(null);
    expect(trainingLabel(question, hand)).toBe('humanities');
    const other = item('ifeval:3', 'Write a limerick about a cat.', 'ifeval');
    expect(trainingLabel(other, hand)).toBe('writing');
    expect(trainingLabel(item('just_eval:9', 'How can I sleep better?', 'just_eval', 'stem'), hand)).toBe('reasoning');
  });
});

const present = sharedDataPresent();
if (!present) console.log(`Skipping the hand-label training check: public router data not found at ${SHARED_DIR}.`);

describe.skipIf(!present)('training with hand labels', () => {
  test('labels non-held-back items by id, leaves out nulls, never trains on held-back items', { timeout: 120_000 }, () => {
    const set = loadPublicSet('ifeval');
    const without = buildTrainingSet(labelsDir({})).items;
    const trained = new Set(without.filter((it) => it.source === 'ifeval').map((it) => it.text));
    const ruleWriting = set.filter((it) => trained.has(it.text) && trainingLabel(it) === 'writing');
    const restating = restatingPublicTexts();
    const unlabeled = set.filter((it) => !isHeldBack(it.text) && !restating.has(it.text) && trainingLabel(it) === null);
    const heldBack = set.find((it) => isHeldBack(it.text));
    const [dropped, relabeled] = ruleWriting;
    const [added] = unlabeled;
    if (!dropped || !relabeled || !added || !heldBack) throw new Error('ifeval has fewer items than this test needs');
    const dir = labelsDir({
      'ifeval.jsonl':
        line({ id: dropped.id, category: null }) +
        line({ id: relabeled.id, category: 'roleplay' }) +
        line({ id: added.id, category: 'reasoning' }) +
        line({ id: heldBack.id, category: 'math' }),
    });
    const find = <T extends { text: string }>(items: T[], text: string): T[] => items.filter((it) => it.text === text);

    expect(find(without, dropped.text).map((it) => it.category)).toEqual(['writing']);
    expect(find(without, added.text)).toEqual([]);

    const withLabels = buildTrainingSet(dir).items;
    expect(find(withLabels, dropped.text)).toEqual([]);
    expect(find(withLabels, relabeled.text).map((it) => [it.category, it.source])).toEqual([['roleplay', 'ifeval (hand)']]);
    expect(find(withLabels, added.text).map((it) => [it.category, it.source])).toEqual([['reasoning', 'ifeval (hand)']]);
    expect(find(withLabels, heldBack.text)).toEqual([]);
  });
});
