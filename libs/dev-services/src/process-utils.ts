import { readFile, rm } from 'node:fs/promises';
import type { LogFn } from './types';

/** Keeps the last lines a service printed, to explain why it failed to start. */
export class LogTail {
  private readonly lines: string[] = [];
  private partial = '';

  constructor(
    private readonly log: LogFn,
    private readonly keep = 30,
  ) {}

  /** Accepts raw output chunks, which may hold several or half lines. */
  write(chunk: string | Buffer): void {
    const parts = (this.partial + chunk.toString()).split(/\r?\n/);
    this.partial = parts.pop() ?? '';
    parts.filter((line) => line.trim() !== '').forEach((line) => this.push(line));
  }

  text(): string {
    return [...this.lines, this.partial].filter((line) => line !== '').join('\n');
  }

  private push(line: string): void {
    this.log(line);
    this.lines.push(line);
    if (this.lines.length > this.keep) this.lines.shift();
  }
}

/** Runs `fn` once; later calls get the same promise (stop() twice is fine). */
export function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}

/** Rejects with `message` when `promise` has not settled within `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** True when a process with this pid exists (EPERM: it exists, not ours). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The command line of a running process, or undefined where /proc does not
 * exist (macOS) or the process is gone. Used to tell a leftover server of ours
 * from an unrelated process that got the same pid after a reboot.
 */
export async function processCommandLine(pid: number): Promise<string | undefined> {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replace(/\0/g, ' ').trim();
  } catch {
    return undefined;
  }
}

/** Reads the pid from the first line of a pid file; undefined when absent. */
export async function readPidFile(file: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt((await readFile(file, 'utf8')).split('\n')[0] ?? '', 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Parent pid from /proc (undefined where there is no /proc). */
async function parentPid(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid ...": comm may hold spaces, so parse after its ")".
    const ppid = Number.parseInt(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] ?? '', 10);
    return Number.isInteger(ppid) ? ppid : undefined;
  } catch {
    return undefined;
  }
}

async function waitForProcessExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) return false;
    await delay(50);
  }
  return true;
}

export interface LeftoverServer {
  /** Pid file the server writes in its data folder. */
  pidFile: string;
  /** Text its command line contains, e.g. 'redis-server'. */
  command: string;
  /** Signal for a quick clean shutdown. */
  signal: NodeJS.Signals;
  log: LogFn;
}

/**
 * Handles a pid file left in a data folder by an earlier run. When its process
 * is gone (or the pid now belongs to something else) the file is removed. A
 * server of ours whose parent died (a crashed `npm start`, a killed Jest) was
 * re-parented to pid 1: it is stopped, because nobody else ever will. A server
 * whose parent is alive belongs to a running launcher, so we refuse rather
 * than take its data folder away.
 */
export async function clearLeftoverServer(leftover: LeftoverServer): Promise<void> {
  const pid = await readPidFile(leftover.pidFile);
  if (pid === undefined) return;
  const commandLine = isProcessAlive(pid) ? await processCommandLine(pid) : undefined;
  const isOurs = isProcessAlive(pid) && (commandLine === undefined || commandLine.includes(leftover.command));
  if (!isOurs) {
    leftover.log(`removing stale ${leftover.pidFile} (pid ${pid} is not running)`);
    await rm(leftover.pidFile, { force: true });
    return;
  }
  if ((await parentPid(pid)) !== 1) {
    throw new Error(`${leftover.command} (pid ${pid}) started by another running process still uses ${leftover.pidFile}; stop that process or use another data folder`);
  }
  await stopOrphan(pid, leftover);
}

async function stopOrphan(pid: number, leftover: LeftoverServer): Promise<void> {
  leftover.log(`stopping ${leftover.command} pid ${pid} left over from an earlier run`);
  process.kill(pid, leftover.signal);
  if (!(await waitForProcessExit(pid, 15_000))) {
    throw new Error(`${leftover.command} pid ${pid} left over from an earlier run did not stop; kill it by hand`);
  }
  await rm(leftover.pidFile, { force: true });
}
