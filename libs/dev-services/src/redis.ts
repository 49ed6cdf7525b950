import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as net from 'node:net';
import * as path from 'node:path';
import { findFreePort } from './free-port';
import { ensurePrograms, isExecutableFile, REDIS_SERVER } from './system-programs';
import { clearLeftoverServer, delay, LogTail, once, withTimeout } from './process-utils';
import { dropLog, errorMessage, type LogFn, type StoppableService } from './types';

export interface RedisOptions {
  /** Working folder: pid file and redis.log. Nothing is persisted. */
  dataDir: string;
  port?: number;
  log?: LogFn;
  /** Use this redis-server instead of searching PATH. */
  redisServerPath?: string;
  /** PATH and AUTO_INSTALL_PACKAGES for finding (or installing) redis-server; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Where the line before installing redis-server goes; default the console. */
  notice?: LogFn;
  /** How long to wait for the server to answer; default 10 s. */
  startTimeoutMs?: number;
}

export interface RunningRedis extends StoppableService {
  /** redis://127.0.0.1:PORT */
  url: string;
  /**
   * Stops the server as a restart would, keeping its port and folder for
   * `up`. Nothing is persisted: every key (every queued job) is gone.
   */
  down(): Promise<void>;
  /** Starts the server again, on the same port, after `down`. */
  up(): Promise<void>;
}

/**
 * Starts redis-server on 127.0.0.1 as our child process. Not daemonized on
 * purpose: a daemon outlives a crashed `npm start` or Jest run and keeps its
 * port; a child is killed when we exit and gets the terminal's Ctrl+C.
 */
export async function startRedis(opts: RedisOptions): Promise<RunningRedis> {
  const binary = await locateRedisServer(opts);
  const dataDir = path.resolve(opts.dataDir);
  await fs.mkdir(dataDir, { recursive: true });
  const port = opts.port ?? (await findFreePort());
  const tail = new LogTail(opts.log ?? dropLog);
  const pidFile = path.join(dataDir, 'redis.pid');
  await clearLeftoverServer({ pidFile, command: 'redis-server', signal: 'SIGTERM', log: (line) => tail.write(`${line}\n`) });
  let child: ChildProcess | undefined;
  let stopped = false;
  const start = async (): Promise<void> => {
    child = spawnRedis(binary, port, dataDir, pidFile, tail);
    try {
      await waitUntilServing(child, port, opts.startTimeoutMs ?? 10_000);
    } catch (error) {
      await stopChild(child);
      throw new Error(`redis-server (${binary}) failed to start on 127.0.0.1:${port}: ${errorMessage(error)}\nLast output:\n${tail.text()}`);
    }
  };
  await start();
  const stop = once(async () => {
    stopped = true;
    if (child) await stopChild(child);
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    stop,
    down: async () => {
      if (child) await stopChild(child);
    },
    up: async () => {
      if (stopped) throw new Error('redis-server was stopped for good; start a new one');
      if (child && !hasExited(child)) return;
      await start();
    },
  };
}

/** The given redis-server, else the one on PATH, else the one just installed (or an error with the command to run). */
async function locateRedisServer(opts: RedisOptions): Promise<string> {
  if (opts.redisServerPath === undefined) return (await ensurePrograms([REDIS_SERVER], { env: opts.env, log: opts.notice }))[0]!;
  if (isExecutableFile(opts.redisServerPath)) return opts.redisServerPath;
  throw new Error(`${opts.redisServerPath} is not an executable file.`);
}

function spawnRedis(binary: string, port: number, dataDir: string, pidFile: string, tail: LogTail): ChildProcess {
  const args = [
    ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dataDir],
    // A cache and queue for dev and tests: never write it to disk.
    ...['--save', '', '--appendonly', 'no'],
    // Log to stdout, which we copy to redis.log and to the caller's log.
    ...['--daemonize', 'no', '--pidfile', pidFile, '--logfile', ''],
  ];
  // Its own process group: a Ctrl-C in the terminal reaches the launcher, which stops Redis only after
  // the API and the worker have finished with it (killWithUs still ends it if we exit).
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const logFile = createWriteStream(path.join(dataDir, 'redis.log'), { flags: 'a' });
  const copy = (chunk: Buffer): void => {
    tail.write(chunk);
    logFile.write(chunk);
  };
  child.stdout?.on('data', copy);
  child.stderr?.on('data', copy);
  // Without a listener a failed spawn would be an uncaught exception.
  child.on('error', (error) => tail.write(`${error.message}\n`));
  killWithUs(child);
  child.once('close', () => logFile.end());
  return child;
}

/** Covers normal exits and uncaught exceptions; Ctrl+C reaches the child by itself. */
function killWithUs(child: ChildProcess): void {
  const kill = (): void => {
    child.kill('SIGTERM');
  };
  process.once('exit', kill);
  child.once('exit', () => process.off('exit', kill));
}

async function waitUntilServing(child: ChildProcess, port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.pid === undefined) throw new Error('it could not be run');
    if (hasExited(child)) throw new Error('the server exited');
    // Checking the pid makes sure we talk to our server, not another one that
    // already held the port (ours then exits with "Address already in use").
    if (await answersAs(port, child.pid)) return;
    await delay(50);
  }
  throw new Error(`no answer to PING within ${timeoutMs} ms`);
}

/** Sends PING and INFO; true when the reply is PONG from process `pid`. */
function answersAs(port: number, pid: number | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    let reply = '';
    const socket = net.connect({ host: '127.0.0.1', port });
    const finish = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => finish(false));
    socket.on('error', () => finish(false));
    socket.on('close', () => finish(false));
    socket.on('connect', () => socket.write('PING\r\nINFO server\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (/\r\nprocess_id:\d+\r\n/.test(reply)) finish(reply.startsWith('+PONG') && reply.includes(`\r\nprocess_id:${pid}\r\n`));
    });
  });
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** SIGTERM makes Redis shut down at once (nothing to save); SIGKILL if stuck. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (hasExited(child) || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  try {
    await withTimeout(exited, 10_000, 'redis-server did not stop');
  } catch {
    child.kill('SIGKILL');
    await exited;
  }
}
