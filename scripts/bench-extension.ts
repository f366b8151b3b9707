/// <reference types="chrome" />
/**
 * npm run bench (extension part): how much delay the extension adds between the user's Enter and the site
 * receiving the prompt, in Debian Chromium with the built extension on the project's ChatGPT fixture page.
 *
 * For each send the page stamps the Enter keydown (a window capture listener, which runs before the content
 * script's document listener) and the fixture records when its app accepted the prompt; the difference is
 * the send delay. The same is measured with the extension off as the baseline, so "added" is what the
 * extension costs. Cold sends stop the worker (DevTools ServiceWorker.stopAllWorkers, as Chrome does after
 * 30 s idle) before each prompt is typed, or between the last keystroke and Enter (the decision made while
 * typing is then already in the page). The worst case is a stop before typing and Enter 100 ms after it.
 * The user pauses 600 ms between the last keystroke and Enter. Every send is a new prompt (see WRITING).
 * For scale, the cold rows are followed by what Chromium alone takes to start a stopped worker here: the
 * same stop, then an extension whose worker does nothing answers its content script's first message.
 *
 * Env: PR_EXTENSION_DIR (default dist/chrome), BENCH_SENDS (default 30).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, CDPSession, Page, Worker } from '@playwright/test';
import { defaultSettings } from '../src/shared/defaults';
import type { Mode, Settings } from '../src/shared/settings';
import { extensionWorker, launchWithExtension, openChat } from '../tests/e2e/support/extension';

const SENDS = Number(process.env.BENCH_SENDS ?? 30);
const BUDGET_WARM_MS = 20;
const BUDGET_COLD_MS = 150;
/**
 * Every send is a prompt the page has not routed before: the content script reuses the decision for a text
 * it routed while the user typed, so repeating one prompt would let a fast send find the previous send's
 * decision and never wait for the worker. The router sends every one of these to writing/persona (auto),
 * respectively math/neutral.
 */
const SUBJECTS = ['the first frost of autumn', 'the first snow of winter', 'spring rain on the garden', 'the last swallows of summer', 'an old apple tree in bloom', 'a quiet harbour at dawn'];
const RECIPIENTS = ['my grandmother', 'my grandfather', 'my mother', 'my aunt', 'my best friend', 'my neighbour'];
const round = (i: number) => (i < 36 ? '' : ` (${Math.floor(i / 36) + 1})`);
const WRITING = (i: number) => `Write a short, warm poem about ${SUBJECTS[i % 6]} for ${RECIPIENTS[Math.floor(i / 6) % 6]}${round(i)}`;
const MATH = (i: number) => {
  const a = 2 + (i % 7);
  const b = 1 + ((i * 5) % 11);
  const x = 3 + Math.floor(i / 7);
  return `Solve for x: ${a}x + ${b} = ${a * x + b}, and show each step`;
};
/**
 * A user's pause between the last keystroke and Enter. 600 ms is longer than the 350 ms debounce of the
 * routing while typing, so the held send finds the decision ready; 100 ms is a fast typist, so the held
 * send has to ask the worker itself.
 */
const PAUSE = 600;
const FAST = 100;

interface Scenario {
  label: string;
  mode: Mode;
  /** The prompt of the i-th send. */
  prompt: (i: number) => string;
  /** Pause between the last keystroke and Enter. */
  pauseMs: number;
  /** When the worker is stopped: before the user starts typing (it idled out while the tab sat), or
   * between the last keystroke and Enter (it stops as the send is made). */
  cold: false | 'before-typing' | 'before-enter';
}

const SCENARIOS: Scenario[] = [
  { label: 'extension off (baseline)', mode: 'off', prompt: WRITING, pauseMs: PAUSE, cold: false },
  { label: 'suggest, warm (writing)', mode: 'suggest', prompt: WRITING, pauseMs: PAUSE, cold: false },
  { label: 'auto, warm (math: neutral)', mode: 'auto', prompt: MATH, pauseMs: PAUSE, cold: false },
  { label: 'auto, warm (writing: persona added)', mode: 'auto', prompt: WRITING, pauseMs: PAUSE, cold: false },
  { label: 'auto, warm, Enter 100 ms after typing', mode: 'auto', prompt: WRITING, pauseMs: FAST, cold: false },
  { label: 'auto, cold, stopped before typing', mode: 'auto', prompt: WRITING, pauseMs: PAUSE, cold: 'before-typing' },
  { label: 'auto, cold, stopped just before Enter', mode: 'auto', prompt: WRITING, pauseMs: PAUSE, cold: 'before-enter' },
  { label: 'auto, cold, stopped, Enter 100 ms after', mode: 'auto', prompt: WRITING, pauseMs: FAST, cold: 'before-typing' },
];

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
}

async function setMode(page: Page, extensionId: string, mode: Mode): Promise<void> {
  const settings: Settings = { ...defaultSettings(), mode };
  const ui = await page.context().newPage();
  await ui.goto(`chrome-extension://${extensionId}/src/ui/popup/index.html`);
  await ui.evaluate((s) => chrome.runtime.sendMessage({ type: 'UItoBG:setSettings', settings: s }), settings);
  await ui.close();
}

/** Waits until the content script reported its composer, which it does once its settings are applied. */
async function waitReady(context: BrowserContext): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const worker: Worker = await extensionWorker(context);
    const ready = await worker
      .evaluate(async () => Object.values(await chrome.storage.session.get(null)).some((v) => (v as { composerFound?: boolean }).composerFound === true))
      .catch(() => false);
    if (ready) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the content script never reported its composer');
}

async function stopWorker(cdp: CDPSession): Promise<void> {
  const stopped = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the worker did not stop')), 10_000);
    const onVersions = (event: { versions: Array<{ scriptURL: string; runningStatus: string }> }) => {
      const ours = event.versions.filter((v) => v.scriptURL.startsWith('chrome-extension://'));
      if (ours.length > 0 && ours.every((v) => v.runningStatus === 'stopped')) {
        clearTimeout(timer);
        cdp.off('ServiceWorker.workerVersionUpdated', onVersions);
        resolve();
      }
    };
    cdp.on('ServiceWorker.workerVersionUpdated', onVersions);
  });
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
}

async function measure(context: BrowserContext, extensionId: string, scenario: Scenario): Promise<{ delays: number[]; outcomes: Record<string, number> }> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    // Short answers, so the site is soon ready for the next send.
    window.__fixtureStreamMs = 30;
    const w = window as unknown as { __benchEnter: number[] };
    w.__benchEnter = [];
    window.addEventListener('keydown', (e) => e.key === 'Enter' && !e.shiftKey && w.__benchEnter.push(e.timeStamp), { capture: true });
  });
  await setMode(page, extensionId, scenario.mode);
  const worker = await extensionWorker(context);
  await worker.evaluate(() => Promise.all([chrome.storage.session.clear(), chrome.storage.local.remove('history')]));
  await openChat(page, 'chatgpt');
  await waitReady(context);
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');

  const delays: number[] = [];
  for (let i = 0; i < SENDS; i++) {
    if (scenario.cold === 'before-typing') await stopWorker(cdp);
    await page.locator('#prompt-textarea').click();
    await page.keyboard.insertText(scenario.prompt(i));
    await page.waitForTimeout(scenario.pauseMs);
    if (scenario.cold === 'before-enter') await stopWorker(cdp);
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => window.__fixtureSent.length > n, i, { timeout: 10_000 });
    const delay = await page.evaluate((n) => {
      const enter = (window as unknown as { __benchEnter: number[] }).__benchEnter.at(-1) ?? Number.NaN;
      return (window.__fixtureSent[n]?.at ?? Number.NaN) - enter;
    }, i);
    delays.push(delay);
    await page.waitForFunction(() => !document.querySelector('[data-testid="stop-button"]'), undefined, { timeout: 10_000 });
  }
  const sent = await page.evaluate(() => window.__fixtureSent.length);
  if (sent !== SENDS) throw new Error(`${scenario.label}: the site received ${sent} prompts for ${SENDS} sends`);
  await page.waitForTimeout(500);
  const history = await (await extensionWorker(context)).evaluate(async () => (await chrome.storage.local.get('history')).history ?? []);
  const outcomes: Record<string, number> = {};
  for (const entry of history as Array<{ outcome: string }>) outcomes[entry.outcome] = (outcomes[entry.outcome] ?? 0) + 1;
  await cdp.detach();
  await page.close();
  return { delays, outcomes };
}

/**
 * Chromium's own share of a cold send, for reading the cold rows: an extension whose worker only answers,
 * on the same page, its worker stopped the same way; the round trip of a content script's first message
 * after the stop, with no head start (the extension's content script wakes its worker earlier).
 */
async function measureColdFloor(): Promise<number[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'persona-router-floor-'));
  const manifest = {
    manifest_version: 3,
    name: 'cold start floor',
    version: '1',
    background: { service_worker: 'worker.js', type: 'module' },
    content_scripts: [{ js: ['page.js'], matches: ['https://chatgpt.com/*'], run_at: 'document_idle' }],
  };
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  await writeFile(path.join(dir, 'worker.js'), 'chrome.runtime.onMessage.addListener((message, sender, reply) => { reply(true); });\n');
  await writeFile(
    path.join(dir, 'page.js'),
    "window.addEventListener('message', (e) => { if (e.data !== 'bench-ping') return; const t0 = performance.now(); " +
      "chrome.runtime.sendMessage('ping').then(() => window.postMessage({ benchPong: performance.now() - t0 }, '*')); });\n",
  );
  const browser = await launchWithExtension({ extensionDir: dir });
  try {
    const page = await browser.context.newPage();
    await openChat(page, 'chatgpt');
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const trips: number[] = [];
    for (let i = 0; i < SENDS; i++) {
      await stopWorker(cdp);
      trips.push(
        await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const done = new AbortController();
              window.addEventListener(
                'message',
                (e: MessageEvent<{ benchPong?: number }>) => {
                  if (typeof e.data?.benchPong !== 'number') return;
                  done.abort();
                  resolve(e.data.benchPong);
                },
                { signal: done.signal },
              );
              window.postMessage('bench-ping', '*');
            }),
        ),
      );
    }
    return trips;
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  process.stderr.write(`measuring: Chromium's cold worker start alone (${SENDS} stops)\n`);
  const floor = [...(await measureColdFloor())].sort((a, b) => a - b);
  const browser = await launchWithExtension();
  const rows: Array<{ scenario: Scenario; median: number; p95: number; outcomes: Record<string, number> }> = [];
  try {
    const worker = await extensionWorker(browser.context);
    const extensionId = new URL(worker.url()).host;
    for (const scenario of SCENARIOS) {
      process.stderr.write(`measuring: ${scenario.label} (${SENDS} sends)\n`);
      const { delays, outcomes } = await measure(browser.context, extensionId, scenario);
      const sorted = [...delays].sort((a, b) => a - b);
      rows.push({ scenario, median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), outcomes });
    }
  } finally {
    await browser.close();
  }

  const base = rows[0] as (typeof rows)[number];
  const fmt = (n: number) => n.toFixed(1).padStart(7);
  console.log(`\nSend delay, Enter keydown -> site received, ${SENDS} sends each (Chromium, ChatGPT fixture), ms`);
  console.log(`${'scenario'.padEnd(44)} ${'median'.padStart(7)} ${'p95'.padStart(7)} ${'+median'.padStart(7)} ${'+p95'.padStart(7)}  outcomes`);
  for (const row of rows) {
    const outcomes = Object.entries(row.outcomes).map(([k, v]) => `${k} ${v}`).join(', ') || '-';
    console.log(`${row.scenario.label.padEnd(44)} ${fmt(row.median)} ${fmt(row.p95)} ${fmt(row.median - base.median)} ${fmt(row.p95 - base.p95)}  ${outcomes}`);
  }
  const verdict = (label: string, row: (typeof rows)[number] | undefined, budget: number) => {
    if (!row) return;
    const addedMedian = row.median - base.median;
    const addedP95 = row.p95 - base.p95;
    const ok = (x: number) => (x <= budget ? 'met' : 'NOT met');
    console.log(`${label} budget ${budget} ms: added median ${addedMedian.toFixed(1)} ms (${ok(addedMedian)}), added p95 ${addedP95.toFixed(1)} ms (${ok(addedP95)})`);
  };
  console.log('');
  verdict('warm', rows.find((r) => r.scenario.label.startsWith('auto, warm (writing')), BUDGET_WARM_MS);
  verdict('warm (Enter 100 ms after typing)', rows.find((r) => r.scenario.label.startsWith('auto, warm, Enter 100')), BUDGET_WARM_MS);
  verdict('cold (stopped before typing)', rows.find((r) => r.scenario.cold === 'before-typing'), BUDGET_COLD_MS);
  verdict('cold (stopped just before Enter)', rows.find((r) => r.scenario.cold === 'before-enter'), BUDGET_COLD_MS);
  verdict('cold (stopped, Enter 100 ms after typing)', rows.find((r) => r.scenario.label.startsWith('auto, cold, stopped, Enter')), BUDGET_COLD_MS);
  console.log(
    `\nFor scale: a do-nothing extension's stopped worker answers its content script's first message after ` +
      `median ${quantile(floor, 0.5).toFixed(1)} / p95 ${quantile(floor, 0.95).toFixed(1)} ms on this machine now ` +
      `(Chromium starting the worker and its process; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}).`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
