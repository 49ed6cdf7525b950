import { spawn, type ChildProcess } from 'node:child_process';
import type { WriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { AppConfig, loadConfig } from '@app/core';
import { findFreePort, preparePlatformDatabase, startPostgres, startRedis, UNTHROTTLED, type RunningPostgres, type RunningRedis } from '@app/dev-services';
import { runMigrations } from '../migrate';
import { stopChild } from '../platform-processes';
import { runSeed } from '../seed';
import { ready, until } from './health';
import { DrillMailSink } from './mail-sink';
import { RoundRobinProxy } from './proxy';
import { DRILL_TIMERS, platformOverrides } from './settings';

/** The platform the drill runs: PostgreSQL, Redis, the mail sink, two APIs behind the proxy and two workers, started and stopped. */

/** The checkout's root, from dist/scripts/drill/. */
const ROOT = resolve(__dirname, '..', '..', '..');

/** A built API or worker as a child process, restartable; its output goes to a log file. */
class PlatformProcess {
  child?: ChildProcess;
  /** Exits the drill did not cause. */
  unexpectedExits = 0;
  private expectingExit = false;

  constructor(
    readonly name: string,
    private readonly entry: string,
    private readonly env: Record<string, string>,
    private readonly log: WriteStream,
  ) {}

  get pid(): number {
    return this.child!.pid!;
  }

  start(): void {
    this.expectingExit = false;
    const child = spawn(process.execPath, ['--enable-source-maps', join(ROOT, this.entry)], { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => this.log.write(chunk));
    child.stderr.on('data', (chunk: Buffer) => this.log.write(chunk));
    child.on('exit', (code, signal) => {
      this.log.write(`\n[drill] ${this.name} exited (${code ?? signal})\n`);
      if (!this.expectingExit) {
        this.unexpectedExits++;
        console.log(`  ! ${this.name} exited by itself (${code ?? signal})`);
      }
    });
    this.child = child;
  }

  kill(): void {
    this.expectingExit = true;
    this.child?.kill('SIGKILL');
  }

  async stop(): Promise<void> {
    this.expectingExit = true;
    if (this.child) await stopChild(this.child, { graceMs: 10_000 });
  }
}

export interface Stack {
  root: string;
  pg: RunningPostgres;
  pgPort: number;
  redis: RunningRedis;
  redisPort: number;
  databaseUrl: string;
  sink: DrillMailSink;
  apis: PlatformProcess[];
  apiPorts: number[];
  workers: PlatformProcess[];
  proxy: RoundRobinProxy;
  db: () => Promise<Client>;
  config: AppConfig;
}

export async function query<T extends Record<string, unknown>>(stack: Stack, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = await stack.db();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Starts the stack; `settings` are platform variables of this run (the environment's own still win). */
export async function startStack(root: string, logs: WriteStream, settings: Record<string, string>): Promise<Stack> {
  const pg = await startPostgres({ dataDir: join(root, 'pg'), persistent: true });
  const pgPort = Number(new URL(pg.url).port);
  const redis = await startRedis({ dataDir: join(root, 'redis') });
  const redisPort = Number(new URL(redis.url).port);
  const roles = await preparePlatformDatabase(pg.url);
  const base = { PATH: process.env.PATH ?? '', NODE_ENV: 'development', LOG_LEVEL: 'warn', DATABASE_URL: roles.appUrl };
  await runMigrations(loadConfig({ ...base, MIGRATION_DATABASE_URL: roles.ownerUrl }), () => undefined);
  await runSeed(loadConfig(base));
  const sink = await DrillMailSink.start(await findFreePort());
  const proxyPort = await findFreePort();
  const apiPorts = [await findFreePort(), await findFreePort()];
  const env: Record<string, string> = {
    ...base,
    LOG_PRETTY: 'false',
    PUBLIC_URL: `http://127.0.0.1:${proxyPort}`,
    REDIS_URL: redis.url,
    SMTP_URL: sink.url,
    QUEUE_PREFIX: 'drill',
    WEB_DIST: join(ROOT, 'dist', 'web-none'),
    // Every request comes from loopback: no per-address limit to meet (the drill measures faults, not the throttle).
    ...UNTHROTTLED,
    ACCOUNT_EMAILS_PER_HOUR: '1000000',
    SIGNIN_MAX_PER_ADDRESS: '1000000',
    ...DRILL_TIMERS,
    ...settings,
    ...platformOverrides(),
  };
  const apis = apiPorts.map((port, i) => new PlatformProcess(`api ${i + 1}`, 'dist/apps/api/src/main.js', { ...env, PORT: String(port) }, logs));
  const workers = [1, 2].map((i) => new PlatformProcess(`worker ${i}`, 'dist/apps/worker/src/main.js', env, logs));
  for (const api of apis) api.start();
  for (const port of apiPorts) if (!(await until(`API on ${port} ready`, () => ready(port), 90_000))) throw new Error('An API did not start; see drill.log.');
  const proxy = await RoundRobinProxy.start(apiPorts, proxyPort);
  for (const worker of workers) worker.start();
  return {
    root,
    pg,
    pgPort,
    redis,
    redisPort,
    databaseUrl: roles.appUrl,
    sink,
    apis,
    apiPorts,
    workers,
    proxy,
    db: async () => {
      const client = new Client({ connectionString: roles.appUrl });
      await client.connect();
      return client;
    },
    config: loadConfig(env),
  };
}

/** Stops what startStack started, the proxy first; Redis and PostgreSQL may already be down. */
export async function stopStack(stack: Stack): Promise<void> {
  await stack.proxy.stop();
  await Promise.all([...stack.apis, ...stack.workers].map((p) => p.stop()));
  await stack.sink.stop();
  await stack.redis.stop().catch(() => undefined);
  await stack.pg.stop().catch(() => undefined);
}
