import 'reflect-metadata';
import { ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, roleOfUrl } from '@app/core';
import {
  cloneDatabase,
  dropDatabase,
  findFreePort,
  preparePlatformDatabase,
  startMailSink,
  startPostgres,
  startRedis,
  stopAll,
  StoppableService,
  UNTHROTTLED,
  withDatabase,
} from '@app/dev-services';
import { runMigrations } from './migrate';
import { runNode, stopChild, waitForHealthy } from './platform-processes';
import { runSeed } from './seed';

/**
 * Throw-away platforms for the browser tests, the screenshots and the web
 * benchmark, in three modes (the first argument):
 *
 * - `services`: PostgreSQL and Redis on free ports, and two template
 *   databases migrated (as the schema's owner): one seeded with the demo data,
 *   one with the demo people and organisations only (a programme that has not
 *   started: no fund, call, case study or event). Prints the JSON of
 *   TestServices.
 * - `platform`: one platform on those services (TEST_SERVICES holds their
 *   JSON): its own database cloned from a template (the demo data, or with
 *   TEST_DATA=empty the one without activity), its own queue prefix and
 *   mail sink, and the built API (serving the web app) and worker, which sign in
 *   as the application's least-privileged role. Prints the JSON of
 *   TestPlatform. Each browser-test worker runs one, so they run side by side
 *   without seeing each other's rows or emails.
 * - `whole` (the default): both in one process.
 *
 * Each prints its one JSON line when ready, and stops everything it started
 * and deletes its data on SIGTERM or SIGINT.
 *
 * A platform's API and worker run in development with the environment below;
 * TEST_PLATFORM_ENV (JSON) adds to both (the API benchmark runs them as in
 * production: NODE_ENV and a JWT_SECRET of its own, and then without source
 * maps, as the Dockerfile runs them), TEST_API_ENV (JSON) to the API's alone,
 * its NODE_OPTIONS after the stack's own.
 */
export interface TestServices {
  /** A superuser's URL: creates the clones. */
  adminUrl: string;
  ownerUrl: string;
  appUrl: string;
  template: string;
  /** The template without the demo activity (`TEST_DATA=empty` for a platform). */
  emptyTemplate: string;
  redisUrl: string;
}

export interface TestPlatform {
  url: string;
  inboxUrl: string;
  demoPassword: string;
  /** What the API connects with, for a benchmark's server beside it: the application's role on this platform's database. */
  databaseUrl: string;
  redisUrl: string;
  /** The prefix of the API's Redis keys (and BullMQ's). */
  queuePrefix: string;
  /** The API's process, whose CPU time a benchmark reads, and the worker's. */
  apiPid: number;
  workerPid: number;
  /** The API's NODE_ENV. */
  nodeEnv: string;
}

const stoppers: Array<() => Promise<void>> = [];
let stopping = false;
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  // The platform first (it uses the services), in the reverse order of starting.
  for (const stopper of stoppers.reverse()) await stopper().catch((error: unknown) => console.error(error));
  process.exit(code);
}

async function startServices(): Promise<TestServices> {
  const root = await mkdtemp(join(tmpdir(), 'twins-web-'));
  // mkdtemp makes it private (0700); PostgreSQL, run as its own user under root, must be able to enter it.
  await chmod(root, 0o755);
  const services: StoppableService[] = [];
  stoppers.push(async () => {
    await stopAll(services);
    await rm(root, { recursive: true, force: true });
  });
  // Both are stopped whichever of them failed to start.
  const started = await Promise.allSettled([startPostgres({ dataDir: join(root, 'pg'), persistent: false }), startRedis({ dataDir: join(root, 'redis') })]);
  for (const result of started) if (result.status === 'fulfilled') services.push(result.value);
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  const [pg, redis] = started.map((result) => (result as PromiseFulfilledResult<StoppableService & { url: string }>).value);
  const template = 'twins_web_template';
  const emptyTemplate = 'twins_web_empty';
  // As in production: migrations as the schema's owner, the seed as the application's role.
  const roles = await preparePlatformDatabase(pg.url, { newDatabase: emptyTemplate });
  const env = { PATH: process.env.PATH ?? '', NODE_ENV: 'development', LOG_LEVEL: 'warn', DATABASE_URL: roles.appUrl };
  await runMigrations(loadConfig({ ...env, MIGRATION_DATABASE_URL: roles.ownerUrl }), () => undefined);
  await runSeed(loadConfig(env), { activity: false });
  // The demo activity on a copy of the people and organisations: one migration and one seed of each.
  await cloneDatabase(pg.url, { name: template, template: emptyTemplate, owner: roleOfUrl(roles.ownerUrl) });
  await runSeed(loadConfig({ ...env, DATABASE_URL: withDatabase(roles.appUrl, template) }));
  return { adminUrl: pg.url, ownerUrl: roles.ownerUrl, appUrl: roles.appUrl, template, emptyTemplate, redisUrl: redis.url };
}

async function startPlatform(services: TestServices): Promise<TestPlatform> {
  const database = `twins_web_${process.pid}`;
  const template = process.env.TEST_DATA === 'empty' ? services.emptyTemplate : services.template;
  await cloneDatabase(services.adminUrl, { name: database, template, owner: roleOfUrl(services.ownerUrl) });
  stoppers.push(() => dropDatabase(services.adminUrl, database));
  const mail = await startMailSink({});
  stoppers.push(() => mail.stop());
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
    DATABASE_URL: withDatabase(services.appUrl, database),
    REDIS_URL: services.redisUrl,
    QUEUE_PREFIX: `web-${process.pid}`,
    SMTP_URL: mail.smtpUrl,
    WEB_DIST: process.env.WEB_DIST ?? 'dist/web',
    // The browser tests drive many pages a minute, all from loopback: no GraphQL rate limit to meet.
    ...UNTHROTTLED,
    ...jsonEnv('TEST_PLATFORM_ENV'),
  };
  const config = loadConfig(env);
  const apiEnv = jsonEnv('TEST_API_ENV');
  const children: ChildProcess[] = [];
  stoppers.push(() => Promise.all(children.map((child) => stopChild(child))).then(() => undefined));
  // In production as the Dockerfile runs them: without source maps.
  const sourceMaps = !config.isProduction;
  const api = runNode('api', 'dist/apps/api/src/main.js', { ...env, ...apiEnv, NODE_OPTIONS: [env.NODE_OPTIONS, apiEnv.NODE_OPTIONS].filter(Boolean).join(' ') }, stop, true, sourceMaps);
  children.push(api);
  const worker = runNode('worker', 'dist/apps/worker/src/main.js', env, stop, true, sourceMaps);
  children.push(worker);
  await waitForHealthy(port);
  return {
    url,
    inboxUrl: mail.webUrl,
    demoPassword: config.DEMO_PASSWORD,
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    queuePrefix: env.QUEUE_PREFIX,
    apiPid: api.pid!,
    workerPid: worker.pid!,
    nodeEnv: config.NODE_ENV,
  };
}

/** Variables given as a JSON object in `name`, if set. */
function jsonEnv(name: string): Record<string, string> {
  const value = process.env[name];
  return value ? (JSON.parse(value) as Record<string, string>) : {};
}

async function main(mode: string): Promise<void> {
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  try {
    let ready: TestServices | TestPlatform;
    if (mode === 'services') ready = await startServices();
    else if (mode === 'platform') ready = await startPlatform(JSON.parse(process.env.TEST_SERVICES ?? '') as TestServices);
    else if (mode === 'whole') ready = await startPlatform(await startServices());
    else throw new Error(`Unknown mode "${mode}": services, platform or whole.`);
    process.stdout.write(`${JSON.stringify(ready)}\n`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stop(1);
  }
}

void main(process.argv[2] ?? 'whole');
