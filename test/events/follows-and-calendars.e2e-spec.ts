import ICAL from 'ical.js';
import { twinLiverpoolAndBusan } from '../funding/funding-support';
import { startTestApp, TestApp } from '../support/harness';
import { linkIn, tokenFrom } from '../support/smtp-sink';
import { createEvent, E, fetchCalendar, newCalendarAddress, publishedEvent, register, settle } from './events-support';

const EMAIL = {
  participant: 'participant@demo.twins.test',
  busan: 'officer.busan@demo.twins.test',
};

/** Unsubscribing without signing in, and honoured; calendars as a calendar app reads them. */
describe('events: unsubscribe links and calendars', () => {
  let app: TestApp;
  const t: Record<string, string> = {};
  const id: Record<string, string> = {};
  let workspaceId: string;

  beforeAll(async () => {
    app = await startTestApp({ worker: true });
    await app.signInDemo(t, id, ['admin', 'organiser', 'participant', 'liverpool', 'busan']);
    workspaceId = await twinLiverpoolAndBusan(app, t);
  });
  afterAll(() => app?.close());

  const announcementsTo = async (email: string, eventId: string): Promise<number> => {
    const [{ n }]: Array<{ n: number }> = await app.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_message WHERE template = 'events.announcement' AND recipient_email = $1 AND idempotency_key LIKE $2`,
      [email, `event-announcement:${eventId}:%`],
    );
    return n;
  };

  it('the one-click unsubscribe link works without signing in, and no announcement follows it', async () => {
    await app.gqlOk(E.FOLLOW, { input: { scope: 'PROGRAMME' } }, { token: t.participant });
    const first = await publishedEvent(app, t.organiser, { title: { en: 'First seminar', ko: '첫 세미나' } });
    const mail = await app.mail.waitFor((m) => m.to === EMAIL.participant && m.subject === 'New seminar: “First seminar”');
    // The email's link opens the web app's page, in the email's language; mail clients' one-click posts to the API.
    const pageLink = linkIn(mail, `${app.url}/unsubscribe/events?token=`);
    expect(new URL(pageLink).searchParams.get('lang')).toBe('en');
    const link = (mail.headers.get('list') as { unsubscribe: { url: string } }).unsubscribe.url;
    expect(tokenFrom(link)).toBe(tokenFrom(pageLink));

    // Opening a link only shows a page with a button (the address older emails linked to opens it too): link scanners unsubscribe nobody.
    const opened = await fetch(link, { redirect: 'manual' });
    expect([opened.status, opened.headers.get('location')]).toEqual([302, `/unsubscribe/events${new URL(link).search}`]);
    expect((await app.gqlOk<{ myEventFollows: unknown[] }>(E.MY_FOLLOWS, {}, { token: t.participant })).myEventFollows).toHaveLength(1);
    const STOP = `mutation($token: String!) { stopEventAnnouncements(token: $token) }`;
    const refused = await app.gql(STOP, { token: tokenFrom(link).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'LINK_NOT_VALID' });

    const forged = await fetch(link.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), { method: 'POST' });
    expect(forged.status).toBe(400);
    // What a mail client does with List-Unsubscribe-Post (RFC 8058).
    const oneClick = await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toContain('Unsubscribed · 수신 거부됨');
    expect((await app.gqlOk<{ myEventFollows: unknown[] }>(E.MY_FOLLOWS, {}, { token: t.participant })).myEventFollows).toEqual([]);
    // Used again, by the page's button too, it still says done.
    expect((await fetch(link, { method: 'POST' })).status).toBe(200);
    expect(await app.gqlOk(STOP, { token: tokenFrom(pageLink) })).toEqual({ stopEventAnnouncements: true });

    const second = await publishedEvent(app, t.organiser, { title: { en: 'Second seminar', ko: '두 번째 세미나' } });
    await settle();
    expect(await announcementsTo(EMAIL.participant, second.id)).toBe(0);
    expect(app.mail.to(EMAIL.participant).filter((m) => m.subject.includes('Second seminar'))).toEqual([]);
    expect(await announcementsTo(EMAIL.participant, first.id)).toBe(1);

    // Following again is their choice, and works.
    await app.gqlOk(E.FOLLOW, { input: { scope: 'PROGRAMME' } }, { token: t.participant });
    await publishedEvent(app, t.organiser, { title: { en: 'Third seminar', ko: '세 번째 세미나' } });
    await app.mail.waitFor((m) => m.to === EMAIL.participant && m.subject === 'New seminar: “Third seminar”');
    await app.gqlOk(E.UNFOLLOW, { input: { scope: 'PROGRAMME' } }, { token: t.participant });
  });

  it('a workspace digest follower who unsubscribes stops its event announcements and keeps the digest', async () => {
    await app.gqlOk(E.FOLLOW_WORKSPACE, { workspaceId }, { token: t.busan });
    await publishedEvent(app, t.organiser, { workspaceId, title: { en: 'Pair seminar one', ko: '짝 도시 세미나 1' } });
    const mail = await app.mail.waitFor((m) => m.to === EMAIL.busan && m.subject === '새 세미나: “짝 도시 세미나 1”');
    expect(mail.text).toContain('이런 행사 공지를 그만 받으려면');
    // The page's button.
    const link = linkIn(mail, `${app.url}/unsubscribe/events?token=`);
    expect(new URL(link).searchParams.get('lang')).toBe('ko');
    expect(await app.gqlOk(`mutation($token: String!) { stopEventAnnouncements(token: $token) }`, { token: tokenFrom(link) })).toEqual({ stopEventAnnouncements: true });

    const digest: unknown[] = await app.dataSource.query(`SELECT 1 FROM workspace_follow WHERE workspace_id = $1 AND user_id = $2`, [workspaceId, id.busan]);
    expect(digest).toHaveLength(1);
    expect((await app.gqlOk<{ myEventFollows: unknown[] }>(E.MY_FOLLOWS, {}, { token: t.busan })).myEventFollows).toEqual([]);
    const next = await publishedEvent(app, t.organiser, { workspaceId, title: { en: 'Pair seminar two', ko: '짝 도시 세미나 2' } });
    await settle();
    expect(await announcementsTo(EMAIL.busan, next.id)).toBe(0);
    // Nothing left to stop; following the workspace's events explicitly brings them back.
    expect((await app.gqlOk<{ unfollowEvents: boolean }>(E.UNFOLLOW, { input: { scope: 'WORKSPACE', workspaceId } }, { token: t.busan })).unfollowEvents).toBe(false);
    await app.gqlOk(E.FOLLOW, { input: { scope: 'WORKSPACE', workspaceId } }, { token: t.busan });
    expect((await app.gqlOk<{ myEventFollows: unknown[] }>(E.MY_FOLLOWS, {}, { token: t.busan })).myEventFollows).toEqual([
      { scope: 'WORKSPACE', sector: null, workspaceId, viaWorkspaceDigest: false },
    ]);
  });

  it('an event’s .ics: English title (Korean when asked), its own zone, a link back; drafts and unknown events are not found', async () => {
    const event = await publishedEvent(app, t.organiser, { startsAt: '2027-06-03T09:00:00Z', endsAt: '2027-06-03T11:00:00Z' });
    const { status, contentType, events } = await fetchCalendar(`${app.url}/events/${event.id}.ics`);
    expect([status, contentType]).toEqual([200, 'text/calendar; charset=utf-8']);
    expect(events).toHaveLength(1);
    const [entry] = events;
    const start = entry.getFirstPropertyValue('dtstart') as ICAL.Time;
    expect(entry.getFirstPropertyValue('summary')).toBe('Hydrogen ports seminar');
    expect(entry.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Asia/Seoul');
    expect(start.toString()).toBe('2027-06-03T18:00:00');
    expect(start.toJSDate().toISOString()).toBe('2027-06-03T09:00:00.000Z');
    expect((entry.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().toISOString()).toBe('2027-06-03T11:00:00.000Z');
    expect(entry.getFirstPropertyValue('url')).toBe(`${app.url}/events/${event.id}`);
    expect(entry.getFirstPropertyValue('description')).toContain('What Liverpool and Busan learnt');
    expect(entry.getFirstPropertyValue('description')).not.toContain('수소 항만 세미나');
    // The Korean page's link asks for Korean: the Korean title and description, the same instants.
    const [korean] = (await fetchCalendar(`${app.url}/events/${event.id}.ics?lang=ko`)).events;
    expect(korean.getFirstPropertyValue('summary')).toBe('수소 항만 세미나');
    expect(korean.getFirstPropertyValue('description')).toContain('리버풀과 부산이 부두에서 수소에 대해 배운 것.');
    expect((korean.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString()).toBe('2027-06-03T09:00:00.000Z');
    // The joining link is for people holding a place, not for a public file.
    expect(entry.getFirstPropertyValue('description')).not.toContain('meet.example.org');
    expect(entry.getFirstPropertyValue('location')).toBe('BEXCO, Busan');

    const draft = await createEvent(app, t.organiser);
    expect((await fetch(`${app.url}/events/${draft.id}.ics`)).status).toBe(404);
    expect((await fetch(`${app.url}/events/00000000-0000-4000-8000-000000000000.ics`)).status).toBe(404);
    expect((await fetch(`${app.url}/events/not-an-id.ics`)).status).toBe(404);
  });

  it('feeds of the programme and of a workspace list published events, cancelled ones marked so', async () => {
    const paired = await publishedEvent(app, t.organiser, { workspaceId, title: { en: 'Feed pair event', ko: '피드 짝 행사' } });
    const open = await publishedEvent(app, t.organiser, { title: { en: 'Feed programme event', ko: '피드 프로그램 행사' }, timeZone: 'Europe/London' });
    const called = await publishedEvent(app, t.organiser, { title: { en: 'Feed cancelled event', ko: '피드 취소 행사' } });
    await app.gqlOk(E.CANCEL, { input: { id: called.id, version: called.version, reason: 'Postponed to next year.' } }, { token: t.organiser });
    const draft = await createEvent(app, t.organiser, { title: { en: 'Feed draft', ko: '피드 초안' } });
    const host = new URL(app.url).host;
    const uids = (events: ICAL.Component[]) => events.map((e) => e.getFirstPropertyValue('uid') as string);

    const programme = await fetchCalendar(`${app.url}/calendars/programme.ics`);
    expect(uids(programme.events)).toEqual(expect.arrayContaining([paired.id, open.id, called.id].map((i) => `${i}@${host}`)));
    expect(uids(programme.events)).not.toContain(`${draft.id}@${host}`);
    const cancelled = programme.events.find((e) => e.getFirstPropertyValue('uid') === `${called.id}@${host}`)!;
    expect(cancelled.getFirstPropertyValue('status')).toBe('CANCELLED');
    const london = programme.events.find((e) => e.getFirstPropertyValue('uid') === `${open.id}@${host}`)!;
    expect(london.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/London');
    expect((london.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString()).toBe(new Date(open.startsAt).toISOString());

    const pair = await fetchCalendar(`${app.url}/calendars/workspaces/${workspaceId}.ics`);
    expect(uids(pair.events)).toContain(`${paired.id}@${host}`);
    expect(uids(pair.events)).not.toContain(`${open.id}@${host}`);
    expect(pair.text).toContain('Liverpool–Busan events');
    expect((await fetch(`${app.url}/calendars/workspaces/00000000-0000-4000-8000-000000000000.ics`)).status).toBe(404);
  });

  it('a person’s feed, at the calendar address they made, lists their places (waiting ones as tentative)', async () => {
    const held = await publishedEvent(app, t.organiser, { title: { en: 'Held place', ko: '확정 자리' } });
    const full = await publishedEvent(app, t.organiser, { title: { en: 'Full event', ko: '마감 행사' }, capacity: 1 });
    const other = await publishedEvent(app, t.organiser, { title: { en: 'Not mine', ko: '내 것 아님' } });
    await register(app, t.liverpool, held.id);
    await register(app, t.participant, full.id);
    expect((await register(app, t.liverpool, full.id)).status).toBe('WAITLISTED');
    await register(app, t.participant, other.id);

    const url = await newCalendarAddress(app, t.liverpool);
    expect(url).toMatch(new RegExp(`^${app.url}/calendars/users/[0-9a-f-]{36}\\.[A-Za-z0-9_-]{43}\\.ics$`));
    const mine = await fetchCalendar(url);
    const host = new URL(app.url).host;
    const byUid = new Map(mine.events.map((e) => [e.getFirstPropertyValue('uid') as string, e]));
    expect([...byUid.keys()].sort()).toEqual([`${held.id}@${host}`, `${full.id}@${host}`].sort());
    const place = byUid.get(`${held.id}@${host}`)!;
    expect([place.getFirstPropertyValue('status'), place.getFirstPropertyValue('summary')]).toEqual(['CONFIRMED', 'Held place']);
    expect(place.getFirstPropertyValue('description')).toContain('https://meet.example.org/hydrogen-ports');
    expect(place.getFirstPropertyValue('url')).toBe(`${app.url}/events/${held.id}`);
    const waiting = byUid.get(`${full.id}@${host}`)!;
    expect(waiting.getFirstPropertyValue('status')).toBe('TENTATIVE');
    expect(waiting.getFirstPropertyValue('description')).not.toContain('meet.example.org');

    // Another person's address differs; a guessed one is not found.
    expect(await newCalendarAddress(app, t.participant)).not.toBe(url);
    const forged = url.replace(/(.)\.ics$/, (_, c: string) => `${c === 'A' ? 'B' : 'A'}.ics`);
    expect((await fetch(forged)).status).toBe(404);
  });
});
