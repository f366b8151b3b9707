import { describe, expect, test } from 'vitest';
import { extractFeatures, FeatureList, NS } from '../../../src/router/features';

const TEXTS = [
  '',
  '   ',
  'Write a haiku about rain.',
  'Summarize this email for my manager:\n\nDear Anna, the report is late. Best, Tom',
  'Why does this crash?\n```js\nconst x = null;\nx.foo();\n```\nPlease explain.',
  '写一个Python函数',
  '!!!',
  'a'.repeat(20_000),
  `Fix this:\n${'let x = 1;\n'.repeat(3000)}`,
];

/** The run starts the slow way: every place where the namespace changes, and 0. */
function changes(list: FeatureList): number[] {
  const out: number[] = [];
  for (let i = 0; i < list.length; i++) if (i === 0 || list.ns[i] !== list.ns[i - 1]) out.push(i);
  return out;
}

describe('feature runs', () => {
  test('start exactly where the namespace changes, in one list reused for texts of every kind', () => {
    const list = new FeatureList();
    for (const text of [...TEXTS, ...TEXTS.reverse()]) {
      extractFeatures(text, list);
      expect([...list.runStarts.subarray(0, list.runs)], JSON.stringify(text.slice(0, 40))).toEqual(changes(list));
    }
  });

  test('a list filled by hand keeps its runs too, and clearing forgets them', () => {
    const list = new FeatureList();
    for (const ns of [NS.word, NS.word, NS.bigram, NS.word, NS.struct, NS.struct]) list.add(ns, 1);
    expect([...list.runStarts.subarray(0, list.runs)]).toEqual([0, 2, 3, 4]);
    list.clear();
    list.add(NS.payload, 2);
    expect([...list.runStarts.subarray(0, list.runs)]).toEqual([0]);
  });
});
