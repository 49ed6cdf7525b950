import { twinLiverpoolAndBusan } from '../funding/funding-support';
import { startTestApp, TestApp } from '../support/harness';
import { codeOf, createEvent, DAY, E, eventInput, fieldsOf, HOUR, reasonOf } from './events-support';

/** Every refusal of bad input names its field and says what is wrong. */
describe('events: bad input', () => {
  let app: TestApp;
  const t: Record<string, string> = {};
  const id: Record<string, string> = {};
  let workspaceId: string;

  beforeAll(async () => {
    app = await startTestApp({ worker: false });
    await app.signInDemo(t, id, ['organiser', 'participant', 'liverpool', 'busan']);
    workspaceId = await twinLiverpoolAndBusan(app, t);
  });
  afterAll(() => app?.close());

  // Asked in English: the organiser's account reads Korean (the Korean answers have their own test below).
  const create = (over: Record<string, unknown>) => app.gql(E.CREATE, { input: eventInput(app, over) }, { token: t.organiser, headers: { 'accept-language': 'en' } });
  const refusal = async (over: Record<string, unknown>) => {
    const res = await create(over);
    return { code: codeOf(res), fields: fieldsOf(res), message: res.errors?.[0]?.message ?? '' };
  };

  it('an event that ends before it starts', async () => {
    const start = app.clock.now().getTime() + 5 * DAY;
    const res = await refusal({ startsAt: new Date(start).toISOString(), endsAt: new Date(start - HOUR).toISOString() });
    expect(res).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['endsAt'] });
    expect(res.message).toMatch(/endsAt must be after the start \(.+\): the event cannot end before it starts\./);
  });

  it('a place and a link as the format needs them, all problems at once', async () => {
    expect(await refusal({ format: 'IN_PERSON', venue: null, joinUrl: null })).toMatchObject({ fields: ['venue'], message: expect.stringContaining('venue is needed for an in-person event') });
    expect(await refusal({ format: 'ONLINE', venue: null, joinUrl: null })).toMatchObject({ fields: ['joinUrl'], message: expect.stringContaining('joinUrl is needed for an online event') });
    const start = app.clock.now().getTime() + 5 * DAY;
    expect((await refusal({ format: 'HYBRID', venue: '  ', joinUrl: null, startsAt: new Date(start).toISOString(), endsAt: new Date(start).toISOString() })).fields).toEqual(['endsAt', 'venue', 'joinUrl']);
  });

  it('fields checked on their own: zone, title, capacity, instants, links, sectors, workspace', async () => {
    expect(await refusal({ timeZone: 'Mars/Olympus_Mons' })).toMatchObject({ fields: ['timeZone'], message: expect.stringContaining('must be an IANA time zone such as Europe/London or Asia/Seoul') });
    expect(await refusal({ title: { en: ' ', ko: '' } })).toMatchObject({ fields: ['title'], message: expect.stringContaining('needs an English or a Korean version') });
    expect(await refusal({ capacity: 0 })).toMatchObject({ fields: ['capacity'] });
    expect(await refusal({ startsAt: 'next Tuesday' })).toMatchObject({ fields: ['startsAt'], message: expect.stringContaining('must be an instant such as') });
    expect(await refusal({ joinUrl: 'javascript:alert(1)' })).toMatchObject({ fields: ['joinUrl'], message: expect.stringContaining('must be a web address') });
    expect(await refusal({ sectors: ['hydrogen', 'teleportation'] })).toMatchObject({ fields: ['sectors'], message: expect.stringContaining('has no sector "teleportation"') });
    expect(await refusal({ sectors: ['hydrogen', 'hydrogen'] })).toMatchObject({ fields: ['sectors'], message: expect.stringContaining('lists a sector twice') });
    expect(await refusal({ workspaceId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ fields: ['workspaceId'] });
    expect(await refusal({ workspaceId: 'liverpool-busan' })).toMatchObject({ fields: ['workspaceId'], message: expect.stringContaining('must be a workspace id') });
    const past = app.clock.now().getTime() - HOUR;
    expect(await refusal({ startsAt: new Date(past).toISOString(), endsAt: new Date(past + 2 * HOUR).toISOString() })).toMatchObject({ fields: ['startsAt'], message: expect.stringContaining('must be in the future') });
    expect(await refusal({ workspaceId })).toMatchObject({ code: 'OK' });
  });

  it('a registration window outside the event', async () => {
    const start = app.clock.now().getTime() + 5 * DAY;
    const dates = { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 2 * HOUR).toISOString() };
    expect(await refusal({ ...dates, registrationClosesAt: new Date(start + 3 * HOUR).toISOString() })).toMatchObject({
      fields: ['registrationClosesAt'],
      message: expect.stringContaining('registrationClosesAt must be no later than the end of the event'),
    });
    expect(await refusal({ ...dates, registrationOpensAt: new Date(start + HOUR).toISOString() })).toMatchObject({
      fields: ['registrationOpensAt'],
      message: expect.stringContaining('when registration closes'),
    });
    expect((await refusal({ ...dates, registrationOpensAt: new Date(start - DAY).toISOString(), registrationClosesAt: new Date(start - 2 * DAY).toISOString() })).fields).toEqual(['registrationOpensAt']);
  });

  it('says each refusal in Korean when the request asks for it, with the same codes, fields and reasons', async () => {
    const ko = { token: t.organiser, headers: { 'accept-language': 'ko' } };
    // 10:00 UTC is 19:00 in Seoul, the event's zone: the Korean says the time as its clock reads it.
    const start = Math.ceil((app.clock.now().getTime() + 5 * DAY) / DAY) * DAY + 10 * HOUR;
    const early = await app.gql(E.CREATE, { input: eventInput(app, { startsAt: new Date(start).toISOString(), endsAt: new Date(start - HOUR).toISOString() }) }, ko);
    expect([codeOf(early), fieldsOf(early)]).toEqual(['BAD_USER_INPUT', ['endsAt']]);
    const problem = early.errors![0].extensions.fields![0].message;
    expect(problem).toMatch(/^시작 시각\(\d{4}년 \d{1,2}월 \d{1,2}일 \(.\) 오후 7:00 \(.+ 시간\)\)보다 뒤여야 합니다\. 행사가 시작하기 전에 끝날 수는 없습니다\.$/);
    expect(early.errors![0].message).toBe(`입력한 내용을 고쳐 주세요. endsAt: ${problem}`);
    // A decorator's own Korean.
    const workspace = await app.gql(E.CREATE, { input: eventInput(app, { workspaceId: 'liverpool-busan' }) }, ko);
    expect(workspace.errors?.[0].extensions.fields).toEqual([{ field: 'workspaceId', message: '워크스페이스 ID여야 합니다.' }]);
    const draft = await createEvent(app, t.organiser);
    const onDraft = await app.gql(E.REGISTER, { input: { eventId: draft.id } }, { token: t.organiser, headers: { 'accept-language': 'ko-KR,ko;q=0.9' } });
    expect([codeOf(onDraft), reasonOf(onDraft), onDraft.errors?.[0].message]).toEqual(['CONFLICT', 'NOT_PUBLISHED', '아직 초안인 행사입니다. 참가 신청을 받으려면 먼저 게시해 주세요.']);
    const stale = await app.gql(E.PUBLISH, { input: { id: draft.id, version: draft.version + 1 } }, ko);
    expect([codeOf(stale), reasonOf(stale)]).toEqual(['CONFLICT', 'STALE_VERSION']);
    expect(stale.errors?.[0].message).toBe(
      `불러온 뒤에 다른 사람이 이 행사를 바꿨습니다(보고 계신 것은 버전 ${draft.version + 1}, 지금은 버전 ${draft.version}). 최신 내용을 확인한 뒤 다시 바꿔 주세요.`,
    );
    const sector = await app.gql(E.FOLLOW, { input: { scope: 'SECTOR' } }, { token: t.participant, headers: { 'accept-language': 'ko' } });
    expect(sector.errors?.[0].extensions.fields).toEqual([{ field: 'sector', message: '구독할 분야를 넣어 주세요(예: hydrogen).' }]);
    // The same refusal in English is unchanged.
    const english = await app.gql(E.REGISTER, { input: { eventId: draft.id } }, { token: t.organiser, headers: { 'accept-language': 'en' } });
    expect(english.errors?.[0].message).toBe('This event is still a draft: publish it before anyone registers.');
  });

  it('follows name a known sector or workspace, and nothing else', async () => {
    const follow = async (input: Record<string, unknown>) => {
      const res = await app.gql(E.FOLLOW, { input }, { token: t.participant });
      return [codeOf(res), fieldsOf(res)];
    };
    expect(await follow({ scope: 'SECTOR' })).toEqual(['BAD_USER_INPUT', ['sector']]);
    expect(await follow({ scope: 'SECTOR', sector: 'teleportation' })).toEqual(['BAD_USER_INPUT', ['sector']]);
    expect(await follow({ scope: 'SECTOR', sector: 'Not A Key!' })).toEqual(['BAD_USER_INPUT', ['sector']]);
    expect(await follow({ scope: 'PROGRAMME', sector: 'hydrogen' })).toEqual(['BAD_USER_INPUT', ['sector']]);
    expect(await follow({ scope: 'WORKSPACE' })).toEqual(['BAD_USER_INPUT', ['workspaceId']]);
    expect(await follow({ scope: 'WORKSPACE', workspaceId: '00000000-0000-4000-8000-000000000000' })).toEqual(['NOT_FOUND', []]);
  });

  it('ids, pages and filters', async () => {
    const register = await app.gql(E.REGISTER, { input: { eventId: 'seminar-1' } }, { token: t.participant });
    expect([codeOf(register), fieldsOf(register)]).toEqual(['BAD_USER_INPUT', ['eventId']]);
    expect(codeOf(await app.gql(E.EVENT, { id: 'seminar-1' }))).toBe('NOT_FOUND');
    const page = await app.gql(E.EVENTS, { filter: {}, first: 101 });
    expect([codeOf(page), fieldsOf(page)]).toEqual(['BAD_USER_INPUT', ['first']]);
    const filter = await app.gql(E.EVENTS, { filter: { from: 'soon', sector: 'Hydrogen!' } });
    expect([codeOf(filter), fieldsOf(filter).sort()]).toEqual(['BAD_USER_INPUT', ['filter.from', 'filter.sector']]);
  });
});
