import 'reflect-metadata';
import { ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AppConfig, ConfigError, loadConfig } from '@app/core';
import { isPortFree, preparePlatformDatabase, startMailSink, startPostgres, startRedis, stopAll, StoppableService } from '@app/dev-services';
import { platformDataSource, isEmptyDatabase } from '@app/platform';
import { addDemoActivity } from './demo-activity';
import { runMigrations } from './migrate';
import { runNode, stopChild, waitForHealthy } from './platform-processes';
import { describeDemoAccounts, runSeed } from './seed';

/**
 * `npm start`: the whole platform on one machine. Uses DATABASE_URL (and
 * MIGRATION_DATABASE_URL), REDIS_URL and SMTP_URL when set; otherwise starts an
 * embedded PostgreSQL with the platform's two roles (the schema's owner runs
 * the migrations, the API, worker and seed sign in as the application's role),
 * a local redis-server and a mail sink with a web inbox, keeping their data in
 * DATA_DIR. Then migrates, seeds demo data into an empty database, and runs
 * the API and the worker until Ctrl-C, which stops everything it started.
 */
async function main(): Promise<void> {
  let config = loadConfig();
  const services: StoppableService[] = [];
  const children: ChildProcess[] = [];
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    // Nothing started yet (a refusal before the first service, such as a port in use): nothing to say about stopping.
    const started = children.length + services.length > 0;
    if (started) console.log('\nStopping…');
    await Promise.all(children.map((child) => stopChild(child)));
    await stopAll(services).catch((error: unknown) => console.error(error));
    if (started) console.log('Stopped. Your data is kept for the next `npm start`.');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    // Before anything starts: a second `npm start`, or another program, may already have the port.
    if (!(await isPortFree(config.PORT))) {
      throw new Error(
        `Port ${config.PORT} is already in use (another \`npm start\`, or another program, listens there). ` +
          `Stop it, or start on another port: PORT=${config.PORT + 1} npm start`,
      );
    }
    const overrides: Record<string, string> = {};
    let inboxUrl: string | undefined;
    if (!config.isProduction) {
      const dataDir = resolve(config.DATA_DIR);
      await mkdir(dataDir, { recursive: true });
      if (!config.DATABASE_URL) {
        step('Starting PostgreSQL (embedded)…');
        const pg = await startPostgres({ dataDir: join(dataDir, 'postgres'), persistent: true, notice: (line) => step(line) });
        services.push(pg);
        // As the superuser, once per start: the owner and application roles, and (once, for data
        // made before they existed) the database and its tables handed from postgres to the owner.
        const roles = await preparePlatformDatabase(pg.url);
        overrides.DATABASE_URL = roles.appUrl;
        overrides.MIGRATION_DATABASE_URL = roles.ownerUrl;
      }
      if (!config.REDIS_URL) {
        step('Starting redis-server…');
        const redis = await startRedis({ dataDir: join(dataDir, 'redis'), notice: (line) => step(line) });
        services.push(redis);
        overrides.REDIS_URL = redis.url;
      }
      if (!config.SMTP_URL) {
        step('Starting the mail sink…');
        // The usual MailDev ports when they are free, so the inbox address stays the same between runs.
        const sink = await startMailSink({ smtpPort: 1025, webPort: 1080 }).catch(() => startMailSink({}));
        services.push(sink);
        overrides.SMTP_URL = sink.smtpUrl;
        inboxUrl = sink.webUrl;
      }
    }
    const env = { ...(process.env as Record<string, string>), ...overrides };
    config = loadConfig(env);

    const applied = await runMigrations(config, () => undefined);
    step(applied.length === 0 ? 'The database is up to date.' : `Database migrated: ${applied.length} ${applied.length === 1 ? 'migration' : 'migrations'} applied (newest: ${applied.at(-1)}).`);
    const dataSource = platformDataSource(config);
    await dataSource.initialize();
    const empty = await isEmptyDatabase(dataSource);
    await dataSource.destroy();
    let demo = '';
    if (empty && !config.isProduction) {
      step('Empty database: loading the demo data…');
      demo = describeDemoAccounts(await runSeed(config), config.DEMO_PASSWORD);
    }

    // The API and the worker get the application's role only, never the owner's connection.
    const { MIGRATION_DATABASE_URL: _owner, ...appEnv } = env;
    step('Starting the API and the worker…');
    children.push(runNode('api', 'dist/apps/api/src/main.js', appEnv, shutdown));
    children.push(runNode('worker', 'dist/apps/worker/src/main.js', appEnv, shutdown));
    await waitForHealthy(config.PORT);
    if (demo) {
      step('Adding the demo activity: Liverpool and Busan twin, start a project and apply to the open call…');
      // Through the running API, as the demo people: a twinning, a project and an application at the board.
      await addDemoActivity(`http://127.0.0.1:${config.PORT}`, config.DEMO_PASSWORD).catch((error: unknown) =>
        console.error(`The demo activity could not be added (the demo data is there): ${error instanceof Error ? error.message : error}`),
      );
    }

    console.log(banner(config, inboxUrl, demo));
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error instanceof Error ? error.message : error);
    await shutdown(1);
  }
}

/** One line of progress, the same look for every step. */
function step(line: string): void {
  console.log(`• ${line}`);
}

function banner(config: AppConfig, inboxUrl: string | undefined, demo: string): string {
  const lines = [
    '',
    '━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━',
    ' Innovation Twins is running',
    `   Open the web app          ${config.PUBLIC_URL}/`,
    `   GraphQL API and explorer  ${config.PUBLIC_URL}/graphql`,
    `   Health                    ${config.PUBLIC_URL}/health/ready`,
    ...(config.PUBLIC_URL === `http://localhost:${config.PORT}` ? [] : [`   The API listens on        http://localhost:${config.PORT}/ (PUBLIC_URL is what links say)`]),
    inboxUrl ? `   Mail inbox (dev sink)     ${inboxUrl}` : `   Email goes to             ${redact(config.SMTP_URL)}`,
    demo ? `\n${demo.replace(/^/gm, '   ')}` : '   Demo sign-ins: see the README (they are loaded into an empty database).',
    '',
    ' Press Ctrl-C to stop.',
    '━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━',
  ];
  return lines.join('\n');
}

function redact(url: string | undefined): string {
  return (url ?? '').replace(/\/\/[^@/]*@/, '//***@');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
