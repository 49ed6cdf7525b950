import { twinLiverpoolAndBusan } from '../funding/funding-support';
import { startTestApp, TestApp } from '../support/harness';
import { linkIn, tokenFrom } from '../support/smtp-sink';
import { codeOf, createEvent, crowd, E, EventView, fetchCalendar, fieldsOf, outboxCount, publish, publishedEvent, reasonOf, register, settle } from './events-support';

const EMAIL = {
  participant: 'participant@demo.twins.test',
  liverpool: 'officer.liverpool@demo.twins.test',
  busan: 'officer.busan@demo.twins.test',
  boardKr: 'board.kr@demo.twins.test',
};

/** An event from draft to publication: who sees it, how its times read, who is told, and the "done when". */
describe('events: lifecycle and announcements', () => {
  let app: TestApp;
  const t: Record<string, string> = {};
  const id: Record<string, string> = {};
  let workspaceId: string;

  beforeAll(async () => {
    app = await startTestApp({ worker: true });
    await app.signInDemo(t, id);
    workspaceId = await twinLiverpoolAndBusan(app, t);
  });
  afterAll(() => app?.close());

  it('a draft is its organiser’s and admins’ only; its times read in its own zone and both cities’ zones', async () => {
    const draft = await createEvent(app, t.organiser, { workspaceId, startsAt: '2027-06-03T09:00:00Z', endsAt: '2027-06-03T11:00:00Z' });
    expect(draft).toMatchObject({ status: 'DRAFT', version: 1, calendarUrl: null, spacesLeft: null, registrationOpen: false });
    for (const who of [undefined, t.participant, t.liverpool]) {
      const res = await app.gql(E.EVENT, { id: draft.id }, { token: who });
      expect(codeOf(res)).toBe('NOT_FOUND');
    }
    const seen = await app.gqlOk<{ event: { startsAtLocal: Array<{ timeZone: string; cityId: string | null; local: string; zoneName: string; text: string }>; organiserName: string; joinUrl: string } }>(
      E.EVENT,
      { id: draft.id },
      { token: t.organiser },
    );
    expect(seen.event.startsAtLocal.map((z) => [z.timeZone, z.cityId, z.local, z.zoneName])).toEqual([
      ['Asia/Seoul', 'busan', '2027-06-03T18:00:00+09:00', 'KST'],
      ['Europe/London', 'liverpool', '2027-06-03T10:00:00+01:00', 'BST'],
    ]);
    // The organiser reads Korean.
    expect(seen.event.startsAtLocal[0].text).toBe('2027년 6월 3일 (목) 오후 6:00 (한국 시간)');
    expect(seen.event.organiserName).toBe('이수민');
    // English pages write the organiser's name as she gave it for them (the demo's nameEn).
    const inEnglish = await app.gqlOk<{ event: { organiserName: string } }>(E.EVENT, { id: draft.id }, { token: t.admin, headers: { 'accept-language': 'en' } });
    expect(inEnglish.event.organiserName).toBe('Lee Su-min');
    expect(seen.event.joinUrl).toBe('https://meet.example.org/hydrogen-ports');
    expect(codeOf(await app.gql(E.EVENT, { id: draft.id }, { token: t.admin }))).toBe('OK');

    // Public lists leave drafts out; the organiser lists their own with statuses: [DRAFT].
    const publicList = await app.gqlOk<{ events: { nodes: Array<{ id: string }> } }>(E.EVENTS, { filter: {} });
    expect(publicList.events.nodes.map((e) => e.id)).not.toContain(draft.id);
    const asParticipant = await app.gqlOk<{ events: { nodes: Array<{ id: string }> } }>(E.EVENTS, { filter: { statuses: ['DRAFT'] } }, { token: t.participant });
    expect(asParticipant.events.nodes).toEqual([]);
    const mine = await app.gqlOk<{ events: { nodes: Array<{ id: string }> } }>(E.EVENTS, { filter: { statuses: ['DRAFT'], mine: true } }, { token: t.organiser });
    expect(mine.events.nodes.map((e) => e.id)).toContain(draft.id);
  });

  it('edits check the version read and keep the required fields; publishing is once, and not of an event in the past', async () => {
    const draft = await createEvent(app, t.organiser);
    const stale = await app.gql(E.UPDATE, { input: { id: draft.id, version: draft.version + 1, capacity: 30 } }, { token: t.organiser });
    expect([codeOf(stale), reasonOf(stale), stale.errors![0].extensions.currentVersion]).toEqual(['CONFLICT', 'STALE_VERSION', 1]);
    const emptied = await app.gql(E.UPDATE, { input: { id: draft.id, version: 1, title: null } }, { token: t.organiser });
    expect([codeOf(emptied), fieldsOf(emptied)]).toEqual(['BAD_USER_INPUT', ['title']]);
    const edited = (await app.gqlOk<{ updateEvent: EventView }>(E.UPDATE, { input: { id: draft.id, version: 1, capacity: 30, description: null, kind: 'WORKSHOP' } }, { token: t.organiser })).updateEvent;
    expect(edited).toMatchObject({ version: 2, capacity: 30, kind: 'WORKSHOP', spacesLeft: 30 });

    const published = await publish(app, t.organiser, edited);
    expect(published).toMatchObject({ status: 'PUBLISHED', version: 3, registrationOpen: true });
    expect(published.calendarUrl).toBe(`${app.url}/events/${draft.id}.ics`);
    const again = await app.gql(E.PUBLISH, { input: { id: draft.id, version: 3 } }, { token: t.organiser });
    expect(reasonOf(again)).toBe('ALREADY_PUBLISHED');
    // Anyone reads it now; the joining link stays with people holding a place.
    const seen = await app.gqlOk<{ event: { id: string; joinUrl: string | null } }>(E.EVENT, { id: draft.id });
    expect(seen.event).toEqual(expect.objectContaining({ id: draft.id, joinUrl: null }));

    const soon = await createEvent(app, t.organiser, {}, 2 * 3_600_000);
    app.clock.advance(3 * 3_600_000);
    try {
      const late = await app.gql(E.PUBLISH, { input: { id: soon.id, version: 1 } }, { token: t.organiser });
      expect([codeOf(late), reasonOf(late)]).toEqual(['CONFLICT', 'EVENT_STARTED']);
    } finally {
      app.clock.advance(-3 * 3_600_000);
    }
  });

  it('events can be found by kind, sector, workspace, time and words in either language', async () => {
    const forum = await publish(app, t.organiser, await createEvent(app, t.organiser, { kind: 'FORUM', title: { en: 'Artificial intelligence forum', ko: '인공지능 포럼' }, sectors: ['ai'], startsAt: '2027-09-01T09:00:00Z', endsAt: '2027-09-01T12:00:00Z', timeZone: 'Europe/London', venue: 'Liverpool', format: 'IN_PERSON', joinUrl: null }));
    const paired = await publish(app, t.organiser, await createEvent(app, t.organiser, { workspaceId, title: { en: 'Pair workshop', ko: '짝 도시 워크숍' }, kind: 'WORKSHOP', sectors: [], startsAt: '2027-10-01T09:00:00Z', endsAt: '2027-10-01T10:00:00Z' }));
    const ids = async (filter: Record<string, unknown>) => (await app.gqlOk<{ events: { nodes: Array<{ id: string }> } }>(E.EVENTS, { filter, first: 100 })).events.nodes.map((e) => e.id);
    expect(await ids({ kind: 'FORUM' })).toEqual([forum.id]);
    expect(await ids({ sector: 'ai' })).toEqual([forum.id]);
    expect(await ids({ workspaceId })).toEqual([paired.id]);
    expect(await ids({ search: '인공지능' })).toEqual([forum.id]);
    expect(await ids({ search: 'pair WORKSHOP' })).toEqual([paired.id]);
    expect(await ids({ from: '2027-09-15T00:00:00Z', to: '2027-12-31T00:00:00Z' })).toEqual([paired.id]);
    // Soonest first, in pages.
    const page1 = await app.gqlOk<{ events: { nodes: Array<{ startsAt: string }>; pageInfo: { endCursor: string } } }>(E.EVENTS, { filter: {}, first: 1 });
    const page2 = await app.gqlOk<{ events: { nodes: Array<{ startsAt: string }> } }>(E.EVENTS, { filter: {}, first: 100, after: page1.events.pageInfo.endCursor });
    const starts = [...page1.events.nodes, ...page2.events.nodes].map((e) => e.startsAt);
    expect(starts).toEqual([...starts].sort());
    expect(starts.length).toBeGreaterThanOrEqual(3);
  });

  it('publishing tells each follower of the pair, of its sectors or of the programme once, in their language and zone', async () => {
    await app.gqlOk(E.FOLLOW, { input: { scope: 'PROGRAMME' } }, { token: t.participant });
    // 박서준 follows the workspace's digest: that makes him a follower of its events too.
    await app.gqlOk(E.FOLLOW_WORKSPACE, { workspaceId }, { token: t.busan });
    // Sam follows the sector and the workspace: still one email.
    await app.gqlOk(E.FOLLOW, { input: { scope: 'SECTOR', sector: 'hydrogen' } }, { token: t.liverpool });
    await app.gqlOk(E.FOLLOW, { input: { scope: 'WORKSPACE', workspaceId } }, { token: t.liverpool });
    // 김지현 follows another sector only.
    await app.gqlOk(E.FOLLOW, { input: { scope: 'SECTOR', sector: 'digital' } }, { token: t.boardKr });
    expect((await app.gqlOk<{ myEventFollows: unknown[] }>(E.MY_FOLLOWS, {}, { token: t.busan })).myEventFollows).toEqual([
      { scope: 'WORKSPACE', sector: null, workspaceId, viaWorkspaceDigest: true },
    ]);

    const event = await publish(app, t.organiser, await createEvent(app, t.organiser, { workspaceId, capacity: 40, startsAt: '2027-06-10T09:00:00Z', endsAt: '2027-06-10T11:00:00Z' }));
    const en = await app.mail.waitFor((m) => m.to === EMAIL.participant && m.subject === 'New seminar: “Hydrogen ports seminar”');
    expect(en.text).toContain('every event of the programme');
    expect(en.text).toContain('When: Thursday 10 June 2027, 10:00–12:00 BST (Thursday 10 June 2027, 18:00 KST where it takes place)');
    expect(en.text).toContain('There are 40 places');
    expect(en.text).toContain(`/events/${event.id}`);
    expect(en.text).not.toContain('meet.example.org');
    const unsubscribe = linkIn(en, `${app.url}/unsubscribe/events?token=`);
    // RFC 8058 one-click unsubscribe, as mail clients read it: the API's address, with the same token as the page's.
    const oneClick = `${app.url}/events/unsubscribe?token=${encodeURIComponent(tokenFrom(unsubscribe))}`;
    expect(en.headers.get('list')).toEqual({ unsubscribe: { url: oneClick }, 'unsubscribe-post': { name: 'List-Unsubscribe=One-Click' } });

    const ko = await app.mail.waitFor((m) => m.to === EMAIL.busan && m.subject === '새 세미나: “수소 항만 세미나”');
    expect(ko.text).toContain('리버풀–부산 워크스페이스');
    expect(ko.text).toContain('일시: 2027년 6월 10일 (목) 오후 6:00~8:00 (한국 시간)');
    expect(ko.text).toContain('정원은 40명');

    const both = await app.mail.waitFor((m) => m.to === EMAIL.liverpool && m.subject.startsWith('New seminar'));
    expect(both.text).toContain('the Liverpool–Busan workspace, the Hydrogen sector');
    await settle();
    expect(app.mail.to(EMAIL.liverpool).filter((m) => m.subject.startsWith('New seminar'))).toHaveLength(1);
    expect(app.mail.to(EMAIL.boardKr).filter((m) => m.subject.includes('세미나'))).toHaveLength(0);
    expect(await outboxCount(app, 'events.announcement')).toBe(3);
  });

  it('done when: the organiser announces a seminar to the pair’s followers; when it fills, the next person waiting is promoted and told', async () => {
    const event = await publish(app, t.organiser, await createEvent(app, t.organiser, { workspaceId, capacity: 2, title: { en: 'Liverpool–Busan seminar', ko: '리버풀–부산 세미나' } }));
    await app.mail.waitFor((m) => m.to === EMAIL.busan && m.subject === '새 세미나: “리버풀–부산 세미나”');
    await app.mail.waitFor((m) => m.to === EMAIL.liverpool && m.subject === 'New seminar: “Liverpool–Busan seminar”');

    expect((await register(app, t.liverpool, event.id)).status).toBe('REGISTERED');
    expect((await register(app, t.participant, event.id)).status).toBe('REGISTERED');
    const waiting = await register(app, t.busan, event.id);
    expect(waiting).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
    // Each is told at once, in their language: a place with the calendar file, or the place in the queue.
    const placed = await app.mail.waitFor((m) => m.to === EMAIL.liverpool && m.subject === 'You are registered: “Liverpool–Busan seminar”');
    expect(placed.text).toContain('You have a place at “Liverpool–Busan seminar”.');
    // A span within one day reads 14:00–16:00; one across midnight names both days.
    expect(placed.text).toMatch(/When: .+(\d–\d| – ).+/);
    expect(placed.text).toContain('https://meet.example.org/hydrogen-ports');
    expect(placed.text).toMatch(new RegExp(`Add it to your calendar: \\S+/events/${event.id}\\.ics`));
    // The calendar file is linked in the reader's language, and opens in it.
    const englishLink = /Add it to your calendar: (\S+)/.exec(placed.text)![1];
    expect(englishLink).toBe(`${app.url}/events/${event.id}.ics?lang=en`);
    expect((await fetchCalendar(englishLink)).events[0].getFirstPropertyValue('summary')).toBe('Liverpool–Busan seminar');
    const queued = await app.mail.waitFor((m) => m.to === EMAIL.busan && m.subject === '대기자 명단 등록: “리버풀–부산 세미나”');
    expect(queued.text).toContain('“리버풀–부산 세미나”의 정원이 차서 대기자 명단 1번째로 등록되었습니다.');
    expect(queued.text).toMatch(/일시: .+(~| – ).+/);
    expect(queued.text).not.toContain('https://meet.example.org/hydrogen-ports');
    const full = await app.gqlOk<{ event: EventView }>(E.EVENT, { id: event.id });
    expect(full.event).toMatchObject({ spacesLeft: 0, registeredCount: 2, waitlistCount: 1 });

    const cancelled = await app.gqlOk<{ cancelEventRegistration: { status: string } }>(E.CANCEL_REGISTRATION, { input: { eventId: event.id } }, { token: t.liverpool });
    expect(cancelled.cancelEventRegistration.status).toBe('CANCELLED');
    const told = await app.mail.waitFor((m) => m.to === EMAIL.busan && m.subject === '자리가 확정되었습니다: “리버풀–부산 세미나”');
    expect(told.text).toContain('대기자 명단에서');
    expect(told.text).toContain('https://meet.example.org/hydrogen-ports');
    const now = await app.gqlOk<{ event: { myRegistration: { status: string; promotedAt: string; waitlistPosition: number | null }; joinUrl: string } }>(E.EVENT, { id: event.id }, { token: t.busan });
    expect(now.event.myRegistration).toMatchObject({ status: 'REGISTERED', waitlistPosition: null, promotedAt: expect.any(String) });
    expect(now.event.joinUrl).toBe('https://meet.example.org/hydrogen-ports');

    // A Korean reader's confirmation links the calendar file in Korean.
    const [reader] = await crowd(app, 'calendar-reader', 1, 'ko');
    const second = await publishedEvent(app, t.organiser, { title: { en: 'Second seminar', ko: '두 번째 세미나' } });
    expect((await register(app, reader.token, second.id)).status).toBe('REGISTERED');
    const confirmed = await app.mail.waitFor((m) => m.to === reader.email && m.subject === '참가 등록 완료: “두 번째 세미나”');
    const koreanLink = /캘린더에 추가: (\S+)/.exec(confirmed.text)![1];
    expect(koreanLink).toBe(`${app.url}/events/${second.id}.ics?lang=ko`);
    const [entry] = (await fetchCalendar(koreanLink)).events;
    expect(entry.getFirstPropertyValue('summary')).toBe('두 번째 세미나');
    expect(entry.getFirstPropertyValue('description')).toMatch(/^\d{4}년 \d+월 \d+일 .+ \(한국 시간\)\n\n/);
  });
});
