import 'reflect-metadata';
import { ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@app/core';
import { findFreePort, preparePlatformDatabase, startMailSink, startPostgres, startRedis, stopAll, StoppableService, UNTHROTTLED } from '@app/dev-services';
import { runMigrations } from './migrate';
import { runNode, stopChild, waitForHealthy } from './platform-processes';
import { runSeed } from './seed';

/**
 * A whole throw-away platform for the browser tests, screenshots and the web
 * benchmark: fresh PostgreSQL, Redis and mail sink on free ports, migrated (as
 * the schema's owner), with the demo data, and the built API (serving the web
 * app) and worker, which sign in as the application's least-privileged role.
 * Prints one JSON line ({"url","inboxUrl","demoPassword"}) when ready; stops
 * everything and deletes its data on SIGTERM or SIGINT.
 */
async function main(): Promise<void> {
  const services: StoppableService[] = [];
  const children: ChildProcess[] = [];
  const root = await mkdtemp(join(tmpdir(), 'twins-web-'));
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await Promise.all(children.map((child) => stopChild(child)));
    await stopAll(services).catch((error: unknown) => console.error(error));
    await rm(root, { recursive: true, force: true });
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    // mkdtemp makes it private (0700); PostgreSQL, run as its own user under root, must be able to enter it.
    await chmod(root, 0o755);
    const [pg, redis, mail] = await Promise.all([
      startPostgres({ dataDir: join(root, 'pg'), persistent: false, ownSignals: true }),
      startRedis({ dataDir: join(root, 'redis') }),
      startMailSink({}),
    ]);
    services.push(pg, redis, mail);
    // As in production: migrations as the schema's owner, everything else as the application's role.
    const roles = await preparePlatformDatabase(pg.url);
    const port = await findFreePort();
    const url = `http://127.0.0.1:${port}`;
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      // A deprecation (pg's "client is already executing a query" among them) comes with the stack that caused it.
      NODE_OPTIONS: '--trace-deprecation',
      PORT: String(port),
      PUBLIC_URL: url,
      DATABASE_URL: roles.appUrl,
      REDIS_URL: redis.url,
      SMTP_URL: mail.smtpUrl,
      WEB_DIST: process.env.WEB_DIST ?? 'dist/web',
      // The browser tests drive many pages a minute, all from loopback: no GraphQL rate limit to meet.
      ...UNTHROTTLED,
    };
    const config = loadConfig(env);
    await runMigrations(loadConfig({ ...env, MIGRATION_DATABASE_URL: roles.ownerUrl }), () => undefined);
    await runSeed(config);
    children.push(runNode('api', 'dist/apps/api/src/main.js', env, stop, true));
    children.push(runNode('worker', 'dist/apps/worker/src/main.js', env, stop, true));
    await waitForHealthy(port);
    process.stdout.write(`${JSON.stringify({ url, inboxUrl: mail.webUrl, demoPassword: config.DEMO_PASSWORD })}\n`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stop(1);
  }
}

void main();
