import { SITE_IDS, type SiteId } from '../../src/shared/settings';
import { ControlPage } from './extension-pages';
import { launchFirefox, type LaunchedFirefox } from './firefox';
import { EXTENSION_SCENARIOS, SITE_SCENARIOS, type Env, type Scenario } from './scenarios';

/**
 * `npm run test:firefox`: the extension scenarios in Firefox ESR with the built dist/firefox, one browser for
 * the whole run. Prints "ok - …" / "not ok - …" per scenario and ends with "N passed, N failed"; exits
 * non-zero on any failure. PR_FIREFOX_ONLY=<text> runs only the scenarios whose line contains it.
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

async function main(): Promise<number> {
  const only = process.env.PR_FIREFOX_ONLY;
  const jobs: Job[] = [
    ...SITE_IDS.flatMap((site) => SITE_SCENARIOS.map((scenario) => ({ label: `${site} ${scenario.name}`, site, scenario }))),
    ...EXTENSION_SCENARIOS.map((scenario) => ({ label: `extension ${scenario.name}`, site: null, scenario })),
  ].filter((job) => !only || job.label.includes(only));

  const done = new Set<Job>();
  let passed = 0;
  let failed = 0;
  let firefox: LaunchedFirefox | null = null;
  const started = Date.now();
  const stop = () => {
    void firefox?.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  try {
    firefox = await launchFirefox();
    const env: Env = { browser: firefox.browser, control: await ControlPage.open(firefox.browser) };
    console.log(`# Firefox ESR ${await firefox.browser.version()}, extension installed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    for (const job of jobs) {
      done.add(job);
      try {
        await withTimeout(job.scenario.run(env, job.site ?? 'chatgpt'), SCENARIO_TIMEOUT_MS);
        passed++;
        console.log(`ok - ${job.label}`);
      } catch (error) {
        failed++;
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
    const remaining = jobs.filter((job) => !done.has(job));
    if (remaining.length === 0) {
      failed++;
      console.log(`not ok - firefox: ${reason}`);
    }
    for (const job of remaining) {
      failed++;
      console.log(`not ok - ${job.label}: Firefox failed before it ran: ${reason}`);
    }
  } finally {
    await firefox?.close();
  }
  console.log(`# ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
