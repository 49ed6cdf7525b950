import { linkIn } from '../support/smtp-sink';
import { startTestApp, TestApp } from '../support/harness';

const PROPOSE = `mutation($input: ProposeTwinningInput!) { proposeTwinning(input: $input) { id } }`;
const RESPOND = `mutation($input: RespondToTwinningProposalInput!) { respondToTwinningProposal(input: $input) { workspaceId } }`;
const INVITE = `mutation($input: InviteToWorkspaceInput!) { inviteToWorkspace(input: $input) { id } }`;
const MEMBERS = `query($id: ID!) { workspace(id: $id) { members { nodes { role user { displayName } } } } }`;

/**
 * The form an invitation's page posted to before the web app had the page
 * still answers (a page opened before the change), for new people and for
 * existing accounts; the link itself opens the web app's page.
 */
describe('the workspace invitation form', () => {
  let app: TestApp;
  let lead: string;
  let workspaceId: string;

  beforeAll(async () => {
    app = await startTestApp();
    lead = await app.signIn('officer.liverpool@demo.twins.test');
    const busan = await app.signIn('officer.busan@demo.twins.test');
    const { proposeTwinning } = await app.gqlOk<{ proposeTwinning: { id: string } }>(PROPOSE, { input: { cityId: 'liverpool', partnerCityId: 'busan', message: 'Shall we?' } }, { token: lead });
    const { respondToTwinningProposal } = await app.gqlOk<{ respondToTwinningProposal: { workspaceId: string } }>(
      RESPOND, { input: { id: proposeTwinning.id, accept: true, reason: 'Yes' } }, { token: busan });
    workspaceId = respondToTwinningProposal.workspaceId;
  });
  afterAll(() => app.close());

  async function invitationLink(email: string): Promise<string> {
    await app.gqlOk(INVITE, { input: { workspaceId, email, role: 'MEMBER' } }, { token: lead });
    const mail = await app.mail.waitFor((m) => m.to === email);
    return linkIn(mail, `${app.url}/join-workspace`);
  }

  const submit = (link: string, fields: Record<string, string>) =>
    fetch(`${app.url}/workspaces/accept-invitation`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: new URL(link).searchParams.get('token')!, ...fields }).toString(),
    });

  it('lets a new person create an account and join', async () => {
    const link = await invitationLink('new.colleague@example.org');
    expect(new URL(link).pathname).toBe('/join-workspace');
    // The form is checked by the same rules as the API, and says which field is wrong.
    const short = await submit(link, { displayName: 'New Colleague', password: 'short' });
    expect(short.status).toBe(400);
    expect(await short.text()).toContain('The password must be 10 to 200 characters long');
    const joined = await submit(link, { displayName: 'New Colleague', password: 'a good long password' });
    expect(joined.status).toBe(200);
    expect(await joined.text()).toMatch(/Your account is ready and you joined as member/);
    expect(await app.signIn('new.colleague@example.org', 'a good long password')).toBeTruthy();
    // Used once.
    expect((await submit(link, { displayName: 'Again', password: 'a good long password' })).status).toBe(400);
  });

  it('lets an existing account join with its password, and refuses a wrong one', async () => {
    const link = await invitationLink('participant@demo.twins.test');
    const wrong = await submit(link, { password: 'not the right password' });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toMatch(/not the password of the invited account/);
    const right = await submit(link, { password: app.env.DEMO_PASSWORD });
    expect(right.status).toBe(200);
    const { workspace } = await app.gqlOk<{ workspace: { members: { nodes: Array<{ role: string; user: { displayName: string } }> } } }>(MEMBERS, { id: workspaceId }, { token: lead });
    expect(workspace.members.nodes.map((m) => m.user.displayName)).toEqual(expect.arrayContaining(['Jordan Lee', 'New Colleague']));
  });
});
