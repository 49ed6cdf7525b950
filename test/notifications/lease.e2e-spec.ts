import { once } from 'node:events';
import { Logger } from '@nestjs/common';
import IORedis from 'ioredis';
import { Queue } from 'bullmq';
import { Lease } from '@app/notifications';
import { eventually, startTestApp, TestApp } from '../support/harness';
import { outboxRow, outboxRowWhen } from '../support/outbox';

const SEND_TEST = `mutation($to: String) { sendTestEmail(input: { to: $to }) { queued to } }`;
/** Short, so the file is quick; long enough that a busy test machine does not miss a renewal. */
const LEASE_MS = 2000;

/**
 * The claim on a message being sent: a short lease its sender renews while it
 * works. A worker that dies lets go of its messages, and another live worker
 * sends them without anyone restarting anything; a live sender keeps its
 * message however long the mail server takes.
 */
describe('the lease on a message being sent', () => {
  let app: TestApp;
  let admin: string;
  beforeAll(async () => {
    app = await startTestApp({ env: { EMAIL_LEASE_MS: String(LEASE_MS) } });
    admin = await app.signIn('admin@demo.twins.test');
  });
  afterAll(() => app.close());

  /**
   * An email to `to` as a worker that claimed it (its claim number `attempts`) and died would have left it:
   * SENDING, its lease running a second more, its job's lock gone; then a live worker starts.
   */
  const leftByDeadWorker = async (to: string, attempts: number) => {
    await app.stopWorker();
    await app.gqlOk(SEND_TEST, { to }, { token: admin });
    const pending = await eventually(async () => outboxRow(app, to), 5000, 'the row');
    await app.dataSource.query(
      `UPDATE outbox_message SET status = 'SENDING', attempts = $2, queued_at = now(), lease_until = now() + interval '1 second', lease_owner = 'email-gone' WHERE id = $1`,
      [pending.id, attempts],
    );
    await app.startWorker();
  };

  it('passes to another live worker when its worker dies mid-send, and the message arrives once', async () => {
    // Two workers: one in its own process (killed below) and, once it is sending, the one in this process.
    await app.stopWorker();
    const doomed = app.spawnWorkerProcess();
    app.mail.hold();
    await app.gqlOk(SEND_TEST, { to: 'orphaned@example.org' }, { token: admin });
    await eventually(async () => app.mail.heldCount === 1, 20_000, 'the worker to be mid-send');
    await app.startWorker();
    expect((await outboxRow(app, 'orphaned@example.org'))?.status).toBe('SENDING');

    doomed.kill('SIGKILL');
    await once(doomed, 'exit');
    // The killed worker's connection is gone: the server never answered it, so nothing was delivered (one arrival is counted below).
    app.mail.discardHeld();

    await app.mail.waitFor((m) => m.to === 'orphaned@example.org', 20_000);
    const row = await outboxRowWhen(app, 'orphaned@example.org', 'SENT', 10_000);
    expect(row.attempts).toBe(2);
    // Give a duplicate (from the dead worker's own job, moved back by BullMQ) time to show up.
    await new Promise((r) => setTimeout(r, 3 * LEASE_MS));
    expect(app.mail.to('orphaned@example.org')).toHaveLength(1);
  });

  it('is taken over when a worker died holding it, even one the platform never heard of again', async () => {
    await leftByDeadWorker('dead-claim@example.org', 1);
    await app.mail.waitFor((m) => m.to === 'dead-claim@example.org', 20_000);
    const row = await outboxRowWhen(app, 'dead-claim@example.org', 'SENT', 10_000);
    expect(row.attempts).toBe(2);
    expect(app.mail.to('dead-claim@example.org')).toHaveLength(1);
  });

  it('is parked for an admin, not handed on again, once its senders have died as often as attempts allow', async () => {
    // The last claim attempts allow (EMAIL_MAX_ATTEMPTS is 20 in the tests), left by a worker that died, like those before it.
    await leftByDeadWorker('spent-claims@example.org', 20);
    const row = await outboxRowWhen(app, 'spent-claims@example.org', 'DEAD', 15_000);
    expect(row.attempts).toBe(20);
    await new Promise((r) => setTimeout(r, 2 * LEASE_MS));
    expect(app.mail.to('spent-claims@example.org')).toHaveLength(0);
    expect((await outboxRow(app, 'spent-claims@example.org'))?.status).toBe('DEAD');
  });

  it('stays with a sender whose lease lapsed while its job lock says it lives (the database away as it records SENT): no other job of the message takes it', async () => {
    const redis = new IORedis(app.config.REDIS_URL!, { maxRetriesPerRequest: 1 });
    try {
      await leftByDeadWorker('lapsed-lease@example.org', 1);
      // Its sender's job still holds its lock, as a live worker renews it; a plain job of the message arrives (a retry, BullMQ's stall check).
      const lock = `${app.config.QUEUE_PREFIX}:email:email-gone:lock`;
      await redis.set(lock, 'alive', 'PX', 60_000);
      const { id } = (await outboxRow(app, 'lapsed-lease@example.org'))!;
      const queue = new Queue('email', { connection: { url: app.config.REDIS_URL!, maxRetriesPerRequest: 1 }, prefix: app.config.QUEUE_PREFIX });
      await queue.add('email.send', { outboxId: id }, { jobId: `email-${id}-again`, removeOnComplete: true, removeOnFail: true });
      await queue.close();
      await new Promise((r) => setTimeout(r, 3 * LEASE_MS));
      expect(await outboxRow(app, 'lapsed-lease@example.org')).toMatchObject({ status: 'SENDING', attempts: 1 });
      expect(app.mail.to('lapsed-lease@example.org')).toHaveLength(0);
      // Its sender gone for good (the lock lapses): a takeover of that very claim sends it, once.
      await redis.del(lock);
      const row = await outboxRowWhen(app, 'lapsed-lease@example.org', 'SENT', 10_000);
      expect(row.attempts).toBe(2);
      expect(app.mail.to('lapsed-lease@example.org')).toHaveLength(1);
    } finally {
      redis.disconnect();
    }
  });

  it('stays with a live sender however long the mail server takes, while another worker stands by, even when Redis loses the job lock', async () => {
    const standby = app.spawnWorkerProcess();
    const redis = new IORedis(app.config.REDIS_URL!, { maxRetriesPerRequest: 1 });
    try {
      app.mail.hold();
      await app.gqlOk(SEND_TEST, { to: 'slow-server@example.org' }, { token: admin });
      await eventually(async () => app.mail.heldCount === 1, 20_000, 'a worker to be mid-send');
      // As a Redis restart would: the job's lock is gone, and only the lease in PostgreSQL says the sender lives.
      const { id } = (await outboxRow(app, 'slow-server@example.org'))!;
      expect(await redis.del(`${app.config.QUEUE_PREFIX}:email:email-${id}:lock`)).toBe(1);
      // Several leases long: without renewals the other worker would have claimed it and sent it again.
      await new Promise((r) => setTimeout(r, 4 * LEASE_MS));
      const sending = await outboxRow(app, 'slow-server@example.org');
      expect(sending).toMatchObject({ status: 'SENDING', attempts: 1 });
      expect(app.mail.heldCount).toBe(1);
      app.mail.release();
      const row = await outboxRowWhen(app, 'slow-server@example.org', 'SENT', 10_000);
      expect(row.attempts).toBe(1);
      await new Promise((r) => setTimeout(r, 2 * LEASE_MS));
      expect(app.mail.to('slow-server@example.org')).toHaveLength(1);
    } finally {
      redis.disconnect();
      standby.kill('SIGTERM');
      await once(standby, 'exit');
    }
  });

  it('is renewed only by the attempt that holds it: a stale heartbeat neither extends another claim nor keeps sending', async () => {
    await app.stopWorker();
    await app.gqlOk(SEND_TEST, { to: 'stale-beat@example.org' }, { token: admin });
    const pending = await eventually(async () => outboxRow(app, 'stale-beat@example.org'), 5000, 'the row');
    // Attempt 2 holds the message now; attempt 1's heartbeat still runs somewhere.
    await app.dataSource.query(`UPDATE outbox_message SET status = 'SENDING', attempts = 2, lease_until = now() + interval '1 hour' WHERE id = $1`, [pending.id]);
    const before = (await outboxRow(app, 'stale-beat@example.org'))!.lease_until;
    const stale = new Lease(app.dataSource, pending.id, 1, LEASE_MS, new Logger('test'));
    try {
      await eventually(async () => stale.lost.aborted, 10_000, 'the stale attempt to let go');
      expect(stale.takenOver).toBe(true);
      expect(stale.held()).toBe(false);
    } finally {
      stale.end();
    }
    expect((await outboxRow(app, 'stale-beat@example.org'))!.lease_until).toEqual(before);

    // The attempt that holds it renews it.
    const holder = new Lease(app.dataSource, pending.id, 2, LEASE_MS, new Logger('test'));
    try {
      await eventually(async () => {
        const r = await outboxRow(app, 'stale-beat@example.org');
        return r && r.lease_until!.getTime() < before!.getTime();
      }, 10_000, 'the holder to renew its lease');
      expect(holder.held()).toBe(true);
    } finally {
      holder.end();
    }
    await app.dataSource.query(`UPDATE outbox_message SET status = 'SENT', lease_until = NULL WHERE id = $1`, [pending.id]);
    await app.startWorker();
  });

  it('is let go by a sender whose event loop was blocked for most of a lease: it cannot know the message is still its own', async () => {
    // No database needed: nothing could be renewed while the loop was blocked.
    const lease = new Lease(app.dataSource, '00000000-0000-0000-0000-000000000000', 1, LEASE_MS, new Logger('test'));
    try {
      expect(lease.held()).toBe(true);
      const until = performance.now() + LEASE_MS;
      while (performance.now() < until) {
        // Blocked, as by a long synchronous render.
      }
      expect(lease.held()).toBe(false);
      expect(lease.lost.aborted).toBe(true);
      expect(lease.takenOver).toBe(false);
    } finally {
      lease.end();
    }
  });
});
