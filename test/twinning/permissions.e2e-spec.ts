import { DEMO_PEOPLE, startTestApp, TestApp } from '../support/harness';
import { Actor, codeOf, matrixRow } from '../support/matrix';
import {
  ACCEPT,
  CHANGE_ROLE,
  DECIDE,
  giveJihyunAPostInBusan,
  INVITE,
  invitationToken,
  LEAVE,
  PROPOSE,
  REMOVE,
  REQUEST,
  RESPOND,
  REVOKE,
  WITHDRAW,
  WORKSPACE,
  workspaceView,
} from './twinning-support';

const CHANGE_STATUS = `mutation($input: ChangeTwinningStatusInput!) { changeTwinningStatus(input: $input) { id status } }`;

/**
 * Every operation on a twinning and its workspace, tried by each kind of
 * person (test/support/matrix.ts): the exact outcome of each. The workspace is
 * Liverpool–Busan's, opened by its two cities' officers; Sam (Liverpool) is its
 * lead here, Priya (boardUk) an observer and the participant a member, and a
 * second Liverpool member is the one the lead demotes and removes.
 */
describe('twinnings and twin workspaces', () => {
  let app: TestApp;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let twinningId: string;
  let workspaceId: string;

  const wsOk = (token: string) => workspaceView(app, workspaceId, token);
  /** Invites the address to the workspace as `role`, and returns the token of the emailed link. */
  const invited = async (email: string, role: string): Promise<string> => {
    const before = app.mail.to(email).length;
    await app.gqlOk(INVITE, { input: { workspaceId, email, role } }, { token: tokens.liverpool });
    return invitationToken(app, email, before + 1);
  };

  beforeAll(async () => {
    app = await startTestApp();
    await app.signInDemo(tokens, ids);
    await giveJihyunAPostInBusan(app, ids);
    twinningId = (
      await app.gqlOk<{ proposeTwinning: { id: string } }>(PROPOSE, { input: { cityId: 'liverpool', partnerCityId: 'busan', message: 'Shall we twin?' } }, { token: tokens.liverpool })
    ).proposeTwinning.id;
    workspaceId = (
      await app.gqlOk<{ respondToTwinningProposal: { workspaceId: string } }>(RESPOND, { input: { id: twinningId, accept: true, reason: 'Yes' } }, { token: tokens.busan })
    ).respondToTwinningProposal.workspaceId;
    await app.gqlOk(ACCEPT, { input: { token: await invited(DEMO_PEOPLE.boardUk, 'OBSERVER') } }, { token: tokens.boardUk });
    await app.gqlOk(ACCEPT, { input: { token: await invited(DEMO_PEOPLE.participant, 'MEMBER') } }, { token: tokens.participant });
    const colleague = 'casey.morgan@liverpool.example';
    await app.gqlOk(ACCEPT, { input: { token: await invited(colleague, 'MEMBER'), displayName: 'Casey Morgan', password: 'casey-password-123' } });
    tokens.liverpoolLead = tokens.liverpool;
    ids.liverpoolLead = ids.liverpool;
    ids.demoted = (await app.gqlOk<{ me: { id: string } }>(`query { me { id } }`, {}, { token: await app.signIn(colleague, 'casey-password-123') })).me.id;
  });
  afterAll(() => app.close());

  describe('permission matrix', () => {
    const tokenOf = (actor: Actor): string | undefined =>
      ({ anonymous: undefined, nonMember: tokens.organiser, admin: tokens.admin, observer: tokens.boardUk, member: tokens.participant, lead: tokens.liverpoolLead })[actor];

    const run = async (name: string, query: string, variables: (actor: Actor) => Record<string, unknown>, expected: Record<Actor, string>) => {
      const got = await matrixRow((actor) => app.gql(query, variables(actor), { token: tokenOf(actor) }));
      expect([name, got]).toEqual([name, expected]);
    };

    it('workspace(id)', async () => {
      await run('workspace', WORKSPACE, () => ({ id: workspaceId }), {
        anonymous: 'NOT_FOUND', nonMember: 'NOT_FOUND', admin: 'OK', observer: 'OK', member: 'OK', lead: 'OK',
      });
    });

    it('inviteToWorkspace', async () => {
      await run('inviteToWorkspace', INVITE, (actor) => ({ input: { workspaceId, email: `matrix.${actor.toLowerCase()}@example.org`, role: 'MEMBER' } }), {
        anonymous: 'UNAUTHENTICATED', nonMember: 'NOT_FOUND', admin: 'FORBIDDEN', observer: 'FORBIDDEN', member: 'FORBIDDEN', lead: 'OK',
      });
    });

    it('revokeWorkspaceInvitation', async () => {
      const id = (await app.gqlOk<{ inviteToWorkspace: { id: string } }>(INVITE, { input: { workspaceId, email: 'to.revoke@example.org', role: 'MEMBER' } }, { token: tokens.liverpoolLead })).inviteToWorkspace.id;
      await run('revokeWorkspaceInvitation', REVOKE, () => ({ id }), {
        anonymous: 'UNAUTHENTICATED', nonMember: 'NOT_FOUND', admin: 'FORBIDDEN', observer: 'FORBIDDEN', member: 'FORBIDDEN', lead: 'OK',
      });
    });

    it('acceptWorkspaceInvitation (an invitation to someone else)', async () => {
      await app.gqlOk(INVITE, { input: { workspaceId, email: 'someone.else@example.org', role: 'MEMBER' } }, { token: tokens.liverpoolLead });
      const token = await invitationToken(app, 'someone.else@example.org');
      // Anonymous without an account would create one; everyone signed in is the wrong person. Run anonymous last.
      const got: Record<string, string> = {};
      for (const actor of ['nonMember', 'admin', 'observer', 'member', 'lead'] as Actor[]) got[actor] = codeOf(await app.gql(ACCEPT, { input: { token } }, { token: tokenOf(actor) }));
      got.anonymous = codeOf(await app.gql(ACCEPT, { input: { token, displayName: 'Someone Else', password: 'someone-else-pw-1' } }));
      expect(got).toEqual({ nonMember: 'FORBIDDEN', admin: 'FORBIDDEN', observer: 'FORBIDDEN', member: 'FORBIDDEN', lead: 'FORBIDDEN', anonymous: 'OK' });
    });

    it('requestToJoinWorkspace', async () => {
      await run('requestToJoinWorkspace', REQUEST, () => ({ input: { workspaceId, message: 'Please' } }), {
        anonymous: 'UNAUTHENTICATED', nonMember: 'FORBIDDEN', admin: 'FORBIDDEN', observer: 'CONFLICT', member: 'CONFLICT', lead: 'CONFLICT',
      });
    });

    it('decideJoinRequest', async () => {
      const id = (await app.gqlOk<{ requestToJoinWorkspace: { id: string } }>(REQUEST, { input: { workspaceId, message: 'PNU would like to join' } }, { token: tokens.boardKr })).requestToJoinWorkspace.id;
      await run('decideJoinRequest', DECIDE, () => ({ input: { id, approve: false, reason: 'Not now' } }), {
        anonymous: 'UNAUTHENTICATED', nonMember: 'NOT_FOUND', admin: 'FORBIDDEN', observer: 'FORBIDDEN', member: 'FORBIDDEN', lead: 'OK',
      });
    });

    it('changeWorkspaceMemberRole', async () => {
      await run('changeWorkspaceMemberRole', CHANGE_ROLE, () => ({ input: { workspaceId, userId: ids.demoted, role: 'OBSERVER' } }), {
        anonymous: 'UNAUTHENTICATED', nonMember: 'NOT_FOUND', admin: 'FORBIDDEN', observer: 'FORBIDDEN', member: 'FORBIDDEN', lead: 'OK',
      });
    });

    it('changeTwinningStatus', async () => {
      const to: Record<Actor, string> = { anonymous: 'DORMANT', nonMember: 'DORMANT', admin: 'DORMANT', observer: 'ACTIVE', member: 'ACTIVE', lead: 'ACTIVE' };
      await run('changeTwinningStatus', CHANGE_STATUS, (actor) => ({ input: { id: twinningId, status: to[actor], reason: `${actor} says so` } }), {
        anonymous: 'UNAUTHENTICATED', nonMember: 'FORBIDDEN', admin: 'OK', observer: 'FORBIDDEN', member: 'FORBIDDEN', lead: 'OK',
      });
      const history = (await wsOk(tokens.admin)).statusHistory!.map((h) => [h.fromStatus, h.toStatus, h.reason]);
      expect(history.slice(-2)).toEqual([['ACTIVE', 'DORMANT', 'admin says so'], ['DORMANT', 'ACTIVE', 'lead says so']]);
      const bad = await app.gql(CHANGE_STATUS, { input: { id: twinningId, status: 'PROPOSED', reason: 'x' } }, { token: tokens.liverpoolLead });
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'status' }] });
    });

    it('respondToTwinningProposal and withdrawTwinningProposal on an accepted twinning', async () => {
      await run('respondToTwinningProposal', RESPOND, () => ({ input: { id: twinningId, accept: true, reason: 'Yes' } }), {
        anonymous: 'UNAUTHENTICATED', nonMember: 'FORBIDDEN', admin: 'FORBIDDEN', observer: 'FORBIDDEN', member: 'FORBIDDEN', lead: 'FORBIDDEN',
      });
      // Busan's officer may answer, but this proposal was answered already.
      expect(codeOf(await app.gql(RESPOND, { input: { id: twinningId, accept: true, reason: 'Yes' } }, { token: tokens.busan }))).toBe('CONFLICT');
      const proposerIsLead = ids.liverpoolLead === ids.liverpool;
      await run('withdrawTwinningProposal', WITHDRAW, () => ({ input: { id: twinningId } }), {
        anonymous: 'UNAUTHENTICATED', nonMember: 'FORBIDDEN', admin: 'FORBIDDEN', observer: 'FORBIDDEN', member: 'FORBIDDEN', lead: proposerIsLead ? 'CONFLICT' : 'FORBIDDEN',
      });
    });

    it('removeWorkspaceMember', async () => {
      await run('removeWorkspaceMember', REMOVE, () => ({ input: { workspaceId, userId: ids.demoted } }), {
        anonymous: 'UNAUTHENTICATED', nonMember: 'NOT_FOUND', admin: 'FORBIDDEN', observer: 'FORBIDDEN', member: 'FORBIDDEN', lead: 'OK',
      });
    });

    it('leaveWorkspace', async () => {
      await run('leaveWorkspace', LEAVE, () => ({ workspaceId }), {
        anonymous: 'UNAUTHENTICATED', nonMember: 'NOT_FOUND', admin: 'NOT_FOUND', observer: 'OK', member: 'OK', lead: 'CONFLICT',
      });
    });

    it('proposeTwinning', async () => {
      await run('proposeTwinning', PROPOSE, () => ({ input: { cityId: 'liverpool', partnerCityId: 'ulsan', message: 'Twin?' } }), {
        anonymous: 'UNAUTHENTICATED', nonMember: 'FORBIDDEN', admin: 'FORBIDDEN', observer: 'FORBIDDEN', member: 'FORBIDDEN',
        lead: ids.liverpoolLead === ids.liverpool ? 'OK' : 'FORBIDDEN',
      });
    });
  });
});
