import { readdir, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startPostgres, startRedis } from '@app/dev-services';
import { seconds, type PhaseRow } from './checks';
import { until } from './health';
import type { HeldMail } from './mail-sink';
import { RESUME_WAIT_MS, SMTP_DOWN_MS } from './settings';
import { query, type Stack } from './stack';

/** The faults, in the order the drill applies them: each returns what its row of the table notes. */

type Fault = (stack: Stack) => Promise<Partial<PhaseRow>>;

/** Waits for the sink to hold a message, then kills the worker sending it and measures until what it held is SENT. */
function killWorkerAt(mode: HeldMail['mode']): Fault {
  return async (stack) => {
    const held = await new Promise<HeldMail | undefined>((resolveHeld) => {
      const onHeld = (mail: HeldMail) => {
        clearTimeout(timer);
        resolveHeld(mail);
      };
      const timer = setTimeout(() => {
        stack.sink.holdNextMessage(undefined);
        stack.sink.off('held', onHeld);
        resolveHeld(undefined);
      }, 60_000);
      stack.sink.once('held', onHeld);
      stack.sink.holdNextMessage(mode);
    });
    if (!held) return { note: 'no email was sent within a minute: nothing to kill' };
    const pid = await pidOfClientPort(held.clientPort, stack.workers.map((w) => w.pid));
    const worker = stack.workers.find((w) => w.pid === pid);
    if (!worker) {
      held.release();
      return { note: `no worker owns the SMTP session from port ${held.clientPort}` };
    }
    const killedAt = Date.now();
    worker.kill();
    await new Promise((r) => worker.child!.once('exit', r));
    // What the dead worker held: claimed (SENDING) and not finished. The other worker's own sends finish in milliseconds.
    const holding = (await query<{ id: string }>(stack, `SELECT id FROM outbox_message WHERE status = 'SENDING'`)).map((r) => r.id);
    held.release();
    const resumed = await until(
      `messages held by the killed ${worker.name} sent`,
      async () => (await query<{ n: string }>(stack, `SELECT count(*) AS n FROM outbox_message WHERE id = ANY($1::uuid[]) AND status <> 'SENT'`, [holding]))[0]!.n === '0',
      RESUME_WAIT_MS,
    );
    const resumedMs = resumed ? Date.now() - killedAt : null;
    // As a supervisor would: the killed worker comes back (after the measurement, so the other one is what resumed).
    worker.start();
    return { resumedMs, note: `killed ${worker.name} (${mode}, ${holding.length} message(s) held${held.idempotencyKey ? `, key ${held.idempotencyKey}` : ''})` };
  };
}

const killApiMidRequest: Fault = async (stack) => {
  const api = stack.apis[0]!;
  const port = stack.apiPorts[0]!;
  const busy = await until('a request in hand at api 1', async () => stack.proxy.inFlightTo(port) > 0, 30_000, 5);
  const inHand = stack.proxy.inFlightTo(port);
  api.kill();
  await new Promise((r) => api.child!.once('exit', r));
  // An operator (or a supervisor) starts it again.
  await sleep(2_000);
  api.start();
  return { note: busy ? `killed api 1 with ${inHand} request(s) in hand; restarted after 2 s` : 'killed api 1 (no request was in hand)' };
};

const restartRedis: Fault = async (stack) => {
  await stack.redis.stop();
  await sleep(1_000);
  stack.redis = await startRedis({ dataDir: join(stack.root, 'redis'), port: stack.redisPort });
  return { note: 'stopped, started empty on the same port after 1 s' };
};

const restartPostgres: Fault = async (stack) => {
  await stack.pg.stop();
  await sleep(1_000);
  stack.pg = await startPostgres({ dataDir: stack.pg.dataDir, port: stack.pgPort, persistent: true });
  return { note: 'fast shutdown, started again on the same data and port after 1 s' };
};

const smtpDown: Fault = async (stack) => {
  await stack.sink.down();
  await sleep(SMTP_DOWN_MS);
  await stack.sink.up();
  return { note: `refused connections for ${seconds(SMTP_DOWN_MS)}` };
};

export const FAULTS: Array<[string, Fault]> = [
  ['worker killed mid-send', killWorkerAt('before-accepting')],
  ['worker killed: accepted, not marked', killWorkerAt('after-accepting')],
  ['API killed mid-request', killApiMidRequest],
  ['Redis restarted empty', restartRedis],
  ['PostgreSQL restarted', restartPostgres],
  ['SMTP down', smtpDown],
];

/** The process (of `pids`) whose TCP socket has local port `port`: the one an SMTP session came from. */
async function pidOfClientPort(port: number, pids: number[]): Promise<number | undefined> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const text = await readFile(table, 'utf8').catch(() => '');
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const local = fields[1];
      if (local && parseInt(local.split(':').pop()!, 16) === port) inodes.add(fields[9]!);
    }
  }
  for (const pid of pids) {
    const fds = await readdir(`/proc/${pid}/fd`).catch(() => [] as string[]);
    for (const fd of fds) {
      const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && inodes.has(inode)) return pid;
    }
  }
  return undefined;
}
