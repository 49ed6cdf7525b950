import { defineConfig } from '@playwright/test';
import { chromiumPath } from '../../scripts/web-stack';

/**
 * Browser tests of the web app: Debian's chromium against the real API,
 * worker, PostgreSQL, Redis and mail sink, which global-setup.ts starts.
 * Every test runs twice: in English (London) and in Korean (Seoul).
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  globalSetup: './global-setup.ts',
  // The journeys share one database (the demo data): one at a time keeps them independent of order.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  // Each run its own folder (a run empties its folder first): failures keep a screenshot, a trace and a page snapshot.
  outputDir: `../../.data/playwright/${(process.env.PLAYWRIGHT_RUN ??= new Date().toISOString().replace(/[:.]/g, '-'))}`,
  use: {
    baseURL: process.env.WEB_BASE_URL,
    launchOptions: { executablePath: chromiumPath() },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'en', use: { locale: 'en-GB', timezoneId: 'Europe/London' } },
    { name: 'ko', use: { locale: 'ko-KR', timezoneId: 'Asia/Seoul' } },
  ],
});
