import { twinLiverpoolAndBusan } from '../funding/funding-support';
import { startTestApp, TestApp } from '../support/harness';
import { codeOf, DAY, E, eventInput, fieldsOf, HOUR } from './events-support';

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

  const create = (over: Record<string, unknown>) => app.gql(E.CREATE, { input: eventInput(app, over) }, { token: t.organiser });
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
