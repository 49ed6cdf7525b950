import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * `npm run screenshots`: pictures of the main pages in English and Korean, at
 * desktop and phone widths, into screenshots/ for review. Not a test.
 */
export default defineConfig({
  ...base,
  testDir: './shots',
  testMatch: '**/*.shots.ts',
  reporter: [['line']],
  timeout: 300_000,
});
