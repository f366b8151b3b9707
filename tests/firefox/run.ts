import { SITE_IDS, type SiteId } from '../../src/shared/settings';
import { ControlPage } from './extension-pages';
import { launchFirefox, type LaunchedFirefox } from './firefox';
import { BUSY_BACKGROUND_SCENARIOS, SHORT_IDLE_PREFS, SUSPENDED_BACKGROUND_SCENARIOS } from './background-unavailable';
import { EXTENSION_SCENARIOS, SITE_SCENARIOS, type Env, type Scenario } from './scenarios';

/**
 * `npm run test:firefox`: the extension scenarios in Firefox ESR with the built dist/firefox, in one browser,
 * then the suspended-background ones in a second browser with a short idle timeout. Prints "ok - …" /
 * "not ok - …" per scenario and ends with "N passed, N failed"; exits non-zero on any failure.
 * PR_FIREFOX_ONLY=<text> runs only the scenarios whose line contains it.
 */

const SCENARIO_TIMEOUT_MS = 45_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.message.replace(/\s+/g, ' ').slice(0, 600);
}

interface Job {
  label: string;
  site: SiteId | null;
  scenario: Scenario;
}

/** Scenarios that share one Firefox, launched with these extra prefs. */
interface Run {
  what: string;
  prefs: Record<string, unknown>;
  jobs: Job[];
}

const perSite = (scenarios: Scenario[]): Job[] =>
  SITE_IDS.flatMap((site) => scenarios.map((scenario) => ({ label: `${site} ${scenario.name}`, site, scenario })));

interface Tally {
  passed: number;
  failed: number;
}

async function runInOneFirefox(run: Run, tally: Tally, onLaunch: (firefox: LaunchedFirefox) => void): Promise<void> {
  const done = new Set<Job>();
  let firefox: LaunchedFirefox | null = null;
  const started = Date.now();
  try {
    firefox = await launchFirefox(run.prefs);
    onLaunch(firefox);
    const env: Env = { browser: firefox.browser, control: await ControlPage.open(firefox.browser) };
    console.log(`# Firefox ESR ${await firefox.browser.version()}${run.what}, extension installed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    for (const job of run.jobs) {
      done.add(job);
      try {
        await withTimeout(job.scenario.run(env, job.site ?? 'chatgpt'), SCENARIO_TIMEOUT_MS);
        tally.passed++;
        console.log(`ok - ${job.label}`);
      } catch (error) {
        tally.failed++;
        console.log(`not ok - ${job.label}: ${describe(error)}`);
      }
      // A scenario that timed out may leave tabs behind; keep the control page only.
      for (const page of await env.browser.pages()) {
        if (page !== env.control.page && page.url() !== 'about:blank') await page.close().catch(() => undefined);
      }
    }
  } catch (error) {
    // The browser itself failed: every scenario not yet run fails with that reason.
    const reason = describe(error);
    const remaining = run.jobs.filter((job) => !done.has(job));
    if (remaining.length === 0) {
      tally.failed++;
      console.log(`not ok - firefox${run.what}: ${reason}`);
    }
    for (const job of remaining) {
      tally.failed++;
      console.log(`not ok - ${job.label}: Firefox failed before it ran: ${reason}`);
    }
  } finally {
    await firefox?.close();
  }
}

async function main(): Promise<number> {
  const only = process.env.PR_FIREFOX_ONLY;
  const runs: Run[] = [
    {
      what: '',
      prefs: {},
      jobs: [
        ...perSite([...SITE_SCENARIOS, ...BUSY_BACKGROUND_SCENARIOS]),
        ...EXTENSION_SCENARIOS.map((scenario) => ({ label: `extension ${scenario.name}`, site: null, scenario })),
      ],
    },
    // A second browser, so that only these scenarios meet a background that Firefox unloads when idle.
    { what: ' with a 1.5 s background idle timeout', prefs: SHORT_IDLE_PREFS, jobs: perSite(SUSPENDED_BACKGROUND_SCENARIOS) },
  ]
    .map((run) => ({ ...run, jobs: run.jobs.filter((job) => !only || job.label.includes(only)) }))
    .filter((run) => run.jobs.length > 0);

  const tally: Tally = { passed: 0, failed: 0 };
  let current: LaunchedFirefox | null = null;
  const started = Date.now();
  const stop = () => {
    void (current?.close() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  for (const run of runs) {
    await runInOneFirefox(run, tally, (firefox) => (current = firefox));
    current = null;
  }
  console.log(`# ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${tally.passed} passed, ${tally.failed} failed`);
  return tally.failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
