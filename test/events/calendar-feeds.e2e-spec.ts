import ICAL from 'ical.js';
import { twinLiverpoolAndBusan } from '../funding/funding-support';
import { startTestApp, TestApp } from '../support/harness';
import { signToken } from '@app/events';
import { formatSpan } from '@app/rules';
import { codeOf, createEvent, crowd, DAY, E, newCalendarAddress, publishedEvent, reasonOf, register } from './events-support';

/** Text that tries to break out of its property (the finding's title), and every character TEXT escapes. */
const HOSTILE = 'Seminar\r\nATTACH:https://evil.example/x\r\nX-INJ:1';
const NASTY = 'Semi;colon, comma \\ backslash\rCR\nLF\r\nCRLF\r\nATTACH:https://evil.example/y\u0007';
const LONG_KOREAN = '부산·리버풀 수소 항만 협력 세미나: 항만 차량의 수소 전환과 두 도시가 함께 배운 것 🚢 2027년 여름 특별 세션';
const VENUE = 'BEXCO, Hall 1; Busan\r\nX-INJ:venue \\ 2';
/** What a calendar app reads back: every line break as LF, control characters gone, everything else exact. */
const readBack = (value: string) => value.replace(/\r\n?/g, '\n').replace(/\u0007/g, '');

// RFC 7986 NAME and X-WR-CALNAME are TEXT: read them as calendar apps do (ical.js leaves unknown properties raw).
for (const property of ['name', 'x-wr-calname']) ICAL.design.icalendar.property[property] ??= { defaultType: 'text' };

/** A calendar as raw bytes and as a calendar app parses it. */
async function download(url: string, headers: Record<string, string> = {}): Promise<{ status: number; bytes: Buffer; text: string; calendar: ICAL.Component | null }> {
  const response = await fetch(url, { headers });
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = bytes.toString('utf8');
  return { status: response.status, bytes, text, calendar: response.status === 200 ? new ICAL.Component(ICAL.parse(text)) : null };
}

/** Every physical line at most 75 octets and whole UTF-8 sequences; CR and LF only as line endings; nothing injected starts a line. */
function expectWellFormed(bytes: Buffer, text: string): void {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
      lines.push(bytes.subarray(start, i));
      start = i + 2;
    }
  }
  lines.push(bytes.subarray(start));
  expect(lines.length).toBeGreaterThan(10);
  expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(75);
  for (const line of lines) expect(() => decoder.decode(line)).not.toThrow();
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  expect(text).not.toMatch(/^(ATTACH|X-INJ)/im);
}

const anonymousEvents = `query($filter: EventFilter) { events(filter: $filter, first: 100) { nodes { id } } }`;
const anonymousTwinning = `query($id: ID!) { twinning(id: $id) { id status workspaceId } }`;
const anonymousWorkspace = `query($id: ID!) { workspace(id: $id) { id } }`;

/** Calendars as calendar apps fetch them (no token): people's text escaped, workspace feeds as GraphQL shows them, personal addresses that can be replaced. */
describe('events: calendar files and feeds', () => {
  let app: TestApp;
  const t: Record<string, string> = {};
  const id: Record<string, string> = {};
  let workspaceId: string;
  let twinningId: string;

  beforeAll(async () => {
    app = await startTestApp({ worker: false });
    await app.signInDemo(t, id, ['admin', 'organiser', 'participant', 'liverpool', 'busan']);
    workspaceId = await twinLiverpoolAndBusan(app, t);
    [{ twinning_id: twinningId }] = await app.dataSource.query(`SELECT twinning_id FROM workspace WHERE id = $1`, [workspaceId]);
  });
  afterAll(() => app?.close());

  const host = () => new URL(app.url).host;
  const eventIn = (calendar: ICAL.Component, eventId: string) => calendar.getAllSubcomponents('vevent').find((e) => e.getFirstPropertyValue('uid') === `${eventId}@${host()}`)!;

  it('every .ics escapes titles, descriptions, venues and names: they round-trip exactly, nothing is injected, lines fold at 75 octets', async () => {
    // An organiser's name is people's text too; no calendar carries it, and it must not break one either.
    await app.dataSource.query(`UPDATE user_account SET display_name = $2 WHERE id = $1`, [id.organiser, 'Org\r\nATTACH:https://evil.example/o; Name, \\']);
    const event = await publishedEvent(app, t.organiser, {
      workspaceId,
      title: { en: HOSTILE, ko: LONG_KOREAN },
      description: { en: NASTY, ko: `${LONG_KOREAN}\r\nX-INJ:ko; 끝, \\` },
      venue: VENUE,
    });
    await register(app, t.participant, event.id);
    const personal = await newCalendarAddress(app, t.participant);
    const url = `${app.url}/events/${event.id}`;
    // First when it is, on the event's own clocks (Seoul's, as events-support makes it), in the calendar's language.
    const when = { en: formatSpan(event.startsAt, event.endsAt, 'Asia/Seoul', 'en'), ko: formatSpan(event.startsAt, event.endsAt, 'Asia/Seoul', 'ko') };
    expect(when.en).toMatch(/KST$/);
    expect(when.ko).toMatch(/ \(한국 시간\)$/);
    const publicDescription = {
      en: [when.en, readBack(NASTY), url].join('\n\n'),
      ko: [when.ko, `${LONG_KOREAN}\nX-INJ:ko; 끝, \\`, url].join('\n\n'),
    };
    const join = { en: 'Join', ko: '참여 링크' };

    const files = {
      event: `${app.url}/events/${event.id}.ics`,
      programme: `${app.url}/calendars/programme.ics`,
      workspace: `${app.url}/calendars/workspaces/${workspaceId}.ics`,
      personal,
    };
    const title = { en: readBack(HOSTILE), ko: LONG_KOREAN };
    for (const [which, address] of Object.entries(files)) {
      // The participant writes English: their feed, like the others, is in English unless the link asks for Korean.
      for (const language of ['en', 'ko'] as const) {
        const { status, bytes, text, calendar } = await download(language === 'ko' ? `${address}?lang=ko` : address);
        expect([which, language, status]).toEqual([which, language, 200]);
        expectWellFormed(bytes, text);
        const names = [...calendar!.getAllProperties(), ...calendar!.getAllSubcomponents('vevent').flatMap((e) => e.getAllProperties())].map((p) => p.name);
        expect(names).not.toContain('attach');
        expect(names).not.toContain('x-inj');
        const entry = eventIn(calendar!, event.id);
        expect(entry.getFirstPropertyValue('summary')).toBe(title[language]);
        expect(entry.getFirstPropertyValue('location')).toBe(readBack(VENUE));
        expect(entry.getFirstPropertyValue('url')).toBe(url);
        expect(entry.getFirstPropertyValue('description')).toBe(
          which === 'personal' ? publicDescription[language].replace(`\n\n${url}`, `\n\n${join[language]}: https://meet.example.org/hydrogen-ports\n\n${url}`) : publicDescription[language],
        );
      }
    }
    // The one event's file is named after it: NAME and X-WR-CALNAME were written raw before.
    const single = (await download(files.event)).calendar!;
    expect(single.getFirstPropertyValue('x-wr-calname')).toBe(readBack(HOSTILE));
    expect(single.getFirstPropertyValue('name')).toBe(readBack(HOSTILE));
    expect((await download(`${files.event}?lang=ko`)).calendar!.getFirstPropertyValue('x-wr-calname')).toBe(LONG_KOREAN);
    expect((await download(files.workspace)).calendar!.getFirstPropertyValue('x-wr-calname')).toBe('Liverpool–Busan events');
    expect((await download(`${files.workspace}?lang=ko`)).calendar!.getFirstPropertyValue('x-wr-calname')).toBe('리버풀–부산 행사');
  });

  it('each calendar is in one language: the link’s lang, else (a personal feed) its owner’s, else Accept-Language, else English; the title written falls back', async () => {
    const event = await publishedEvent(app, t.organiser, { title: { en: 'Ports in two languages', ko: '두 언어의 항만' }, description: { en: 'In English.', ko: '한국어로.' } });
    const englishOnly = await publishedEvent(app, t.organiser, { title: { en: 'Only in English', ko: null }, description: { en: 'Typed in English.', ko: null } });
    const [korean] = await crowd(app, 'calendar-ko', 1, 'ko');
    const [english] = await crowd(app, 'calendar-en', 1, 'en');
    for (const person of [korean, english]) await register(app, person.token, event.id);
    /** The calendar's name, its event's title and the first two paragraphs of its description (when it is, and what it is). */
    const read = async (address: string, headers: Record<string, string> = {}, eventId = event.id) => {
      const response = await fetch(address, { headers });
      expect(response.status).toBe(200);
      expect(response.headers.get('vary')).toContain('Accept-Language');
      const calendar = new ICAL.Component(ICAL.parse(await response.text()));
      const entry = eventIn(calendar, eventId);
      const [when, what] = String(entry.getFirstPropertyValue('description')).split('\n\n');
      return { name: calendar.getFirstPropertyValue('x-wr-calname'), summary: entry.getFirstPropertyValue('summary'), when, what };
    };
    const inEnglish = { summary: 'Ports in two languages', when: formatSpan(event.startsAt, event.endsAt, 'Asia/Seoul', 'en'), what: 'In English.' };
    const inKorean = { summary: '두 언어의 항만', when: formatSpan(event.startsAt, event.endsAt, 'Asia/Seoul', 'ko'), what: '한국어로.' };

    // One event's file, and the programme's feed: lang, else Accept-Language, else English.
    const single = `${app.url}/events/${event.id}.ics`;
    expect(await read(single)).toEqual({ name: 'Ports in two languages', ...inEnglish });
    expect(await read(`${single}?lang=ko`)).toEqual({ name: '두 언어의 항만', ...inKorean });
    expect(await read(single, { 'accept-language': 'ko-KR,ko;q=0.9,en;q=0.8' })).toEqual({ name: '두 언어의 항만', ...inKorean });
    expect(await read(`${single}?lang=en`, { 'accept-language': 'ko' })).toEqual({ name: 'Ports in two languages', ...inEnglish });
    // A lang it does not know is ignored, so the link still answers.
    expect(await read(`${single}?lang=fr`, { 'accept-language': 'ko' })).toEqual({ name: '두 언어의 항만', ...inKorean });
    const programme = `${app.url}/calendars/programme.ics`;
    expect(await read(programme)).toEqual({ name: 'Innovation Twins events', ...inEnglish });
    expect(await read(`${programme}?lang=ko`)).toEqual({ name: '이노베이션 트윈스 행사', ...inKorean });
    expect(await read(programme, { 'accept-language': 'ko' })).toEqual({ name: '이노베이션 트윈스 행사', ...inKorean });
    // The organiser wrote only English: a Korean calendar gives that title and description, its time in Korean.
    expect(await read(`${programme}?lang=ko`, {}, englishOnly.id)).toEqual({
      name: '이노베이션 트윈스 행사',
      summary: 'Only in English',
      when: formatSpan(englishOnly.startsAt, englishOnly.endsAt, 'Asia/Seoul', 'ko'),
      what: 'Typed in English.',
    });

    // A personal feed is fetched by a calendar app, without a session and with the device's Accept-Language: the owner's language wins over that.
    const koreanFeed = await newCalendarAddress(app, korean.token);
    expect(await read(koreanFeed)).toEqual({ name: '나의 이노베이션 트윈스 행사', ...inKorean });
    expect(await read(koreanFeed, { 'accept-language': 'en-GB' })).toEqual({ name: '나의 이노베이션 트윈스 행사', ...inKorean });
    expect(await read(`${koreanFeed}?lang=en`)).toEqual({ name: 'My Innovation Twins events', ...inEnglish });
    const englishFeed = await newCalendarAddress(app, english.token);
    expect(await read(englishFeed, { 'accept-language': 'ko' })).toEqual({ name: 'My Innovation Twins events', ...inEnglish });
    expect(await read(`${englishFeed}?lang=ko`)).toEqual({ name: '나의 이노베이션 트윈스 행사', ...inKorean });
    // The owner switching language switches the feed at the same address.
    await app.dataSource.query(`UPDATE user_account SET preferred_language = 'ko' WHERE id = $1`, [english.id]);
    expect(await read(englishFeed)).toEqual({ name: '나의 이노베이션 트윈스 행사', ...inKorean });
  });

  it('a workspace’s feed answers exactly when GraphQL shows its twinning to a caller without a token, and lists exactly what `events` lists', async () => {
    const feedUrl = `${app.url}/calendars/workspaces/${workspaceId}.ics`;
    const listed = await publishedEvent(app, t.organiser, { workspaceId, title: { en: 'Pair listed', ko: '짝 공개' } });
    const called = await publishedEvent(app, t.organiser, { workspaceId, title: { en: 'Pair called off', ko: '짝 취소' } });
    await app.gqlOk(E.CANCEL, { input: { id: called.id, version: called.version, reason: 'Postponed.' } }, { token: t.organiser });
    const draft = await createEvent(app, t.organiser, { workspaceId, title: { en: 'Pair draft', ko: '짝 초안' } });
    const droppedDraft = await createEvent(app, t.organiser, { workspaceId, title: { en: 'Pair dropped draft', ko: '짝 취소 초안' } });
    await app.gqlOk(E.CANCEL, { input: { id: droppedDraft.id, version: droppedDraft.version, reason: 'Not needed.' } }, { token: t.organiser });
    const elsewhere = await publishedEvent(app, t.organiser, { title: { en: 'Not the pair’s', ko: '짝 아님' } });

    /** The feed's events, in order, against what `events` gives a caller without a token for the same filter. */
    const compare = async () => {
      const feed = await download(feedUrl);
      const fromFeed = feed.calendar!.getAllSubcomponents('vevent').map((e) => (e.getFirstPropertyValue('uid') as string).split('@')[0]);
      const filter = { workspaceId, statuses: ['PUBLISHED', 'CANCELLED'], from: new Date(app.clock.now().getTime() - 90 * DAY).toISOString() };
      const fromGraphql = (await app.gqlOk<{ events: { nodes: Array<{ id: string }> } }>(anonymousEvents, { filter })).events.nodes.map((n) => n.id);
      return { fromFeed, fromGraphql };
    };

    // ACTIVE: the twinning, and with it its workspace's id, is public.
    expect((await app.gqlOk<{ twinning: { workspaceId: string } }>(anonymousTwinning, { id: twinningId })).twinning.workspaceId).toBe(workspaceId);
    const active = await compare();
    expect(active.fromFeed).toEqual(active.fromGraphql);
    expect(active.fromFeed).toEqual(expect.arrayContaining([listed.id, called.id]));
    for (const hidden of [draft.id, droppedDraft.id, elsewhere.id]) expect(active.fromFeed).not.toContain(hidden);
    // Its content stays the members' (and the feed carries none of it).
    expect(codeOf(await app.gql(anonymousWorkspace, { id: workspaceId }))).toBe('NOT_FOUND');

    // DORMANT is public too.
    await app.gqlOk(`mutation($input: ChangeTwinningStatusInput!) { changeTwinningStatus(input: $input) { status } }`, { input: { id: twinningId, status: 'DORMANT', reason: 'A pause.' } }, { token: t.liverpool });
    expect(codeOf(await app.gql(anonymousTwinning, { id: twinningId }))).toBe('OK');
    const dormant = await compare();
    expect(dormant.fromFeed).toEqual(dormant.fromGraphql);

    // CLOSED: GraphQL no longer shows the twinning (nor, so, its workspace) to the public; the feed is not found either.
    await app.gqlOk(`mutation($input: ChangeTwinningStatusInput!) { changeTwinningStatus(input: $input) { status } }`, { input: { id: twinningId, status: 'CLOSED', reason: 'Ended.' } }, { token: t.liverpool });
    expect(codeOf(await app.gql(anonymousTwinning, { id: twinningId }))).toBe('NOT_FOUND');
    expect(codeOf(await app.gql(anonymousWorkspace, { id: workspaceId }))).toBe('NOT_FOUND');
    const closed = await fetch(feedUrl);
    expect(closed.status).toBe(404);
    expect(await closed.text()).not.toContain('Liverpool');

    // Unknown and malformed ids: NOT_FOUND in GraphQL, 404 here.
    for (const other of ['00000000-0000-4000-8000-000000000000', 'not-a-workspace', `${workspaceId}x`, "1' OR '1'='1"]) {
      expect([other, codeOf(await app.gql(anonymousWorkspace, { id: other }))]).toEqual([other, 'NOT_FOUND']);
      expect([other, (await fetch(`${app.url}/calendars/workspaces/${encodeURIComponent(other)}.ics`)).status]).toEqual([other, 404]);
    }
  });

  it('the open data and the programme calendar publish exactly the events `events` shows a caller without a token: never a draft, nor one cancelled before it was published', async () => {
    const listed = await publishedEvent(app, t.organiser, { title: { en: 'Open listed', ko: '공개 목록' } });
    const called = await publishedEvent(app, t.organiser, { title: { en: 'Open called off', ko: '공개 취소' } });
    await app.gqlOk(E.CANCEL, { input: { id: called.id, version: called.version, reason: 'Postponed.' } }, { token: t.organiser });
    const draft = await createEvent(app, t.organiser, { title: { en: 'Open draft', ko: '공개 초안' } });
    const droppedDraft = await createEvent(app, t.organiser, { title: { en: 'Open dropped draft', ko: '공개 취소 초안' } });
    await app.gqlOk(E.CANCEL, { input: { id: droppedDraft.id, version: droppedDraft.version, reason: 'Not needed.' } }, { token: t.organiser });

    const published = (await app.gqlOk<{ events: { nodes: Array<{ id: string }> } }>(anonymousEvents, { filter: { statuses: ['PUBLISHED', 'CANCELLED'], from: new Date(0).toISOString() } })).events.nodes.map((n) => n.id);
    const openData = (await (await fetch(`${app.url}/open-data/events.json`)).json()) as { data: Array<{ id: string }> };
    expect(openData.data.map((row) => row.id).sort()).toEqual([...published].sort());
    expect(published).toEqual(expect.arrayContaining([listed.id, called.id]));
    const programme = await download(`${app.url}/calendars/programme.ics`);
    const inProgramme = programme.calendar!.getAllSubcomponents('vevent').map((e) => (e.getFirstPropertyValue('uid') as string).split('@')[0]);
    expect(inProgramme).toEqual(expect.arrayContaining([listed.id]));
    for (const hidden of [draft.id, droppedDraft.id]) {
      expect(openData.data.map((row) => row.id)).not.toContain(hidden);
      expect(inProgramme).not.toContain(hidden);
    }
  });

  it('a personal calendar address is random, stored hashed, shown once, and replaced or removed from the account; the old one answers 404', async () => {
    const mine = (token: string) => app.gqlOk<{ myCalendarAddress: { createdAt: string; lastUsedAt: string | null } | null }>(E.MY_CALENDAR_ADDRESS, {}, { token });
    const event = await publishedEvent(app, t.organiser, { title: { en: 'My own seminar', ko: '나의 세미나' } });
    await register(app, t.busan, event.id);
    expect((await mine(t.busan)).myCalendarAddress).toBeNull();

    // The address of old, an HMAC of the user id, is gone: it answers 404 like any other unknown address.
    const hmac = signToken(app.config.JWT_SECRET, 'event-calendar', id.busan);
    expect((await fetch(`${app.url}/calendars/users/${encodeURIComponent(hmac)}.ics`)).status).toBe(404);

    const first = await newCalendarAddress(app, t.busan);
    const [, rowId, secret] = /\/calendars\/users\/([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})\.ics$/.exec(first)!;
    const stored: unknown[] = await app.dataSource.query(`SELECT * FROM calendar_address WHERE user_id = $1`, [id.busan]);
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(stored[0]).toMatchObject({ id: rowId });
    expect((await mine(t.busan)).myCalendarAddress).toEqual({ createdAt: expect.any(String), lastUsedAt: null });

    // Made once: asking again does not silently replace it.
    const again = await app.gql(E.CREATE_CALENDAR_ADDRESS, {}, { token: t.busan });
    expect([codeOf(again), reasonOf(again)]).toEqual(['CONFLICT', 'CALENDAR_ADDRESS_EXISTS']);
    expect(again.errors![0].message).toContain('rotateCalendarAddress');

    const used = await download(first);
    expect(used.status).toBe(200);
    // Busan's officer writes Korean: their feed is in Korean, unless the address asks for English.
    expect(eventIn(used.calendar!, event.id).getFirstPropertyValue('summary')).toBe('나의 세미나');
    expect(eventIn((await download(`${first}?lang=en`)).calendar!, event.id).getFirstPropertyValue('summary')).toBe('My own seminar');
    const afterUse = (await mine(t.busan)).myCalendarAddress!;
    expect(afterUse.lastUsedAt).not.toBeNull();
    expect(Date.parse(afterUse.lastUsedAt!)).toBeGreaterThanOrEqual(Date.parse(afterUse.createdAt));
    // Someone else's secret on this id, or this secret on another id, opens nothing.
    const other = await newCalendarAddress(app, t.liverpool);
    const [, otherId, otherSecret] = /\/calendars\/users\/([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})\.ics$/.exec(other)!;
    expect((await fetch(`${app.url}/calendars/users/${rowId}.${otherSecret}.ics`)).status).toBe(404);
    expect((await fetch(`${app.url}/calendars/users/${otherId}.${secret}.ics`)).status).toBe(404);

    // Rotating: a new address; the old one answers 404 at once.
    const rotated = (await app.gqlOk<{ rotateCalendarAddress: { url: string; createdAt: string } }>(E.ROTATE_CALENDAR_ADDRESS, {}, { token: t.busan })).rotateCalendarAddress;
    expect(rotated.url).not.toBe(first);
    expect((await fetch(first)).status).toBe(404);
    expect((await mine(t.busan)).myCalendarAddress).toEqual({ createdAt: rotated.createdAt, lastUsedAt: null });
    expect((await download(rotated.url)).status).toBe(200);
    expect((await fetch(other)).status).toBe(200);

    // Removing: no address at all; nothing left to rotate.
    expect((await app.gqlOk<{ removeCalendarAddress: boolean }>(E.REMOVE_CALENDAR_ADDRESS, {}, { token: t.busan })).removeCalendarAddress).toBe(true);
    expect((await fetch(rotated.url)).status).toBe(404);
    expect((await mine(t.busan)).myCalendarAddress).toBeNull();
    expect(codeOf(await app.gql(E.ROTATE_CALENDAR_ADDRESS, {}, { token: t.busan }))).toBe('NOT_FOUND');
    expect((await app.gqlOk<{ removeCalendarAddress: boolean }>(E.REMOVE_CALENDAR_ADDRESS, {}, { token: t.busan })).removeCalendarAddress).toBe(false);
    expect((await download(await newCalendarAddress(app, t.busan))).status).toBe(200);
  });

  it('a disabled account’s calendar address answers 404 and is not noted as used', async () => {
    const address = await newCalendarAddress(app, t.admin);
    await app.dataSource.query(`UPDATE user_account SET disabled_at = now() WHERE id = $1`, [id.admin]);
    try {
      expect((await fetch(address)).status).toBe(404);
      const [row]: Array<{ last_used_at: Date | null }> = await app.dataSource.query(`SELECT last_used_at FROM calendar_address WHERE user_id = $1`, [id.admin]);
      expect(row.last_used_at).toBeNull();
    } finally {
      await app.dataSource.query(`UPDATE user_account SET disabled_at = NULL WHERE id = $1`, [id.admin]);
    }
    expect((await fetch(address)).status).toBe(200);
  });
});
