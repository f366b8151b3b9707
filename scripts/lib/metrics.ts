/** Classification metrics for the router evaluation, printed as markdown tables. */
import { CATEGORIES, STYLE_CATEGORIES, type Category } from '../../src/router/types';

export interface Prediction {
  truth: Category;
  predicted: Category;
  confidence: number;
}

const pct = (x: number): string => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}` : '–');

export function accuracy(ps: readonly Prediction[]): number {
  return ps.length === 0 ? NaN : ps.filter((p) => p.predicted === p.truth).length / ps.length;
}

export function isStyle(c: Category): boolean {
  return STYLE_CATEGORIES.includes(c);
}

export function styleAccuracy(ps: readonly Prediction[]): number {
  return ps.length === 0 ? NaN : ps.filter((p) => isStyle(p.predicted) === isStyle(p.truth)).length / ps.length;
}

export function perCategory(ps: readonly Prediction[]): { category: Category; p: number; r: number; f1: number; n: number }[] {
  return CATEGORIES.map((c) => {
    const tp = ps.filter((p) => p.truth === c && p.predicted === c).length;
    const predicted = ps.filter((p) => p.predicted === c).length;
    const actual = ps.filter((p) => p.truth === c).length;
    const precision = predicted === 0 ? NaN : tp / predicted;
    const recall = actual === 0 ? NaN : tp / actual;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : NaN;
    return { category: c, p: precision, r: recall, f1, n: actual };
  });
}

export function prfTable(ps: readonly Prediction[]): string {
  const rows = perCategory(ps).filter((r) => r.n > 0 || ps.some((p) => p.predicted === r.category));
  return [
    '| category | n | precision | recall | F1 |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.category} | ${r.n} | ${pct(r.p)} | ${pct(r.r)} | ${pct(r.f1)} |`),
  ].join('\n');
}

export function confusionTable(ps: readonly Prediction[]): string {
  const short = CATEGORIES.map((c) => c.slice(0, 5));
  const lines = [`| truth \\ predicted | ${short.join(' | ')} |`, `| --- |${' ---: |'.repeat(CATEGORIES.length)}`];
  for (const t of CATEGORIES) {
    const row = ps.filter((p) => p.truth === t);
    if (row.length === 0) continue;
    lines.push(`| ${t} | ${CATEGORIES.map((c) => row.filter((p) => p.predicted === c).length).join(' | ')} |`);
  }
  return lines.join('\n');
}

/** Confidence bins: how often the router is right at each stated confidence. */
export function reliabilityTable(ps: readonly Prediction[]): string {
  const edges = [0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001];
  const lines = ['| confidence | n | mean confidence | accuracy |', '| --- | ---: | ---: | ---: |'];
  let ece = 0;
  for (let i = 0; i < edges.length - 1; i++) {
    const lo = edges[i] as number;
    const hi = edges[i + 1] as number;
    const bin = ps.filter((p) => p.confidence >= lo && p.confidence < hi);
    if (bin.length === 0) continue;
    const conf = bin.reduce((s, p) => s + p.confidence, 0) / bin.length;
    const acc = accuracy(bin);
    ece += (bin.length / ps.length) * Math.abs(conf - acc);
    lines.push(`| ${lo.toFixed(2)}–${Math.min(1, hi).toFixed(2)} | ${bin.length} | ${pct(conf)} | ${pct(acc)} |`);
  }
  lines.push(`\nExpected calibration error: ${pct(ece)} points.`);
  return lines.join('\n');
}

export { pct };
