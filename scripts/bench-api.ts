import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { addDemoActivity } from './demo-activity';
import { IoRecorder, ioDifference, jsonDifference, normalise, sameEntries, withoutNumbers } from './bench-api/io-check';
import { demoEmail, Found, Operation, OPERATIONS, type DemoPerson } from './bench-api/operations';
import { percentile, showSummary, summarise } from './bench-api/stats';
import { findFreePort } from '@app/dev-services';
import { stopChild } from './platform-processes';
import { startWebStack, type TestPlatform } from './web-stack';

/**
 * `npm run bench:api [rounds] [operations]`: what the platform's framework costs per request.
 *
 * It starts the platform on throw-away services (scripts/test-stack.ts: the
 * demo data, the built API as in production, NODE_ENV=production) and a bare
 * baseline beside it (scripts/bench-api/bare-server.ts: @apollo/server on
 * node:http and a pg Pool on the same database as the same role, the same
 * schema, hand-written resolvers) that does the same I/O per request. Then:
 *
 *  1. For each operation (scripts/bench-api/operations.ts) it sends the same
 *     request to both, with the same headers, and stops unless the answers are
 *     the same JSON, and unless both ran the same SQL statements (with the same
 *     values) and Redis commands, in the same order but where reads run side by
 *     side (scripts/bench-api/io-recorder.ts, checkAlike).
 *  2. Warm-up: each operation on each server for WARM_UP_SECONDS.
 *  3. `rounds` rounds (default 6): each operation on each server for
 *     ROUND_SECONDS with autocannon, 10 connections, the two servers one after
 *     the other (which goes first alternates by round). Each run starts with
 *     the request limit's Redis window empty for both (the limiter's script
 *     reads the whole window each request: without this the later runs would
 *     pay for the earlier ones). Every answer must be a 2xx without `errors`.
 *  4. Per operation: p50, p99, requests per second and CPU milliseconds per
 *     request of each server (the process's user + system time from /proc over
 *     the run, divided by the answers), median and spread over the rounds, and
 *     the ratios of each round: platform/baseline of p50 and of CPU per
 *     request, baseline/platform of throughput; within 1.5× or not.
 *
 * The worker is paused (SIGSTOP) while measuring: the emails the mutation
 * writes to the outbox would otherwise be sent during later runs, on the same
 * cores.
 */
const ROOT = resolve(__dirname, '..', '..');
const ROUNDS = Number(process.argv[2] ?? 6);
/** `npm run bench:api -- 3 Cities,PairRanking`: only these operations (by name), to follow one change. */
const ONLY = process.argv[3]?.split(',');
const MEASURED = ONLY ? OPERATIONS.filter((o) => ONLY.includes(o.name)) : OPERATIONS;
const ROUND_SECONDS = 4;
const WARM_UP_SECONDS = 2;
const CONNECTIONS = 10;
/** Between two runs: longer than any request takes here. */
const DRAIN_MS = 500;
const GOAL = 1.5;
/** They hold places at both events throughout (the organiser's list shows them); the mutation's people are others (mutationSenders). */
const STANDING: DemoPerson[] = ['officer.liverpool', 'officer.busan', 'participant', 'board.uk'];
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

interface Server {
  name: 'platform' | 'baseline';
  url: string;
  pid: number;
  redisPrefix: string;
  recorder: IoRecorder;
}

interface Run {
  p50: number;
  p99: number;
  rps: number;
  cpuMs: number;
}

function profileOption(): string {
  return process.env.BENCH_CPU_PROFILE ? ` --require ${join(ROOT, 'dist', 'scripts', 'bench-api', 'cpu-profile.js')}` : '';
}

function profileFolder(): Record<string, string> {
  const folder = process.env.BENCH_CPU_PROFILE;
  if (!folder) return {};
  mkdirSync(resolve(folder), { recursive: true });
  return { BENCH_CPU_PROFILE_DIR: resolve(folder) };
}

async function main(): Promise<void> {
  if (!Number.isInteger(ROUNDS) || ROUNDS < 1) throw new Error(`Rounds must be a whole number from 1 (got ${process.argv[2]}).`);
  if (MEASURED.length === 0) throw new Error(`No operation is named ${process.argv[3]}: ${OPERATIONS.map((o) => o.name).join(', ')}.`);
  const began = Date.now();
  console.log(`bench:api — ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, ${ROUNDS} rounds of ${ROUND_SECONDS} s per operation and server, ${CONNECTIONS} connections`);
  console.log(`Load average before: ${loadText()} (the servers, PostgreSQL, Redis and autocannon share these cores; other work on them shows in the spread).`);
  const work = mkdtempSync(join(tmpdir(), 'bench-api-'));
  const recorder = join(ROOT, 'dist', 'scripts', 'bench-api', 'io-recorder.js');
  const platformIo = new IoRecorder(join(work, 'platform'));
  const baselineIo = new IoRecorder(join(work, 'baseline'));
  const jwtSecret = randomBytes(32).toString('hex');
  console.log('Starting the platform (throw-away PostgreSQL, Redis, mail sink, the built API and worker)…');
  const stack = await startWebStack({
    // As in production; its secret is ours too, so the baseline checks the same tokens.
    TEST_PLATFORM_ENV: JSON.stringify({ NODE_ENV: 'production', JWT_SECRET: jwtSecret, ACCESS_TOKEN_TTL_SECONDS: '3600' }),
    // BENCH_CPU_PROFILE=<folder>: the API writes a V8 CPU profile there when it stops (bench-api/cpu-profile.ts).
    TEST_API_ENV: JSON.stringify({ NODE_OPTIONS: `--require ${recorder}${profileOption()}`, BENCH_IO_LOG: platformIo.file, ...profileFolder() }),
  });
  let baseline: ChildProcess | null = null;
  let workerPaused = false;
  try {
    if (stack.nodeEnv !== 'production') console.log(`NOTE: the platform's API runs with NODE_ENV=${stack.nodeEnv}, not production.`);
    else console.log("The platform's API runs as in production (NODE_ENV=production, no source maps, as the Dockerfile runs it), at LOG_LEVEL=warn (no line per request).");
    console.log('Both count every request against the test stack\'s unthrottled limits: two Redis calls each. The worker is paused (SIGSTOP) while measuring.');
    const platform: Server = { name: 'platform', url: `${stack.url}/graphql`, pid: stack.apiPid, redisPrefix: stack.queuePrefix, recorder: platformIo };
    // As `npm start` does: Liverpool and Busan twin, start a project and apply to the call, which reaches the board.
    await addDemoActivity(stack.url, stack.demoPassword);
    const tokens = await signIn(stack);
    const found = await findDemoIds(platform.url, tokens);
    await standingRegistrations(platform.url, tokens, found);
    const started = await startBaseline(stack, jwtSecret, baselineIo.file);
    baseline = started.child;
    const bare: Server = { name: 'baseline', url: started.url, pid: started.child.pid!, redisPrefix: `${stack.queuePrefix}-bare`, recorder: baselineIo };
    console.log(`The baseline listens at ${started.url} (pid ${bare.pid}); it loaded ${started.forbidden.length ? started.forbidden.join(', ') : 'no Nest, TypeORM or class-validator module'}.`);
    if (started.forbidden.length) throw new Error(`The baseline loaded ${started.forbidden.join(', ')}: it must not.`);

    const redis = new Redis(stack.redisUrl, { lazyConnect: true });
    await redis.connect();
    try {
      for (const operation of MEASURED) await checkAlike(operation, platform, bare, tokens, found);
      console.log('Every operation answers alike on both servers, with the same SQL and Redis calls.');
      process.kill(stack.workerPid, 'SIGSTOP');
      workerPaused = true;
      console.log(`Warm-up (${WARM_UP_SECONDS} s per operation and server)…`);
      for (const operation of MEASURED) for (const server of [platform, bare]) await measure(operation, server, tokens, found, redis, WARM_UP_SECONDS);
      const runs = new Map<string, { platform: Run[]; baseline: Run[] }>(MEASURED.map((o) => [o.name, { platform: [], baseline: [] }]));
      for (let round = 1; round <= ROUNDS; round += 1) {
        process.stdout.write(`Round ${round} of ${ROUNDS}…\n`);
        for (const operation of MEASURED) {
          const order = round % 2 ? [platform, bare] : [bare, platform];
          for (const server of order) runs.get(operation.name)![server.name].push(await measure(operation, server, tokens, found, redis, ROUND_SECONDS));
        }
      }
      report(runs);
      console.log(`\nLoad average after: ${loadText()}; ${((Date.now() - began) / 60_000).toFixed(1)} minutes in all.`);
    } finally {
      await redis.quit();
    }
  } finally {
    if (workerPaused) process.kill(stack.workerPid, 'SIGCONT');
    if (baseline) await stopChild(baseline);
    await stack.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

type Tokens = Map<DemoPerson, string>;

const loadText = () => loadavg().map((l) => l.toFixed(2)).join(', ');

async function post(url: string, operation: { query: string; variables?: Record<string, unknown> }, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(operation) });
  return { status: response.status, text: await response.text() };
}

async function data<T>(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const { status, text } = await post(url, { query, variables }, token ? { authorization: `Bearer ${token}` } : {});
  const body = JSON.parse(text) as { data?: T; errors?: unknown };
  if (status !== 200 || body.errors || !body.data) throw new Error(`The platform answered ${status}: ${text.slice(0, 500)}`);
  return body.data;
}

/** Every demo person, signed in through the platform (the baseline reads the same sessions). */
async function signIn(stack: TestPlatform): Promise<Tokens> {
  const people: DemoPerson[] = ['admin', 'board.uk', 'board.uk2', 'board.kr', 'board.kr2', 'officer.liverpool', 'officer.busan', 'participant', 'organiser'];
  const tokens: Tokens = new Map();
  for (const person of people) {
    const { signIn: session } = await data<{ signIn: { accessToken: string } }>(
      `${stack.url}/graphql`,
      'mutation SignIn($input: SignInInput!) { signIn(input: $input) { accessToken } }',
      { input: { email: demoEmail(person), password: stack.demoPassword } },
    );
    tokens.set(person, session.accessToken);
  }
  return tokens;
}

async function findDemoIds(url: string, tokens: Tokens): Promise<Found> {
  const { events } = await data<{ events: { nodes: Array<{ id: string }> } }>(url, 'query BenchEvents { events(first: 2) { nodes { id } } }', {});
  const { myWorkspaces } = await data<{ myWorkspaces: Array<{ id: string }> }>(url, 'query BenchWorkspaces { myWorkspaces { id } }', {}, tokens.get('officer.liverpool'));
  if (events.nodes.length < 2 || !myWorkspaces.length) throw new Error('The demo data lacks its two events or Liverpool and Busan\'s workspace.');
  return { eventIds: [events.nodes[0].id, events.nodes[1].id], workspaceId: myWorkspaces[0].id };
}

/**
 * Places that stay taken, so that the organiser's list of registrations has
 * some (the demo starts with none); and each of the mutation's senders
 * registers and gives the place up once, so that every measured request, on
 * either server, updates an existing registration.
 */
async function standingRegistrations(url: string, tokens: Tokens, found: Found): Promise<void> {
  for (const person of STANDING) {
    for (const eventId of found.eventIds) {
      await data(url, 'mutation BenchRegister($eventId: ID!) { registerForEvent(input: { eventId: $eventId }) { id } }', { eventId }, tokens.get(person));
    }
  }
  const mutation = OPERATIONS.find((o) => o.name === 'RegisterForEvent')!;
  for (const [person, event] of mutationSenders()) await data(url, mutation.query, { eventId: found.eventIds[event] }, tokens.get(person));
}

async function startBaseline(stack: TestPlatform, jwtSecret: string, ioLog: string): Promise<{ child: ChildProcess; url: string; forbidden: string[] }> {
  const port = await findFreePort();
  const settings = {
    port,
    databaseUrl: stack.databaseUrl,
    redisUrl: stack.redisUrl,
    redisPrefix: `${stack.queuePrefix}-bare`,
    jwtSecret,
    publicUrl: stack.url,
    schemaFile: join(ROOT, 'schema.gql'),
    // The platform's pool in production (libs/core/src/database/database.options.ts).
    poolSize: stack.nodeEnv === 'production' ? 20 : 10,
    // The test stack's (UNTHROTTLED) limits, over the platform's default window.
    rate: { windowSeconds: 60, maxRequests: 1_000_000, maxCost: 1_000_000_000 },
  };
  const recorder = join(ROOT, 'dist', 'scripts', 'bench-api', 'io-recorder.js');
  const child = spawn(process.execPath, ['--require', recorder, join(ROOT, 'dist', 'scripts', 'bench-api', 'bare-server.js'), JSON.stringify(settings)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', BENCH_IO_LOG: ioLog },
  });
  const line = await new Promise<string>((done, fail) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const found = buffer.split('\n').find((l) => l.startsWith('{'));
      if (found) done(found);
    });
    child.once('exit', (code) => fail(new Error(`The baseline server exited (${code}) before it listened.`)));
  });
  const { forbidden } = JSON.parse(line) as { forbidden: string[] };
  return { child, url: `http://127.0.0.1:${port}/graphql`, forbidden };
}

/** The request `operation` sends as `person` (the mutation: as one of its senders). */
function requestOf(operation: Operation, tokens: Tokens, found: Found, sender = 0): { body: string; headers: Record<string, string> } {
  const [person, eventIndex] = operation.name === 'RegisterForEvent' ? mutationSenders()[sender] : [operation.as, 0];
  const variables = operation.name === 'RegisterForEvent' ? { eventId: found.eventIds[eventIndex] } : operation.variables(found);
  return {
    body: JSON.stringify({ query: operation.query, variables, operationName: operation.name }),
    headers: {
      'content-type': 'application/json',
      'accept-language': operation.language,
      ...(person ? { authorization: `Bearer ${tokens.get(person)}` } : {}),
    },
  };
}

/**
 * The mutation registers for an event and gives the place up again, in one
 * request, so that every request does the same work on both servers (the
 * second and later ones update the person's cancelled registration; the
 * check below runs once before recording, so both servers' recorded request
 * takes that path). A person can hold one registration per event, and a
 * connection's requests follow one another: each of the 10 connections sends
 * as its own (person, event), 5 people × the demo's 2 events, none of them
 * among the STANDING registrations.
 */
function mutationSenders(): Array<[DemoPerson, 0 | 1]> {
  const people: DemoPerson[] = ['admin', 'board.uk2', 'board.kr', 'board.kr2', 'organiser'];
  return people.flatMap((person) => [[person, 0] as [DemoPerson, 0 | 1], [person, 1] as [DemoPerson, 0 | 1]]);
}

/**
 * The same request to both servers: the same JSON, and the same statements and
 * Redis calls in the same order. Where a request runs reads side by side (two
 * lists' pages at once), which finishes first varies from run to run on either
 * server: up to ATTEMPTS recordings are made to see one order on both; after
 * that the same entries in another order pass, and the output says so.
 */
const ATTEMPTS = 5;

async function checkAlike(operation: Operation, platform: Server, baseline: Server, tokens: Tokens, found: Found): Promise<void> {
  const { body, headers } = requestOf(operation, tokens, found);
  const send = async (server: Server) => {
    const response = await fetch(server.url, { method: 'POST', headers, body });
    return { status: response.status, text: (await response.text()).trimEnd() };
  };
  // Once before recording: caches warm, and the mutation's registration exists on both sides' recorded run.
  await send(platform);
  await send(baseline);
  let ordered = false;
  let counters = false;
  let io: string[][] = [];
  let answers: Array<{ status: number; text: string }> = [];
  for (let attempt = 1; attempt <= ATTEMPTS && !ordered; attempt += 1) {
    answers = [];
    io = [];
    for (const server of [platform, baseline]) {
      let answer = { status: 0, text: '' };
      const entries = await server.recorder.record(async () => (answer = await send(server)));
      answers.push(answer);
      io.push(entries.map((entry) => normalise(entry, server.redisPrefix)));
    }
    for (const [answer, server] of [[answers[0], 'platform'], [answers[1], 'baseline']] as const) {
      if (answer.status !== 200 || /"errors":/.test(answer.text)) throw new Error(`${operation.name}: the ${server} answered ${answer.status}: ${answer.text.slice(0, 1000)}`);
    }
    const difference = jsonDifference(answers[0].text, answers[1].text);
    if (difference) throw new Error(`${operation.name}: the two servers answer differently at ${difference}`);
    if (ioDifference(io[0], io[1]) && !ioDifference(withoutNumbers(io[0]), withoutNumbers(io[1]))) {
      counters = true;
      io = io.map(withoutNumbers);
    }
    const ioDiff = ioDifference(io[0], io[1]);
    if (!ioDiff) ordered = true;
    else if (!sameEntries(io[0], io[1])) throw new Error(`${operation.name}: the two servers do different I/O. ${ioDiff}`);
  }
  const sql = io[0].filter((l) => l.startsWith('SQL')).length;
  const redis = io[0].filter((l) => l.startsWith('REDIS')).length;
  const order = ordered ? 'in the same order' : `in another order (side-by-side reads finished differently in ${ATTEMPTS} tries)`;
  const values = counters ? '; their values alike but for a number each request advances' : '';
  console.log(`  ${operation.name.padEnd(18)} same answer (${answers[0].text.length} bytes); the same ${sql} SQL statements and ${redis} Redis calls, ${order}${values}`);
}

/** The process's CPU time so far, in ms: user + system, all its threads (/proc/<pid>/stat). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** Empties both servers' request-limit windows in Redis. */
async function clearRateWindows(redis: Redis, prefixes: string[]): Promise<void> {
  for (const prefix of prefixes) {
    const keys = await redis.keys(`${prefix}:graphql-rate:*`);
    if (keys.length) await redis.del(...keys);
  }
}

async function measure(operation: Operation, server: Server, tokens: Tokens, found: Found, redis: Redis, seconds: number): Promise<Run> {
  // autocannon stops at its duration with requests in flight, which the server still finishes: they go first,
  // or a mutation sender's next request would meet its own previous one (registered, not yet given up).
  await sleep(DRAIN_MS);
  await clearRateWindows(redis, [server.redisPrefix]);
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure = '';
  let answered = 0;
  // The mutation: one client per (person, event), each with one connection; the rest: one client, CONNECTIONS connections.
  const senders = operation.name === 'RegisterForEvent' ? mutationSenders().map((_, i) => i) : [0];
  const connections = operation.name === 'RegisterForEvent' ? 1 : CONNECTIONS;
  const before = cpuMs(server.pid);
  const started = process.hrtime.bigint();
  await Promise.all(
    senders.map((sender) => {
      const { body, headers } = requestOf(operation, tokens, found, sender);
      // An EventEmitter that is also the promise of its result.
      const instance = autocannon({
        url: server.url,
        connections,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            headers,
            body,
            onResponse: (status: number, text: string) => {
              if (status < 200 || status > 299 || text.includes('"errors":')) {
                failures += 1;
                firstFailure ||= `HTTP ${status}: ${text.slice(0, 400)}`;
              }
            },
          },
        ],
      }) as unknown as EventEmitter & Promise<autocannon.Result>;
      instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
        latencies.push(responseTime);
        answered += 1;
      });
      return instance.then((result) => {
        // non2xx answers were counted (and kept) by onResponse; these are the requests that got no answer.
        failures += result.errors + result.timeouts;
        if (result.errors + result.timeouts) firstFailure ||= `${result.errors} connection errors, ${result.timeouts} timeouts`;
      });
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = cpuMs(server.pid) - before;
  if (failures > 0) throw new Error(`${operation.name} on the ${server.name}: ${failures} of ${answered} answers failed (not 2xx, with errors, or none); the first: ${firstFailure}`);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), rps: answered / elapsed, cpuMs: cpu / answered };
}

function report(runs: Map<string, { platform: Run[]; baseline: Run[] }>): void {
  console.log(`\nPer operation: median over ${ROUNDS} rounds (lowest–highest). Ratios per round: p50 and CPU per request platform/baseline, throughput baseline/platform.`);
  const cell = (text: string) => text.padEnd(26);
  for (const operation of MEASURED) {
    const { platform, baseline } = runs.get(operation.name)!;
    console.log(`\n${operation.label}${operation.as && operation.name !== 'RegisterForEvent' ? ` (as ${operation.as})` : ''}`);
    console.log(`  ${''.padEnd(10)}${cell('p50 ms')}${cell('p99 ms')}${cell('req/s')}CPU ms/req`);
    for (const [name, list] of [['platform', platform], ['baseline', baseline]] as const) {
      const cells = [showSummary(summarise(list.map((r) => r.p50)), 1), showSummary(summarise(list.map((r) => r.p99)), 1), showSummary(summarise(list.map((r) => r.rps)), 0), showSummary(summarise(list.map((r) => r.cpuMs)), 2)];
      console.log(`  ${name.padEnd(10)}${cell(cells[0])}${cell(cells[1])}${cell(cells[2])}${cells[3]}`);
    }
    const latency = summarise(platform.map((p, i) => p.p50 / baseline[i].p50));
    const throughput = summarise(platform.map((p, i) => baseline[i].rps / p.rps));
    const cpu = summarise(platform.map((p, i) => p.cpuMs / baseline[i].cpuMs));
    const within = latency.median <= GOAL && throughput.median <= GOAL;
    console.log(`  ratio     p50 ${showSummary(latency, 2)}×, throughput ${showSummary(throughput, 2)}×, CPU per request ${showSummary(cpu, 2)}×: ${within ? `within ${GOAL}×` : `OVER ${GOAL}×`}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
