import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { chmod, mkdtemp, readdir, readFile, readlink, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { AppConfig, loadConfig } from '@app/core';
import { findFreePort, preparePlatformDatabase, startPostgres, startRedis, UNTHROTTLED, type RunningPostgres, type RunningRedis } from '@app/dev-services';
import { addDemoActivity } from './demo-activity';
import {
  check,
  checkLines,
  deliveryChecks,
  formatTable,
  PHASE_HEADERS,
  phaseCells,
  phaseLine,
  readyAgainAfter,
  reckonDeliveries,
  seconds,
  summaryLine,
  unexplainedFailures,
  type Check,
  type HealthSample,
  type PhaseRow,
} from './drill/checks';
import { DrillMailSink, type HeldMail } from './drill/mail-sink';
import { RoundRobinProxy } from './drill/proxy';
import { emailOf, latestWrites, PEOPLE, Traffic, type DemoIds, type PhaseCounts, type Person } from './drill/traffic';
import { runMigrations } from './migrate';
import { stopChild } from './platform-processes';
import { runSeed } from './seed';

/**
 * `npm run drill`: the platform under faults, checked from outside.
 *
 * One PostgreSQL (embedded, kept on disk so it can restart), one
 * redis-server (no persistence), the drill's own SMTP sink
 * (scripts/drill/mail-sink.ts), two built API processes behind a plain
 * round-robin proxy (scripts/drill/proxy.ts) and two workers, on the demo
 * data. Steady traffic goes through the proxy as the demo people
 * (scripts/drill/traffic.ts) while, in turn: a worker is killed (SIGKILL)
 * with a message in flight; a worker is killed after the mail server
 * accepted a message and before it was marked sent; an API process is killed
 * with a request in hand (then restarted, as an operator would); Redis
 * restarts empty; PostgreSQL restarts; the mail server is down for a while.
 * Then it lets the platform settle and checks: every accepted write is in the
 * database, every outbox row was SENT and delivered, duplicates only of the
 * kind a receiver drops, event capacity, the fund ledger, and how long
 * readiness and delivery took to come back. Exits non-zero on any failed
 * check; the last line is `N passed, M failed`.
 *
 * Settings (environment):
 * - DRILL_SMTP_DOWN_MS: how long the mail server stays down (default 60000);
 * - DRILL_RATE: requests per second (default 8);
 * - DRILL_SETTLE_MS: the longest wait for the outbox to drain at the end (default 180000);
 * - any of the platform's own variables (OUTBOX_POLL_MS, EMAIL_LEASE_MS, …)
 *   overrides the drill's choice below, which shortens only the timers that
 *   look for due work; the lease (EMAIL_LEASE_MS) and the email backoff stay
 *   the platform's defaults unless set here.
 */
const ROOT = resolve(__dirname, '..', '..');
const SMTP_DOWN_MS = numberSetting('DRILL_SMTP_DOWN_MS', 60_000);
const RATE = numberSetting('DRILL_RATE', 8);
const SETTLE_MS = numberSetting('DRILL_SETTLE_MS', 180_000);
/** Delivery must resume this soon after a worker's death. */
const RESUME_GOAL_MS = 10_000;
/** How long the drill waits for delivery to resume after a kill before going on. */
const RESUME_WAIT_MS = 90_000;
/** Traffic without a fault before the first and after each recovery. */
const QUIET_MS = 5_000;

/** The drill's timers: the platform looks for due work often, so a short drill sees it happen. */
const DRILL_TIMERS: Record<string, string> = {
  OUTBOX_POLL_MS: '200',
  DIGEST_CHECK_MS: '5000',
  EVENT_REMINDER_CHECK_MS: '5000',
  FUNDING_REMINDER_CHECK_MS: '5000',
};

function numberSetting(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`${name} must be a positive number (got ${value}).`);
  return parsed;
}

/** The platform's variables set in the drill's own environment: they win over the drill's choices. */
function platformOverrides(): Record<string, string> {
  const known = Object.keys(new AppConfig());
  return Object.fromEntries(Object.entries(process.env).filter(([key, value]) => known.includes(key) && value !== undefined && key !== 'PORT')) as Record<string, string>;
}

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

/** Polls every API's /health/ready directly, four times a second. */
class HealthWatch {
  readonly samples: HealthSample[] = [];
  private running = true;
  private readonly loop: Promise<void>;

  constructor(ports: number[]) {
    this.loop = (async () => {
      while (this.running) {
        const at = Date.now();
        const answers = await Promise.all(ports.map((port) => readiness(port)));
        const why = answers.map((answer, i) => (answer === 'ready' ? '' : `api ${i + 1} ${answer}`)).filter(Boolean);
        this.samples.push({ at, ok: why.length === 0, ...(why.length ? { why: why.join(', ') } : {}) });
        await sleep(250);
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }
}

/** How long a readiness probe waits, as a load balancer's would. */
const PROBE_TIMEOUT_MS = 2_000;

async function ready(port: number): Promise<boolean> {
  return (await readiness(port)) === 'ready';
}

/** 'ready', or why not: the HTTP status, refused, or no answer within PROBE_TIMEOUT_MS. */
async function readiness(port: number): Promise<string> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    await response.arrayBuffer();
    return response.ok ? 'ready' : String(response.status);
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') return 'no answer';
    return (error as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED' ? 'refused' : 'error';
  }
}

async function until(what: string, condition: () => Promise<boolean>, timeoutMs: number, everyMs = 250): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition().catch(() => false)) return true;
    await sleep(everyMs);
  }
  console.log(`  ! ${what}: not within ${seconds(timeoutMs)}`);
  return false;
}

/** The process (of `pids`) whose TCP socket has local port `port`: the one an SMTP session came from. */
async function pidOfClientPort(port: number, pids: number[]): Promise<number | undefined> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const text = await readFile(table, 'utf8').catch(() => '');
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const local = fields[1];
      if (local && parseInt(local.split(':').pop()!, 16) === port) inodes.add(fields[9]!);
    }
  }
  for (const pid of pids) {
    const fds = await readdir(`/proc/${pid}/fd`).catch(() => [] as string[]);
    for (const fd of fds) {
      const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && inodes.has(inode)) return pid;
    }
  }
  return undefined;
}

interface Stack {
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

async function query<T extends Record<string, unknown>>(stack: Stack, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = await stack.db();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function startStack(root: string, logs: WriteStream): Promise<Stack> {
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

/**
 * The organiser publishes a small workshop starting in an hour and half a
 * minute: its one-hour reminder falls due half a minute in, as the faults
 * begin, for everyone holding a place taken before then (a scheduled job, once per
 * registration and due time). With four places for eight people who come and
 * go, the waiting list and its promotions are exercised too.
 */
async function publishImminentEvent(url: string, password: string): Promise<void> {
  const token = await signInToken(url, 'organiser', password);
  const startsAt = new Date(Date.now() + 60.5 * 60_000);
  const { createEvent } = await gqlData<{ createEvent: { id: string; version: number } }>(
    url,
    `mutation($input: CreateEventInput!) { createEvent(input: $input) { id version } }`,
    token,
    {
      input: {
        title: { en: 'Fault drill workshop', ko: '장애 훈련 워크숍' },
        kind: 'WORKSHOP',
        format: 'IN_PERSON',
        venue: 'Liverpool',
        timeZone: 'Europe/London',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
        capacity: 4,
      },
    },
  );
  await gqlData(url, `mutation($input: EventStepInput!) { publishEvent(input: $input) { id } }`, token, { input: { id: createEvent.id, version: createEvent.version } });
}

/** The demo people signed in, and the ids the traffic needs. */
async function findDemoIds(url: string, password: string): Promise<DemoIds> {
  const tokens = new Map<Person, string>();
  const userIds = new Map<Person, string>();
  for (const person of PEOPLE) {
    const { signIn } = await gqlData<{ signIn: { accessToken: string; user: { id: string } } }>(
      url,
      `mutation($input: SignInInput!) { signIn(input: $input) { accessToken user { id } } }`,
      undefined,
      { input: { email: emailOf(person), password } },
    );
    tokens.set(person, signIn.accessToken);
    userIds.set(person, signIn.user.id);
  }
  const { events } = await gqlData<{ events: { nodes: Array<{ id: string }> } }>(url, `query { events(first: 10) { nodes { id } } }`);
  const { myWorkspaces } = await gqlData<{ myWorkspaces: Array<{ id: string }> }>(url, `query { myWorkspaces { id } }`, tokens.get('officer.liverpool'));
  const { sectors } = await gqlData<{ sectors: Array<{ key: string }> }>(url, `query { sectors { key } }`);
  const { funds } = await gqlData<{ funds: { nodes: Array<{ id: string }> } }>(url, `query { funds(first: 1) { nodes { id } } }`, tokens.get('admin'));
  if (!events.nodes.length || !myWorkspaces.length || !sectors.length || !funds.nodes.length) throw new Error('The demo data lacks its events, the twin workspace, the sectors or the fund.');
  return {
    tokens,
    userIds,
    eventIds: events.nodes.map((e) => e.id),
    workspaceId: myWorkspaces[0]!.id,
    fundId: funds.nodes[0]!.id,
    sectors: sectors.slice(0, 4).map((s) => s.key),
  };
}

type Fault = (stack: Stack) => Promise<Partial<PhaseRow>>;

/** Waits for the sink to hold a message, then kills the worker sending it and measures until what it held is SENT. */
function killWorkerAt(mode: HeldMail['mode']): Fault {
  return async (stack) => {
    const held = await new Promise<HeldMail | undefined>((resolveHeld) => {
      const onHeld = (mail: HeldMail) => {
        clearTimeout(timer);
        resolveHeld(mail);
      };
      const timer = setTimeout(() => {
        stack.sink.holdNextMessage(undefined);
        stack.sink.off('held', onHeld);
        resolveHeld(undefined);
      }, 60_000);
      stack.sink.once('held', onHeld);
      stack.sink.holdNextMessage(mode);
    });
    if (!held) return { note: 'no email was sent within a minute: nothing to kill' };
    const pid = await pidOfClientPort(held.clientPort, stack.workers.map((w) => w.pid));
    const worker = stack.workers.find((w) => w.pid === pid);
    if (!worker) {
      held.release();
      return { note: `no worker owns the SMTP session from port ${held.clientPort}` };
    }
    const killedAt = Date.now();
    worker.kill();
    await new Promise((r) => worker.child!.once('exit', r));
    // What the dead worker held: claimed (SENDING) and not finished. The other worker's own sends finish in milliseconds.
    const holding = (await query<{ id: string }>(stack, `SELECT id FROM outbox_message WHERE status = 'SENDING'`)).map((r) => r.id);
    held.release();
    const resumed = await until(
      `messages held by the killed ${worker.name} sent`,
      async () => (await query<{ n: string }>(stack, `SELECT count(*) AS n FROM outbox_message WHERE id = ANY($1::uuid[]) AND status <> 'SENT'`, [holding]))[0]!.n === '0',
      RESUME_WAIT_MS,
    );
    const resumedMs = resumed ? Date.now() - killedAt : null;
    // As a supervisor would: the killed worker comes back (after the measurement, so the other one is what resumed).
    worker.start();
    return { resumedMs, note: `killed ${worker.name} (${mode}, ${holding.length} message(s) held${held.idempotencyKey ? `, key ${held.idempotencyKey}` : ''})` };
  };
}

const killApiMidRequest: Fault = async (stack) => {
  const api = stack.apis[0]!;
  const port = stack.apiPorts[0]!;
  const busy = await until('a request in hand at api 1', async () => stack.proxy.inFlightTo(port) > 0, 30_000, 5);
  const inHand = stack.proxy.inFlightTo(port);
  api.kill();
  await new Promise((r) => api.child!.once('exit', r));
  // An operator (or a supervisor) starts it again.
  await sleep(2_000);
  api.start();
  return { note: busy ? `killed api 1 with ${inHand} request(s) in hand; restarted after 2 s` : 'killed api 1 (no request was in hand)' };
};

const restartRedis: Fault = async (stack) => {
  await stack.redis.stop();
  await sleep(1_000);
  stack.redis = await startRedis({ dataDir: join(stack.root, 'redis'), port: stack.redisPort });
  return { note: 'stopped, started empty on the same port after 1 s' };
};

const restartPostgres: Fault = async (stack) => {
  await stack.pg.stop();
  await sleep(1_000);
  stack.pg = await startPostgres({ dataDir: stack.pg.dataDir, port: stack.pgPort, persistent: true });
  return { note: 'fast shutdown, started again on the same data and port after 1 s' };
};

const smtpDown: Fault = async (stack) => {
  await stack.sink.down();
  await sleep(SMTP_DOWN_MS);
  await stack.sink.up();
  return { note: `refused connections for ${seconds(SMTP_DOWN_MS)}` };
};

const FAULTS: Array<[string, Fault]> = [
  ['worker killed mid-send', killWorkerAt('before-accepting')],
  ['worker killed: accepted, not marked', killWorkerAt('after-accepting')],
  ['API killed mid-request', killApiMidRequest],
  ['Redis restarted empty', restartRedis],
  ['PostgreSQL restarted', restartPostgres],
  ['SMTP down', smtpDown],
];

async function main(): Promise<void> {
  const began = Date.now();
  console.log(`drill — ${availableParallelism()} cores, Node ${process.version}; ${RATE} requests/s; SMTP down ${seconds(SMTP_DOWN_MS)}`);
  const root = await mkdtemp(join(tmpdir(), 'twins-drill-'));
  // PostgreSQL, run as its own user under root, must be able to enter it.
  await chmod(root, 0o755);
  const logFile = join(root, 'drill.log');
  const logs = createWriteStream(logFile);
  let stack: Stack | undefined;
  let watch: HealthWatch | undefined;
  let traffic: Traffic | undefined;
  let failed = true;
  const stopEverything = async () => {
    await traffic?.stop().catch(() => undefined);
    await watch?.stop();
    if (!stack) return;
    await stack.proxy.stop();
    await Promise.all([...stack.apis, ...stack.workers].map((p) => p.stop()));
    await stack.sink.stop();
    await stack.redis.stop().catch(() => undefined);
    await stack.pg.stop().catch(() => undefined);
  };
  process.once('SIGINT', () => void stopEverything().finally(() => process.exit(130)));
  try {
    console.log('Starting PostgreSQL, Redis, the mail sink, two APIs behind the proxy and two workers; loading the demo data…');
    stack = await startStack(root, logs);
    console.log(`Platform variables: EMAIL_LEASE_MS=${stack.config.EMAIL_LEASE_MS}, OUTBOX_POLL_MS=${stack.config.OUTBOX_POLL_MS}, EMAIL_BACKOFF_MS=${stack.config.EMAIL_BACKOFF_MS}, EMAIL_MAX_ATTEMPTS=${stack.config.EMAIL_MAX_ATTEMPTS}`);
    await addDemoActivity(stack.proxy.url, stack.config.DEMO_PASSWORD);
    await publishImminentEvent(stack.proxy.url, stack.config.DEMO_PASSWORD);
    const ids = await findDemoIds(stack.proxy.url, stack.config.DEMO_PASSWORD);
    console.log(`Ready after ${seconds(Date.now() - began)}. Traffic through ${stack.proxy.url}/graphql; process output in ${logFile}.`);
    watch = new HealthWatch(stack.apiPorts);
    traffic = new Traffic(stack.proxy.url, ids, stack.config.DEMO_PASSWORD, RATE);
    traffic.start();
    const rows: PhaseRow[] = [];
    const report = (row: PhaseRow) => {
      rows.push(row);
      console.log(`• ${phaseLine(row)}`);
    };
    const phase = (name: string, counts: PhaseCounts, from: number, extra: Partial<PhaseRow> = {}): PhaseRow => ({
      phase: name,
      sent: counts.sent,
      served: counts.served,
      failed: counts.failed,
      readyAgainMs: readyAgainAfter(watch!.samples, from),
      reasons: counts.reasons,
      ...extra,
      note: [extra.note, reasonsText(counts.reasons, 'failed: '), reasonsText(unreadiness(watch!.samples, from), 'not ready: ')].filter(Boolean).join('; '),
    });
    let from = Date.now();
    await sleep(QUIET_MS);
    report(phase('before the faults', traffic.nextPhase(), from));
    for (const [name, fault] of FAULTS) {
      from = Date.now();
      const outcome = await fault(stack);
      const s = stack;
      await until('every API ready', async () => (await Promise.all(s.apiPorts.map(ready))).every(Boolean), 120_000);
      await sleep(QUIET_MS);
      report(phase(name, traffic.nextPhase(), from, outcome));
    }
    from = Date.now();
    await sleep(QUIET_MS * 2);
    await traffic.stop();
    const afterCounts = traffic.nextPhase();
    console.log('Traffic stopped; letting the platform settle (the outbox drains, account requests and score recomputes are done)…');
    const s = stack;
    const settled = await until(
      'settled',
      async () => {
        const [row] = await query<{ unsent: string; requests: string; recomputes: string }>(
          s,
          `SELECT (SELECT count(*) FROM outbox_message WHERE status <> 'SENT') AS unsent,
                  (SELECT count(*) FROM account_request WHERE processed_at IS NULL AND kind <> 'SIGN_UP') AS requests,
                  (SELECT count(*) FROM pairing_recompute_request) AS recomputes`,
        );
        return row!.unsent === '0' && row!.requests === '0' && row!.recomputes === '0';
      },
      SETTLE_MS,
      500,
    );
    const settleMs = Date.now() - from;
    report(phase('after (settled)', afterCounts, from, { note: settled ? `settled ${seconds(settleMs)} after the faults` : 'did not settle' }));
    await sleep(1_000);
    const checks = await finalChecks(stack, traffic, rows);
    console.log('');
    console.log(formatTable(PHASE_HEADERS, rows.map(phaseCells)));
    console.log('');
    console.log(checkLines(checks));
    console.log(`Took ${seconds(Date.now() - began)}.`);
    console.log(summaryLine(checks));
    failed = checks.some((c) => !c.ok);
  } catch (error) {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    console.error(`Process output: ${logFile}`);
  } finally {
    await stopEverything().catch((error: unknown) => console.error(error));
    logs.end();
    // The processes' log is kept when something failed; the data never is.
    if (stack) await rm(stack.pg.dataDir, { recursive: true, force: true });
    if (!failed) await rm(root, { recursive: true, force: true });
    else {
      await Promise.all(['pg', 'redis'].map((folder) => rm(join(root, folder), { recursive: true, force: true })));
      console.log(`The processes' output is kept: ${logFile}`);
    }
  }
  process.exit(failed ? 1 : 0);
}

function reasonsText(reasons: Map<string, number>, title: string): string {
  return reasons.size ? title + [...reasons].map(([reason, n]) => `${n}× ${reason}`).join(', ') : '';
}

/** Why the probes since `from` failed, counted. */
function unreadiness(samples: HealthSample[], from: number): Map<string, number> {
  const reasons = new Map<string, number>();
  for (const sample of samples) if (sample.at >= from && sample.why) reasons.set(sample.why, (reasons.get(sample.why) ?? 0) + 1);
  return reasons;
}

async function finalChecks(stack: Stack, traffic: Traffic, rows: PhaseRow[]): Promise<Check[]> {
  const checks: Check[] = [];
  // Accepted writes.
  const writes = latestWrites(traffic.accepted);
  const lost: string[] = [];
  for (const write of writes) if ((await query(stack, write.sql, write.params)).length === 0) lost.push(`${write.kind} ${JSON.stringify(write.params)}`);
  const kinds = new Map<string, number>();
  for (const write of writes) kinds.set(write.kind, (kinds.get(write.kind) ?? 0) + 1);
  checks.push(check('every accepted write is in the database', lost.length === 0, `${writes.length - lost.length} of ${writes.length} found (${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')})${lost.length ? `; missing: ${lost.slice(0, 3).join('; ')}` : ''}`));
  const resetsMissing: string[] = [];
  let resets = 0;
  for (const [email, accepted] of traffic.resetsAccepted) {
    resets += accepted;
    const [row] = await query<{ n: string }>(stack, `SELECT count(*) AS n FROM account_request WHERE kind = 'PASSWORD_RESET' AND email = $1`, [email]);
    if (Number(row!.n) < accepted) resetsMissing.push(`${email}: ${row!.n} of ${accepted}`);
  }
  checks.push(check('every accepted password reset request is recorded', resetsMissing.length === 0, `${resets} accepted${resetsMissing.length ? `; short: ${resetsMissing.join(', ')}` : ''}`));
  const [requests] = await query<{ unprocessed: string; emailed: string }>(
    stack,
    `SELECT count(*) FILTER (WHERE processed_at IS NULL) AS unprocessed,
            (SELECT count(*) FROM outbox_message WHERE template = 'identity.password-reset') AS emailed
       FROM account_request WHERE kind = 'PASSWORD_RESET'`,
  );
  checks.push(check('every password reset request processed', requests!.unprocessed === '0', `${requests!.unprocessed} waiting; ${requests!.emailed} reset email(s) in the outbox`));

  // Emails.
  const outbox = await query<{ idempotencyKey: string; status: string; template: string }>(stack, `SELECT idempotency_key AS "idempotencyKey", status, template FROM outbox_message`);
  const deliveries = reckonDeliveries(outbox, stack.sink.received);
  console.log(
    `Emails: ${deliveries.expected} expected (outbox), ${deliveries.delivered} delivered, ${stack.sink.received.length} received in all; duplicates ${deliveries.duplicatesByMessageId} by Message-ID, ${deliveries.duplicatesByKey} by key (${deliveries.droppable} droppable, ${deliveries.undroppable} not).`,
  );
  checks.push(...deliveryChecks(deliveries));

  // Scheduled jobs: one row per key (the unique index), delivered once per key (above).
  const [unique] = await query<{ n: string }>(
    stack,
    `SELECT count(*) AS n FROM pg_indexes WHERE tablename = 'outbox_message' AND indexdef ILIKE 'CREATE UNIQUE INDEX%(idempotency_key)%'`,
  );
  const byTemplate = new Map<string, number>();
  for (const row of outbox) byTemplate.set(row.template, (byTemplate.get(row.template) ?? 0) + 1);
  const scheduled = [...byTemplate].filter(([template]) => /digest|reminder/i.test(template));
  const perKey = new Map<string, number>();
  for (const mail of stack.sink.received) perKey.set(mail.idempotencyKey, (perKey.get(mail.idempotencyKey) ?? 0) + 1);
  const scheduledKeys = outbox.filter((row) => /digest|reminder/i.test(row.template));
  const scheduledTwice = scheduledKeys.filter((row) => (perKey.get(row.idempotencyKey) ?? 0) > 1).length;
  checks.push(
    check(
      'each scheduled job once per due time (one outbox row per key)',
      unique!.n !== '0',
      `${unique!.n === '0' ? 'no' : 'a'} unique index on outbox_message(idempotency_key); ${scheduled.length ? scheduled.map(([t, n]) => `${n} ${t}`).join(', ') : 'no digest or reminder fell due during the drill'}; ${scheduledTwice} of ${scheduledKeys.length} delivered more than once (droppable: same key)`,
    ),
  );
  console.log(`Outbox by template: ${[...byTemplate].map(([t, n]) => `${t} ${n}`).join(', ')}`);

  // Event capacity.
  const events = await query<{ id: string; capacity: number | null; registered: string }>(
    stack,
    `SELECT e.id, e.capacity, count(r.id) FILTER (WHERE r.status = 'REGISTERED') AS registered
       FROM programme_event e LEFT JOIN event_registration r ON r.event_id = e.id GROUP BY e.id, e.capacity`,
  );
  const over = events.filter((e) => e.capacity !== null && Number(e.registered) > e.capacity);
  checks.push(check('event capacity never exceeded', over.length === 0, events.map((e) => `${e.registered}/${e.capacity ?? '∞'}`).join(', ')));

  // Fund ledger.
  const admin = await signInToken(stack.proxy.url, 'admin', stack.config.DEMO_PASSWORD);
  const funds = await gqlData<{ funds: { nodes: Array<{ id: string; reconciliation: Array<{ currency: string; reconciles: boolean }> | null }> } }>(
    stack.proxy.url,
    `query { funds(first: 20) { nodes { id reconciliation { currency reconciles } } } }`,
    admin,
  );
  const ledgers = funds.funds.nodes.flatMap((f) => f.reconciliation ?? []);
  checks.push(check('fund ledgers reconcile', ledgers.length > 0 && ledgers.every((l) => l.reconciles), ledgers.map((l) => `${l.currency} ${l.reconciles ? 'reconciles' : 'DOES NOT reconcile'}`).join(', ')));

  // Pair scores.
  const [recomputes] = await query<{ n: string }>(stack, `SELECT count(*) AS n FROM pairing_recompute_request`);
  checks.push(check('every pair-score recompute the evidence asked for was done', recomputes!.n === '0', `${recomputes!.n} waiting`));

  // Recovery.
  for (const row of rows.filter((r) => r.resumedMs !== undefined)) {
    checks.push(
      check(
        `delivery resumed within ${seconds(RESUME_GOAL_MS)} (${row.phase})`,
        row.resumedMs !== null && row.resumedMs! <= RESUME_GOAL_MS,
        row.resumedMs === null ? `not within ${seconds(RESUME_WAIT_MS)}` : `${seconds(row.resumedMs!)} (EMAIL_LEASE_MS=${stack.config.EMAIL_LEASE_MS})`,
      ),
    );
  }
  const notReady = rows.filter((r) => r.readyAgainMs === Infinity).map((r) => r.phase);
  checks.push(
    check(
      'every API ready again after each fault',
      notReady.length === 0,
      notReady.length ? `not ready after: ${notReady.join(', ')}` : rows.filter((r) => r.readyAgainMs !== null).map((r) => `${r.phase} ${seconds(r.readyAgainMs!)}`).join(', ') || 'none stopped being ready',
    ),
  );
  const selfExits = [...stack.apis, ...stack.workers].filter((p) => p.unexpectedExits > 0);
  checks.push(check('no process exited by itself (each survived the restarts)', selfExits.length === 0, selfExits.length ? selfExits.map((p) => `${p.name} ×${p.unexpectedExits}`).join(', ') : 'none did'));
  const unexplained = unexplainedFailures(rows);
  checks.push(check('every failure during a fault said why (503 or SERVICE_UNAVAILABLE, never 500 or INTERNAL_SERVER_ERROR)', unexplained.length === 0, unexplained.length ? unexplained.join(', ') : 'none was a 500'));
  const after = rows[rows.length - 1]!;
  checks.push(check('every request served once recovered (after the faults)', after.failed === 0 && after.sent > 0, `${after.served} of ${after.sent} served`));
  return checks;
}

async function gqlData<T>(url: string, q: string, token?: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: q, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (!body.data || body.errors?.length) throw new Error(body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`);
  return body.data;
}

async function signInToken(url: string, person: Person, password: string): Promise<string> {
  const data = await gqlData<{ signIn: { accessToken: string } }>(url, `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`, undefined, {
    input: { email: emailOf(person), password },
  });
  return data.signIn.accessToken;
}

void main();
