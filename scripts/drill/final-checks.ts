import { check, countsText, deliveryChecks, hourReminderCheck, reckonDeliveries, scheduledChecks, seconds, unexplainedFailures, type Check, type PhaseRow, type RegistrationRow } from './checks';
import { SCHEDULED_JOBS, type Arranged } from './schedule';
import { gqlData, signInToken } from './demo';
import { RESUME_GOAL_MS, RESUME_WAIT_MS } from './settings';
import { query, type Stack } from './stack';
import { latestWrites, type Traffic } from './traffic';

/** The checks once the platform has settled: the database, the outbox against the mail sink, the ledgers, and the recovery each phase measured. */

export async function finalChecks(stack: Stack, traffic: Traffic, rows: PhaseRow[], arranged: Arranged, workshopId: string): Promise<Check[]> {
  const checks: Check[] = [];
  // Accepted writes.
  const writes = latestWrites(traffic.accepted);
  const lost: string[] = [];
  for (const write of writes) if ((await query(stack, write.sql, write.params)).length === 0) lost.push(`${write.kind} ${JSON.stringify(write.params)}`);
  checks.push(check('every accepted write is in the database', lost.length === 0, `${writes.length - lost.length} of ${writes.length} found (${countsText(writes.map((w) => w.kind))})${lost.length ? `; missing: ${lost.slice(0, 3).join('; ')}` : ''}`));
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

  // Scheduled jobs: each run arranged to fall due wrote its one row and was delivered; none ran that nothing made due.
  if (arranged.problem) checks.push(check('the scheduled work was arranged in time', false, arranged.problem));
  // The workshop's hour reminders are owed to whoever held a place at its moment, which the traffic decides.
  const workshopHour = (key: string) => key.startsWith(`event-reminder:${workshopId}:`) && key.includes(':HOUR:');
  checks.push(...scheduledChecks(SCHEDULED_JOBS, arranged.due, outbox, stack.sink.received, workshopHour));
  // Delivered: with every other outbox row, above. Written to those who held a place then, and to all of them:
  const [workshop] = await query<{ startsAt: Date }>(stack, `SELECT starts_at AS "startsAt" FROM programme_event WHERE id = $1`, [workshopId]);
  const registrations = await query<RegistrationRow & Record<string, unknown>>(
    stack,
    `SELECT user_id AS "userId", status, coalesce(promoted_at, registered_at) AS since, cancelled_at AS "cancelledAt" FROM event_registration WHERE event_id = $1`,
    [workshopId],
  );
  const reminded = new Set(outbox.filter((row) => workshopHour(row.idempotencyKey)).map((row) => row.idempotencyKey.split(':').at(-1)!));
  checks.push(hourReminderCheck(registrations, new Date(workshop!.startsAt.getTime() - 3_600_000), reminded));
  console.log(`Outbox by template: ${countsText(outbox.map((row) => row.template))}`);

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
