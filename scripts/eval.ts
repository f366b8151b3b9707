/**
 * npm run eval: accuracy of the committed router model, and of a keyword baseline, on
 * - the project's own examples (held-back split only),
 * - the trainable public sets in ../shared/data/router (held-back split only, labels as the files give them),
 * - the evaluation-only public sets (all labeled items; never trained on).
 * Also a reliability table (is confidence 0.9 right 90% of the time?) and the threshold trade-off.
 * Without ../shared it says so and evaluates the project's own examples only.
 */
import { classify, loadModel } from '../src/router/route';
import { keywordBaseline } from '../src/router/keyword-baseline';
import { DEFAULT_POLICY } from '../src/router/defaults';
import { CATEGORIES, type Category } from '../src/router/types';
import {
  EVAL_ONLY_SETS,
  isHeldBack,
  loadHandLabels,
  loadOwnExamples,
  loadPublicSet,
  sharedDataPresent,
  SHARED_DIR,
  TRAINABLE_SETS,
  type Item,
} from './lib/data';
import { trainingLabel } from './lib/training-set';
import {
  accuracy,
  confusionTable,
  pct,
  prfTable,
  reliabilityTable,
  styleAccuracy,
  type Prediction,
} from './lib/metrics';

interface EvalSet {
  name: string;
  note: string;
  items: { text: string; truth: Category }[];
  unlabeled: string[];
  /** Texts counted in another row of the same set (hand labels win), left out of the pooled tables. */
  pooledElsewhere?: ReadonlySet<string>;
  /** A breakdown of another row (all its items are counted there): left out of the pooled tables. */
  breakdown?: boolean;
}

const model = loadModel();
const sets: EvalSet[] = [];

function labeled(items: readonly Item[], label: (it: Item) => Category | null) {
  return items.flatMap((it) => {
    const truth = label(it);
    return truth === null ? [] : [{ text: it.text, truth }];
  });
}

const own = loadOwnExamples().filter((it) => isHeldBack(it.text));
sets.push({ name: 'own examples', note: 'held-back split', items: labeled(own, (it) => it.category), unlabeled: [] });
// The other languages are the router's weakest part; apart, neither hides the other.
const inOtherLanguage = (it: Item): boolean => it.tags.some((t) => t.startsWith('lang:'));
for (const [name, keep] of [
  ['own examples, English', (it: Item) => !inOtherLanguage(it)],
  ['own examples, other languages', inOtherLanguage],
] as const) {
  const items = labeled(own.filter(keep), (it) => it.category);
  sets.push({ name, note: 'held-back split', items, unlabeled: [], breakdown: true });
}

const shared = sharedDataPresent();
if (!shared) {
  console.log(`Public router data not found at ${SHARED_DIR}: public-set evaluation skipped; own examples only.\n`);
} else {
  for (const name of TRAINABLE_SETS) {
    const items = loadPublicSet(name).filter((it) => isHeldBack(it.text));
    const ifeval = name === 'ifeval';
    const hand = loadHandLabels(name);
    sets.push({
      name,
      pooledElsewhere: new Set(items.filter((it) => hand.has(it.id)).map((it) => it.text)),
      note: ifeval ? 'held-back, labels by the training rules' : 'held-back split',
      items: labeled(items, ifeval ? (it) => trainingLabel(it) : (it) => it.category),
      unlabeled: items
        .filter((it) => (ifeval ? trainingLabel(it) : it.category) === null && !hand.has(it.id))
        .map((it) => it.text),
    });
    // Held-back items a person labeled (data/labels/<set>.jsonl): never trained on, labels independent of
    // the set's tag mapping and of our rules.
    if (hand.size > 0) {
      const byHand = items.filter((it) => hand.has(it.id));
      sets.push({
        name: `${name} (hand labels)`,
        note: `held-back, ${byHand.length} hand-labeled`,
        items: labeled(byHand, (it) => hand.get(it.id) ?? null),
        unlabeled: [],
      });
    }
  }
  for (const name of EVAL_ONLY_SETS) {
    const items = loadPublicSet(name);
    sets.push({
      name,
      note: 'evaluation only, all items',
      items: labeled(items, (it) => it.category),
      unlabeled: items.filter((it) => it.category === null).map((it) => it.text),
    });
  }
}

const started = performance.now();
let routed = 0;
const results = sets.map((s) => {
  const model8: Prediction[] = s.items.map((it) => {
    const c = classify(it.text, model);
    routed++;
    return { truth: it.truth, predicted: c.category, confidence: c.confidence };
  });
  const keyword: Prediction[] = s.items.map((it) => ({ truth: it.truth, predicted: keywordBaseline(it.text), confidence: 1 }));
  const spread = new Map<Category, number>();
  for (const t of s.unlabeled) {
    const c = classify(t, model).category;
    routed++;
    spread.set(c, (spread.get(c) ?? 0) + 1);
  }
  return { set: s, model8, keyword, spread };
});

console.log('## Summary (8-way accuracy and style-vs-rest accuracy, %)\n');
console.log('| set | split | n | model 8-way | model style | keywords 8-way | keywords style |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
for (const r of results) {
  if (r.model8.length === 0) continue;
  console.log(
    `| ${r.set.name} | ${r.set.note} | ${r.model8.length} | ${pct(accuracy(r.model8))} | ${pct(styleAccuracy(r.model8))} | ` +
      `${pct(accuracy(r.keyword))} | ${pct(styleAccuracy(r.keyword))} |`,
  );
}

for (const r of results) {
  if (r.model8.length === 0) continue;
  console.log(`\n## ${r.set.name} (${r.set.note}, n=${r.model8.length})\n`);
  console.log(`Model: 8-way ${pct(accuracy(r.model8))}%, style-vs-rest ${pct(styleAccuracy(r.model8))}%\n`);
  console.log(prfTable(r.model8));
  console.log('\nConfusion (model):\n');
  console.log(confusionTable(r.model8));
  console.log(`\nKeyword baseline: 8-way ${pct(accuracy(r.keyword))}%, style-vs-rest ${pct(styleAccuracy(r.keyword))}%\n`);
  console.log(prfTable(r.keyword));
  console.log('\nConfusion (keyword baseline):\n');
  console.log(confusionTable(r.keyword));
}

const unlabeled = results.filter((r) => r.spread.size > 0);
if (unlabeled.length > 0) {
  console.log('\n## Unlabeled items: where the model puts them\n');
  console.log(`| set | n | ${CATEGORIES.join(' | ')} |`);
  console.log(`| --- | ---: |${' ---: |'.repeat(CATEGORIES.length)}`);
  for (const r of unlabeled) {
    const n = [...r.spread.values()].reduce((a, b) => a + b, 0);
    console.log(`| ${r.set.name} | ${n} | ${CATEGORIES.map((c) => r.spread.get(c) ?? 0).join(' | ')} |`);
  }
}

const heldBack = results
  .filter((r) => !r.set.note.startsWith('evaluation only') && r.set.breakdown !== true)
  .flatMap((r) => r.model8.filter((_, i) => !r.set.pooledElsewhere?.has(r.set.items[i]?.text ?? '')));
const evalOnly = results.filter((r) => r.set.note.startsWith('evaluation only')).flatMap((r) => r.model8);
console.log('\n## Reliability: held-back splits (own + trainable public)\n');
console.log(reliabilityTable(heldBack));
if (evalOnly.length > 0) {
  console.log('\n## Reliability: evaluation-only sets (a different distribution)\n');
  console.log(reliabilityTable(evalOnly));
}

// A persona on an accuracy task costs correctness; a missed one costs polish (evidence.md): count both.
const personaCategories = CATEGORIES.filter((c) => DEFAULT_POLICY[c] !== 'never');
const autoCategories = CATEGORIES.filter((c) => DEFAULT_POLICY[c] === 'auto');
function tradeOff(ps: readonly Prediction[], title: string): void {
  console.log(`\n## Threshold trade-off: ${title} (n=${ps.length}, default policy)\n`);
  console.log('| threshold | persona offered | wrong persona (truth is never-policy) | missed persona (truth writing/roleplay) | cost 3×wrong+missed |');
  console.log('| ---: | ---: | ---: | ---: | ---: |');
  for (const t of [0, 0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9]) {
    const offered = ps.filter((p) => p.confidence >= t && personaCategories.includes(p.predicted));
    const wrong = offered.filter((p) => DEFAULT_POLICY[p.truth] === 'never').length;
    const missed = ps.filter(
      (p) => autoCategories.includes(p.truth) && !(p.confidence >= t && personaCategories.includes(p.predicted)),
    ).length;
    console.log(
      `| ${t.toFixed(2)} | ${offered.length} | ${wrong} (${pct(wrong / ps.length)}%) | ${missed} (${pct(missed / ps.length)}%) | ${3 * wrong + missed} |`,
    );
  }
}
tradeOff(heldBack, 'held-back splits');
if (evalOnly.length > 0) tradeOff(evalOnly, 'evaluation-only sets');

console.log(`\n(${routed} prompts classified in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
