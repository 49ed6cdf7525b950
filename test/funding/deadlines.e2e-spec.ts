import { eventually, startTestApp, TestApp } from '../support/harness';
import { codeOf, createFundWithCall, createProject, draftApplication, F, reasonOf, twinLiverpoolAndBusan } from './funding-support';

const DAY = 86_400_000;

/** The close of a call, by the server's clock; and reminders to drafts, in each lead's language and zone. */
describe('seed fund: deadlines', () => {
  let app: TestApp;
  const t: Record<string, string> = {};
  const id: Record<string, string> = {};
  let workspaceId: string;

  beforeAll(async () => {
    app = await startTestApp({ worker: true, env: { FUNDING_REMINDER_CHECK_MS: '200' } });
    await app.signInDemo(t, id);
    workspaceId = await twinLiverpoolAndBusan(app, t);
  });
  afterAll(() => app.close());
  afterEach(() => app.workerClock!.reset());

  it('leads of a draft are reminded three days and one day before the close, once each, in their language and zone, with the time left when sent', async () => {
    const { callId } = await createFundWithCall(app, t, id, { gbp: '10000000', krw: '170000000', board: [], closesInMs: 10 * DAY });
    const draft = await draftApplication(app, t, callId, await createProject(app, t, id, workspaceId, 'Reminded'));
    // A submitted application is not reminded.
    const submitted = await draftApplication(app, t, callId, await createProject(app, t, id, workspaceId, 'Done early'));
    await app.gqlOk(F.SUBMIT, { input: { id: submitted } }, { token: t.liverpool });

    // The three-day reminder falls due a minute inside three days: 2 days 23 hours 59 minutes are left, rounded down.
    app.workerClock!.advance(7 * DAY + 60_000);
    const en = await app.mail.waitFor((m) => m.to === 'officer.liverpool@demo.twins.test' && m.subject.startsWith('2 days left'));
    expect(en.subject).toBe('2 days left: “Smart quays feasibility” is not submitted yet');
    expect(en.text).toMatch(/closes on .+ (GMT|BST)/);
    expect(en.text).toContain(`/applications/${draft}`);
    const ko = await app.mail.waitFor((m) => m.to === 'officer.busan@demo.twins.test' && m.subject.startsWith('마감 이틀 전'));
    expect(ko.subject).toBe('마감 이틀 전: “스마트 부두 타당성 조사” 신청서가 아직 제출되지 않았습니다');
    expect(ko.text).toMatch(/오[전후] \d+:\d\d \(한국 시간\)에 마감됩니다/);

    app.workerClock!.advance(2 * DAY);
    await app.mail.waitFor((m) => m.to === 'officer.liverpool@demo.twins.test' && m.subject.startsWith('23 hours left'));
    await app.mail.waitFor((m) => m.to === 'officer.busan@demo.twins.test' && m.subject.startsWith('마감 23시간 전'));
    // Further checks send nothing twice, and nothing about the submitted one.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const reminders: Array<{ n: number }> = await app.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE template = 'funding.deadline-reminder'`);
    expect(reminders[0].n).toBe(4);
    expect(app.mail.to('officer.liverpool@demo.twins.test').filter((m) => /left:/.test(m.subject))).toHaveLength(2);
  });

  it('a call closing in 48 hours: its draft’s reminder says 47 hours left, not the three days of the reminder it is', async () => {
    const { callId } = await createFundWithCall(app, t, id, { gbp: '10000000', krw: '170000000', board: [], closesInMs: 2 * DAY });
    const draft = await draftApplication(app, t, callId, await createProject(app, t, id, workspaceId, 'Closing soon'));
    const ours = (to: string) => (m: { to: string; text: string }) => m.to === to && m.text.includes(`/applications/${draft}`);
    const en = await app.mail.waitFor(ours('officer.liverpool@demo.twins.test'));
    expect(en.subject).toBe('47 hours left: “Smart quays feasibility” is not submitted yet');
    const ko = await app.mail.waitFor(ours('officer.busan@demo.twins.test'));
    expect(ko.subject).toBe('마감 47시간 전: “스마트 부두 타당성 조사” 신청서가 아직 제출되지 않았습니다');
    // Queued for the three-day reminder, as its idempotency key says.
    const keys: Array<{ idempotency_key: string }> = await app.dataSource.query(`SELECT idempotency_key FROM outbox_message WHERE template = 'funding.deadline-reminder' AND idempotency_key LIKE $1`, [
      `funding.deadline:${draft}:%`,
    ]);
    expect(keys.map((k) => k.idempotency_key.split(':').slice(-2)[0])).toEqual(['3', '3']);
  });

  it('a reminder that waited in the outbox (SMTP down) says the time left when it is sent, not when it was queued', async () => {
    const { callId } = await createFundWithCall(app, t, id, { gbp: '10000000', krw: '170000000', board: [], closesInMs: 20 * DAY });
    const draft = await draftApplication(app, t, callId, await createProject(app, t, id, workspaceId, 'Waited'));
    const call = await app.gqlOk<{ fundCall: { closesAt: string } }>(`query($id: ID!) { fundCall(id: $id) { closesAt } }`, { id: callId });
    const closesAt = new Date(call.fundCall.closesAt).getTime();
    const ours = (to: string) => (m: { to: string; text: string }) => m.to === to && m.text.includes(`/applications/${draft}`);
    await app.mail.stop();
    try {
      // Queued a minute inside three days, it would have said "2 days left"; it fails to go out.
      app.workerClock!.advance(closesAt - 3 * DAY + 60_000 - app.workerClock!.now().getTime());
      await eventually(
        async () => {
          const rows: Array<{ status: string }> = await app.dataSource.query(`SELECT status FROM outbox_message WHERE idempotency_key LIKE $1`, [`funding.deadline:${draft}:%`]);
          return rows.length === 2 && rows.every((r) => r.status === 'FAILED');
        },
        20_000,
        'both reminders tried and failed',
      );
      // A day and a half later by the worker's clock (not yet the one-day reminder's moment), the mail server is back.
      app.workerClock!.advance(36 * 3_600_000);
    } finally {
      await app.mail.restart();
    }
    const en = await app.mail.waitFor(ours('officer.liverpool@demo.twins.test'), 30_000);
    expect(en.subject).toBe('35 hours left: “Smart quays feasibility” is not submitted yet');
    const ko = await app.mail.waitFor(ours('officer.busan@demo.twins.test'), 30_000);
    expect(ko.subject).toBe('마감 35시간 전: “스마트 부두 타당성 조사” 신청서가 아직 제출되지 않았습니다');
  });

  it('a submission one second after the close is refused; one second before, accepted', async () => {
    const { callId } = await createFundWithCall(app, t, id, { gbp: '10000000', krw: '170000000', board: [], closesInMs: 2 * DAY });
    const call = await app.gqlOk<{ fundCall: { closesAt: string } }>(`query($id: ID!) { fundCall(id: $id) { closesAt } }`, { id: callId });
    const closesAt = new Date(call.fundCall.closesAt).getTime();
    const early = await draftApplication(app, t, callId, await createProject(app, t, id, workspaceId, 'Just in time'));
    const late = await draftApplication(app, t, callId, await createProject(app, t, id, workspaceId, 'Just too late'));

    app.clock.advance(closesAt - 1000 - app.clock.now().getTime());
    expect((await app.gqlOk<{ submitFundApplication: { status: string } }>(F.SUBMIT, { input: { id: early } }, { token: t.liverpool })).submitFundApplication.status).toBe('SUBMITTED');

    app.clock.advance(closesAt + 1000 - app.clock.now().getTime());
    const refused = await app.gql(F.SUBMIT, { input: { id: late } }, { token: t.liverpool });
    expect([codeOf(refused), reasonOf(refused)]).toEqual(['CONFLICT', 'CALL_CLOSED']);
    expect(refused.errors![0].message).toContain('it takes no more applications');
    expect((await app.gqlOk<{ fundApplication: { status: string } }>(F.APPLICATION, { id: late }, { token: t.liverpool })).fundApplication.status).toBe('DRAFT');
    // Nor can a new draft be started; an admin may extend the close, and then it can.
    const project = await createProject(app, t, id, workspaceId, 'After the close');
    expect(reasonOf(await app.gql(F.CREATE, { input: { callId, projectId: project, title: { en: 'Late' }, summary: { en: 'Late' } } }, { token: t.liverpool }))).toBe('CALL_CLOSED');
    await app.gqlOk(F.UPDATE_CALL, { input: { id: callId, closesAt: new Date(closesAt + DAY).toISOString() } }, { token: t.admin });
    expect((await app.gqlOk<{ submitFundApplication: { status: string } }>(F.SUBMIT, { input: { id: late } }, { token: t.liverpool })).submitFundApplication.status).toBe('SUBMITTED');
    const moveOpening = await app.gql(F.UPDATE_CALL, { input: { id: callId, opensAt: new Date(closesAt).toISOString() } }, { token: t.admin });
    expect(reasonOf(moveOpening)).toBe('CALL_OPEN');
  });
});
