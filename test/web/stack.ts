import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { stopChild } from '../../scripts/platform-processes';

export interface Stack {
  url: string;
  inboxUrl: string;
  demoPassword: string;
  stop(): Promise<void>;
}

/**
 * Starts scripts/test-stack.ts (built): a fresh platform with demo data, the
 * API serving the built web app. Resolves once it answers.
 */
export async function startStack(): Promise<Stack> {
  const root = join(__dirname, '..', '..');
  const entry = join(root, 'dist', 'scripts', 'test-stack.js');
  const web = process.env.WEB_DIST ?? join(root, 'dist', 'web');
  if (!existsSync(entry) || !existsSync(join(web, 'index.html'))) {
    throw new Error('dist/ is missing the API or the web app: run `npm run build` first (npm test does).');
  }
  const child = spawn(process.execPath, [entry], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
  const ready = await new Promise<{ url: string; inboxUrl: string; demoPassword: string }>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error('The test stack did not start within 2 minutes.')), 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The test stack exited (${code}) before it was ready.`));
    });
  });
  return { ...ready, stop: () => stopChild(child, 30_000) };
}
