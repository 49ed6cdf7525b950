import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import Redis from 'ioredis';
import * as nodemailer from 'nodemailer';
import { Client } from 'pg';
import { findFreePort, startMailSink, startPostgres, startRedis, stopAll } from './index';

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
  it('returns a port that can be listened on', async () => {
    const port = await findFreePort();
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

  it('explains how to get Redis when redis-server is not on PATH', async () => {
    const emptyDir = path.join(root, 'empty-path');
    await fs.mkdir(emptyDir, { recursive: true });
    const start = startRedis({ dataDir: path.join(root, 'redis-missing'), pathEnv: emptyDir });
    await expect(start).rejects.toThrow('redis-server was not found on PATH');
    await expect(start).rejects.toThrow('sudo apt-get install redis-server');
    await expect(start).rejects.toThrow('brew install redis');
    await expect(start).rejects.toThrow('docker compose up redis, then set REDIS_URL=redis://localhost:6379');
    await expect(startRedis({ dataDir: emptyDir, redisServerPath: path.join(emptyDir, 'redis-server') })).rejects.toThrow('set REDIS_URL to an existing Redis server');
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
