import { insertReturning, updateReturning } from '@app/core';
import { Organisation, OrganisationKind } from '@app/identity';
import { startTestApp, TestApp } from '../support/harness';
import { statementsOf } from '../support/statements';

/** Runs `work` in a transaction that is then rolled back, and answers what it returned. */
async function rolledBack<T>(app: TestApp, work: (em: TestApp['dataSource']['manager']) => Promise<T>): Promise<T> {
  const runner = app.dataSource.createQueryRunner();
  await runner.startTransaction();
  try {
    return await work(runner.manager);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

describe('insertReturning and updateReturning', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ worker: false });
  });
  afterAll(() => app.close());

  it('answer the row as a read after the write would, in one statement each', async () => {
    const statements = await statementsOf(app, () =>
      rolledBack(app, async (em) => {
        const inserted = await insertReturning(em, Organisation, { nameEn: 'Returning Ltd', nameKo: '리터닝', kind: OrganisationKind.COMPANY, cityId: 'busan', website: null });
        const insertedRead = await em.findOneByOrFail(Organisation, { id: inserted.id });
        const updated = await updateReturning(em, Organisation, inserted.id, { website: 'https://returning.example.org' });
        const updatedRead = await em.findOneByOrFail(Organisation, { id: inserted.id });
        const missing = await updateReturning(em, Organisation, '00000000-0000-4000-8000-000000000000', { website: null });
        expect(inserted).toBeInstanceOf(Organisation);
        expect(inserted).toEqual(insertedRead);
        expect(inserted.createdAt).toBeInstanceOf(Date);
        expect(updated).toEqual(updatedRead);
        expect(updated!.website).toBe('https://returning.example.org');
        expect(missing).toBeNull();
      }),
    );
    const writes = statements.filter((s) => /^(INSERT|UPDATE)/.test(s));
    expect(writes).toHaveLength(3);
    expect(writes.every((s) => s.endsWith('RETURNING *'))).toBe(true);
  });
});
