import { eventually, startTestApp, TestApp } from '../support/harness';
import { codeOf, DAY, E, EventView, HOUR, outboxCount, publishedEvent, reasonOf, register, settle } from './events-support';

const EMAIL = {
  participant: 'participant@demo.twins.test',
  liverpool: 'officer.liverpool@demo.twins.test',
  busan: 'officer.busan@demo.twins.test',
};

/** Reminders by the worker's clock, in each attendee's language and zone; a new time moves them; cancelling tells everyone. */
describe('events: reminders, rescheduling and cancellation', () => {
  let app: TestApp;
  const t: Record<string, string> = {};
  const id: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp({ worker: true, env: { EVENT_REMINDER_CHECK_MS: '200' } });
    await app.signInDemo(t, id, ['organiser', 'participant', 'liverpool', 'busan']);
  });
  afterAll(() => app?.close());
  afterEach(() => app.workerClock!.reset());

  /** Starts in three days; Sam and 박서준 hold its two places, Jordan waits. */
  const fullEvent = async (title = { en: 'Hydrogen ports seminar', ko: '수소 항만 세미나' }) => {
    const event = await publishedEvent(app, t.organiser, { capacity: 2, title }, 3 * DAY);
    await register(app, t.liverpool, event.id);
    await register(app, t.busan, event.id);
    expect((await register(app, t.participant, event.id)).status).toBe('WAITLISTED');
    return event;
  };
  const remindersOf = async (eventId: string): Promise<string[]> =>
    (await app.dataSource.query(`SELECT idempotency_key FROM outbox_message WHERE template = 'events.reminder' AND idempotency_key LIKE $1 ORDER BY idempotency_key`, [`event-reminder:${eventId}:%`])).map(
      (r: { idempotency_key: string }) => r.idempotency_key,
    );
  /** Moves the worker's clock to `msBefore` the start. */
  const workerTo = (event: EventView, msBefore: number) => app.workerClock!.advance(new Date(event.startsAt).getTime() - msBefore - app.workerClock!.now().getTime());

  it('reminds everyone holding a place a day and an hour before, once each, in their language and zone', async () => {
    const event = await fullEvent();
    workerTo(event, DAY - 60_000);
    const day = await app.mail.waitFor((m) => m.to === EMAIL.liverpool && m.subject === 'Starts in 23 hours: “Hydrogen ports seminar”');
    expect(day.text).toMatch(/When: .+ (GMT|BST) \(.+ KST where it takes place\)/);
    expect(day.text).toContain('Join online: https://meet.example.org/hydrogen-ports');
    const dayKo = await app.mail.waitFor((m) => m.to === EMAIL.busan && m.subject === '23시간 후 시작: “수소 항만 세미나”');
    // A span within one day reads 오후 6:00~8:00; one across midnight names both days.
    expect(dayKo.text).toMatch(/일시: .+ 오[전후] \d+:\d\d.*(~| – ).+ \(한국 시간\)/);
    expect(dayKo.text).not.toContain('현지 시각');

    workerTo(event, HOUR - 60_000);
    await app.mail.waitFor((m) => m.to === EMAIL.liverpool && m.subject === 'Starts in less than an hour: “Hydrogen ports seminar”');
    await app.mail.waitFor((m) => m.to === EMAIL.busan && m.subject === '1시간 안에 시작: “수소 항만 세미나”');
    await settle(1500);
    expect(await remindersOf(event.id)).toEqual([
      `event-reminder:${event.id}:${event.startsAt}:DAY:${id.busan}`,
      `event-reminder:${event.id}:${event.startsAt}:DAY:${id.liverpool}`,
      `event-reminder:${event.id}:${event.startsAt}:HOUR:${id.busan}`,
      `event-reminder:${event.id}:${event.startsAt}:HOUR:${id.liverpool}`,
    ].sort());
    // Nobody on the waiting list is reminded, and each reminder arrived once.
    // (They were told they are waiting when they registered: only reminders count here.)
    expect(app.mail.to(EMAIL.participant).filter((m) => /^Starts in .+: “Hydrogen/.test(m.subject))).toEqual([]);
    expect(app.mail.to(EMAIL.liverpool).filter((m) => /^Starts in .+: “Hydrogen/.test(m.subject))).toHaveLength(2);
  });

  it('a new time tells everyone registered or waiting, and the reminders follow the new start', async () => {
    const event = await fullEvent({ en: 'Moving seminar', ko: '일정이 바뀌는 세미나' });
    workerTo(event, DAY - 60_000);
    await app.mail.waitFor((m) => m.to === EMAIL.liverpool && m.subject === 'Starts in 23 hours: “Moving seminar”');
    // Both sent before the clock moves on: each says the time left when it is sent.
    await app.mail.waitFor((m) => m.to === EMAIL.busan && m.subject === '23시간 후 시작: “일정이 바뀌는 세미나”');

    const newStart = new Date(new Date(event.startsAt).getTime() + 2 * DAY);
    const moved = await app.gqlOk<{ updateEvent: EventView }>(
      E.UPDATE,
      { input: { id: event.id, version: event.version, startsAt: newStart.toISOString(), endsAt: new Date(newStart.getTime() + 2 * HOUR).toISOString() } },
      { token: t.organiser },
    );
    expect(moved.updateEvent.startsAt).toBe(newStart.toISOString());
    const en = await app.mail.waitFor((m) => m.to === EMAIL.liverpool && m.subject === 'New time for “Moving seminar”');
    expect(en.text).toContain('which you registered for, has moved');
    // A span within one day reads 18:00–20:00 GMT; one across midnight names both days, each with its zone.
    expect(en.text).toMatch(/Now: .+ \d\d:\d\d(–\d\d:\d\d)? (GMT|BST) .+\n\nBefore: .+ \d\d:\d\d(–\d\d:\d\d)? (GMT|BST)\n/);
    const ko = await app.mail.waitFor((m) => m.to === EMAIL.busan && m.subject === '일정 변경: “일정이 바뀌는 세미나”');
    expect(ko.text).toContain('이전 일시:');
    const waiting = await app.mail.waitFor((m) => m.to === EMAIL.participant && m.subject === 'New time for “Moving seminar”');
    expect(waiting.text).toContain('which you are on the waiting list for');
    expect(waiting.text).not.toContain('meet.example.org');

    // The old start's hour would have come now: nothing comes for it.
    workerTo(event, HOUR - 60_000);
    await settle(1000);
    expect((await remindersOf(event.id)).filter((k) => k.includes(':HOUR:'))).toEqual([]);
    // A day before the new start, the day reminder comes again, for the new start.
    workerTo(moved.updateEvent, DAY - 60_000);
    await eventually(async () => app.mail.to(EMAIL.busan).filter((m) => m.subject === '23시간 후 시작: “일정이 바뀌는 세미나”').length === 2, 15_000, 'the second day reminder');
    await settle(600);
    const keys = await remindersOf(event.id);
    expect(keys.filter((k) => k.includes(`${event.id}:${newStart.toISOString()}:DAY`))).toHaveLength(2);
    expect(keys.filter((k) => k.includes(`${event.id}:${event.startsAt}:DAY`))).toHaveLength(2);
    expect(app.mail.to(EMAIL.liverpool).filter((m) => m.subject === 'Starts in 23 hours: “Moving seminar”')).toHaveLength(2);
  });

  it('cancelling tells everyone registered or waiting why; the event then takes no changes and sends no reminders', async () => {
    const event = await fullEvent({ en: 'Cancelled seminar', ko: '취소되는 세미나' });
    const cancelled = await app.gqlOk<{ cancelEvent: EventView & { cancelReason: string } }>(E.CANCEL, { input: { id: event.id, version: event.version, reason: 'The speakers cannot travel.' } }, { token: t.organiser });
    expect(cancelled.cancelEvent).toMatchObject({ status: 'CANCELLED', cancelReason: 'The speakers cannot travel.', registrationOpen: false });
    const en = await app.mail.waitFor((m) => m.to === EMAIL.liverpool && m.subject === 'Cancelled: “Cancelled seminar”');
    expect(en.text).toContain('The organiser’s reason: The speakers cannot travel.');
    const ko = await app.mail.waitFor((m) => m.to === EMAIL.busan && m.subject === '취소됨: “취소되는 세미나”');
    expect(ko.text).toContain('사유: The speakers cannot travel.');
    const waiting = await app.mail.waitFor((m) => m.to === EMAIL.participant && m.subject === 'Cancelled: “Cancelled seminar”');
    expect(waiting.text).toContain('were on the waiting list for');

    const again = await app.gql(E.CANCEL, { input: { id: event.id, version: cancelled.cancelEvent.version, reason: 'Again' } }, { token: t.organiser });
    expect([codeOf(again), reasonOf(again)]).toEqual(['CONFLICT', 'EVENT_CANCELLED']);
    const edit = await app.gql(E.UPDATE, { input: { id: event.id, version: cancelled.cancelEvent.version, capacity: 10 } }, { token: t.organiser });
    expect(reasonOf(edit)).toBe('EVENT_CANCELLED');
    // Still public, marked cancelled.
    expect((await app.gqlOk<{ event: { status: string } }>(E.EVENT, { id: event.id })).event.status).toBe('CANCELLED');

    workerTo(event, HOUR - 60_000);
    await settle(1000);
    expect(await remindersOf(event.id)).toEqual([]);
    expect(await outboxCount(app, 'events.cancelled')).toBe(3);
  });
});
