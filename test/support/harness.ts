import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig, Clock, loadConfig, roleOfUrl } from '@app/core';
import { cloneDatabase, dropDatabase, findFreePort, UNTHROTTLED, withDatabase } from '@app/dev-services';
import { createApiApp } from '../../apps/api/src/create-api';
import { createWorker } from '../../apps/worker/src/create-worker';
import { DEMO_PEOPLE, TEST_DEMO_PASSWORD, TEST_JWT_SECRET } from './constants';

export { DEMO_PEOPLE };
import { SmtpSink } from './smtp-sink';

export { TEST_DEMO_PASSWORD };

export interface GqlError {
  message: string;
  path?: string[];
  extensions: { code: string; fields?: Array<{ field: string; message: string }>; [key: string]: unknown };
}

export interface GqlResponse<T> {
  data?: T;
  errors?: GqlError[];
}

/** The servers a test app runs on: by default the run's shared ones (test/setup/global-setup.ts). */
export interface TestServices {
  /** An administrator's URL (creates and drops each file's database). */
  adminUrl: string;
  /** The template's URLs as the schema's owner and as the application (pointed at the clone). */
  ownerUrl: string;
  appUrl: string;
  /** The migrated and seeded database each file's is cloned from. */
  templateDb: string;
  redisUrl: string;
}

export function sharedServices(): TestServices {
  return {
    adminUrl: required('TEST_PG_ADMIN_URL'),
    ownerUrl: required('TEST_PG_OWNER_URL'),
    appUrl: required('TEST_PG_APP_URL'),
    templateDb: required('TEST_TEMPLATE_DB'),
    redisUrl: required('TEST_REDIS_URL'),
  };
}

export interface TestAppOptions {
  /** Servers of the test's own (one that restarts them), instead of the shared ones. */
  services?: TestServices;
  /** Run the worker in this process too (default true): emails get sent. */
  worker?: boolean;
  /** Extra environment for the config, e.g. { SIGNIN_MAX_PER_ACCOUNT: '3' }. */
  env?: Record<string, string>;
}

/**
 * One test file's platform: its own database cloned from the migrated and
 * seeded template, its own queue prefix in the shared Redis, its own SMTP
 * sink, and the real API (and worker) listening on a local port. The API, the
 * worker and `dataSource` sign in as the application's least-privileged role,
 * as in production; `asOwner` runs SQL as the schema's owner, for the few
 * tests that need more than reading and writing rows.
 */
export class TestApp {
  private workerApp?: INestApplicationContext;
  private children: ChildProcess[] = [];

  private constructor(
    readonly config: AppConfig,
    readonly env: Record<string, string>,
    readonly api: INestApplication,
    readonly url: string,
    readonly mail: SmtpSink,
    readonly dataSource: DataSource,
    private readonly databaseName: string,
    /** This test file's database as the role that owns its schema (what migrations use). */
    readonly ownerUrl: string,
    private readonly services: TestServices,
  ) {}

  static async start(options: TestAppOptions = {}): Promise<TestApp> {
    const services = options.services ?? sharedServices();
    const databaseName = `t_${randomBytes(6).toString('hex')}`;
    await cloneDatabase(services.adminUrl, { name: databaseName, template: services.templateDb, owner: roleOfUrl(services.ownerUrl) });

    const mail = new SmtpSink();
    try {
      return await TestApp.boot(options, services, databaseName, await mail.start());
    } catch (error) {
      // Leave nothing behind when start-up fails: the sink and the cloned database go.
      await mail.stop();
      await dropDatabase(services.adminUrl, databaseName);
      throw error;
    }
  }

  private static async boot(options: TestAppOptions, services: TestServices, databaseName: string, mail: SmtpSink): Promise<TestApp> {
    const port = await findFreePort();
    const env: Record<string, string> = {
      NODE_ENV: 'test',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: withDatabase(services.appUrl, databaseName),
      REDIS_URL: services.redisUrl,
      SMTP_URL: mail.url,
      QUEUE_PREFIX: `test-${databaseName.replace(/_/g, '-')}`,
      JWT_SECRET: TEST_JWT_SECRET,
      DEMO_PASSWORD: TEST_DEMO_PASSWORD,
      LOG_LEVEL: 'warn',
      LOG_PRETTY: 'false',
      OUTBOX_POLL_MS: '100',
      EMAIL_BACKOFF_MS: '200',
      EMAIL_MAX_ATTEMPTS: '20',
      WORKER_LOCK_MS: '2000',
      // Long enough that a test machine under load does not miss a renewal (a sender calls its send off after 80% of it).
      EMAIL_LEASE_MS: '3000',
      OUTBOX_REQUEUE_MS: '4000',
      // Every test sends its requests from loopback, many a second: only test/core/request-limits
      // sets limits low enough to meet.
      ...UNTHROTTLED,
      ...options.env,
    };
    const config = loadConfig(env);
    const api = await createApiApp(config, { schemaFile: true });
    await api.listen(port, '127.0.0.1');
    const dataSource = api.get(DataSource);
    const ownerUrl = withDatabase(services.ownerUrl, databaseName);
    const app = new TestApp(config, env, api, `http://127.0.0.1:${port}`, mail, dataSource, databaseName, ownerUrl, services);
    if (options.worker ?? true) await app.startWorker();
    return app;
  }

  /** The API process's clock: move it to test expiry without waiting. */
  get clock(): Clock {
    return this.api.get(Clock);
  }

  /** The in-process worker's clock (digests fall due by it); undefined when the worker is not running here. */
  get workerClock(): Clock | undefined {
    return this.workerApp?.get(Clock);
  }

  async startWorker(): Promise<void> {
    if (!this.workerApp) this.workerApp = await createWorker(this.config);
  }

  async stopWorker(): Promise<void> {
    await this.workerApp?.close();
    this.workerApp = undefined;
  }

  /**
   * The worker as its own OS process (from the build in dist/), so a test can
   * kill it with SIGKILL. `npm test` builds first.
   */
  spawnWorkerProcess(): ChildProcess {
    const entry = join(__dirname, '..', '..', 'dist', 'apps', 'worker', 'src', 'main.js');
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` (npm test does) first.`);
    const child = spawn(process.execPath, [entry], {
      env: { PATH: process.env.PATH ?? '', ...this.env, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    this.children.push(child);
    return child;
  }

  /**
   * Runs SQL as the owner of the schema, not as the application: for a test
   * that adds a trigger, or shows that even the owner cannot change the
   * permanent record. Everything else goes through `dataSource`.
   */
  async asOwner<T = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.ownerUrl });
    await client.connect();
    try {
      return (await client.query(sql, parameters)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    options: { token?: string; headers?: Record<string, string> } = {},
  ): Promise<GqlResponse<T>> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GqlResponse<T>;
  }

  /** Like gql, but fails the test on any error and returns data. */
  async gqlOk<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, options: { token?: string; headers?: Record<string, string> } = {}): Promise<T> {
    const result = await this.gql<T>(query, variables, options);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
    return result.data as T;
  }

  async signInTokens(email: string, password = TEST_DEMO_PASSWORD): Promise<{ accessToken: string; refreshToken: string }> {
    const data = await this.gqlOk<{ signIn: { accessToken: string; refreshToken: string } }>(
      `mutation($input: SignInInput!) { signIn(input: $input) { accessToken refreshToken } }`,
      { input: { email, password } },
    );
    return data.signIn;
  }

  /** Signs in each demo person (by key, see DEMO_PEOPLE) into `tokens`, and notes their user id in `ids`. */
  async signInDemo(tokens: Record<string, string>, ids: Record<string, string>, keys: DemoPerson[] = Object.keys(DEMO_PEOPLE) as DemoPerson[]): Promise<void> {
    for (const key of keys) {
      tokens[key] = await this.signIn(DEMO_PEOPLE[key]);
      ids[key] = (await this.gqlOk<{ me: { id: string } }>(`query { me { id } }`, {}, { token: tokens[key] })).me.id;
    }
  }

  /** Signs in (demo users share TEST_DEMO_PASSWORD) and returns the access token. */
  async signIn(email: string, password = TEST_DEMO_PASSWORD): Promise<string> {
    return (await this.signInTokens(email, password)).accessToken;
  }

  async close(): Promise<void> {
    for (const child of this.children) if (child.exitCode === null) child.kill('SIGKILL');
    await this.stopWorker();
    await this.api.close();
    await this.mail.stop();
    await dropDatabase(this.services.adminUrl, this.databaseName);
  }
}

export type DemoPerson = keyof typeof DEMO_PEOPLE;

export const startTestApp = (options?: TestAppOptions) => TestApp.start(options);

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the e2e tests through jest (test/setup/global-setup.ts).`);
  return value;
}

/** Polls until `check` returns a truthy value. */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
