/**
 * npm run bench (router part): time of route() per prompt size, against a bare pass over the same text
 * (lower-casing and splitting into words) so the ratio means something on any machine; model load time;
 * model size raw and gzipped; and the first route() in fresh processes, as a cold extension worker pays
 * it. Everything printed is measured here (the last part in child processes this script starts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { route } from '../src/router/route';
import { modelFromArtifact, type ModelArtifact } from '../src/router/model';
import { DEFAULT_ROUTER_SETTINGS } from '../src/router/defaults';
import { MODEL_PATH } from './lib/build-model';
import { REPO_ROOT } from './lib/data';

const SIZES = [100, 500, 2_000, 20_000, 100_000];
const BUDGET_MS: Record<number, number> = { 500: 0.1, 100_000: 10 };
const MAX_RATIO = 5;

// Prose and code alternate, so every size has an instruction, a payload and some structure to find.
const PROSE =
  'The quarterly report shows revenue growing in every region, although costs rose faster than planned in the north. ' +
  'Our team met twice to review the numbers and agreed that the marketing budget needs a second look before Friday. ';
const CODE = 'function total(items) {\n  return items.reduce((sum, x) => sum + x.price * x.qty, 0);\n}\n';
const INSTRUCTIONS = [
  'Summarize this for my manager: ',
  'Make this more polite: ',
  'Why does this crash? ',
  'Translate this into French: ',
  'Write a short poem inspired by this: ',
];

function promptOf(size: number, variant: number): string {
  let body = '';
  let k = variant;
  while (body.length < size) body += k++ % 3 === 2 ? `\n\`\`\`js\n${CODE}\`\`\`\n` : PROSE;
  const instruction = INSTRUCTIONS[variant % INSTRUCTIONS.length] as string;
  return (instruction + body).slice(0, size);
}

function bare(text: string): number {
  return text.toLowerCase().split(/\s+/).length;
}

/** Times `a` and `b` alternately on the same texts, so both see the same machine load. */
function timePair(
  texts: readonly string[],
  a: (t: string) => unknown,
  b: (t: string) => unknown,
  minRuns: number,
  minMs: number,
): [number[], number[]] {
  const ta: number[] = [];
  const tb: number[] = [];
  const start = performance.now();
  for (let i = 0; ta.length < minRuns || performance.now() - start < minMs; i++) {
    const t = texts[i % texts.length] as string;
    let s = process.hrtime.bigint();
    a(t);
    ta.push(Number(process.hrtime.bigint() - s) / 1e6);
    s = process.hrtime.bigint();
    b(t);
    tb.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  return [ta, tb];
}

function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
}

const fmt = (ms: number): string => (ms < 0.1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(3)} ms`);

const raw = readFileSync(MODEL_PATH);
const loads: number[] = [];
for (let i = 0; i < 20; i++) {
  const a = process.hrtime.bigint();
  modelFromArtifact(JSON.parse(raw.toString('utf8')) as ModelArtifact);
  loads.push(Number(process.hrtime.bigint() - a) / 1e6);
}

console.log(
  `Node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} cores, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}; one process, one thread.\n`,
);
console.log(`Model file: ${(raw.length / 1024).toFixed(1)} KB raw, ${(gzipSync(raw).length / 1024).toFixed(1)} KB gzipped`);
console.log(
  `Model load (JSON.parse + checks): first ${fmt(loads[0] as number)}, median ${fmt(quantile(loads, 0.5))} of ${loads.length}\n`,
);

// Warm up both paths so the JIT has compiled them before anything is timed.
for (let i = 0; i < 300; i++) {
  route(promptOf(500, i), DEFAULT_ROUTER_SETTINGS);
  bare(promptOf(500, i));
}

console.log('| chars | route median | route p95 | bare median | bare p95 | ratio (median) | budget |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | --- |');
let failed = false;
for (const size of SIZES) {
  const texts = Array.from({ length: 15 }, (_, v) => promptOf(size, v));
  const runs = size >= 20_000 ? 60 : 400;
  const [routeMs, bareMs] = timePair(texts, (t) => route(t, DEFAULT_ROUTER_SETTINGS), bare, runs, 500);
  const med = quantile(routeMs, 0.5);
  const ratio = med / quantile(bareMs, 0.5);
  const budget = BUDGET_MS[size];
  const checks: string[] = [];
  if (budget !== undefined) checks.push(`median < ${fmt(budget)}: ${med < budget ? 'ok' : 'OVER'}`);
  if (budget !== undefined && med >= budget) failed = true;
  checks.push(`ratio ≤ ${MAX_RATIO}: ${ratio <= MAX_RATIO ? 'ok' : 'over'}`);
  console.log(
    `| ${size.toLocaleString('en')} | ${fmt(med)} | ${fmt(quantile(routeMs, 0.95))} | ${fmt(quantile(bareMs, 0.5))} | ` +
      `${fmt(quantile(bareMs, 0.95))} | ${ratio.toFixed(2)} | ${checks.join('; ')} |`,
  );
}

const huge = promptOf(1_000_000, 1);
const [hugeMs] = timePair([huge], (t) => route(t, DEFAULT_ROUTER_SETTINGS), () => undefined, 20, 200);
console.log(`\n1,000,000 chars (beyond the budget table): route median ${fmt(quantile(hugeMs, 0.5))}`);

// A cold worker: the router bundled as the extension bundles it (Vite), then, per fresh node process,
// the module's import (parsing the bundle and the weights), loadModel() (which the worker calls as it
// starts) and the first route(), before the JIT has compiled anything.
const FRESH_RUNS = 20;
const FRESH_PROMPTS: [string, string][] = [
  ['writing (persona route: checks for a persona, picks one)', 'Write a short, warm poem about the first frost of autumn for my grandmother'],
  ['math (neutral route)', 'Solve 3x + 7 = 22 and explain each step.'],
];
const DRIVER = `const t0 = performance.now();
const { loadModel, route } = await import('./router.mjs');
const t1 = performance.now();
loadModel();
const t2 = performance.now();
const d = route(process.argv[2]);
const t3 = performance.now();
console.log(JSON.stringify({ importMs: t1 - t0, loadMs: t2 - t1, routeMs: t3 - t2, category: d.category }));
`;

async function freshProcesses(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'router-bench-'));
  try {
    const { build } = await import('vite');
    await build({
      configFile: false,
      logLevel: 'silent',
      root: REPO_ROOT,
      publicDir: false,
      build: {
        outDir: dir,
        emptyOutDir: false,
        lib: { entry: join(REPO_ROOT, 'src/router/index.ts'), formats: ['es'], fileName: () => 'router.mjs' },
      },
    });
    writeFileSync(join(dir, 'first.mjs'), DRIVER);
    console.log(
      `\nFirst route() in a fresh process (router bundled by Vite, ${(readFileSync(join(dir, 'router.mjs')).length / 1024).toFixed(0)} KB; ` +
        `median and max of ${FRESH_RUNS} \`node\` processes, load average ${loadavg()[0]?.toFixed(1)}):\n`,
    );
    console.log('| prompt | import | loadModel() | first route() | load + first route |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    for (const [label, prompt] of FRESH_PROMPTS) {
      const runs: { importMs: number; loadMs: number; routeMs: number }[] = [];
      for (let i = 0; i < FRESH_RUNS; i++) {
        const r = spawnSync(process.execPath, [join(dir, 'first.mjs'), prompt], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`fresh process failed: ${r.stderr}`);
        runs.push(JSON.parse(r.stdout) as { importMs: number; loadMs: number; routeMs: number });
      }
      const cell = (xs: number[]): string => `${quantile(xs, 0.5).toFixed(2)} ms (max ${Math.max(...xs).toFixed(1)})`;
      console.log(
        `| ${label} | ${cell(runs.map((r) => r.importMs))} | ${cell(runs.map((r) => r.loadMs))} | ` +
          `${cell(runs.map((r) => r.routeMs))} | ${cell(runs.map((r) => r.loadMs + r.routeMs))} |`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await freshProcesses();
if (failed) process.exitCode = 1;
