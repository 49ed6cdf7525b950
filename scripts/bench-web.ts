import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, ensurePrograms } from '@app/dev-services';
import { startWebStack } from './web-stack';

/**
 * `npm run bench:web`: what the public pages cost a visitor, in Debian's chromium
 * against a fresh platform serving the built app.
 *  1. JavaScript shipped for each public page, and for all of them together,
 *     gzipped (level 9, as a server or CDN would send it): goal under 200 KB.
 *  2. Time to first render of the home page: first contentful paint, and the
 *     moment its heading with live figures shows, over fresh (cold-cache) visits
 *     and reloads (warm cache). Median and slowest of RUNS each.
 */
const PUBLIC_PAGES = ['/', '/pairs', '/explorer?city=busan', '/case-studies', '/events', '/sign-in'];
const RUNS = Number(process.argv[2] ?? 15);
const GOAL_KB = 200;

async function main(): Promise<void> {
  const [executablePath] = await ensurePrograms([CHROMIUM]);
  const stack = await startWebStack();
  const browser = await chromium.launch({ executablePath });
  try {
    await javascriptShipped(browser, stack.url);
    await firstRender(browser, stack.url);
  } finally {
    await browser.close();
    await stack.stop();
  }
}

async function javascriptShipped(browser: Browser, base: string): Promise<void> {
  const everything = new Map<string, number>();
  const rows: Array<[string, number, number]> = [];
  for (const path of PUBLIC_PAGES) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const scripts = new Map<string, Promise<Buffer>>();
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.set(response.url(), response.body());
    });
    await page.goto(base + path, { waitUntil: 'networkidle' });
    let raw = 0;
    let gz = 0;
    for (const [url, body] of scripts) {
      const bytes = await body;
      const zipped = gzipSync(bytes, { level: 9 }).length;
      raw += bytes.length;
      gz += zipped;
      everything.set(url, zipped);
    }
    rows.push([path, raw, gz]);
    await context.close();
  }
  const total = [...everything.values()].reduce((a, b) => a + b, 0);
  console.log('JavaScript shipped, per public page (every script it loads):');
  for (const [path, raw, gz] of rows) console.log(`  ${path.padEnd(22)} ${kb(gz).padStart(9)} gzipped  (${kb(raw)} raw)`);
  console.log(`  ${'all public pages'.padEnd(22)} ${kb(total).padStart(9)} gzipped  (${everything.size} files; goal under ${GOAL_KB} KB: ${total / 1024 < GOAL_KB ? 'met' : 'NOT met'})`);
}

async function firstRender(browser: Browser, base: string): Promise<void> {
  const cold: Array<{ fcp: number; ready: number }> = [];
  const warm: Array<{ fcp: number; ready: number }> = [];
  const context = await browser.newContext();
  await context.newPage().then((p) => p.goto(base).then(() => p.close())); // the server's first answer is not a visitor's
  await context.close();
  for (let i = 0; i < RUNS; i += 1) {
    const fresh = await browser.newContext();
    const page = await fresh.newPage();
    await page.goto(base);
    cold.push(await timings(page));
    await page.reload();
    warm.push(await timings(page));
    await fresh.close();
  }
  console.log(`\nHome page, time to first render (${RUNS} visits; ms from navigation start):`);
  for (const [name, runs] of [['fresh visit (cold cache)', cold], ['reload (warm cache)', warm]] as const) {
    const fcp = runs.map((r) => r.fcp).sort((a, b) => a - b);
    const ready = runs.map((r) => r.ready).sort((a, b) => a - b);
    console.log(`  ${name.padEnd(26)} first contentful paint: median ${median(fcp)}, slowest ${fcp.at(-1)!.toFixed(0)}; heading and live figures shown: median ${median(ready)}, slowest ${ready.at(-1)!.toFixed(0)}`);
  }
}

async function timings(page: import('playwright-core').Page): Promise<{ fcp: number; ready: number }> {
  // The figures come from the API: the page is whole when they are on it.
  await page.locator('.figures li').first().waitFor();
  return page.evaluate(() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return { fcp: paint ? paint.startTime : Number.NaN, ready: performance.now() };
  });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (sorted: number[]) => (sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2).toFixed(0);

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
