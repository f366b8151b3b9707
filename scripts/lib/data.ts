/**
 * Loading the router's labeled data: the project's own examples (data/examples/<category>.jsonl) and the
 * public sets in ../shared/data/router, which sits beside a development checkout but not in a user's clone.
 * Which items are held back is decided by a hash of the text alone, so the split never changes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATEGORIES, type Category } from '../../src/router/types';
import { stableTextHash } from '../../src/router/features';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const EXAMPLES_DIR = join(REPO_ROOT, 'data/examples');
/** Hand labels by id for unlabeled items of the public sets: data/labels/<set>.jsonl (optional, may be partial). */
export const LABELS_DIR = process.env.PR_ROUTER_LABELS ?? join(REPO_ROOT, 'data/labels');
/** Public sets; absent in a user's clone. PR_ROUTER_DATA points elsewhere (tests use it to simulate absence). */
export const SHARED_DIR = process.env.PR_ROUTER_DATA ?? resolve(REPO_ROOT, '../shared/data/router');

/** May train shipped weights (see the data folder's README). */
export const TRAINABLE_SETS = [
  'just_eval',
  'mt_bench_101',
  'gsm8k_test',
  'humaneval',
  'mbpp',
  'ifeval',
  'arena_hard_v0.1',
  'arena_hard_v2_half',
] as const;
/** Evaluation only: never trained on. */
export const EVAL_ONLY_SETS = ['autoj_scenario', 'flask', 'self_instruct_user', 'koala'] as const;

export interface Item {
  /** The set's own id ("just_eval:12"); own examples get "own:<file>:<line>". */
  id: string;
  text: string;
  /** null: the set's label does not map to a category. */
  category: Category | null;
  source: string;
  sourceLabel: string;
  tags: readonly string[];
}

/** 20% of all texts, chosen by a hash of the text, are never trained on. */
export function isHeldBack(text: string): boolean {
  return stableTextHash(text) % 100 < 20;
}

export function sharedDataPresent(): boolean {
  return existsSync(join(SHARED_DIR, 'README.md')) || existsSync(join(SHARED_DIR, 'just_eval.jsonl'));
}

function isCategory(v: unknown): v is Category {
  return typeof v === 'string' && (CATEGORIES as readonly string[]).includes(v);
}

/** Parses JSON lines; a malformed line is an error naming the file and line. */
export function readJsonl(path: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch (e) {
      throw new Error(`${path}:${i + 1}: not JSON (${(e as Error).message})`);
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`${path}:${i + 1}: not an object`);
    out.push(v as Record<string, unknown>);
  });
  return out;
}

export function loadPublicSet(name: string): Item[] {
  const path = join(SHARED_DIR, `${name}.jsonl`);
  if (!existsSync(path)) return [];
  return readJsonl(path).flatMap((o, i) => {
    if (typeof o.text !== 'string' || o.text.trim() === '') return [];
    return [
      {
        id: typeof o.id === 'string' ? o.id : `${name}:#${i + 1}`,
        text: o.text,
        category: isCategory(o.category) ? o.category : null,
        source: name,
        sourceLabel: typeof o.source_label === 'string' ? o.source_label : '',
        tags: [],
      },
    ];
  });
}

/** The team's own examples, one file per category; each line {"text","category","tags"}. */
export function loadOwnExamples(): Item[] {
  if (!existsSync(EXAMPLES_DIR)) return [];
  const files = readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  const out: Item[] = [];
  for (const f of files) {
    const path = join(EXAMPLES_DIR, f);
    readJsonl(path).forEach((o, i) => {
      if (typeof o.text !== 'string' || o.text.trim() === '') return;
      if (!isCategory(o.category)) throw new Error(`${path}: item ${i + 1} has unknown category ${String(o.category)}`);
      const tags = Array.isArray(o.tags) ? o.tags.filter((t): t is string => typeof t === 'string') : [];
      out.push({ id: `own:${f}:${i + 1}`, text: o.text, category: o.category, source: 'own', sourceLabel: f, tags });
    });
  }
  return out;
}

export function ownExampleFiles(): string[] {
  if (!existsSync(EXAMPLES_DIR)) return [];
  return readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
}

/** id → category (null: the labeler found no category; leave the item out). */
export type HandLabels = ReadonlyMap<string, Category | null>;

/**
 * The hand labels of one set, from `<dir>/<set>.jsonl` (lines {"id", "category": <category> | null, "note"?}).
 * An absent file is no labels. A line that is not JSON, has no id, names an unknown category, or repeats an id
 * with a different category is an error naming the file and line: a typo must not silently change training.
 */
export function loadHandLabels(set: string, dir: string = LABELS_DIR): Map<string, Category | null> {
  const path = join(dir, `${set}.jsonl`);
  const out = new Map<string, Category | null>();
  if (!existsSync(path)) return out;
  readJsonl(path).forEach((o, i) => {
    const where = `${path}: label ${i + 1}`;
    if (typeof o.id !== 'string' || o.id === '') throw new Error(`${where} has no id`);
    if (!('category' in o)) throw new Error(`${where} (${o.id}) has no category field`);
    const c = o.category;
    if (c !== null && !isCategory(c)) throw new Error(`${where} (${o.id}) has unknown category ${String(c)}`);
    if (out.has(o.id) && out.get(o.id) !== c) throw new Error(`${where}: ${o.id} labeled twice, differently`);
    out.set(o.id, c);
  });
  return out;
}

/** The sets that have a hand-label file, in TRAINABLE_SETS order. */
export function handLabeledSets(dir: string = LABELS_DIR): string[] {
  return TRAINABLE_SETS.filter((s) => existsSync(join(dir, `${s}.jsonl`)));
}
