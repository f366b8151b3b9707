import { defineConfig } from '@playwright/test';

// Extension tests share one persistent Chromium profile per test file; two cores do not gain from more workers.
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  retries: 0,
});
