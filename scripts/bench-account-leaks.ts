import 'reflect-metadata';
import { ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/core';
import { findFreePort, startMailSink, UNTHROTTLED } from '@app/dev-services';
import { createApiApp } from '../apps/api/src/create-api';
import { runMigrations } from './migrate';
import { runNode, stopChild } from './platform-processes';
import { withTemporaryServices } from './temporary-services';

/**
 * `npm run bench:account-leaks`: does the time sign-up and password reset
 * take tell whether an address has an account? Starts the platform on
 * throw-away PostgreSQL, Redis and a mail sink (the API in this process, the
 * worker as its own process, as `npm start` runs them), then sends N pairs
 * of requests, alternating an address with an account and one without, and
 * prints the medians of each and their difference. Not a test: nothing here
 * asserts a time.
 */
/** Pairs of requests per mutation; `npm run bench:account-leaks -- 500` for more. */
const PAIRS = Number(process.argv[2] ?? 200);
const WARM_UP = 20;
const KNOWN = 'known.person@bench.example';

const RESET = `mutation($email: String!) { requestPasswordReset(input: { email: $email }) { ok } }`;
const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { ok } }`;

async function main(): Promise<void> {
  await withTemporaryServices({ redis: true }, async ({ databaseUrl, migrationDatabaseUrl, redisUrl }) => {
    const mail = await startMailSink({});
    const port = await findFreePort();
    const env: Record<string, string> = {
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      MIGRATION_DATABASE_URL: migrationDatabaseUrl,
      REDIS_URL: redisUrl!,
      ...UNTHROTTLED,
      SMTP_URL: mail.smtpUrl,
      PORT: String(port),
      LOG_LEVEL: 'error',
      LOG_PRETTY: 'false',
      // Every request for the known address gets its email: the worker does all it would do.
      ACCOUNT_EMAILS_PER_HOUR: '1000000',
    };
    const config = loadConfig(env);
    await runMigrations(config, () => undefined);
    const app = await createApiApp(config, { schemaFile: true });
    await app.listen(port, '127.0.0.1');
    let worker: ChildProcess | undefined;
    try {
      const dataSource = app.get(DataSource);
      await dataSource.query(`INSERT INTO user_account (email, display_name, email_confirmed_at) VALUES ($1, 'Known Person', now())`, [KNOWN]);
      worker = runNode('worker', 'dist/apps/worker/src/main.js', env, async (code) => {
        console.error(`The worker exited (${code}); the figures would not be what npm start does.`);
        process.exit(1);
      }, true);

      const url = `http://127.0.0.1:${port}/graphql`;
      const ask = async (query: string, variables: Record<string, unknown>): Promise<number> => {
        const started = performance.now();
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
        const body = (await res.json()) as { errors?: unknown };
        if (body.errors) throw new Error(JSON.stringify(body.errors));
        return performance.now() - started;
      };
      const signUp = (email: string) => ({ input: { email, displayName: 'Bench', password: 'a bench password 123', preferredLanguage: 'en', timeZone: 'Europe/London' } });

      console.log(`Account existence through timing: medians of ${PAIRS} alternating pairs (existing address, then one without an account), after ${WARM_UP} pairs of warm-up`);
      const reset = await alternate(
        () => ask(RESET, { email: KNOWN }),
        (i) => ask(RESET, { email: `nobody-${i}@bench.example` }),
      );
      print('requestPasswordReset', reset);
      const signUps = await alternate(
        () => ask(SIGN_UP, signUp(KNOWN)),
        // A new address each time: one signed up before would have an account by now.
        (i) => ask(SIGN_UP, signUp(`new-${i}@bench.example`)),
      );
      print('signUp', signUps);

      const pending = async () => (await dataSource.query(`SELECT count(*)::int AS n FROM account_request WHERE processed_at IS NULL`))[0].n as number;
      const deadline = Date.now() + 60_000;
      while ((await pending()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      const [done] = await dataSource.query(
        `SELECT (SELECT count(*)::int FROM account_request WHERE processed_at IS NOT NULL) AS processed,
                (SELECT count(*)::int FROM account_request WHERE processed_at IS NULL) AS waiting,
                (SELECT count(*)::int FROM outbox_message) AS emails`,
      );
      console.log(`The worker, after the answers: ${done.processed} requests processed (${done.waiting} still waiting), ${done.emails} emails written to the outbox.`);
    } finally {
      if (worker) await stopChild(worker);
      await app.close();
      await mail.stop();
    }
  });
}

/** Warm-up pairs, then PAIRS pairs, the known address first in even pairs and second in odd ones. */
async function alternate(known: () => Promise<number>, unknown: (i: number) => Promise<number>) {
  for (let i = 0; i < WARM_UP; i++) {
    await known();
    await unknown(-1 - i);
  }
  const times = { known: [] as number[], unknown: [] as number[] };
  for (let i = 0; i < PAIRS; i++) {
    if (i % 2 === 0) {
      times.known.push(await known());
      times.unknown.push(await unknown(i));
    } else {
      times.unknown.push(await unknown(i));
      times.known.push(await known());
    }
  }
  return times;
}

function print(what: string, times: { known: number[]; unknown: number[] }): void {
  const known = median(times.known);
  const unknown = median(times.unknown);
  // Each pair's own difference cancels the machine's drift between pairs.
  const paired = median(times.known.map((k, i) => k - times.unknown[i]));
  console.log(
    `  ${what.padEnd(22)} existing ${known.toFixed(1)} ms, unknown ${unknown.toFixed(1)} ms, difference ${(known - unknown).toFixed(1)} ms ` +
      `(${((100 * (known - unknown)) / unknown).toFixed(1)}%); median of the pairs' differences ${paired.toFixed(1)} ms`,
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
