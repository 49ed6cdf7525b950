import { TestApp } from '../support/harness';
import { linkIn, tokenFrom } from '../support/smtp-sink';

/** What the twinning tests share (twinning.e2e-spec.ts, permissions.e2e-spec.ts): the calls a real client makes, and reading what they did. */

const TWINNING = 'id pairKey status cityAId cityBId activeSince workspaceId cityA { nameEn } cityB { nameEn }';
const PROPOSAL = `proposal { message fromSuggestion proposedByName decisionReason scoreSnapshot { pairKey overall overallStars takenAt } }`;
export const PROPOSE = `mutation($input: ProposeTwinningInput!) { proposeTwinning(input: $input) { ${TWINNING} ${PROPOSAL} } }`;
export const RESPOND = `mutation($input: RespondToTwinningProposalInput!) { respondToTwinningProposal(input: $input) { ${TWINNING} } }`;
export const WITHDRAW = `mutation($input: WithdrawTwinningProposalInput!) { withdrawTwinningProposal(input: $input) { id status } }`;
export const WORKSPACE = `query($id: ID!) { workspace(id: $id) { id myRole
  twinning { id status }
  members(first: 100) { totalCount nodes { userId role cityId organisation { nameEn } user { displayName } } }
  invitations(first: 100) { nodes { id email role status } }
  joinRequests(first: 100) { nodes { id status userId grantedRole } }
  statusHistory { fromStatus toStatus reason actorUserId at }
  health { lastActivityAt activeProjects membersPerCity { cityId members leads } } } }`;
export const INVITE = `mutation($input: InviteToWorkspaceInput!) { inviteToWorkspace(input: $input) { id email role status expiresAt } }`;
export const REVOKE = `mutation($id: ID!) { revokeWorkspaceInvitation(id: $id) { id status } }`;
export const ACCEPT = `mutation($input: AcceptWorkspaceInvitationInput!) { acceptWorkspaceInvitation(input: $input) { workspaceId email role accountCreated joined } }`;
export const REQUEST = `mutation($input: RequestToJoinWorkspaceInput!) { requestToJoinWorkspace(input: $input) { id status cityId } }`;
export const DECIDE = `mutation($input: DecideJoinRequestInput!) { decideJoinRequest(input: $input) { id status grantedRole } }`;
export const CHANGE_ROLE = `mutation($input: ChangeWorkspaceMemberRoleInput!) { changeWorkspaceMemberRole(input: $input) { userId role cityId } }`;
export const REMOVE = `mutation($input: WorkspaceMemberRefInput!) { removeWorkspaceMember(input: $input) }`;
export const LEAVE = `mutation($workspaceId: ID!) { leaveWorkspace(workspaceId: $workspaceId) }`;

interface Member {
  userId: string;
  role: string;
  cityId: string;
  organisation: { nameEn: string } | null;
  user: { displayName: string };
}
export interface WorkspaceView {
  id: string;
  myRole: string | null;
  twinning: { id: string; status: string };
  members: Member[] | null;
  invitations: Array<{ id: string; email: string; role: string; status: string }> | null;
  joinRequests: Array<{ id: string; status: string; userId: string; grantedRole: string | null }> | null;
  statusHistory: Array<{ fromStatus: string | null; toStatus: string; reason: string; actorUserId: string }> | null;
  health: { activeProjects: number; lastActivityAt: string; membersPerCity: Array<{ cityId: string; members: number; leads: number }> } | null;
}

/** The workspace as its lists' nodes (each list is one page of up to 100). */
export async function workspaceView(app: TestApp, workspaceId: string, token: string): Promise<WorkspaceView> {
  type Page<T> = { nodes: T[] } | null;
  const { workspace } = await app.gqlOk<{
    workspace: Omit<WorkspaceView, 'members' | 'invitations' | 'joinRequests'> & {
      members: Page<Member>;
      invitations: Page<NonNullable<WorkspaceView['invitations']>[number]>;
      joinRequests: Page<NonNullable<WorkspaceView['joinRequests']>[number]>;
    };
  }>(WORKSPACE, { id: workspaceId }, { token });
  return {
    ...workspace,
    members: workspace.members?.nodes ?? null,
    invitations: workspace.invitations?.nodes ?? null,
    joinRequests: workspace.joinRequests?.nodes ?? null,
  };
}

/** The token from the newest invitation email to this address. */
export async function invitationToken(app: TestApp, email: string, count = 1): Promise<string> {
  await app.mail.waitFor((m) => m.to === email && app.mail.to(email).length >= count);
  const mail = app.mail.to(email)[count - 1];
  return tokenFrom(linkIn(mail, `${app.url}/join-workspace`));
}

/** Jihyun (boardKr) also holds a post at Pusan National University, so she may ask to join a Busan workspace. */
export async function giveJihyunAPostInBusan(app: TestApp, ids: Record<string, string>): Promise<void> {
  await app.dataSource.query(
    `INSERT INTO organisation_membership (user_id, organisation_id) SELECT $1, id FROM organisation WHERE name_en = 'Pusan National University'`,
    [ids.boardKr],
  );
}
