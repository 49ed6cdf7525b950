import { randomUUID } from 'node:crypto';
import { PasswordHasher } from '@app/identity';
import { startTestApp, TestApp } from '../support/harness';
import { codeOf } from '../support/matrix';
import { linkIn, tokenFrom } from '../support/smtp-sink';
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
  WorkspaceView,
  workspaceView,
} from './twinning-support';

const DAY = 86400_000;
/** Requests asking for Korean answers, or English ones (else a Korean account is answered in Korean). */
const KOREAN = { 'accept-language': 'ko-KR,ko;q=0.9' };
const ENGLISH = { 'accept-language': 'en-GB,en;q=0.9' };

describe('twinnings and twin workspaces', () => {
  let app: TestApp;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let twinningId: string;
  let workspaceId: string;

  const ws = async (token?: string) => app.gql<{ workspace: WorkspaceView }>(WORKSPACE, { id: workspaceId }, { token });
  const wsOk = (token: string): Promise<WorkspaceView> => workspaceView(app, workspaceId, token);
  const invite = (token: string, email: string, role = 'MEMBER') =>
    app.gql<{ inviteToWorkspace: { id: string; status: string } }>(INVITE, { input: { workspaceId, email, role } }, { token });

  beforeAll(async () => {
    app = await startTestApp();
    await app.signInDemo(tokens, ids);
    await giveJihyunAPostInBusan(app, ids);
  });
  afterAll(() => app.close());

  describe('proposal', () => {
    it('checks the input, naming the field, and who may propose', async () => {
      const sameCountry = await app.gql(PROPOSE, { input: { cityId: 'liverpool', partnerCityId: 'manchester', message: 'Hi' } }, { token: tokens.liverpool });
      expect(sameCountry.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'partnerCityId' }] });
      const empty = await app.gql(PROPOSE, { input: { cityId: 'liverpool', partnerCityId: 'busan', message: '' } }, { token: tokens.liverpool });
      expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'message' }] });
      const unknown = await app.gql(PROPOSE, { input: { cityId: 'atlantis', partnerCityId: 'busan', message: 'Hi' } }, { token: tokens.liverpool });
      expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'cityId' }] });
      // The same refusals in Korean, composed as Korean (the particle after each city chosen for it), with the same codes.
      const sameCountryKo = await app.gql(PROPOSE, { input: { cityId: 'liverpool', partnerCityId: 'manchester', message: 'Hi' } }, { token: tokens.liverpool, headers: KOREAN });
      expect(sameCountryKo.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'partnerCityId', message: '다른 나라의 도시를 골라 주세요. 리버풀과 맨체스터 광역시는 둘 다 영국에 있습니다.' }],
      });
      const emptyKo = await app.gql(PROPOSE, { input: { cityId: 'liverpool', partnerCityId: 'busan', message: '' } }, { token: tokens.liverpool, headers: KOREAN });
      expect(emptyKo.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'message', message: expect.stringMatching(/^1자에서 \d+자 사이로 써 주세요\.$/) }] });
      const notGovernedKo = await app.gql(PROPOSE, { input: { cityId: 'busan', partnerCityId: 'liverpool', message: 'Hi' } }, { token: tokens.liverpool, headers: KOREAN });
      expect(notGovernedKo.errors?.[0]).toMatchObject({ message: '부산 시 정부 소속 공무원만 부산의 자매결연을 제안할 수 있습니다.', extensions: { code: 'FORBIDDEN' } });
      // Busan Technopark is an agency, not the city government; and Sam governs Liverpool, not Busan.
      expect(codeOf(await app.gql(PROPOSE, { input: { cityId: 'busan', partnerCityId: 'liverpool', message: 'Hi' } }, { token: tokens.participant }))).toBe('FORBIDDEN');
      expect(codeOf(await app.gql(PROPOSE, { input: { cityId: 'busan', partnerCityId: 'liverpool', message: 'Hi' } }, { token: tokens.liverpool }))).toBe('FORBIDDEN');
      expect(codeOf(await app.gql(PROPOSE, { input: { cityId: 'liverpool', partnerCityId: 'busan', message: 'Hi' } }))).toBe('UNAUTHENTICATED');
    });

    it("Liverpool's officer proposes from the pairing suggestion, keeping the score; Busan's officer is emailed in Korean", async () => {
      const stored = await app.gqlOk<{ pairScore: { score: { overall: number } } }>(`query { pairScore(cityA: "liverpool", cityB: "busan") { score { overall } } }`);
      const res = await app.gqlOk<{ proposeTwinning: { id: string; status: string; pairKey: string; workspaceId: string | null; proposal: { fromSuggestion: boolean; scoreSnapshot: { pairKey: string; overall: number; takenAt: string } } } }>(
        PROPOSE,
        { input: { cityId: 'liverpool', partnerCityId: 'busan', message: 'Ports, hydrogen and the creative industries: shall we twin?', fromSuggestion: true } },
        { token: tokens.liverpool },
      );
      const twinning = res.proposeTwinning;
      twinningId = twinning.id;
      expect(twinning).toMatchObject({ status: 'PROPOSED', pairKey: 'busan~liverpool', workspaceId: null });
      expect(twinning.proposal.fromSuggestion).toBe(true);
      expect(twinning.proposal.scoreSnapshot.pairKey).toBe('busan~liverpool');
      expect(twinning.proposal.scoreSnapshot.overall).toBeCloseTo(stored.pairScore.score.overall, 6);
      const mail = await app.mail.waitFor((m) => m.to === 'officer.busan@demo.twins.test' && m.subject.includes('자매결연'));
      expect(mail.subject).toContain('리버풀');
      expect(mail.text).toContain('Ports, hydrogen');
    });

    it('is not public while proposed, but both cities’ officers see it', async () => {
      expect(codeOf(await app.gql(`query($id: ID!) { twinning(id: $id) { id } }`, { id: twinningId }))).toBe('NOT_FOUND');
      expect(codeOf(await app.gql(`query($id: ID!) { twinning(id: $id) { id } }`, { id: twinningId }, { token: tokens.participant }))).toBe('NOT_FOUND');
      const busan = await app.gqlOk<{ twinnings: { nodes: Array<{ id: string; status: string }> } }>(
        `query { twinnings(filter: { cityId: "busan", status: PROPOSED }) { nodes { id status } } }`, {}, { token: tokens.busan });
      expect(busan.twinnings.nodes.map((t) => t.id)).toEqual([twinningId]);
      const anonymous = await app.gqlOk<{ twinnings: { nodes: unknown[] } }>(`query { twinnings(filter: { cityId: "busan" }) { nodes { id } } }`);
      expect(anonymous.twinnings.nodes).toEqual([]);
    });

    it('keeps one live twinning per pair: a second proposal is a CONFLICT', async () => {
      // Busan's officer reads Korean; a request asking for English is answered in English.
      const res = await app.gql(PROPOSE, { input: { cityId: 'busan', partnerCityId: 'liverpool', message: 'Let us twin' } }, { token: tokens.busan, headers: ENGLISH });
      expect(res.errors?.[0].extensions.code).toBe('CONFLICT');
      expect(res.errors?.[0].message).toMatch(/already have a twinning that is PROPOSED/);
      const korean = await app.gql(PROPOSE, { input: { cityId: 'busan', partnerCityId: 'liverpool', message: 'Let us twin' } }, { token: tokens.busan, headers: KOREAN });
      expect(korean.errors?.[0]).toMatchObject({
        message: '부산과 리버풀 사이에는 이미 ‘제안됨’ 상태인 자매결연이 있습니다. 두 도시 사이의 자매결연은 한 번에 하나만 진행할 수 있습니다.',
        extensions: { code: 'CONFLICT', status: 'PROPOSED' },
      });
    });

    it('only the proposer withdraws, and only officers of the partner city answer', async () => {
      expect(codeOf(await app.gql(WITHDRAW, { input: { id: twinningId } }, { token: tokens.busan }))).toBe('FORBIDDEN');
      expect(codeOf(await app.gql(RESPOND, { input: { id: twinningId, accept: true, reason: 'Yes' } }, { token: tokens.liverpool }))).toBe('FORBIDDEN');
      expect(codeOf(await app.gql(RESPOND, { input: { id: twinningId, accept: true, reason: 'Yes' } }, { token: tokens.participant }))).toBe('NOT_FOUND');
      const noReason = await app.gql(RESPOND, { input: { id: twinningId, accept: true, reason: '' } }, { token: tokens.busan });
      expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'reason' }] });
    });

    it('an officer of both cities cannot answer their own proposal: a clear CONFLICT, not a server error', async () => {
      const join = `INSERT INTO organisation_membership (user_id, organisation_id) SELECT $1, id FROM organisation WHERE name_en = 'Busan Metropolitan City'`;
      await app.dataSource.query(join, [ids.liverpool]);
      try {
        const res = await app.gql(RESPOND, { input: { id: twinningId, accept: true, reason: 'Yes' } }, { token: tokens.liverpool });
        expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'own-proposal' });
        expect(res.errors?.[0].message).toMatch(/another officer of Busan/);
      } finally {
        await app.dataSource.query(
          `DELETE FROM organisation_membership WHERE user_id = $1 AND organisation_id = (SELECT id FROM organisation WHERE name_en = 'Busan Metropolitan City')`,
          [ids.liverpool],
        );
      }
    });

    it("Busan's officer accepts: the workspace opens with one lead per city, and the proposer is told in English", async () => {
      const res = await app.gqlOk<{ respondToTwinningProposal: { status: string; activeSince: string; workspaceId: string } }>(
        RESPOND,
        { input: { id: twinningId, accept: true, reason: '부산은 리버풀과 함께하고 싶습니다.' } },
        { token: tokens.busan },
      );
      expect(res.respondToTwinningProposal.status).toBe('ACTIVE');
      expect(res.respondToTwinningProposal.activeSince).toBeTruthy();
      workspaceId = res.respondToTwinningProposal.workspaceId;
      // Answering again is refused in the officer's language (the account reads Korean), the status beside it.
      const again = await app.gql(RESPOND, { input: { id: twinningId, accept: false, reason: '다시' } }, { token: tokens.busan });
      expect(again.errors?.[0]).toMatchObject({ message: '이 제안에는 이미 답했습니다. 이 자매결연은 현재 ‘활동 중’ 상태입니다.', extensions: { code: 'CONFLICT', status: 'ACTIVE' } });
      const view = await wsOk(tokens.liverpool);
      expect(view.myRole).toBe('LEAD');
      // Both leads join in the same transaction: compare without order.
      const byCity = (a: { cityId: string }, b: { cityId: string }) => a.cityId.localeCompare(b.cityId);
      expect([...view.members!].sort(byCity).map((m) => [m.userId, m.role, m.cityId, m.organisation?.nameEn])).toEqual([
        [ids.busan, 'LEAD', 'busan', 'Busan Metropolitan City'],
        [ids.liverpool, 'LEAD', 'liverpool', 'Liverpool City Council'],
      ]);
      expect(view.statusHistory!.map((h) => [h.fromStatus, h.toStatus, h.actorUserId])).toEqual([
        [null, 'PROPOSED', ids.liverpool],
        ['PROPOSED', 'ACTIVE', ids.busan],
      ]);
      expect(view.health).toMatchObject({ activeProjects: 0 });
      expect([...view.health!.membersPerCity].sort(byCity)).toMatchObject([{ cityId: 'busan', members: 1, leads: 1 }, { cityId: 'liverpool', members: 1, leads: 1 }]);
      const mail = await app.mail.waitFor((m) => m.to === 'officer.liverpool@demo.twins.test' && /accepted/.test(m.subject));
      expect(mail.text).toContain('부산은');
      // Now public: which cities are twinned, and since when.
      const pub = await app.gqlOk<{ twinnings: { nodes: Array<{ id: string; status: string; activeSince: string; workspaceId: string }> } }>(
        `query { twinnings(filter: { cityId: "liverpool" }) { nodes { id status activeSince workspaceId } } }`);
      expect(pub.twinnings.nodes).toEqual([{ id: twinningId, status: 'ACTIVE', activeSince: expect.any(String), workspaceId }]);
      const summary = await app.gqlOk<{ twinning: { status: string; proposal: unknown } }>(`query($id: ID!) { twinning(id: $id) { status proposal { message } } }`, { id: twinningId });
      expect(summary.twinning).toEqual({ status: 'ACTIVE', proposal: null });
      expect(codeOf(await app.gql(RESPOND, { input: { id: twinningId, accept: false, reason: 'No' } }, { token: tokens.busan }))).toBe('CONFLICT');
    });
  });

  describe('invitations', () => {
    const colleague = 'casey.morgan@liverpool.example';

    it('a forged invitation link is refused before the password offered with it is hashed', async () => {
      const hashes = jest.spyOn(app.api.get(PasswordHasher), 'hash');
      try {
        const forged = await app.gql(ACCEPT, { input: { token: `${randomUUID()}.a-forged-secret-value`, displayName: 'Nobody', password: 'a password to hash' } });
        expect(forged.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'token' }] });
        expect(hashes).not.toHaveBeenCalled();
      } finally {
        hashes.mockRestore();
      }
    });

    it('a colleague without an account accepts by email link, creating the account; the link works once', async () => {
      expect((await invite(tokens.liverpool, colleague)).errors).toBeUndefined();
      const token = await invitationToken(app, colleague);
      const mail = app.mail.to(colleague)[0];
      expect(mail.subject).toMatch(/Sam Taylor invited you to the Liverpool–Busan twin workspace/);
      const missing = await app.gql(ACCEPT, { input: { token } });
      expect(missing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'displayName' }] });
      const accepted = await app.gqlOk<{ acceptWorkspaceInvitation: { accountCreated: boolean; joined: boolean; role: string } }>(
        ACCEPT, { input: { token, displayName: 'Casey Morgan', password: 'casey-password-123' } });
      expect(accepted.acceptWorkspaceInvitation).toMatchObject({ accountCreated: true, joined: true, role: 'MEMBER', workspaceId });
      const again = await app.gql(ACCEPT, { input: { token, displayName: 'Casey Morgan', password: 'casey-password-123' } });
      expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'token' }] });
      expect(again.errors?.[0].message).toMatch(/already been used/);
      tokens.colleague = await app.signIn(colleague, 'casey-password-123');
      ids.colleague = (await app.gqlOk<{ me: { id: string } }>(`query { me { id } }`, {}, { token: tokens.colleague })).me.id;
      const view = await wsOk(tokens.colleague);
      expect(view.myRole).toBe('MEMBER');
      expect(view.members!.find((m) => m.userId === ids.colleague)).toMatchObject({ cityId: 'liverpool', organisation: null });
      expect(view.invitations).toBeNull();
    });

    it('an existing account must sign in first, as the invited address, then joins with one click', async () => {
      expect((await invite(tokens.liverpool, 'board.uk@demo.twins.test', 'OBSERVER')).errors).toBeUndefined();
      const token = await invitationToken(app, 'board.uk@demo.twins.test');
      const anonymous = await app.gql(ACCEPT, { input: { token } });
      expect(anonymous.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'token' }] });
      expect(anonymous.errors?.[0].message).toMatch(/sign in first/);
      const wrongPerson = await app.gql(ACCEPT, { input: { token } }, { token: tokens.participant });
      expect(wrongPerson.errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect(wrongPerson.errors?.[0].message).toMatch(/different email address/);
      const ok = await app.gqlOk<{ acceptWorkspaceInvitation: { accountCreated: boolean; role: string } }>(ACCEPT, { input: { token } }, { token: tokens.boardUk });
      expect(ok.acceptWorkspaceInvitation).toMatchObject({ accountCreated: false, role: 'OBSERVER', joined: true });
      const member = (await wsOk(tokens.liverpool)).members!.find((m) => m.userId === ids.boardUk);
      expect(member).toMatchObject({ role: 'OBSERVER', cityId: 'liverpool', organisation: { nameEn: 'University of Liverpool' } });
    });

    it('expires', async () => {
      expect((await invite(tokens.busan, 'late@busan.example')).errors).toBeUndefined();
      const token = await invitationToken(app, 'late@busan.example');
      expect(app.mail.to('late@busan.example')[0].subject).toContain('초대');
      app.clock.advance(15 * DAY);
      try {
        const res = await app.gql(ACCEPT, { input: { token, displayName: 'Late', password: 'late-password-123' } });
        expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'token' }] });
        expect(res.errors?.[0].message).toMatch(/expired/);
        const listed = (await wsOk(tokens.busan)).invitations!.find((i) => i.email === 'late@busan.example');
        expect(listed?.status).toBe('EXPIRED');
      } finally {
        app.clock.advance(-15 * DAY);
      }
    });

    it('a revoked invitation no longer works', async () => {
      const created = await invite(tokens.liverpool, 'revoked@liverpool.example');
      const token = await invitationToken(app, 'revoked@liverpool.example');
      const invitationId = created.data!.inviteToWorkspace.id;
      expect(codeOf(await app.gql(REVOKE, { id: invitationId }, { token: tokens.colleague }))).toBe('FORBIDDEN');
      expect(codeOf(await app.gql(REVOKE, { id: invitationId }, { token: tokens.organiser }))).toBe('NOT_FOUND');
      const revoked = await app.gqlOk<{ revokeWorkspaceInvitation: { status: string } }>(REVOKE, { id: invitationId }, { token: tokens.busan });
      expect(revoked.revokeWorkspaceInvitation.status).toBe('REVOKED');
      const res = await app.gql(ACCEPT, { input: { token, displayName: 'Revoked', password: 'revoked-password-1' } });
      expect(res.errors?.[0].message).toMatch(/withdrawn/);
      expect(codeOf(await app.gql(REVOKE, { id: invitationId }, { token: tokens.busan }))).toBe('CONFLICT');
    });

    it('a platform invitation token is not a workspace invitation', async () => {
      await app.gqlOk(`mutation { inviteUser(input: { email: "platform.invitee@example.org" }) { ok } }`, {}, { token: tokens.admin });
      const mail = await app.mail.waitFor((m) => m.to === 'platform.invitee@example.org');
      const token = tokenFrom(linkIn(mail, `${app.url}/accept-invitation`));
      const res = await app.gql(ACCEPT, { input: { token, displayName: 'P', password: 'platform-password-1' } });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'token' }] });
    });
  });

  describe('join requests', () => {
    it('a partner from an organisation in either city asks; a lead approves with a role; the requester is emailed', async () => {
      const none = await app.gql(REQUEST, { input: { workspaceId, message: 'May I join?' } }, { token: tokens.organiser });
      expect(none.errors?.[0].extensions.code).toBe('FORBIDDEN');
      const req = await app.gqlOk<{ requestToJoinWorkspace: { id: string; status: string; cityId: string } }>(
        REQUEST, { input: { workspaceId, message: 'Busan Technopark would like to help with the hydrogen work.' } }, { token: tokens.participant });
      expect(req.requestToJoinWorkspace).toMatchObject({ status: 'PENDING', cityId: 'busan' });
      expect(codeOf(await app.gql(REQUEST, { input: { workspaceId, message: 'Again' } }, { token: tokens.participant }))).toBe('CONFLICT');
      expect(codeOf(await app.gql(REQUEST, { input: { workspaceId, message: 'Me too' } }, { token: tokens.colleague }))).toBe('CONFLICT');
      const noRole = await app.gql(DECIDE, { input: { id: req.requestToJoinWorkspace.id, approve: true } }, { token: tokens.busan });
      expect(noRole.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'role' }] });
      const decided = await app.gqlOk<{ decideJoinRequest: { status: string; grantedRole: string } }>(
        DECIDE, { input: { id: req.requestToJoinWorkspace.id, approve: true, role: 'MEMBER', reason: 'Welcome' } }, { token: tokens.busan });
      expect(decided.decideJoinRequest).toMatchObject({ status: 'APPROVED', grantedRole: 'MEMBER' });
      await app.mail.waitFor((m) => m.to === 'participant@demo.twins.test' && /You joined the Liverpool–Busan/.test(m.subject));
      const view = await wsOk(tokens.participant);
      expect(view.myRole).toBe('MEMBER');
      expect(view.health!.membersPerCity).toEqual([{ cityId: 'liverpool', members: 3, leads: 1 }, { cityId: 'busan', members: 2, leads: 1 }]);
    });
  });

  describe('roles and the last-lead rule', () => {
    it('a lead changes roles', async () => {
      const res = await app.gqlOk<{ changeWorkspaceMemberRole: { role: string } }>(
        CHANGE_ROLE, { input: { workspaceId, userId: ids.colleague, role: 'LEAD' } }, { token: tokens.liverpool });
      expect(res.changeWorkspaceMemberRole.role).toBe('LEAD');
      expect((await wsOk(tokens.colleague)).myRole).toBe('LEAD');
    });

    it('the last lead of a city cannot leave, be removed or be demoted', async () => {
      const leave = await app.gql(LEAVE, { workspaceId }, { token: tokens.busan, headers: ENGLISH });
      // A stable reason and the city, so a page can say it in the reader's language.
      const lastLead = { code: 'CONFLICT', reason: 'LAST_LEAD', cityId: 'busan' };
      expect(leave.errors?.[0].extensions).toMatchObject(lastLead);
      expect(leave.errors?.[0].message).toMatch(/last lead from Busan.*Appoint another lead from Busan first/);
      const leaveKo = await app.gql(LEAVE, { workspaceId }, { token: tokens.busan, headers: KOREAN });
      expect(leaveKo.errors?.[0].extensions).toMatchObject(lastLead);
      expect(leaveKo.errors?.[0].message).toBe(
        '본인이 부산의 마지막 리더이므로 떠날 수 없습니다. 모든 워크스페이스에는 도시마다 리더가 한 명 이상 있어야 합니다. 먼저 부산의 다른 리더를 지정하세요.',
      );
      expect((await app.gql(REMOVE, { input: { workspaceId, userId: ids.busan } }, { token: tokens.liverpool })).errors?.[0].extensions).toMatchObject(lastLead);
      expect((await app.gql(CHANGE_ROLE, { input: { workspaceId, userId: ids.busan, role: 'MEMBER' } }, { token: tokens.busan })).errors?.[0].extensions).toMatchObject(lastLead);
    });

    it('holds under concurrency: of two simultaneous demotions of the two Liverpool leads, exactly one succeeds', async () => {
      const results = await Promise.all(
        [ids.liverpool, ids.colleague].map((userId) => app.gql(CHANGE_ROLE, { input: { workspaceId, userId, role: 'MEMBER' } }, { token: tokens.busan })),
      );
      expect(results.map(codeOf).sort()).toEqual(['CONFLICT', 'OK']);
      const view = await wsOk(tokens.busan);
      expect(view.health!.membersPerCity.find((c) => c.cityId === 'liverpool')!.leads).toBe(1);
      // The one left is the lead for the rest of this file.
      const lead = view.members!.find((m) => m.cityId === 'liverpool' && m.role === 'LEAD')!;
      tokens.liverpoolLead = lead.userId === ids.liverpool ? tokens.liverpool : tokens.colleague;
    });
  });

  describe('privacy', () => {
    it('answers NOT_FOUND to non-members and anonymous people, exactly as for a workspace that does not exist', async () => {
      for (const token of [undefined, tokens.organiser, tokens.boardKr]) {
        // Each person is answered in their own language, so each is compared with what they are told for a missing one.
        const missing = await app.gql(WORKSPACE, { id: '00000000-0000-4000-8000-000000000000' }, { token });
        const res = await ws(token);
        expect(res.errors?.[0].extensions.code).toBe('NOT_FOUND');
        expect(res.errors?.[0].message).toBe(missing.errors?.[0].message.replace('00000000-0000-4000-8000-000000000000', workspaceId));
        expect(res.data).toBeNull();
      }
      expect(codeOf(await app.gql(LEAVE, { workspaceId }, { token: tokens.organiser }))).toBe('NOT_FOUND');
      const mine = await app.gqlOk<{ myWorkspaces: Array<{ id: string }> }>(`query { myWorkspaces { id } }`, {}, { token: tokens.organiser });
      expect(mine.myWorkspaces).toEqual([]);
    });

    it('shows admins everything, and leads the invitations and join requests that other members do not see', async () => {
      const admin = await wsOk(tokens.admin);
      expect(admin.myRole).toBeNull();
      expect(admin.invitations!.length).toBeGreaterThan(0);
      expect(admin.joinRequests!.length).toBe(1);
      const observer = await wsOk(tokens.boardUk);
      expect(observer.members!.length).toBe(5);
      expect([observer.invitations, observer.joinRequests]).toEqual([null, null]);
      const mine = await app.gqlOk<{ myWorkspaces: Array<{ id: string }> }>(`query { myWorkspaces { id } }`, {}, { token: tokens.participant });
      expect(mine.myWorkspaces).toEqual([{ id: workspaceId }]);
    });
  });

  describe('lists', () => {
    it('pages members, invitations and join requests, and filters them', async () => {
      const PAGE = `query($id: ID!, $after: String) { workspace(id: $id) {
        members(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { userId } } } }`;
      const all = (await wsOk(tokens.liverpool)).members!.map((m) => m.userId);
      const paged: string[] = [];
      let after: string | null = null;
      do {
        const res: { workspace: { members: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Array<{ userId: string }> } } } =
          await app.gqlOk(PAGE, { id: workspaceId, after }, { token: tokens.liverpool });
        expect(res.workspace.members.totalCount).toBe(all.length);
        paged.push(...res.workspace.members.nodes.map((m) => m.userId));
        after = res.workspace.members.pageInfo.hasNextPage ? res.workspace.members.pageInfo.endCursor : null;
      } while (after);
      expect(paged).toEqual(all);

      const FILTERED = `query($id: ID!) { workspace(id: $id) {
        members(filter: { cityId: "busan", role: LEAD }) { nodes { cityId role } }
        invitations(filter: { pending: true }) { nodes { status } }
        joinRequests(filter: { status: APPROVED }) { nodes { status } } } }`;
      const filtered = (await app.gqlOk<{ workspace: { members: { nodes: Array<{ cityId: string; role: string }> }; invitations: { nodes: Array<{ status: string }> }; joinRequests: { nodes: Array<{ status: string }> } } }>(
        FILTERED, { id: workspaceId }, { token: tokens.admin })).workspace;
      expect(filtered.members.nodes.length).toBeGreaterThan(0);
      expect(new Set(filtered.members.nodes.map((m) => `${m.cityId}:${m.role}`))).toEqual(new Set(['busan:LEAD']));
      expect(filtered.invitations.nodes.every((i) => i.status === 'PENDING')).toBe(true);
      expect(filtered.joinRequests.nodes.map((r) => r.status)).toEqual(['APPROVED']);
    });
  });

  it('a join request whose author joined meanwhile by invitation cannot be approved too', async () => {
    const request = await app.gqlOk<{ requestToJoinWorkspace: { id: string } }>(REQUEST, { input: { workspaceId, message: 'PNU again' } }, { token: tokens.boardKr });
    const before = app.mail.to('board.kr@demo.twins.test').length;
    await app.gqlOk(INVITE, { input: { workspaceId, email: 'board.kr@demo.twins.test', role: 'OBSERVER' } }, { token: tokens.liverpoolLead });
    await app.gqlOk(ACCEPT, { input: { token: await invitationToken(app, 'board.kr@demo.twins.test', before + 1) } }, { token: tokens.boardKr });
    const approve = await app.gql(DECIDE, { input: { id: request.requestToJoinWorkspace.id, approve: true, role: 'LEAD' } }, { token: tokens.liverpoolLead });
    expect(codeOf(approve)).toBe('CONFLICT');
    const member = (await wsOk(tokens.admin)).members!.find((m) => m.userId === ids.boardKr);
    expect(member?.role).toBe('OBSERVER');
  });
});
