import 'reflect-metadata';
import { createWriteStream } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { addDemoActivity } from './demo-activity';
import { checkLines, countsText, formatTable, PHASE_HEADERS, phaseCells, phaseLine, readyAgainAfter, reasonsText, seconds, summaryLine, unreadiness, type PhaseRow } from './drill/checks';
import { findDemoIds, publishImminentEvent } from './drill/demo';
import { arrangeScheduledWork, digestMinute } from './drill/schedule';
import { FAULTS } from './drill/faults';
import { finalChecks } from './drill/final-checks';
import { HealthWatch, ready, until } from './drill/health';
import { QUIET_MS, RATE, SETTLE_MS, SMTP_DOWN_MS } from './drill/settings';
import { query, startStack, stopStack, type Stack } from './drill/stack';
import { Traffic, type PhaseCounts } from './drill/traffic';

/**
 * `npm run drill`: the platform under faults, checked from outside.
 *
 * One PostgreSQL (embedded, kept on disk so it can restart), one
 * redis-server (no persistence), the drill's own SMTP sink
 * (scripts/drill/mail-sink.ts), two built API processes behind a plain
 * round-robin proxy (scripts/drill/proxy.ts) and two workers, on the demo
 * data. Every scheduled job is made to fall due during the faults
 * (scripts/drill/schedule.ts). Steady traffic goes through the proxy as the
 * demo people (scripts/drill/traffic.ts, with seed-fund applications and
 * their reviews in scripts/drill/fund-traffic.ts) while, in turn: a worker is killed (SIGKILL)
 * with a message in flight; a worker is killed after the mail server
 * accepted a message and before it was marked sent; an API process is killed
 * with a request in hand (then restarted, as an operator would); Redis
 * restarts empty; PostgreSQL restarts; the mail server is down for a while.
 * Then it lets the platform settle and checks: every accepted write is in the
 * database, every outbox row was SENT and delivered, duplicates only of the
 * kind a receiver drops, each scheduled job once per due time (and the
 * workshop's hour reminders to those holding places), event capacity, the fund ledger, and how long
 * readiness and delivery took to come back. Exits non-zero on any failed
 * check; the last line is `N passed, M failed`.
 *
 * Settings (environment):
 * - DRILL_SMTP_DOWN_MS: how long the mail server stays down (default 60000);
 * - DRILL_RATE: requests per second (default 8);
 * - DRILL_SETTLE_MS: the longest wait for the outbox to drain at the end (default 180000);
 * - any of the platform's own variables (OUTBOX_POLL_MS, EMAIL_LEASE_MS, …)
 *   overrides the drill's choice (scripts/drill/settings.ts), which shortens only the timers that
 *   look for due work and sets this run's digest time (DIGEST_HOUR, DIGEST_MINUTE); the lease (EMAIL_LEASE_MS) and the email backoff stay
 *   the platform's defaults unless set here.
 */
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
    await stopStack(stack);
  };
  process.once('SIGINT', () => void stopEverything().finally(() => process.exit(130)));
  try {
    console.log('Starting PostgreSQL, Redis, the mail sink, two APIs behind the proxy and two workers; loading the demo data…');
    const digest = digestMinute(new Date(began));
    stack = await startStack(root, logs, { DIGEST_HOUR: String(digest.hour), DIGEST_MINUTE: String(digest.minute) });
    console.log(`Platform variables: EMAIL_LEASE_MS=${stack.config.EMAIL_LEASE_MS}, OUTBOX_POLL_MS=${stack.config.OUTBOX_POLL_MS}, EMAIL_BACKOFF_MS=${stack.config.EMAIL_BACKOFF_MS}, EMAIL_MAX_ATTEMPTS=${stack.config.EMAIL_MAX_ATTEMPTS}`);
    await addDemoActivity(stack.proxy.url, stack.config.DEMO_PASSWORD);
    const ids = await findDemoIds(stack.proxy.url, stack.config.DEMO_PASSWORD);
    const arranged = await arrangeScheduledWork(stack.proxy.url, ids, digest, { hour: stack.config.DIGEST_HOUR, minute: stack.config.DIGEST_MINUTE }, Math.max(stack.config.FUNDING_REMINDER_CHECK_MS, stack.config.EVENT_REMINDER_CHECK_MS));
    // Last, so that the traffic, which starts next, has its 45 s to take the workshop's places before its reminder's moment.
    const workshopId = await publishImminentEvent(stack.proxy.url, ids);
    console.log(
      `Scheduled work arranged to fall due during the faults: ${arranged.due.length} runs owed (${countsText(arranged.due.map((run) => run.job))}), the last at ${arranged.lastDueAt.toISOString()}${arranged.problem ? `; ${arranged.problem}` : ''}.`,
    );
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
        const [row] = await query<{ unsent: string; requests: string; recomputes: string; owed: string }>(
          s,
          `SELECT (SELECT count(*) FROM outbox_message WHERE status <> 'SENT') AS unsent,
                  (SELECT count(*) FROM account_request WHERE processed_at IS NULL AND kind <> 'SIGN_UP') AS requests,
                  (SELECT count(*) FROM pairing_recompute_request) AS recomputes,
                  (SELECT count(*) FROM outbox_message WHERE idempotency_key = ANY($1)) AS owed`,
          [arranged.due.map((run) => run.key)],
        );
        // Also every arranged run written: the digest falls due a minute after its boundary, maybe after the faults.
        return row!.unsent === '0' && row!.requests === '0' && row!.recomputes === '0' && Number(row!.owed) >= arranged.due.length;
      },
      SETTLE_MS,
      500,
    );
    const settleMs = Date.now() - from;
    report(phase('after (settled)', afterCounts, from, { note: settled ? `settled ${seconds(settleMs)} after the faults` : 'did not settle' }));
    await sleep(1_000);
    const checks = await finalChecks(stack, traffic, rows, arranged, workshopId);
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

void main();
