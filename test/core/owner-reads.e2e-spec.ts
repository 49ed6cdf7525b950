import { organisationsById, usersById } from '@app/identity';
import { projectsById } from '@app/projects';
import { twinningsOfWorkspaces } from '@app/twinning';
import { createProject, twinLiverpoolAndBusan } from '../funding/funding-support';
import { startTestApp, TestApp } from '../support/harness';

/*
 * The reads a lib exports for other contexts answer a UUID in any case, as
 * PostgreSQL does, an id that is no UUID or names nothing as unknown, and
 * every answer in the order asked.
 */
describe('reads the owning libs export for other contexts', () => {
  let app: TestApp;
  const t: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let workspaceId: string;
  let projectId: string;
  const NOBODY = '00000000-0000-4000-8000-000000000000';

  beforeAll(async () => {
    app = await startTestApp({ worker: false });
    await app.signInDemo(t, ids, ['liverpool', 'busan']);
    workspaceId = await twinLiverpoolAndBusan(app, t);
    projectId = await createProject(app, t, ids, workspaceId, 'Smart quays');
  });
  afterAll(() => app.close());

  it('accounts, organisations and projects by id, whatever the case of the UUID', async () => {
    const em = app.dataSource.manager;
    const [{ id: organisationId }] = await app.dataSource.query(`SELECT id FROM organisation ORDER BY id LIMIT 1`);
    for (const [id, read] of [
      [ids.liverpool, usersById],
      [organisationId as string, organisationsById],
      [projectId, projectsById],
    ] as const) {
      const found = await read(em, ['not-a-uuid', id.toUpperCase(), id, NOBODY]);
      expect(found.map((row) => row?.id)).toEqual([undefined, id, id, undefined]);
    }
  });

  it("a workspace's twinning, whatever the case of the workspace's UUID", async () => {
    const [{ twinning_id: twinningId }] = await app.dataSource.query(`SELECT twinning_id FROM workspace WHERE id = $1`, [workspaceId]);
    const found = await twinningsOfWorkspaces(app.dataSource.manager, [workspaceId.toUpperCase(), 'not-a-uuid', NOBODY, workspaceId]);
    expect(found.map((twinning) => twinning?.id)).toEqual([twinningId, undefined, undefined, twinningId]);
  });
});
