import { ChildProcess, spawn } from 'node:child_process';

/**
 * Running the built API and worker as child processes: `npm start` and the
 * browser tests' stack (scripts/test-stack.ts) both do it this way, with
 * source maps for readable stacks; `sourceMaps: false` runs them as the
 * Dockerfile does (production, the API benchmark).
 */
export function runNode(name: string, entry: string, env: Record<string, string>, onExit: (code: number) => Promise<void>, quiet = false, sourceMaps = true): ChildProcess {
  const child = spawn(process.execPath, [...(sourceMaps ? ['--enable-source-maps'] : []), entry], { env, stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit' });
  child.on('exit', (code, signal) => {
    if (signal === 'SIGTERM' || signal === 'SIGINT') return;
    console.error(`The ${name} process exited (${code ?? signal}); stopping the rest.`);
    void onExit(code ?? 1);
  });
  return child;
}

/** SIGTERM, then SIGKILL when it has not exited after `graceMs` (default 15 s). */
export function stopChild(child: ChildProcess, { graceMs = 15_000 }: { graceMs?: number } = {}): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

export async function waitForHealthy(port: number): Promise<void> {
  const url = `http://127.0.0.1:${port}/health/ready`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`The API did not become ready at ${url} within a minute.`);
}
