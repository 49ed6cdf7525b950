import { startTestApp, TestApp } from '../support/harness';

const USERS = `query($q: String) { users(filter: { search: $q }) { nodes { id email } } }`;
const REVOKE = `mutation($input: UserRoleInput!) { revokeRole(input: $input) { roles } }`;
const GRANT = `mutation($input: UserRoleInput!) { grantRole(input: $input) { roles } }`;
const DISABLE = `mutation($input: SetUserDisabledInput!) { setUserDisabled(input: $input) { disabledAt } }`;

describe('the platform keeps an enabled admin', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ worker: false });
  });
  afterAll(() => app.close());

  it('refuses to remove the last enabled admin, counting disabled admins out', async () => {
    const token = await app.signIn('admin@demo.twins.test');
    const idOf = async (q: string) => (await app.gqlOk<{ users: { nodes: Array<{ id: string }> } }>(USERS, { q }, { token })).users.nodes[0].id;
    const admin = await idOf('admin@demo');
    const board = await idOf('board.uk@demo');

    const alone = await app.gql(REVOKE, { input: { userId: admin, role: 'ADMIN' } }, { token });
    expect(alone.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringMatching(/last enabled admin/) });
    expect(alone.errors?.[0].extensions.reason).toBe('LAST_ADMIN');

    await app.gqlOk(GRANT, { input: { userId: board, role: 'ADMIN' } }, { token });
    await app.gqlOk(DISABLE, { input: { userId: board, disabled: true } }, { token });
    // The other admin is disabled: still the last enabled one.
    expect((await app.gql(REVOKE, { input: { userId: admin, role: 'ADMIN' } }, { token })).errors?.[0].extensions.code).toBe('CONFLICT');

    await app.gqlOk(DISABLE, { input: { userId: board, disabled: false } }, { token });
    expect(await app.gqlOk(REVOKE, { input: { userId: admin, role: 'ADMIN' } }, { token })).toEqual({ revokeRole: { roles: [] } });
  });
});
