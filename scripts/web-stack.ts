import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stopChild } from './platform-processes';
import type { TestPlatform, TestServices } from './test-stack';

export type { TestPlatform, TestServices };

export interface Running<T> {
  ready: T;
  stop(): Promise<void>;
}

/** The repository, whether this runs built (dist/scripts, the benchmark) or from source (the Playwright config). */
const ROOT = __dirname.endsWith(join('dist', 'scripts')) ? resolve(__dirname, '..', '..') : resolve(__dirname, '..');

/** Services and a template database with the demo data, for platforms to clone (scripts/test-stack.ts `services`). */
export function startWebServices(): Promise<Running<TestServices>> {
  return runTestStack<TestServices>('services', {});
}

/** What a platform starts with: the demo data, or the demo people and organisations on a programme not yet started. */
export type PlatformData = 'demo' | 'empty';

/** One platform on `services`: its own database, queue prefix and inbox, with the API and the worker. */
export function startWebPlatform(services: TestServices, data: PlatformData = 'demo'): Promise<Running<TestPlatform>> {
  return runTestStack<TestPlatform>('platform', { TEST_SERVICES: JSON.stringify(services), TEST_DATA: data });
}

/**
 * Services and one platform on them, in one process: for the screenshots and the benchmarks.
 * `env` goes to scripts/test-stack.ts (TEST_API_ENV, TEST_API_NODE_OPTIONS).
 */
export async function startWebStack(env: Record<string, string> = {}): Promise<TestPlatform & { stop(): Promise<void> }> {
  const { ready, stop } = await runTestStack<TestPlatform>('whole', env);
  return { ...ready, stop };
}

/** Starts the built scripts/test-stack.js in `mode` and waits for the JSON line it prints when ready. */
async function runTestStack<T>(mode: string, env: Record<string, string>): Promise<Running<T>> {
  const entry = join(ROOT, 'dist', 'scripts', 'test-stack.js');
  const web = resolve(ROOT, process.env.WEB_DIST ?? join('dist', 'web'));
  if (!existsSync(entry) || !existsSync(join(web, 'index.html'))) {
    throw new Error('dist/ is missing the API or the web app: run `npm run build` first.');
  }
  const child = spawn(process.execPath, [entry, mode], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  const stop = () => stopChild(child, { graceMs: 30_000 });
  const starting = new Promise<T>((done, fail) => {
    let buffer = '';
    const timer = setTimeout(() => fail(new Error(`The test stack (${mode}) did not start within 2 minutes.`)), 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        done(JSON.parse(line) as T);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`The test stack (${mode}) exited (${code}) before it was ready.`));
    });
  });
  try {
    return { ready: await starting, stop };
  } catch (error) {
    // Not ready in time: whatever it started (servers, a cloned database) goes with it.
    await stop();
    throw error;
  }
}
