import { startTestApp, TestApp } from '../support/harness';
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

  it('leads of a draft are reminded three days and one day before the close, once each, in their language and zone', async () => {
    const { callId } = await createFundWithCall(app, t, id, { gbp: '10000000', krw: '170000000', board: [], closesInMs: 10 * DAY });
    const draft = await draftApplication(app, t, callId, await createProject(app, t, id, workspaceId, 'Reminded'));
    // A submitted application is not reminded.
    const submitted = await draftApplication(app, t, callId, await createProject(app, t, id, workspaceId, 'Done early'));
    await app.gqlOk(F.SUBMIT, { input: { id: submitted } }, { token: t.liverpool });

    app.workerClock!.advance(7 * DAY + 60_000);
    const en = await app.mail.waitFor((m) => m.to === 'officer.liverpool@demo.twins.test' && m.subject.startsWith('3 days left'));
    expect(en.subject).toBe('3 days left: “Smart quays feasibility” is not submitted yet');
    expect(en.text).toMatch(/closes on .+ (GMT|BST)/);
    expect(en.text).toContain(`/applications/${draft}`);
    const ko = await app.mail.waitFor((m) => m.to === 'officer.busan@demo.twins.test' && m.subject.startsWith('마감 3일 전'));
    expect(ko.text).toMatch(/오[전후] \d+:\d\d \(한국 시간\)에 마감됩니다/);

    app.workerClock!.advance(2 * DAY);
    await app.mail.waitFor((m) => m.to === 'officer.liverpool@demo.twins.test' && m.subject.startsWith('One day left'));
    await app.mail.waitFor((m) => m.to === 'officer.busan@demo.twins.test' && m.subject.startsWith('마감 하루 전'));
    // Further checks send nothing twice, and nothing about the submitted one.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const reminders: Array<{ n: number }> = await app.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE template = 'funding.deadline-reminder'`);
    expect(reminders[0].n).toBe(4);
    expect(app.mail.to('officer.liverpool@demo.twins.test').filter((m) => /left:/.test(m.subject))).toHaveLength(2);
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
