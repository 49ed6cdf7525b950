import { once } from 'node:events';
import { ConnectionOptions, Queue } from 'bullmq';
import { QueueName, redisOptions } from '@app/core';
import { eventually, startTestApp, TestApp } from '../support/harness';
import { outboxRow, outboxRowWhen } from '../support/outbox';

const SEND_TEST = `mutation($to: String) { sendTestEmail(input: { to: $to }) { queued to } }`;

describe('the outbox and email delivery', () => {
  let app: TestApp;
  let admin: string;
  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.signIn('admin@demo.twins.test');
  });
  afterAll(() => app.close());

  it('lets an admin send a test email, rendered in the recipient language as HTML and text', async () => {
    expect(await app.gqlOk(SEND_TEST, { to: 'Check@Example.org' }, { token: admin })).toEqual({ sendTestEmail: { queued: true, to: 'check@example.org' } });
    const mail = await app.mail.waitFor((m) => m.to === 'check@example.org');
    expect(mail.subject).toBe('Innovation Twins test message');
    expect(mail.text).toContain('Alex Admin');
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.messageId).toMatch(/^<.+@127\.0\.0\.1>$/);
    await outboxRowWhen(app, 'check@example.org', 'SENT', 5000);
  });

  it('refuses the test email to anyone but an admin', async () => {
    const officer = await app.signIn('officer.liverpool@demo.twins.test');
    expect((await app.gql(SEND_TEST, {}, { token: officer })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await app.gql(SEND_TEST, {})).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await app.gql(SEND_TEST, { to: 'not an address' }, { token: admin })).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'to' }],
    });
    // In Korean when asked: the decorator's own words.
    expect((await app.gql(SEND_TEST, { to: 'not an address' }, { token: admin, headers: { 'accept-language': 'ko' } })).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'to', message: '이메일 주소여야 합니다.' }],
    });
  });

  it('finds messages by part of the recipient address, with their status', async () => {
    await app.gqlOk(SEND_TEST, { to: 'finder.one@example.org' }, { token: admin });
    await app.gqlOk(SEND_TEST, { to: 'someone.else@example.org' }, { token: admin });
    const list = `query($search: String, $status: [OutboxStatus!]) { outboxMessages(search: $search, status: $status) { totalCount nodes { recipientEmail } } }`;
    const found = await app.gqlOk<{ outboxMessages: { totalCount: number; nodes: Array<{ recipientEmail: string }> } }>(list, { search: 'FINDER.o' }, { token: admin });
    expect(found.outboxMessages).toEqual({ totalCount: 1, nodes: [{ recipientEmail: 'finder.one@example.org' }] });
    // LIKE's wildcards are plain characters in a search.
    expect((await app.gqlOk<{ outboxMessages: { totalCount: number } }>(list, { search: '%' }, { token: admin })).outboxMessages.totalCount).toBe(0);
    expect((await app.gqlOk<{ outboxMessages: { totalCount: number } }>(list, { search: 'finder', status: ['DEAD'] }, { token: admin })).outboxMessages.totalCount).toBe(0);
    expect((await app.gql(list, { search: 'x'.repeat(101) }, { token: admin })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'search' }] });
  });

  it('keeps messages while the worker is down and sends them when it is back', async () => {
    await app.stopWorker();
    await app.gqlOk(SEND_TEST, { to: 'while-down@example.org' }, { token: admin });
    await new Promise((r) => setTimeout(r, 500));
    expect(app.mail.to('while-down@example.org')).toHaveLength(0);
    expect((await outboxRow(app, 'while-down@example.org'))?.status).toBe('PENDING');
    await app.startWorker();
    await app.mail.waitFor((m) => m.to === 'while-down@example.org');
  });

  it('while SMTP is down, messages wait and retry, then arrive once when it is back', async () => {
    await app.mail.stop();
    await app.gqlOk(SEND_TEST, { to: 'outage@example.org' }, { token: admin });
    const failing = await eventually(async () => {
      const row = await outboxRow(app, 'outage@example.org');
      return row && row.attempts >= 2 && row.status === 'FAILED' ? row : undefined;
    }, 20_000, 'two failed attempts');
    expect(failing.last_error).toMatch(/ECONNREFUSED|connect/i);
    await app.mail.restart();
    await app.mail.waitFor((m) => m.to === 'outage@example.org', 30_000);
    await outboxRowWhen(app, 'outage@example.org', 'SENT', 10_000);
    await new Promise((r) => setTimeout(r, 1000));
    expect(app.mail.to('outage@example.org')).toHaveLength(1);
  });

  it('a sent message the database cannot record for a while is recorded once it can, and never sent again', async () => {
    // The database refuses to mark this recipient's message SENT, and to renew its lease, longer than a
    // lease lasts (a trigger: the owner's to add). The lease runs out, but the sender lives (its job's
    // lock is renewed in Redis): no other worker may take the message over.
    await app.asOwner(`
      CREATE FUNCTION refuse_sent() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'database unavailable (test)'; END $$;
      CREATE TRIGGER refuse_sent BEFORE UPDATE ON outbox_message FOR EACH ROW
        WHEN (NEW.recipient_email = 'unrecorded@example.org' AND OLD.status = 'SENDING' AND NEW.attempts = OLD.attempts) EXECUTE FUNCTION refuse_sent();`);
    try {
      await app.gqlOk(SEND_TEST, { to: 'unrecorded@example.org' }, { token: admin });
      await app.mail.waitFor((m) => m.to === 'unrecorded@example.org');
      await new Promise((r) => setTimeout(r, 3 * Number(app.env.EMAIL_LEASE_MS)));
      expect((await outboxRow(app, 'unrecorded@example.org'))?.status).toBe('SENDING');
      const [{ expired }] = await app.dataSource.query(`SELECT lease_until < now() AS expired FROM outbox_message WHERE recipient_email = 'unrecorded@example.org'`);
      expect(expired).toBe(true);
    } finally {
      await app.asOwner(`DROP TRIGGER refuse_sent ON outbox_message; DROP FUNCTION refuse_sent();`);
    }
    await outboxRowWhen(app, 'unrecorded@example.org', 'SENT', 10_000);
    await new Promise((r) => setTimeout(r, 1000));
    expect(app.mail.to('unrecorded@example.org')).toHaveLength(1);
    expect((await outboxRow(app, 'unrecorded@example.org'))?.attempts).toBe(1);
  });

  it('queues a message again when Redis lost its job, and sends it once', async () => {
    await app.mail.stop();
    await app.gqlOk(SEND_TEST, { to: 'lost-job@example.org' }, { token: admin });
    const row = await eventually(async () => {
      const r = await outboxRow(app, 'lost-job@example.org');
      return r && r.status === 'FAILED' ? r : undefined;
    }, 20_000, 'a failed attempt');
    // Lose the job as a Redis restart without persistence would: the outbox row is all that is left.
    const queue = new Queue(QueueName.EMAIL, { connection: redisOptions(app.config) as ConnectionOptions, prefix: app.config.QUEUE_PREFIX });
    try {
      await eventually(async () => {
        const job = await queue.getJob(`email-${row.id}`);
        if (!job || !(await job.isDelayed())) return false;
        await job.remove();
        return true;
      }, 20_000, 'the job to be waiting for its next attempt');
    } finally {
      await queue.close();
    }
    await app.mail.restart();
    await app.mail.waitFor((m) => m.to === 'lost-job@example.org', 30_000);
    await outboxRowWhen(app, 'lost-job@example.org', 'SENT', 10_000);
    await new Promise((r) => setTimeout(r, 1000));
    expect(app.mail.to('lost-job@example.org')).toHaveLength(1);
  });

  it('sends exactly once when the worker is killed mid-send and restarted', async () => {
    await app.stopWorker();
    const child = app.spawnWorkerProcess();
    app.mail.hold();
    await app.gqlOk(SEND_TEST, { to: 'killed@example.org' }, { token: admin });
    // The worker has handed the message over and waits for the server's answer: kill it there.
    await eventually(async () => app.mail.heldCount === 1, 20_000, 'the worker to be mid-send');
    expect((await outboxRow(app, 'killed@example.org'))?.status).toBe('SENDING');
    child.kill('SIGKILL');
    await once(child, 'exit');
    app.mail.discardHeld();

    const restarted = app.spawnWorkerProcess();
    const mail = await app.mail.waitFor((m) => m.to === 'killed@example.org', 30_000);
    const row = await outboxRowWhen(app, 'killed@example.org', 'SENT', 10_000);
    expect(row.attempts).toBe(2);
    // Give any duplicate time to show up.
    await new Promise((r) => setTimeout(r, 3000));
    expect(app.mail.to('killed@example.org')).toHaveLength(1);
    expect(mail.headers.get('x-idempotency-key')).toBe(row.idempotency_key);
    restarted.kill('SIGTERM');
    await once(restarted, 'exit');
    await app.startWorker();
  });
});

describe('messages that keep failing', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { EMAIL_MAX_ATTEMPTS: '2', EMAIL_BACKOFF_MS: '100' } });
  });
  afterAll(() => app.close());

  it('are parked with their error for admins, and can be retried', async () => {
    const admin = await app.signIn('admin@demo.twins.test');
    await app.mail.stop();
    await app.gqlOk(SEND_TEST, { to: 'parked@example.org' }, { token: admin });
    const list = `query { outboxMessages(status: [DEAD]) { nodes { id recipientEmail status attempts lastError } totalCount } }`;
    const parked = await eventually(async () => {
      const data = await app.gqlOk<{ outboxMessages: { nodes: Array<{ id: string; recipientEmail: string; attempts: number; lastError: string }> } }>(list, {}, { token: admin });
      return data.outboxMessages.nodes.find((n) => n.recipientEmail === 'parked@example.org');
    }, 20_000, 'the message to be parked');
    expect(parked.attempts).toBe(2);
    expect(parked.lastError).toMatch(/ECONNREFUSED|connect/i);

    const officer = await app.signIn('officer.busan@demo.twins.test');
    expect((await app.gql(list, {}, { token: officer })).errors?.[0].extensions.code).toBe('FORBIDDEN');

    await app.mail.restart();
    const retry = `mutation($id: ID!) { retryOutboxMessage(input: { id: $id }) { status attempts } }`;
    expect(await app.gqlOk(retry, { id: parked.id }, { token: admin })).toEqual({ retryOutboxMessage: { status: 'PENDING', attempts: 0 } });
    await app.mail.waitFor((m) => m.to === 'parked@example.org');
    const again = await eventually(async () => {
      const res = await app.gql(retry, { id: parked.id }, { token: admin });
      return res.errors ? res : undefined;
    }, 10_000, 'retry to be refused once sent');
    expect(again.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringMatching(/SENT/) });
    const inKorean = await app.gql(retry, { id: parked.id }, { token: admin, headers: { 'accept-language': 'ko' } });
    expect(inKorean.errors?.[0]).toMatchObject({
      extensions: { code: 'CONFLICT', status: 'SENT' },
      message: '실패했거나 보류된 메시지만 다시 보낼 수 있습니다. 이 메시지는 발송 완료 상태입니다.',
    });
  });
});
