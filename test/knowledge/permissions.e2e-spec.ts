import { createProject, joinAsMember, twinLiverpoolAndBusan } from '../funding/funding-support';
import { startTestApp, TestApp } from '../support/harness';

type Who = 'anonymous' | 'outsider' | 'observer' | 'author' | 'reviewer' | 'admin';
const ALL: Who[] = ['anonymous', 'outsider', 'observer', 'author', 'reviewer', 'admin'];

const CREATE = `mutation($input: CreateCaseStudyInput!) { createCaseStudy(input: $input) { id slug } }`;
const GET = `query($idOrSlug: String!) { caseStudy(idOrSlug: $idOrSlug) { id versions { language status } } }`;
const UPDATE = `mutation($input: UpdateCaseStudyInput!) { updateCaseStudy(input: $input) { id version } }`;
const WRITE = `mutation($input: WriteCaseStudyTextInput!) { writeCaseStudyText(input: $input) { revision } }`;
const step = (name: string, input = 'CaseStudyStepInput') => `mutation($input: ${input}!) { ${name}(input: $input) { status } }`;
const REVISIONS = `query($idOrSlug: String!) { caseStudy(idOrSlug: $idOrSlug) { revisions(language: "en") { revision } } }`;
const FROM_PROJECT = `mutation($projectId: ID!) { startCaseStudyFromProject(projectId: $projectId) { id } }`;
const MINE = `query { myCaseStudies { totalCount } }`;
const PUBLIC = `query { caseStudies { totalCount } searchCaseStudies(query: "port") { totalCount } }`;

/**
 * Every case-study operation, tried by each kind of person: the exact outcome.
 * The author is Jordan (a member of the Liverpool–Busan workspace); the
 * reviewer a lead of it; the observer Priya, who reads the workspace but does
 * not write for it; the outsider an organiser with no part in it.
 */
describe('case studies: the permission matrix', () => {
  let app: TestApp;
  const t: Record<string, string> = {};
  const id: Record<string, string> = {};
  let workspaceId: string;
  const tokenOf = (who: Who) => ({ anonymous: undefined, outsider: t.organiser, observer: t.boardUk, author: t.participant, reviewer: t.liverpool, admin: t.admin })[who];
  const row = async (attempt: (who: Who) => Promise<{ query: string; variables: Record<string, unknown> }>, actors = ALL) => {
    const got: Record<string, string> = {};
    for (const who of actors) {
      const { query, variables } = await attempt(who);
      const res = await app.gql(query, variables, { token: tokenOf(who) });
      got[who] = res.errors?.[0]?.extensions.code ?? 'OK';
    }
    return got;
  };
  const draft = async (title: string) =>
    (
      await app.gqlOk<{ createCaseStudy: { id: string; slug: string } }>(
        CREATE,
        { input: { workspaceId, cityIds: ['liverpool', 'busan'], versions: [{ language: 'en', title, summary: 'About ports.', body: 'Ports.' }] } },
        { token: t.participant },
      )
    ).createCaseStudy;
  const published = async (title: string) => {
    const study = await draft(title);
    await app.gqlOk(step('submitCaseStudyForReview'), { input: { caseStudyId: study.id, language: 'en' } }, { token: t.participant });
    await app.gqlOk(step('reviewCaseStudy', 'ReviewCaseStudyInput'), { input: { caseStudyId: study.id, language: 'en', approve: true } }, { token: t.liverpool });
    return study;
  };

  beforeAll(async () => {
    app = await startTestApp();
    await app.signInDemo(t, id);
    workspaceId = await twinLiverpoolAndBusan(app, t);
    await joinAsMember(app, t, workspaceId);
    await app.gqlOk(`mutation($input: InviteToWorkspaceInput!) { inviteToWorkspace(input: $input) { id } }`, { input: { workspaceId, email: 'board.uk@demo.twins.test', role: 'OBSERVER' } }, { token: t.liverpool });
    const { linkIn, tokenFrom } = await import('../support/smtp-sink');
    const mail = await app.mail.waitFor((m) => m.to === 'board.uk@demo.twins.test' && /workspace/i.test(m.subject));
    await app.gqlOk(`mutation($input: AcceptWorkspaceInvitationInput!) { acceptWorkspaceInvitation(input: $input) { joined } }`, { input: { token: tokenFrom(linkIn(mail, `${app.url}/join-workspace`)) } }, { token: t.boardUk });
  });
  afterAll(() => app.close());

  it('reading: drafts for authors and reviewers; published ones and search for everyone', async () => {
    const study = await draft('Draft only');
    expect(await row(async () => ({ query: GET, variables: { idOrSlug: study.slug } }))).toEqual({ anonymous: 'NOT_FOUND', outsider: 'NOT_FOUND', observer: 'NOT_FOUND', author: 'OK', reviewer: 'OK', admin: 'OK' });
    expect(await row(async () => ({ query: REVISIONS, variables: { idOrSlug: study.slug } }))).toEqual({ anonymous: 'NOT_FOUND', outsider: 'NOT_FOUND', observer: 'NOT_FOUND', author: 'OK', reviewer: 'OK', admin: 'OK' });
    const open = await published('Published one');
    expect(await row(async () => ({ query: GET, variables: { idOrSlug: open.slug } }))).toEqual({ anonymous: 'OK', outsider: 'OK', observer: 'OK', author: 'OK', reviewer: 'OK', admin: 'OK' });
    expect(await row(async () => ({ query: REVISIONS, variables: { idOrSlug: open.slug } }))).toEqual({ anonymous: 'NOT_FOUND', outsider: 'NOT_FOUND', observer: 'NOT_FOUND', author: 'OK', reviewer: 'OK', admin: 'OK' });
    expect(await row(async () => ({ query: PUBLIC, variables: {} }))).toEqual({ anonymous: 'OK', outsider: 'OK', observer: 'OK', author: 'OK', reviewer: 'OK', admin: 'OK' });
    expect(await row(async () => ({ query: MINE, variables: {} }))).toEqual({ anonymous: 'UNAUTHENTICATED', outsider: 'OK', observer: 'OK', author: 'OK', reviewer: 'OK', admin: 'OK' });
  });

  it('writing: anyone signed in starts one; for a workspace, its members; authors and reviewers edit', async () => {
    expect(await row(async (who) => ({ query: CREATE, variables: { input: { workspaceId, versions: [{ language: 'en', title: `By ${who}`, summary: 's', body: 'b' }] } } }))).toEqual({
      anonymous: 'UNAUTHENTICATED', outsider: 'NOT_FOUND', observer: 'FORBIDDEN', author: 'OK', reviewer: 'OK', admin: 'FORBIDDEN',
    });
    expect(await row(async (who) => ({ query: CREATE, variables: { input: { versions: [{ language: 'ko', title: `${who}의 사례`, summary: 's', body: 'b' }] } } }))).toEqual({
      anonymous: 'UNAUTHENTICATED', outsider: 'OK', observer: 'OK', author: 'OK', reviewer: 'OK', admin: 'OK',
    });
    const study = await draft('To edit');
    const current = async () => (await app.gqlOk<{ caseStudy: { id: string; version: number } }>(`query($s: String!) { caseStudy(idOrSlug: $s) { id version } }`, { s: study.slug }, { token: t.admin })).caseStudy.version;
    expect(await row(async () => ({ query: UPDATE, variables: { input: { id: study.id, version: await current(), sdgs: [11] } } }))).toEqual({
      anonymous: 'UNAUTHENTICATED', outsider: 'NOT_FOUND', observer: 'NOT_FOUND', author: 'OK', reviewer: 'OK', admin: 'OK',
    });
    expect(await row(async (who) => ({ query: WRITE, variables: { input: { caseStudyId: study.id, language: 'en', title: `Edited by ${who}`, summary: 's', body: 'b' } } }))).toEqual({
      anonymous: 'UNAUTHENTICATED', outsider: 'NOT_FOUND', observer: 'NOT_FOUND', author: 'OK', reviewer: 'OK', admin: 'OK',
    });
    const open = await published('Published, to edit');
    expect(await row(async (who) => ({ query: WRITE, variables: { input: { caseStudyId: open.id, language: 'en', title: `Edited by ${who}`, summary: 's', body: 'b' } } }))).toEqual({
      anonymous: 'UNAUTHENTICATED', outsider: 'FORBIDDEN', observer: 'FORBIDDEN', author: 'OK', reviewer: 'OK', admin: 'OK',
    });
    const projectId = await createProject(app, t, id, workspaceId, 'Prefill');
    expect(await row(async () => ({ query: FROM_PROJECT, variables: { projectId } }))).toEqual({
      anonymous: 'UNAUTHENTICATED', outsider: 'NOT_FOUND', observer: 'FORBIDDEN', author: 'OK', reviewer: 'OK', admin: 'FORBIDDEN',
    });
  });

  it('steps: authors send for review; reviewers publish, send back and publish again; authors and reviewers archive', async () => {
    const submit = async () => {
      const study = await draft('Steps');
      return { study, run: (who: Who, query: string, extra: Record<string, unknown> = {}) => app.gql(query, { input: { caseStudyId: study.id, language: 'en', ...extra } }, { token: tokenOf(who) }) };
    };
    const { study } = await submit();
    expect(await row(async () => ({ query: step('submitCaseStudyForReview'), variables: { input: { caseStudyId: study.id, language: 'en' } } }), ['anonymous', 'outsider', 'observer', 'reviewer', 'admin', 'author'])).toEqual({
      anonymous: 'UNAUTHENTICATED', outsider: 'NOT_FOUND', observer: 'NOT_FOUND', reviewer: 'FORBIDDEN', admin: 'FORBIDDEN', author: 'OK',
    });
    expect(await row(async () => ({ query: step('reviewCaseStudy', 'ReviewCaseStudyInput'), variables: { input: { caseStudyId: study.id, language: 'en', approve: true } } }), ['anonymous', 'outsider', 'observer', 'author', 'reviewer'])).toEqual({
      anonymous: 'UNAUTHENTICATED', outsider: 'NOT_FOUND', observer: 'NOT_FOUND', author: 'FORBIDDEN', reviewer: 'OK',
    });
    // Published: others read it, but archiving is for its authors and reviewers; publishing again for reviewers.
    expect(await row(async () => ({ query: step('archiveCaseStudy'), variables: { input: { caseStudyId: study.id, language: 'en' } } }), ['anonymous', 'outsider', 'observer', 'author'])).toEqual({
      anonymous: 'UNAUTHENTICATED', outsider: 'FORBIDDEN', observer: 'FORBIDDEN', author: 'OK',
    });
    expect(await row(async () => ({ query: step('republishCaseStudy'), variables: { input: { caseStudyId: study.id, language: 'en' } } }), ['anonymous', 'outsider', 'observer', 'author', 'admin'])).toEqual({
      anonymous: 'UNAUTHENTICATED', outsider: 'NOT_FOUND', observer: 'NOT_FOUND', author: 'FORBIDDEN', admin: 'OK',
    });
    expect(await row(async () => ({ query: step('confirmCaseStudyTranslation').replace('{ status }', '{ needsTranslationCheck }'), variables: { input: { caseStudyId: study.id, language: 'en' } } }))).toEqual({
      anonymous: 'UNAUTHENTICATED', outsider: 'FORBIDDEN', observer: 'FORBIDDEN', author: 'OK', reviewer: 'OK', admin: 'OK',
    });
  });
});
