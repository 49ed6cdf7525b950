import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import Redis from 'ioredis';
import * as nodemailer from 'nodemailer';
import { Client } from 'pg';
import { ephemeralFrom, findFreePort, LOCAL_ROLES, preparePlatformDatabase, startMailSink, startPostgres, startRedis, stopAll } from './index';

// Real servers, no mocks. Runs as root too: startPostgres then hands its
// folders to the postgres OS user, which is why `root` is not created here
// (a mkdtemp folder is 0700 and that user could not enter it).
const root = path.join(os.tmpdir(), `dev-services-spec-${process.pid}-${Date.now()}`);

afterAll(() => fs.rm(root, { recursive: true, force: true }));

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/** A pid that surely belongs to no process: one that has just exited. */
function deadPid(): number {
  const { pid } = spawnSync(process.execPath, ['-e', '']);
  if (pid === undefined) throw new Error('could not run node');
  return pid;
}

describe('findFreePort', () => {
  it('returns a port below the ephemeral range (none an outgoing connection could take), that can be listened on', async () => {
    const port = await findFreePort();
    expect(port).toBeGreaterThanOrEqual(10_000);
    expect(port).toBeLessThan(ephemeralFrom());
    expect(await canConnect(port)).toBe(false);
    const server = net.createServer().listen(port, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    await new Promise((resolve) => server.close(resolve));
  });
});

describe('startPostgres', () => {
  it('runs a throw-away cluster that answers queries and is removed on stop', async () => {
    const dataDir = path.join(root, 'pg-throwaway');
    const pg = await startPostgres({ dataDir, persistent: false });
    try {
      expect(pg.url).toMatch(/^postgres:\/\/postgres:postgres@127\.0\.0\.1:\d+\/postgres$/);
      expect(await query(pg.url, 'select 1 as one')).toEqual([{ one: 1 }]);
      // The builtin C.UTF-8 locale lower-cases non-ASCII letters.
      expect(await query(pg.url, "select lower('ÄÖÜ') as l")).toEqual([{ l: 'äöü' }]);
    } finally {
      await pg.stop();
    }
    await pg.stop();
    expect(existsSync(dataDir)).toBe(false);
  }, 30_000);

  it('goes down and comes back up on the same port with its data, even a throw-away cluster', async () => {
    const dataDir = path.join(root, 'pg-restart');
    const pg = await startPostgres({ dataDir, persistent: false });
    const port = Number(new URL(pg.url).port);
    try {
      await query(pg.url, 'create table kept (n int); insert into kept values (7)');
      await pg.down();
      expect(await canConnect(port)).toBe(false);
      await pg.up();
      expect(await query(pg.url, 'select n from kept')).toEqual([{ n: 7 }]);
    } finally {
      await pg.stop();
    }
    await expect(pg.up()).rejects.toThrow(/stopped for good/);
    expect(existsSync(dataDir)).toBe(false);
  }, 60_000);

  it('keeps a persistent cluster and starts despite a stale postmaster.pid', async () => {
    const dataDir = path.join(root, 'pg-persistent');
    const first = await startPostgres({ dataDir, persistent: true });
    await query(first.url, 'create table kept (v text); insert into kept values (\'still here\')');
    await first.stop();

    // What a crashed run leaves behind: a pid file naming a dead process.
    await fs.writeFile(path.join(dataDir, 'postmaster.pid'), `${deadPid()}\n${dataDir}\n`);
    const lines: string[] = [];
    const second = await startPostgres({ dataDir, persistent: true, log: (line) => lines.push(line) });
    try {
      expect(await query(second.url, 'select v from kept')).toEqual([{ v: 'still here' }]);
      expect(lines.some((line) => line.includes('removing stale'))).toBe(true);
    } finally {
      await second.stop();
      await second.stop();
    }
    expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
  }, 30_000);
});

describe('preparePlatformDatabase', () => {
  it("upgrades a cluster made before the platform had its own roles: the database and its objects go to the owner, neither role is a superuser, and again changes nothing", async () => {
    const pg = await startPostgres({ dataDir: path.join(root, 'pg-roles'), persistent: false });
    try {
      // What the old launcher left: everything owned by the superuser postgres.
      await query(
        pg.url,
        `CREATE TYPE mood AS ENUM ('ok');
         CREATE TABLE kept (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, counter serial, m mood);
         CREATE SEQUENCE loose;
         CREATE FUNCTION kept_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM kept';
         INSERT INTO kept (m) VALUES ('ok')`,
      );
      for (let round = 0; round < 2; round++) {
        const urls = await preparePlatformDatabase(pg.url);
        expect(urls.ownerUrl).toMatch(new RegExp(`^postgres://${LOCAL_ROLES.owner.name}:[^@]+@127\\.0\\.0\\.1:\\d+/postgres$`));
        expect(urls.appUrl).toMatch(new RegExp(`^postgres://${LOCAL_ROLES.app.name}:[^@]+@127\\.0\\.0\\.1:\\d+/postgres$`));
        const owners = await query<{ owner: string }>(
          urls.ownerUrl,
          `SELECT DISTINCT owner FROM (
             SELECT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relnamespace = 'public'::regnamespace
             UNION ALL SELECT pg_get_userbyid(proowner) FROM pg_proc WHERE pronamespace = 'public'::regnamespace
             UNION ALL SELECT pg_get_userbyid(typowner) FROM pg_type WHERE typnamespace = 'public'::regnamespace) o`,
        );
        expect(owners).toEqual([{ owner: LOCAL_ROLES.owner.name }]);
        const roles = await query(pg.url, `SELECT rolname, rolsuper, rolbypassrls, rolcreaterole, rolcreatedb, rolcanlogin FROM pg_roles WHERE rolname LIKE 'twins_%' ORDER BY 1`);
        expect(roles).toEqual(
          [LOCAL_ROLES.app.name, LOCAL_ROLES.owner.name].map((rolname) => ({ rolname, rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false, rolcanlogin: true })),
        );
        // The database is the owner's (so is its schema public), never the application's.
        expect(
          await query(
            pg.url,
            `SELECT pg_get_userbyid(datdba) AS owner, pg_has_role('${LOCAL_ROLES.owner.name}', nspowner, 'MEMBER') AS owner_owns_schema,
                    pg_has_role('${LOCAL_ROLES.app.name}', datdba, 'MEMBER') OR pg_has_role('${LOCAL_ROLES.app.name}', nspowner, 'MEMBER') AS app_owns_any
               FROM pg_database, pg_namespace WHERE datname = current_database() AND nspname = 'public'`,
          ),
        ).toEqual([{ owner: LOCAL_ROLES.owner.name, owner_owns_schema: true, app_owns_any: false }]);
        // The owner can now change what it owns and create more; the data is untouched.
        await query(urls.ownerUrl, `ALTER TABLE kept ADD COLUMN IF NOT EXISTS note text; CREATE TABLE IF NOT EXISTS more (id int)`);
        expect(await query(urls.ownerUrl, 'SELECT kept_count()::int AS n')).toEqual([{ n: 1 }]);
        // The application's role signs in, but has no grant yet: the migrations give it those.
        await expect(query(urls.appUrl, 'SELECT * FROM kept')).rejects.toThrow('permission denied for table kept');
        await expect(query(urls.appUrl, 'CREATE TABLE intruder (id int)')).rejects.toThrow('permission denied for schema public');
      }
      // As the database's owner it may also add a trusted extension, as the migrations do (pg_trgm).
      const { ownerUrl } = await preparePlatformDatabase(pg.url);
      await query(ownerUrl, 'CREATE EXTENSION pg_trgm');
      // Done: a table the superuser makes now stays the superuser's (no walk on every start).
      await query(pg.url, 'CREATE TABLE later (id int)');
      await preparePlatformDatabase(pg.url);
      expect(await query(pg.url, `SELECT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relname = 'later'`)).toEqual([{ owner: 'postgres' }]);

      // A new database for the owner, as the tests' template is made; made again when it is asked for again.
      for (let round = 0; round < 2; round++) {
        const urls = await preparePlatformDatabase(pg.url, { newDatabase: 'fresh' });
        expect(new URL(urls.ownerUrl).pathname).toBe('/fresh');
        expect(new URL(urls.appUrl).pathname).toBe('/fresh');
        await query(urls.ownerUrl, 'CREATE TABLE mine (id int)');
        expect(await query(urls.ownerUrl, 'SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = current_database()')).toEqual([
          { owner: LOCAL_ROLES.owner.name },
        ]);
      }
    } finally {
      await pg.stop();
    }
  }, 30_000);
  it('takes other roles and passwords (a docker compose volume: scripts/prepare-database.ts), quoted', async () => {
    const pg = await startPostgres({ dataDir: path.join(root, 'pg-other-roles'), persistent: false });
    try {
      const legacy = new URL(pg.url);
      legacy.pathname = '/legacy';
      await query(pg.url, 'CREATE DATABASE legacy');
      await query(legacy.toString(), 'CREATE TABLE kept (id int)');
      const roles = { owner: { name: 'Owner-1', password: "it's secret" }, app: { name: 'app one', password: 'p@ss/word' } };
      const urls = await preparePlatformDatabase(legacy.toString(), { roles });
      expect(await query(urls.ownerUrl, `SELECT current_user AS me, pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relname = 'kept'`)).toEqual([
        { me: 'Owner-1', owner: 'Owner-1' },
      ]);
      expect(await query(urls.appUrl, 'SELECT current_user AS me, pg_get_userbyid(datdba) AS db FROM pg_database WHERE datname = current_database()')).toEqual([
        { me: 'app one', db: 'Owner-1' },
      ]);
      await expect(preparePlatformDatabase(pg.url, { roles: { owner: roles.app, app: roles.app } })).rejects.toThrow('need two roles');
    } finally {
      await pg.stop();
    }
  }, 30_000);
});

describe('startRedis', () => {
  it('starts a server that answers PING and stops it', async () => {
    const dataDir = path.join(root, 'redis');
    const redis = await startRedis({ dataDir });
    const port = Number(new URL(redis.url).port);
    const client = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 0 });
    try {
      await client.connect();
      expect(await client.ping()).toBe('PONG');
    } finally {
      await client.quit();
      await redis.stop();
    }
    await redis.stop();
    expect(await canConnect(port)).toBe(false);
    expect(existsSync(path.join(dataDir, 'redis.pid'))).toBe(false);
  }, 20_000);

  it('goes down and comes back up on the same port, empty, as a restart without persistence does', async () => {
    const redis = await startRedis({ dataDir: path.join(root, 'redis-restart') });
    const port = Number(new URL(redis.url).port);
    const client = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 0 });
    try {
      await client.connect();
      await client.set('job', 'queued');
      await redis.down();
      expect(await canConnect(port)).toBe(false);
      await redis.up();
      // The same client reconnects by itself; what was stored is gone.
      const value = await new Promise<string | null>((resolve, reject) => {
        const attempt = () => client.get('job').then(resolve, () => setTimeout(attempt, 100));
        client.once('end', () => reject(new Error('the client gave up')));
        attempt();
      });
      expect(value).toBeNull();
    } finally {
      client.disconnect();
      await redis.stop();
    }
    expect(await canConnect(port)).toBe(false);
  }, 20_000);

  it('explains how to get Redis when redis-server is missing and installing is turned off', async () => {
    const emptyDir = path.join(root, 'empty-path');
    await fs.mkdir(emptyDir, { recursive: true });
    const start = startRedis({ dataDir: path.join(root, 'redis-missing'), env: { PATH: emptyDir, AUTO_INSTALL_PACKAGES: 'false' } });
    // With nothing on PATH there is no apt-get either: the message names the package.
    await expect(start).rejects.toThrow('redis-server is not installed (for the queue).');
    await expect(start).rejects.toThrow(process.platform === 'darwin' ? 'brew install redis' : 'install redis-server');
    await expect(start).rejects.toThrow('docker compose up redis, then set REDIS_URL=redis://localhost:6379');
    await expect(startRedis({ dataDir: emptyDir, redisServerPath: path.join(emptyDir, 'redis-server') })).rejects.toThrow('is not an executable file');
  });
});

describe('startMailSink', () => {
  it('receives a mail over SMTP and shows it in the web API', async () => {
    const sink = await startMailSink();
    try {
      expect(sink.smtpUrl).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
      await nodemailer.createTransport(sink.smtpUrl).sendMail({
        from: 'twins@example.org',
        to: 'mayor@example.org',
        subject: 'Hello twin city',
        text: 'Shall we plant trees together?',
      });
      const response = await fetch(`${sink.webUrl}/api/email`);
      const emails = (await response.json()) as Array<{ subject: string; text: string }>;
      expect(emails).toHaveLength(1);
      expect(emails[0]).toMatchObject({ subject: 'Hello twin city' });
    } finally {
      await sink.stop();
    }
    await sink.stop();
    expect(await canConnect(Number(new URL(sink.smtpUrl).port))).toBe(false);
  }, 20_000);
});

describe('stopAll', () => {
  it('stops in reverse order, carries on after a failure and reports it', async () => {
    const stopped: string[] = [];
    const service = (name: string, fails = false) => ({
      stop: async () => {
        stopped.push(name);
        if (fails) throw new Error(`${name} broke`);
      },
    });
    await expect(stopAll([service('db'), undefined, service('redis', true), service('mail')])).rejects.toThrow('1 service(s) failed to stop: redis broke');
    expect(stopped).toEqual(['mail', 'redis', 'db']);
  });
});
