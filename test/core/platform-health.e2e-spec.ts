import { startTestApp, TestApp } from '../support/harness';

const HEALTH = `{ platformHealth { checkedAt services { service state detail workers } } }`;

interface Health {
  platformHealth: { checkedAt: string; services: Array<{ service: string; state: string; detail: string | null; workers: number | null }> };
}

describe('the platform health admins read in the console', () => {
  let app: TestApp;
  let admin: Promise<string> | undefined;
  beforeAll(async () => (app = await startTestApp()));
  afterAll(() => app.close());
  const health = async () => (await app.gqlOk<Health>(HEALTH, {}, { token: await (admin ??= app.signIn('admin@demo.twins.test')) })).platformHealth;
  const worker = async () => (await health()).services.find((s) => s.service === 'WORKER');

  it('reports the database, Redis and the worker as up while they run', async () => {
    const platformHealth = await health();
    expect(Date.parse(platformHealth.checkedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(platformHealth.services).toEqual([
      { service: 'DATABASE', state: 'UP', detail: null, workers: null },
      { service: 'REDIS', state: 'UP', detail: null, workers: null },
      { service: 'WORKER', state: 'UP', detail: null, workers: expect.any(Number) },
    ]);
    expect(platformHealth.services[2].workers).toBeGreaterThanOrEqual(1);
  });

  it('reports the worker down while none runs, and up again once it is back', async () => {
    await app.stopWorker();
    try {
      expect(await worker()).toEqual({ service: 'WORKER', state: 'DOWN', detail: null, workers: 0 });
    } finally {
      await app.startWorker();
    }
    expect((await worker())?.state).toBe('UP');
  });

  it('answers only admins', async () => {
    const officer = await app.signIn('officer.liverpool@demo.twins.test');
    expect((await app.gql(HEALTH, {}, { token: officer })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await app.gql(HEALTH, {})).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
