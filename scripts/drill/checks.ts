/**
 * The drill's reckoning, apart from the processes it drives so that it can be
 * tested alone: what the mail sink received against what the outbox holds,
 * the table of phases, and the list of checks that decides the exit code.
 */

/** A message as the sink stored it. */
export interface Delivery {
  messageId: string;
  idempotencyKey: string;
}

/** An outbox row: what the platform meant to send. */
export interface OutboxRow {
  idempotencyKey: string;
  status: string;
}

export interface DeliveryReport {
  /** Rows in the outbox. */
  expected: number;
  /** Rows whose key the sink received at least once. */
  delivered: number;
  /** Rows not SENT at the end. */
  notSent: string[];
  /** Keys in the outbox the sink never received. */
  missing: string[];
  /** Copies after the first of one Message-ID. */
  duplicatesByMessageId: number;
  /** Copies after the first of one idempotency key. */
  duplicatesByKey: number;
  /** Copies that repeat both the Message-ID and the key of an earlier one: a receiver drops them. */
  droppable: number;
  /** Copies a receiver cannot tell from a new message: a key again under another Message-ID, or a Message-ID again with another key. */
  undroppable: number;
  /** Received with a key the outbox does not have (or none). */
  unexpected: number;
}

export function reckonDeliveries(outbox: OutboxRow[], received: Delivery[]): DeliveryReport {
  const keys = new Set(outbox.map((row) => row.idempotencyKey));
  const idOfKey = new Map<string, string>();
  const keyOfId = new Map<string, string>();
  let duplicatesByMessageId = 0;
  let duplicatesByKey = 0;
  let droppable = 0;
  let undroppable = 0;
  let unexpected = 0;
  for (const mail of received) {
    if (!mail.idempotencyKey || !keys.has(mail.idempotencyKey)) unexpected++;
    const earlierId = idOfKey.get(mail.idempotencyKey);
    const earlierKey = keyOfId.get(mail.messageId);
    if (earlierKey !== undefined) duplicatesByMessageId++;
    if (earlierId !== undefined) duplicatesByKey++;
    if (earlierId === undefined && earlierKey === undefined) {
      idOfKey.set(mail.idempotencyKey, mail.messageId);
      keyOfId.set(mail.messageId, mail.idempotencyKey);
    } else if (earlierId === mail.messageId && earlierKey === mail.idempotencyKey) droppable++;
    else undroppable++;
  }
  return {
    expected: outbox.length,
    delivered: outbox.filter((row) => idOfKey.has(row.idempotencyKey)).length,
    notSent: outbox.filter((row) => row.status !== 'SENT').map((row) => row.idempotencyKey),
    missing: outbox.filter((row) => !idOfKey.has(row.idempotencyKey)).map((row) => row.idempotencyKey),
    duplicatesByMessageId,
    duplicatesByKey,
    droppable,
    undroppable,
    unexpected,
  };
}

/** One line of the table: a fault (or the settling after them) and what it cost. */
export interface PhaseRow {
  phase: string;
  sent: number;
  served: number;
  failed: number;
  /** Until every API's /health/ready answered 200 again; null when none stopped answering it. */
  readyAgainMs: number | null;
  /** After a worker kill: until every message the killed worker held was SENT; undefined where no worker was killed. */
  resumedMs?: number | null;
  /** Why requests failed, and how often (`HTTP 503`, `SERVICE_UNAVAILABLE`, `HTTP 502 ECONNRESET`). */
  reasons?: Map<string, number>;
  note?: string;
}

/**
 * Failures a fault may cause that still say what happened: the proxy's 502
 * for a request in hand when its API died, 503 or SERVICE_UNAVAILABLE while
 * PostgreSQL or Redis is away, a timeout. HTTP 500 and INTERNAL_SERVER_ERROR
 * say the platform did not know what went wrong: never expected.
 */
export function unexplainedFailures(rows: PhaseRow[]): string[] {
  const found: string[] = [];
  for (const row of rows) {
    for (const [reason, n] of row.reasons ?? []) if (/^HTTP 500\b/.test(reason) || reason === 'INTERNAL_SERVER_ERROR') found.push(`${n}× ${reason} (${row.phase})`);
  }
  return found;
}

/** One look at every API's /health/ready: ok when all answered 200. */
export interface HealthSample {
  at: number;
  ok: boolean;
  /** Which API was not ready, and how: `api 1 503`, `api 2 no answer`. */
  why?: string;
}

/**
 * How long after `from` every API was ready again: to the first sample, after
 * the last one since `from` in which some API was not ready, in which all
 * were. Null when every sample since `from` was ready; Infinity when they
 * never all were again.
 */
export function readyAgainAfter(samples: HealthSample[], from: number): number | null {
  const since = samples.filter((s) => s.at >= from);
  const lastBad = since.findLastIndex((s) => !s.ok);
  if (lastBad < 0) return null;
  const good = since.slice(lastBad + 1).find((s) => s.ok);
  return good ? good.at - from : Infinity;
}

/** Why the probes since `from` failed, counted. */
export function unreadiness(samples: HealthSample[], from: number): Map<string, number> {
  const reasons = new Map<string, number>();
  for (const sample of samples) if (sample.at >= from && sample.why) reasons.set(sample.why, (reasons.get(sample.why) ?? 0) + 1);
  return reasons;
}

export function reasonsText(reasons: Map<string, number>, title: string): string {
  return reasons.size ? title + [...reasons].map(([reason, n]) => `${n}× ${reason}`).join(', ') : '';
}

export const PHASE_HEADERS = ['phase', 'sent', 'served', 'failed', 'ready again', 'delivery resumed', 'note'];

export function phaseCells(row: PhaseRow): string[] {
  return [
    row.phase,
    String(row.sent),
    String(row.served),
    String(row.failed),
    row.readyAgainMs === null ? 'stayed ready' : row.readyAgainMs === Infinity ? 'not ready' : seconds(row.readyAgainMs),
    row.resumedMs === undefined ? '–' : row.resumedMs === null ? 'not resumed' : seconds(row.resumedMs),
    row.note ?? '',
  ];
}

/** The row as one line, printed as each phase completes. */
export function phaseLine(row: PhaseRow): string {
  const cells = phaseCells(row);
  return PHASE_HEADERS.slice(1)
    .map((header, i) => (cells[i + 1] ? `${header} ${cells[i + 1]}` : ''))
    .filter((text) => text && !text.endsWith(' –'))
    .reduce((line, text) => `${line}, ${text}`, cells[0]!)
    .replace(`${cells[0]}, `, `${cells[0]}: `);
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Left-aligned columns separated by two spaces, a rule under the headers. */
export function formatTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export function check(name: string, ok: boolean, detail: string): Check {
  return { name, ok, detail };
}

/** The checks of the email reckoning: nothing missing, nothing left unsent, no duplicate a receiver cannot drop. */
export function deliveryChecks(report: DeliveryReport): Check[] {
  const sample = (keys: string[]) => (keys.length ? ` (${keys.slice(0, 3).join(', ')}${keys.length > 3 ? ', …' : ''})` : '');
  return [
    check('every outbox row ends SENT', report.notSent.length === 0, `${report.expected - report.notSent.length} of ${report.expected} SENT${sample(report.notSent)}`),
    check('every outbox row delivered', report.missing.length === 0, `${report.delivered} of ${report.expected} delivered${sample(report.missing)}`),
    check(
      'no duplicate a receiver cannot drop',
      report.undroppable === 0,
      `${report.duplicatesByMessageId} duplicate(s) by Message-ID, ${report.duplicatesByKey} by idempotency key: ${report.droppable} droppable (same Message-ID and key), ${report.undroppable} not`,
    ),
    check('no email the outbox did not hold', report.unexpected === 0, `${report.unexpected} unexpected`),
  ];
}

/** A scheduled job's run the drill arranged to fall due while it ran: the outbox key that run writes, known in advance. */
export interface DueRun {
  /** The job, as the check names it: "deadline reminder", "workspace digest", … */
  job: string;
  key: string;
  /** When it fell due (for the detail). */
  dueAt: Date;
}

/** The scheduled jobs' outbox keys start so; a row of one of them that no arranged run explains ran when it was not due. */
const SCHEDULED_KEY_PREFIXES = ['funding.deadline:', 'governance.review-due:', 'event-reminder:', 'workspace-digest:'] as const;

/**
 * Each scheduled job exactly once per due time: every arranged run wrote its
 * one outbox row and it was delivered (a copy with the same key and Message-ID is
 * a receiver's to drop, counted above), and no job wrote a row that nothing
 * made due. `alsoDue` says which other scheduled rows are owed though not
 * known in advance (the workshop's hour reminders, which follow the traffic's
 * registrations). A job of `jobs` with no run owed fails: its arrangement went wrong.
 */
export function scheduledChecks(jobs: readonly string[], due: DueRun[], outbox: OutboxRow[], received: Delivery[], alsoDue: (key: string) => boolean): Check[] {
  const rows = new Map<string, number>();
  for (const row of outbox) rows.set(row.idempotencyKey, (rows.get(row.idempotencyKey) ?? 0) + 1);
  const deliveries = new Map<string, number>();
  for (const mail of received) deliveries.set(mail.idempotencyKey, (deliveries.get(mail.idempotencyKey) ?? 0) + 1);
  const checks = jobs.map((job) => {
    const runs = due.filter((run) => run.job === job);
    const wrong = runs.filter((run) => rows.get(run.key) !== 1 || !deliveries.get(run.key));
    const repeated = runs.filter((run) => (deliveries.get(run.key) ?? 0) > 1).length;
    const describe = (run: DueRun) => `${run.key} (${rows.get(run.key) ?? 0} row(s), ${deliveries.get(run.key) ?? 0} delivered)`;
    return check(
      `${job}: each due run once`,
      runs.length > 0 && wrong.length === 0,
      `${runs.length - wrong.length} of ${runs.length} ran once and were delivered${repeated ? `, ${repeated} delivered again under the same key` : ''}${wrong.length ? `; wrong: ${wrong.slice(0, 3).map(describe).join('; ')}` : ''}`,
    );
  });
  const arranged = new Set(due.map((run) => run.key));
  const unowed = outbox.filter((row) => SCHEDULED_KEY_PREFIXES.some((prefix) => row.idempotencyKey.startsWith(prefix)) && !arranged.has(row.idempotencyKey) && !alsoDue(row.idempotencyKey));
  checks.push(check('no scheduled email that nothing made due', unowed.length === 0, unowed.length ? unowed.slice(0, 3).map((row) => row.idempotencyKey).join(', ') : 'none'));
  return checks;
}

/** A registration as the database holds it at the end: who, since when they held a place (or queued), and when they gave it up. */
export interface RegistrationRow {
  userId: string;
  status: string;
  since: Date;
  cancelledAt: Date | null;
}

/**
 * The workshop's hour-before reminders, owed to whoever held a place at their moment, which the
 * traffic decides. Everyone still holding a place taken before the moment got one (none missed), and
 * only people registered for the workshop got one. The database keeps one registration per person
 * and event, which a later registration rewrites, so who held a place at the moment and gave it up
 * since cannot be told from it: those may have had one or not. Nobody owed one fails too: the check
 * would say nothing (the drill keeps two places from the start for this).
 */
export function hourReminderCheck(rows: RegistrationRow[], moment: Date, reminded: Set<string>): Check {
  const owed = new Set(rows.filter((r) => r.status === 'REGISTERED' && r.since.getTime() < moment.getTime()).map((r) => r.userId));
  const registered = new Set(rows.map((r) => r.userId));
  const missed = [...owed].filter((user) => !reminded.has(user));
  const strangers = [...reminded].filter((user) => !registered.has(user));
  return check(
    'event reminder (the workshop, an hour before): one to each still holding a place taken before its moment',
    owed.size > 0 && missed.length === 0 && strangers.length === 0,
    `${owed.size} still holding a place taken before its moment, ${reminded.size} reminded${missed.length ? `; missed: ${missed.join(', ')}` : ''}${strangers.length ? `; reminded though never registered: ${strangers.join(', ')}` : ''}`,
  );
}

/** How many of each: "2 case study, 1 follow". */
export function countsText(items: string[]): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].map(([item, n]) => `${n} ${item}`).join(', ');
}

/** `N passed, M failed`, alone on its line. */
export function summaryLine(checks: Check[]): string {
  const passed = checks.filter((c) => c.ok).length;
  return `${passed} passed, ${checks.length - passed} failed`;
}

export function checkLines(checks: Check[]): string {
  return checks.map((c) => `${c.ok ? 'PASS' : 'FAIL'}  ${c.name}: ${c.detail}`).join('\n');
}
