import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stopChild } from './platform-processes';

export interface WebStack {
  url: string;
  inboxUrl: string;
  demoPassword: string;
  stop(): Promise<void>;
}

/**
 * Starts scripts/test-stack.ts (built) in a child process: a fresh platform
 * with demo data and the API serving the built web app (WEB_DIST, default
 * dist/web). For the browser tests, the screenshots and the web benchmark.
 */
export async function startWebStack(root = resolve(__dirname, '..', '..')): Promise<WebStack> {
  const entry = join(root, 'dist', 'scripts', 'test-stack.js');
  const web = resolve(root, process.env.WEB_DIST ?? join('dist', 'web'));
  if (!existsSync(entry) || !existsSync(join(web, 'index.html'))) {
    throw new Error('dist/ is missing the API or the web app: run `npm run build` first.');
  }
  const child = spawn(process.execPath, [entry], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
  const ready = await new Promise<{ url: string; inboxUrl: string; demoPassword: string }>((done, fail) => {
    let buffer = '';
    const timer = setTimeout(() => fail(new Error('The test stack did not start within 2 minutes.')), 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        done(JSON.parse(line));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`The test stack exited (${code}) before it was ready.`));
    });
  });
  return { ...ready, stop: () => stopChild(child, { graceMs: 30_000 }) };
}

/** Debian's chromium (apt-get install chromium); CHROMIUM_PATH overrides. No browser is downloaded. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('No chromium found: install it (apt-get install chromium) or set CHROMIUM_PATH.');
  return found;
}
