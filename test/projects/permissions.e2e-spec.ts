import { startTestApp, TestApp } from '../support/harness';
import { Actor, matrixRow } from '../support/matrix';
import { linkIn, tokenFrom } from '../support/smtp-sink';

const PROJECT = `query($id: ID!) { project(id: $id) { id version stage closedAt milestones { id version } } }`;
const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) { id version } }`;
const UPDATE = `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { id version } }`;
const STAGE = `mutation($input: ChangeProjectStageInput!) { changeProjectStage(input: $input) { id stage } }`;
const CLOSE = `mutation($input: ProjectReasonInput!) { closeProject(input: $input) { id } }`;
const REOPEN = `mutation($input: ProjectReasonInput!) { reopenProject(input: $input) { id } }`;
const PUBLISH = `mutation($input: PublishProjectInput!) { publishProjectSummary(input: $input) { id published } }`;
const ADD_MILESTONE = `mutation($input: AddMilestoneInput!) { addMilestone(input: $input) { id version } }`;
const UPDATE_MILESTONE = `mutation($input: UpdateMilestoneInput!) { updateMilestone(input: $input) { id version } }`;
const REMOVE_MILESTONE = `mutation($input: RemoveMilestoneInput!) { removeMilestone(input: $input) }`;
const FOLLOW = `mutation($workspaceId: ID!) { followWorkspace(workspaceId: $workspaceId) { frequency } }`;
const UNFOLLOW = `mutation($workspaceId: ID!) { unfollowWorkspace(workspaceId: $workspaceId) }`;
const WORKSPACE_PARTS = `query($id: ID!) { workspace(id: $id) { projects { totalCount } activity(first: 5) { nodes { verb } } health { activeProjects } } }`;
const PUBLISHED = `query { publishedProjects { totalCount } }`;

const STAGES = ['DISCOVERY', 'GOAL_SETTING', 'FEASIBILITY', 'DEMONSTRATOR', 'SCALING'];

/**
 * Every operation on projects, milestones, the feed and following, tried by
 * each kind of person: the exact outcome of each. (The twinning and
 * membership operations have theirs in test/twinning/twinning.e2e-spec.ts.)
 */
describe('joint projects: the permission matrix', () => {
  let app: TestApp;
  const t: Record<string, string> = {};
  const id: Record<string, string> = {};
  let workspaceId: string;
  let projectId: string;

  const tokenOf = (actor: Actor): string | undefined =>
    ({ anonymous: undefined, nonMember: t.organiser, admin: t.admin, observer: t.boardUk, member: t.participant, lead: t.liverpool })[actor];
  /** The project as it is now (read by an admin), so each attempt sends the current version. */
  const current = async (projectIdToRead = projectId) =>
    (await app.gqlOk<{ project: { id: string; version: number; stage: string; closedAt: string | null; milestones: Array<{ id: string; version: number }> } }>(PROJECT, { id: projectIdToRead }, { token: t.admin })).project;
  const newMilestone = async () =>
    (await app.gqlOk<{ addMilestone: { id: string; version: number } }>(ADD_MILESTONE, { input: { projectId, title: { en: 'Step' }, dueDate: '2027-06-01' } }, { token: t.liverpool })).addMilestone;
  const projectInput = (override: Record<string, unknown> = {}) => ({
    workspaceId,
    title: { en: 'Smart port sensors', ko: '스마트 항만 센서' },
    summary: { en: 'Sensors on quays.', ko: '부두의 센서.' },
    sectors: ['iot'],
    type: 'PROOF_OF_CONCEPT',
    cityALeadUserId: id.liverpool,
    cityBLeadUserId: id.busan,
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    ...override,
  });
  const row = (attempt: (actor: Actor) => Promise<{ query: string; variables: Record<string, unknown> }>, actors?: Actor[]) =>
    matrixRow(async (actor) => {
      const { query, variables } = await attempt(actor);
      return app.gql(query, variables, { token: tokenOf(actor) });
    }, actors);

  beforeAll(async () => {
    app = await startTestApp();
    await app.signInDemo(t, id);
    // Liverpool and Busan twin; Priya observes; Jordan (Busan Technopark) is a member.
    const proposed = await app.gqlOk<{ proposeTwinning: { id: string } }>(
      `mutation($input: ProposeTwinningInput!) { proposeTwinning(input: $input) { id } }`,
      { input: { cityId: 'liverpool', partnerCityId: 'busan', message: 'Twin?' } },
      { token: t.liverpool },
    );
    workspaceId = (
      await app.gqlOk<{ respondToTwinningProposal: { workspaceId: string } }>(
        `mutation($input: RespondToTwinningProposalInput!) { respondToTwinningProposal(input: $input) { workspaceId } }`,
        { input: { id: proposed.proposeTwinning.id, accept: true, reason: 'Yes' } },
        { token: t.busan },
      )
    ).respondToTwinningProposal.workspaceId;
    await app.gqlOk(`mutation($input: InviteToWorkspaceInput!) { inviteToWorkspace(input: $input) { id } }`, { input: { workspaceId, email: 'board.uk@demo.twins.test', role: 'OBSERVER' } }, { token: t.liverpool });
    const mail = await app.mail.waitFor((m) => m.to === 'board.uk@demo.twins.test');
    await app.gqlOk(
      `mutation($input: AcceptWorkspaceInvitationInput!) { acceptWorkspaceInvitation(input: $input) { joined } }`,
      { input: { token: tokenFrom(linkIn(mail, `${app.url}/join-workspace`)) } },
      { token: t.boardUk },
    );
    const request = await app.gqlOk<{ requestToJoinWorkspace: { id: string } }>(
      `mutation($input: RequestToJoinWorkspaceInput!) { requestToJoinWorkspace(input: $input) { id } }`,
      { input: { workspaceId, message: 'Hello' } },
      { token: t.participant },
    );
    await app.gqlOk(`mutation($input: DecideJoinRequestInput!) { decideJoinRequest(input: $input) { id } }`, { input: { id: request.requestToJoinWorkspace.id, approve: true, role: 'MEMBER' } }, { token: t.busan });
    projectId = (await app.gqlOk<{ createProject: { id: string } }>(CREATE, { input: projectInput() }, { token: t.liverpool })).createProject.id;
  });
  afterAll(() => app.close());

  it('reading: the project, the workspace’s projects, feed and health, and published summaries', async () => {
    expect(await row(async () => ({ query: PROJECT, variables: { id: projectId } }))).toEqual({
      anonymous: 'NOT_FOUND', nonMember: 'NOT_FOUND', admin: 'OK', observer: 'OK', member: 'OK', lead: 'OK',
    });
    expect(await row(async () => ({ query: WORKSPACE_PARTS, variables: { id: workspaceId } }))).toEqual({
      anonymous: 'NOT_FOUND', nonMember: 'NOT_FOUND', admin: 'OK', observer: 'OK', member: 'OK', lead: 'OK',
    });
    expect(await row(async () => ({ query: PUBLISHED, variables: {} }))).toEqual({
      anonymous: 'OK', nonMember: 'OK', admin: 'OK', observer: 'OK', member: 'OK', lead: 'OK',
    });
  });

  it('createProject and updateProject: leads and members', async () => {
    expect(await row(async (actor) => ({ query: CREATE, variables: { input: projectInput({ title: { en: `By ${actor}` } }) } }))).toEqual({
      anonymous: 'UNAUTHENTICATED', nonMember: 'NOT_FOUND', admin: 'FORBIDDEN', observer: 'FORBIDDEN', member: 'OK', lead: 'OK',
    });
    expect(await row(async (actor) => ({ query: UPDATE, variables: { input: { id: projectId, version: (await current()).version, summary: { en: `Edited by ${actor}` } } } }))).toEqual({
      anonymous: 'UNAUTHENTICATED', nonMember: 'NOT_FOUND', admin: 'FORBIDDEN', observer: 'FORBIDDEN', member: 'OK', lead: 'OK',
    });
    // Making oneself the project's lead is steering it: not for a member who does not lead it.
    expect(await row(async (actor) => ({ query: UPDATE, variables: { input: { id: projectId, version: (await current()).version, cityBLeadUserId: actor === 'lead' ? id.busan : id.participant } } }))).toEqual({
      anonymous: 'UNAUTHENTICATED', nonMember: 'NOT_FOUND', admin: 'FORBIDDEN', observer: 'FORBIDDEN', member: 'FORBIDDEN', lead: 'OK',
    });
  });

  it('changeProjectStage, closeProject, reopenProject: workspace leads and the project’s own leads', async () => {
    const nextStage = async () => {
      const { version, stage } = await current();
      return { id: projectId, version, stage: STAGES[(STAGES.indexOf(stage) + 1) % STAGES.length], reason: 'Moving on' };
    };
    expect(await row(async () => ({ query: STAGE, variables: { input: await nextStage() } }))).toEqual({
      anonymous: 'UNAUTHENTICATED', nonMember: 'NOT_FOUND', admin: 'FORBIDDEN', observer: 'FORBIDDEN', member: 'FORBIDDEN', lead: 'OK',
    });
    const reason = async () => ({ id: projectId, version: (await current()).version, reason: 'Because' });
    expect(await row(async () => ({ query: CLOSE, variables: { input: await reason() } }))).toEqual({
      anonymous: 'UNAUTHENTICATED', nonMember: 'NOT_FOUND', admin: 'FORBIDDEN', observer: 'FORBIDDEN', member: 'FORBIDDEN', lead: 'OK',
    });
    expect(await row(async () => ({ query: REOPEN, variables: { input: await reason() } }))).toEqual({
      anonymous: 'UNAUTHENTICATED', nonMember: 'NOT_FOUND', admin: 'FORBIDDEN', observer: 'FORBIDDEN', member: 'FORBIDDEN', lead: 'OK',
    });
    // A member who leads the project (Jordan for Busan) may steer it too.
    const led = (await app.gqlOk<{ createProject: { id: string; version: number } }>(CREATE, { input: projectInput({ cityBLeadUserId: id.participant }) }, { token: t.participant })).createProject;
    const moved = await app.gql(STAGE, { input: { id: led.id, version: led.version, stage: 'GOAL_SETTING', reason: 'Agreed' } }, { token: t.participant });
    expect(moved.errors).toBeUndefined();
    // Demoted to observer, they read it but steer it no more.
    await app.gqlOk(`mutation($input: ChangeWorkspaceMemberRoleInput!) { changeWorkspaceMemberRole(input: $input) { role } }`, { input: { workspaceId, userId: id.participant, role: 'OBSERVER' } }, { token: t.busan });
    const refused = await app.gql(STAGE, { input: { id: led.id, version: led.version + 1, stage: 'FEASIBILITY', reason: 'On' } }, { token: t.participant });
    expect(refused.errors?.[0].extensions.code).toBe('FORBIDDEN');
    await app.gqlOk(`mutation($input: ChangeWorkspaceMemberRoleInput!) { changeWorkspaceMemberRole(input: $input) { role } }`, { input: { workspaceId, userId: id.participant, role: 'MEMBER' } }, { token: t.busan });
  });

  it('publishProjectSummary: workspace leads only', async () => {
    expect(await row(async () => ({ query: PUBLISH, variables: { input: { id: projectId, published: true } } }))).toEqual({
      anonymous: 'UNAUTHENTICATED', nonMember: 'NOT_FOUND', admin: 'FORBIDDEN', observer: 'FORBIDDEN', member: 'FORBIDDEN', lead: 'OK',
    });
  });

  it('addMilestone, updateMilestone, removeMilestone: leads and members', async () => {
    expect(await row(async (actor) => ({ query: ADD_MILESTONE, variables: { input: { projectId, title: { en: `By ${actor}` }, dueDate: '2027-05-01' } } }))).toEqual({
      anonymous: 'UNAUTHENTICATED', nonMember: 'NOT_FOUND', admin: 'FORBIDDEN', observer: 'FORBIDDEN', member: 'OK', lead: 'OK',
    });
    const milestone = await newMilestone();
    const version = async () => (await current()).milestones.find((m) => m.id === milestone.id)!.version;
    expect(await row(async () => ({ query: UPDATE_MILESTONE, variables: { input: { id: milestone.id, version: await version(), status: 'IN_PROGRESS', dueDate: '2027-06-02' } } }))).toEqual({
      anonymous: 'UNAUTHENTICATED', nonMember: 'NOT_FOUND', admin: 'FORBIDDEN', observer: 'FORBIDDEN', member: 'OK', lead: 'OK',
    });
    // Each attempt removes a milestone of its own.
    expect(await row(async () => {
      const fresh = await newMilestone();
      return { query: REMOVE_MILESTONE, variables: { input: { id: fresh.id, version: fresh.version } } };
    })).toEqual({
      anonymous: 'UNAUTHENTICATED', nonMember: 'NOT_FOUND', admin: 'FORBIDDEN', observer: 'FORBIDDEN', member: 'OK', lead: 'OK',
    });
  });

  it('followWorkspace and unfollowWorkspace: members of any role', async () => {
    expect(await row(async () => ({ query: FOLLOW, variables: { workspaceId } }))).toEqual({
      anonymous: 'UNAUTHENTICATED', nonMember: 'NOT_FOUND', admin: 'FORBIDDEN', observer: 'OK', member: 'OK', lead: 'OK',
    });
    const unfollowed: Record<string, unknown> = {};
    for (const actor of ['admin', 'observer', 'member', 'lead'] as Actor[]) {
      unfollowed[actor] = (await app.gqlOk<{ unfollowWorkspace: boolean }>(UNFOLLOW, { workspaceId }, { token: tokenOf(actor) })).unfollowWorkspace;
    }
    // Admins may ask, but never followed.
    expect(unfollowed).toEqual({ admin: false, observer: true, member: true, lead: true });
    expect(await row(async () => ({ query: UNFOLLOW, variables: { workspaceId } }))).toEqual({
      anonymous: 'UNAUTHENTICATED', nonMember: 'NOT_FOUND', admin: 'OK', observer: 'OK', member: 'OK', lead: 'OK',
    });
  });

  it('a removed member loses the project and their digests with their membership', async () => {
    await app.gqlOk(FOLLOW, { workspaceId }, { token: t.participant });
    await app.gqlOk(`mutation($input: WorkspaceMemberRefInput!) { removeWorkspaceMember(input: $input) }`, { input: { workspaceId, userId: id.participant } }, { token: t.busan });
    const follows: Array<{ n: number }> = await app.dataSource.query(`SELECT count(*)::int AS n FROM workspace_follow WHERE user_id = $1`, [id.participant]);
    expect(follows[0].n).toBe(0);
    expect((await row(async () => ({ query: PROJECT, variables: { id: projectId } }), ['member'])).member).toBe('NOT_FOUND');
  });
});
