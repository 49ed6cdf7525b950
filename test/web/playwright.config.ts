import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';
import { CHROMIUM, locateProgram } from '@app/dev-services';

/**
 * Browser tests of the web app: Debian's chromium against the real API,
 * worker, PostgreSQL, Redis and mail sink. Every test runs twice: in English
 * (London) and in Korean (Seoul). Each worker has its own platform on its own
 * copy of the demo data (fixtures.ts), so the workers run side by side; the
 * files of one worker run one test at a time.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  globalSetup: './global-setup.ts',
  // WEB_WORKERS overrides; by default one per core, two to four (each platform holds about twenty
  // connections of PostgreSQL's hundred, beside Jest's when both run).
  workers: Number(process.env.WEB_WORKERS) || Math.min(4, Math.max(2, availableParallelism())),
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  // Each run its own folder (a run empties its folder first): failures keep a screenshot, a trace and a page snapshot.
  outputDir: `../../.data/playwright/${(process.env.PLAYWRIGHT_RUN ??= new Date().toISOString().replace(/[:.]/g, '-'))}`,
  use: {
    // Undefined only until global-setup.ts has installed chromium; the workers read this file after it.
    launchOptions: { executablePath: locateProgram(CHROMIUM) },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'en', use: { locale: 'en-GB', timezoneId: 'Europe/London' } },
    { name: 'ko', use: { locale: 'ko-KR', timezoneId: 'Asia/Seoul' } },
  ],
});
