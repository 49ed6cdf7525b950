import { countsText, deliveryChecks, formatTable, hourReminderCheck, scheduledChecks, phaseLine, readyAgainAfter, reckonDeliveries, summaryLine, unexplainedFailures } from './checks';
import { applyRead, chooseReviewers, chooseTrack, nextFundStep, type FundTrack } from './fund-traffic';
import { latestWrites, type AcceptedWrite } from './traffic';

describe('the drill reckons the emails', () => {
  const outbox = [
    { idempotencyKey: 'a', status: 'SENT' },
    { idempotencyKey: 'b', status: 'SENT' },
    { idempotencyKey: 'c', status: 'SENT' },
  ];
  const mail = (idempotencyKey: string, messageId: string) => ({ idempotencyKey, messageId });

  it('counts one delivery per key as no duplicate', () => {
    const report = reckonDeliveries(outbox, [mail('a', '<a@x>'), mail('b', '<b@x>'), mail('c', '<c@x>')]);
    expect(report).toMatchObject({ expected: 3, delivered: 3, missing: [], notSent: [], duplicatesByKey: 0, duplicatesByMessageId: 0, undroppable: 0, unexpected: 0 });
    expect(deliveryChecks(report).every((c) => c.ok)).toBe(true);
  });

  it('takes a copy with the same Message-ID and key for one a receiver drops', () => {
    const report = reckonDeliveries(outbox, [mail('a', '<a@x>'), mail('a', '<a@x>'), mail('b', '<b@x>'), mail('c', '<c@x>')]);
    expect(report).toMatchObject({ duplicatesByKey: 1, duplicatesByMessageId: 1, droppable: 1, undroppable: 0 });
    expect(deliveryChecks(report).every((c) => c.ok)).toBe(true);
  });

  it('fails a copy of a key under another Message-ID, and one Message-ID with two keys', () => {
    const report = reckonDeliveries(outbox, [mail('a', '<a@x>'), mail('a', '<other@x>'), mail('b', '<b@x>'), mail('c', '<b@x>')]);
    expect(report).toMatchObject({ duplicatesByKey: 1, duplicatesByMessageId: 1, droppable: 0, undroppable: 2 });
    expect(deliveryChecks(report).find((c) => c.name === 'no duplicate a receiver cannot drop')?.ok).toBe(false);
  });

  it('fails a row never delivered or not SENT, and a message the outbox did not hold', () => {
    const report = reckonDeliveries(
      [...outbox.slice(0, 2), { idempotencyKey: 'c', status: 'FAILED' }],
      [mail('a', '<a@x>'), mail('z', '<z@x>')],
    );
    expect(report.missing).toEqual(['b', 'c']);
    expect(report.notSent).toEqual(['c']);
    expect(report.unexpected).toBe(1);
    expect(deliveryChecks(report).filter((c) => !c.ok).map((c) => c.name)).toEqual([
      'every outbox row ends SENT',
      'every outbox row delivered',
      'no email the outbox did not hold',
    ]);
  });
});

describe('the drill reads readiness', () => {
  const at = (offset: number, ok: boolean) => ({ at: 1000 + offset, ok });

  it('is null when every API stayed ready', () => {
    expect(readyAgainAfter([at(0, true), at(250, true)], 1000)).toBeNull();
  });

  it('counts from the fault to the first sample all ready after the last one that was not', () => {
    expect(readyAgainAfter([at(-250, false), at(0, true), at(250, false), at(500, true), at(750, false), at(1000, false), at(1250, true)], 1000)).toBe(1250);
  });

  it('is Infinity when the APIs never were all ready again', () => {
    expect(readyAgainAfter([at(0, true), at(250, false)], 1000)).toBe(Infinity);
  });
});

describe('the writes the database must hold', () => {
  const write = (kind: string, key?: string, unknown = false): AcceptedWrite => ({ kind, key, unknown, sql: `-- ${kind}`, params: [] });

  it('keeps every write without a key, and the last one on each key', () => {
    const kept = latestWrites([write('case study'), write('sector', 'x'), write('case study'), write('sector', 'x'), write('follow', 'y')]);
    expect(kept.map((w) => w.kind)).toEqual(['case study', 'sector', 'case study', 'follow']);
  });

  it('checks nothing on a key whose last write had no answer', () => {
    expect(latestWrites([write('registered', 'r'), write('cancelled', 'r', true)])).toEqual([]);
    expect(latestWrites([write('registered', 'r'), write('cancelled', 'r', true), write('registered', 'r')]).map((w) => w.kind)).toEqual(['registered']);
  });
});

describe('the drill reports', () => {
  it('ends with N passed, M failed', () => {
    expect(summaryLine([
      { name: 'a', ok: true, detail: '' },
      { name: 'b', ok: false, detail: '' },
      { name: 'c', ok: true, detail: '' },
    ])).toBe('2 passed, 1 failed');
  });

  it('lines columns up under their headers', () => {
    expect(formatTable(['phase', 'sent'], [['SMTP down', '12'], ['after', '3']]).split('\n')).toEqual(['phase      sent', '---------  ----', 'SMTP down  12', 'after      3']);
  });

  it('prints a phase as one line, leaving out what does not apply', () => {
    expect(phaseLine({ phase: 'SMTP down', sent: 10, served: 9, failed: 1, readyAgainMs: null, note: 'refused connections' })).toBe(
      'SMTP down: sent 10, served 9, failed 1, ready again stayed ready, note refused connections',
    );
    expect(phaseLine({ phase: 'worker killed', sent: 1, served: 1, failed: 0, readyAgainMs: 1500, resumedMs: null })).toBe(
      'worker killed: sent 1, served 1, failed 0, ready again 1.5 s, delivery resumed not resumed',
    );
  });
});

describe('the drill tells a fault said plainly from one the platform did not understand', () => {
  const row = (phase: string, reasons: Array<[string, number]>) => ({ phase, sent: 10, served: 10, failed: 0, readyAgainMs: null, reasons: new Map(reasons) });

  it('accepts 502 from the proxy, 503 and SERVICE_UNAVAILABLE, and names every 500 or INTERNAL_SERVER_ERROR with its phase', () => {
    expect(unexplainedFailures([row('API killed', [['HTTP 502 ECONNRESET', 1]]), row('PostgreSQL restarted', [['HTTP 503', 7], ['SERVICE_UNAVAILABLE', 5], ['timeout', 1]])])).toEqual([]);
    expect(unexplainedFailures([row('PostgreSQL restarted', [['HTTP 500', 7], ['INTERNAL_SERVER_ERROR', 5], ['HTTP 503', 1]]), row('after', [])])).toEqual([
      '7× HTTP 500 (PostgreSQL restarted)',
      '5× INTERNAL_SERVER_ERROR (PostgreSQL restarted)',
    ]);
  });
});

describe('the drill reckons the scheduled jobs', () => {
  const due = [
    { job: 'deadline reminder', key: 'funding.deadline:a:3', dueAt: new Date(0) },
    { job: 'deadline reminder', key: 'funding.deadline:a:1', dueAt: new Date(0) },
    { job: 'workspace digest', key: 'workspace-digest:f:t', dueAt: new Date(0) },
  ];
  const sent = (idempotencyKey: string) => ({ idempotencyKey, status: 'SENT' });
  const mail = (idempotencyKey: string) => ({ idempotencyKey, messageId: `<${idempotencyKey}@x>` });
  const none = () => false;
  const JOBS = ['deadline reminder', 'workspace digest'];

  it('passes each job when every run owed wrote one row and was delivered, a droppable copy included', () => {
    const checks = scheduledChecks(JOBS, due, due.map((run) => sent(run.key)), [...due.map((run) => mail(run.key)), mail('workspace-digest:f:t')], none);
    expect(checks.map((c) => [c.name, c.ok])).toEqual([
      ['deadline reminder: each due run once', true],
      ['workspace digest: each due run once', true],
      ['no scheduled email that nothing made due', true],
    ]);
    expect(checks[1]!.detail).toBe('1 of 1 ran once and were delivered, 1 delivered again under the same key');
  });

  it('fails a job whose run never happened, or was never delivered', () => {
    const outbox = [sent('funding.deadline:a:3'), sent('workspace-digest:f:t')];
    const checks = scheduledChecks(JOBS, due, outbox, [mail('funding.deadline:a:3')], none);
    expect(checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['deadline reminder: each due run once', 'workspace digest: each due run once']);
    expect(checks[0]!.detail).toContain('funding.deadline:a:1 (0 row(s), 0 delivered)');
  });

  it('fails a scheduled row nothing made due, unless it is owed by the traffic', () => {
    const outbox = [...due.map((run) => sent(run.key)), sent('event-reminder:w:HOUR:u'), sent('funding.deadline:b:3'), sent('identity.password-reset:x')];
    const received = outbox.map((row) => mail(row.idempotencyKey));
    const owed = (key: string) => key.startsWith('event-reminder:w:');
    const last = scheduledChecks(JOBS, due, outbox, received, owed).at(-1)!;
    expect(last).toEqual({ name: 'no scheduled email that nothing made due', ok: false, detail: 'funding.deadline:b:3' });
  });

  it('fails a job with no run owed at all: the arrangement went wrong', () => {
    const checks = scheduledChecks(JOBS, due.slice(0, 2), due.slice(0, 2).map((run) => sent(run.key)), due.slice(0, 2).map((run) => mail(run.key)), none);
    expect(checks.map((c) => [c.name, c.ok, c.detail])).toEqual([
      ['deadline reminder: each due run once', true, '2 of 2 ran once and were delivered'],
      ['workspace digest: each due run once', false, '0 of 0 ran once and were delivered'],
      ['no scheduled email that nothing made due', true, 'none'],
    ]);
  });

  it('counts items by kind', () => {
    expect(countsText(['a', 'b', 'a'])).toBe('2 a, 1 b');
  });
});

describe('the drill reckons the workshop’s hour-before reminders', () => {
  const moment = new Date('2026-12-08T01:00:00Z');
  const at = (minute: number) => new Date(moment.getTime() + minute * 60_000);
  const rows = [
    { userId: 'kept', status: 'REGISTERED', since: at(-5), cancelledAt: null },
    { userId: 'left-after', status: 'CANCELLED', since: at(-4), cancelledAt: at(0.05) },
    { userId: 'came-back', status: 'REGISTERED', since: at(1), cancelledAt: null },
  ];

  it('passes when each still holding a place from before its moment was reminded, the others either way', () => {
    expect(hourReminderCheck(rows, moment, new Set(['kept'])).ok).toBe(true);
    expect(hourReminderCheck(rows, moment, new Set(['kept', 'left-after', 'came-back'])).ok).toBe(true);
  });

  it('fails a missed reminder, and one to someone never registered', () => {
    expect(hourReminderCheck(rows, moment, new Set(['left-after']))).toMatchObject({ ok: false, detail: expect.stringContaining('missed: kept') });
    expect(hourReminderCheck(rows, moment, new Set(['kept', 'stranger']))).toMatchObject({ ok: false, detail: expect.stringContaining('reminded though never registered: stranger') });
  });

  it('fails when nobody was owed one: it would prove nothing', () => {
    expect(hourReminderCheck(rows.slice(1), moment, new Set(['left-after'])).ok).toBe(false);
  });
});

describe('the drill moves fund applications one step at a time', () => {
  const track = (fields: Partial<FundTrack> = {}): FundTrack => ({ n: 1, reviewers: [], reviewed: [], unsure: false, refusals: 0, ...fields });
  const drafted = { projectId: 'p', applicationId: 'a' };

  it('starts a project, drafts, submits, confirms, assigns, then takes each review in turn', () => {
    expect(nextFundStep(track())).toEqual({ step: 'project' });
    expect(nextFundStep(track({ projectId: 'p' }))).toEqual({ step: 'draft' });
    expect(nextFundStep(track({ ...drafted, status: 'DRAFT' }))).toEqual({ step: 'submit' });
    expect(nextFundStep(track({ ...drafted, status: 'SUBMITTED' }))).toEqual({ step: 'confirm' });
    expect(nextFundStep(track({ ...drafted, status: 'ELIGIBILITY_CHECKED', conflicted: [] }))).toEqual({ step: 'assign' });
    expect(nextFundStep(track({ ...drafted, status: 'UNDER_REVIEW', reviewers: ['m1', 'm2'], reviewed: ['m1'] }))).toEqual({ step: 'review', memberId: 'm2' });
    expect(nextFundStep(track({ ...drafted, status: 'UNDER_REVIEW', reviewers: ['m1', 'm2'], reviewed: ['m2', 'm1'] }))).toEqual({ step: 'done' });
  });

  it('reads the conflicts before assigning reviewers, and leaves a status it did not bring about alone', () => {
    expect(nextFundStep(track({ ...drafted, status: 'ELIGIBILITY_CHECKED' }))).toEqual({ step: 'read' });
    expect(nextFundStep(track({ ...drafted, status: 'WITHDRAWN' }))).toEqual({ step: 'done' });
  });

  it('after a lost answer or a refusal, looks the application up before moving it again', () => {
    // The project's own answer lost: another project is started.
    expect(nextFundStep(track({ unsure: true }))).toEqual({ step: 'project' });
    expect(nextFundStep(track({ projectId: 'p', unsure: true }))).toEqual({ step: 'find' });
    expect(nextFundStep(track({ ...drafted, status: 'DRAFT', unsure: true }))).toEqual({ step: 'read' });
  });

  it('takes what the admin read as the truth: status, conflicts, reviewers and their reviews', () => {
    const t = track({ ...drafted, status: 'SUBMITTED', unsure: true });
    applyRead(t, {
      status: 'UNDER_REVIEW',
      conflicts: [{ member: { id: 'uk' } }],
      reviewAssignments: [
        { reviewer: { id: 'uk2' }, submittedAt: '2027-01-01T00:00:00Z' },
        { reviewer: { id: 'kr' }, submittedAt: null },
      ],
    });
    expect(t).toMatchObject({ status: 'UNDER_REVIEW', conflicted: ['uk'], reviewers: ['uk2', 'kr'], reviewed: ['uk2'], unsure: false });
    expect(nextFundStep(t)).toEqual({ step: 'review', memberId: 'kr' });
  });

  it('starts a new application only while there is room, and never picks a busy one', () => {
    const tracks = [track({ n: 1 }), track({ n: 2 }), track({ n: 3 })];
    const busy = (t: FundTrack) => t.n !== 3;
    expect(chooseTrack(tracks, busy, 12, 0, 0)).toBe('new');
    expect(chooseTrack(tracks, busy, 12, 0.9, 0.5)).toBe(tracks[2]);
    expect(chooseTrack(tracks, busy, 3, 0, 0.99)).toBe(tracks[2]);
    expect(chooseTrack(tracks, () => true, 4, 0.9, 0)).toBe('new');
    expect(chooseTrack(tracks, () => true, 3, 0, 0)).toBeNull();
    expect(chooseTrack([], () => false, 12, 0.9, 0)).toBe('new');
  });

  describe('reviewers', () => {
    const board = [
      { id: 'uk', countryCode: 'GB' },
      { id: 'uk2', countryCode: 'GB' },
      { id: 'kr', countryCode: 'KR' },
      { id: 'kr2', countryCode: 'KR' },
    ];

    it('never a conflicted member; one from each country, in turn within a country', () => {
      expect(chooseReviewers(board, ['uk'], 2, 0)).toEqual(['uk2', 'kr']);
      expect(chooseReviewers(board, ['uk'], 2, 1)).toEqual(['uk2', 'kr2']);
      expect(chooseReviewers(board, [], 2, 1)).toEqual(['uk2', 'kr2']);
    });

    it('takes more from one country when the other has too few free, and none when the board has too few', () => {
      expect(chooseReviewers(board, ['uk', 'uk2'], 2, 0)).toEqual(['kr', 'kr2']);
      expect(chooseReviewers(board, ['uk'], 3, 0).sort()).toEqual(['kr', 'kr2', 'uk2']);
      expect(chooseReviewers(board, ['uk', 'uk2', 'kr'], 2, 0)).toEqual([]);
    });
  });
});
