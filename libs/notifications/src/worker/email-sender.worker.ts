import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConnectionOptions, Job, UnrecoverableError, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig, Clock, JobName, Language, MailTransport, QUEUE_METRICS, QueueName, redisOptions, warnOnRedisError } from '@app/core';
import { OutboxMessage, OutboxStatus } from '../entities/outbox-message.entity';
import type { RenderedEmail } from '../templates/email-template';
import { EmailTemplateRegistry } from '../templates/email-template.registry';
import type { EmailJob } from './email-queue';

/**
 * Sends one outbox message per job, at most once while its sender lives:
 * 1. claim the row in its own committed statement, so two jobs for one
 *    message never both send: PENDING or FAILED, or, for a takeover job only,
 *    SENDING under the very claim the dispatcher found abandoned (lease run
 *    out, no job lock: its sender is dead). A sender alive but slow to renew
 *    (the database away while it records SENT) is never taken over by another
 *    job of the message, a retry or BullMQ's stalled check; the claim lasts
 *    EMAIL_LEASE_MS and names the job that holds it;
 * 2. render it in the recipient's language and send it with a Message-ID
 *    derived from the idempotency key;
 * 3. record SENT (and clear the data, which may hold single-use links).
 * From 1 to 3 a heartbeat renews the lease every third of it, guarded by the
 * attempt that claimed it, so a slow SMTP server keeps its message and a stale
 * heartbeat cannot extend someone else's claim; BullMQ renews the job's lock
 * in Redis on the same beat. A worker killed during 2 stops renewing both: the
 * dispatcher sees the lease run out with no lock held and queues the message
 * for another worker, within about a lease. Should the heartbeat find the
 * claim taken, or fail to renew it for most of a lease (the database
 * unreachable from here, or the event loop blocked), the send is called off
 * before the server answers, since another worker may take the message over.
 * The one window left is a kill, or a send called off too late, after the
 * SMTP server accepted the message and before step 3: the retry carries the
 * same Message-ID, which lets the receiving side recognise the duplicate.
 */
@Injectable()
export class EmailSenderWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EmailSenderWorker.name);
  private worker?: Worker<EmailJob>;
  private stopping = false;

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly templates: EmailTemplateRegistry,
    private readonly transport: MailTransport,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    const lease = this.config.EMAIL_LEASE_MS;
    this.worker = new Worker<EmailJob>(QueueName.EMAIL, (job) => this.process(job), {
      connection: redisOptions(this.config, 'worker') as ConnectionOptions,
      prefix: this.config.QUEUE_PREFIX,
      concurrency: 5,
      // The job lock lasts a lease and is renewed on the heartbeat's beat; a dead worker's
      // lock is gone within a lease. The stalled check is only a fallback (the dispatcher
      // queues a dead worker's message again itself), so it need not run often.
      lockDuration: lease,
      lockRenewTime: Math.max(100, Math.floor(lease / 3)),
      stalledInterval: Math.max(lease, 5000),
      // A message is not lost when its job fails for stalling: the dispatcher queues it again.
      maxStalledCount: 3,
      // Completed and failed jobs counted in Redis for /metrics.
      metrics: QUEUE_METRICS,
    });
    this.worker.on('error', warnOnRedisError(this.logger, 'Email worker'));
  }

  /** Waits for jobs in progress to finish, then closes, before the database goes (graceful shutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.worker?.close();
  }

  async process(job: Job<EmailJob>): Promise<'sent' | 'skipped'> {
    if (job.name !== JobName.EMAIL_SEND) throw new UnrecoverableError(`Unknown job ${job.name}`);
    // The lease runs from when the claim was asked for: the database counts it from its statement's start, which may have waited on a lock.
    const askedAt = performance.now();
    const message = await this.claim(job.data, job.id ?? '');
    if (!message) return 'skipped';
    const lease = new Lease(this.dataSource, message.id, message.attempts, this.config.EMAIL_LEASE_MS, this.logger, askedAt);
    try {
      return await this.deliver(message, lease);
    } finally {
      lease.end();
    }
  }

  private async deliver(message: OutboxMessage, lease: Lease): Promise<'sent' | 'skipped'> {
    let rendered: RenderedEmail;
    try {
      rendered = this.templates.get(message.template).renderStored(message.data, {
        language: (message.language as Language) ?? 'en',
        timeZone: message.timeZone,
        publicUrl: this.config.PUBLIC_URL,
        recipientEmail: message.recipientEmail,
        // Rendered as it is sent, so a reminder says the time left now, however long it waited in the outbox.
        now: this.clock.now(),
      });
    } catch (error) {
      // A template that cannot render will not render next time either: park it for an admin now.
      await this.recordFailure(message, OutboxStatus.DEAD, `Could not render: ${(error as Error).message}`);
      throw new UnrecoverableError((error as Error).message);
    }
    // Rendering (or a blocked event loop) may have outlasted the claim: send only while it is surely ours.
    if (!lease.held()) return this.letGo(message, lease);
    try {
      await this.transport.send({
        to: message.recipientEmail,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        messageId: messageIdFor(message, this.config.PUBLIC_URL),
        headers: { ...rendered.headers, 'X-Idempotency-Key': message.idempotencyKey },
        signal: lease.lost,
      });
    } catch (error) {
      if (lease.lost.aborted) return this.letGo(message, lease);
      // The row's own count decides, not the job's: a job queued again after Redis lost it starts from zero.
      const final = message.attempts >= this.config.EMAIL_MAX_ATTEMPTS;
      await this.recordFailure(message, final ? OutboxStatus.DEAD : OutboxStatus.FAILED, (error as Error).message);
      this.logger.warn(`Email ${message.id} attempt ${message.attempts} failed: ${(error as Error).message}`);
      if (final) throw new UnrecoverableError((error as Error).message);
      throw error;
    }
    // Sent. From here a failure must never lead to sending again: keep trying to record it (the heartbeat keeps the claim).
    await this.recordSent(message.id, rendered.subject);
    return 'sent';
  }

  /**
   * The claim was lost before the message went: another worker has it (skip),
   * or it could not be renewed (fail the job, so BullMQ tries again later; the
   * row, still SENDING, is taken over when its lease runs out).
   */
  private letGo(message: OutboxMessage, lease: Lease): 'skipped' {
    const why = String(lease.lost.reason ?? 'the lease ran out');
    this.logger.warn(`Email ${message.id} attempt ${message.attempts} not sent: ${why}`);
    if (lease.takenOver) return 'skipped';
    throw new Error(`Email ${message.id} not sent: ${why}`);
  }

  /**
   * Records a sent message. Its data (which may hold single-use links) is no
   * longer needed and is cleared. Retries for as long as the database is
   * unreachable: giving up would fail the job, and its retry would send the
   * message again. The job stays active (its lock lives in Redis) meanwhile,
   * which keeps the dispatcher from handing the message to another worker.
   * Only a shutdown stops the retries; the Message-ID then lets the receiving
   * side recognise the one duplicate that may follow.
   */
  private async recordSent(id: string, subject: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.dataSource.query(
          `UPDATE outbox_message SET status = 'SENT', sent_at = now(), lease_until = NULL, lease_owner = NULL, last_error = NULL, subject = $2,
                  data = '{}'::jsonb, updated_at = now() WHERE id = $1`,
          [id, subject],
        );
        return;
      } catch (error) {
        if (this.stopping) {
          this.logger.error(`Email ${id} was sent but could not be recorded before shutdown: ${(error as Error).message}`);
          throw new UnrecoverableError((error as Error).message);
        }
        this.logger.warn(`Could not record email ${id} as sent (attempt ${attempt}): ${(error as Error).message}`);
        await new Promise((r) => setTimeout(r, Math.min(100 * 2 ** attempt, 2000)));
      }
    }
  }

  /** Only the attempt that holds the claim may record its failure: a stale one would free a message another worker is sending. */
  private async recordFailure(message: OutboxMessage, status: OutboxStatus, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE outbox_message SET status = $3, last_error = $4, lease_until = NULL, lease_owner = NULL, updated_at = now()
        WHERE id = $1 AND attempts = $2 AND status = 'SENDING'`,
      [message.id, message.attempts, status, error.slice(0, 2000)],
    );
  }

  private async claim({ outboxId, takeOverAttempt }: EmailJob, jobId: string): Promise<OutboxMessage | null> {
    const [rows] = (await this.dataSource.query(
      `UPDATE outbox_message
          SET status = 'SENDING', attempts = attempts + 1, updated_at = now(),
              lease_until = now() + make_interval(secs => $2 / 1000.0), lease_owner = $3
        WHERE id = $1
          AND (status IN ('PENDING', 'FAILED') OR (status = 'SENDING' AND lease_until < now() AND attempts = $4))
        RETURNING id, idempotency_key, template, recipient_email, language, time_zone, data, attempts`,
      [outboxId, this.config.EMAIL_LEASE_MS, jobId, takeOverAttempt ?? null],
    )) as [Array<Record<string, unknown>>, number];
    const row = rows[0];
    if (!row) return null;
    return Object.assign(new OutboxMessage(), {
      id: row.id,
      idempotencyKey: row.idempotency_key,
      template: row.template,
      recipientEmail: row.recipient_email,
      language: row.language,
      timeZone: row.time_zone,
      data: row.data,
      attempts: row.attempts,
    });
  }
}

/**
 * One attempt's claim on a message, renewed every third of the lease while
 * the attempt runs. It counts as held while the last renewal that the
 * database confirmed was asked for less than 80% of a lease ago (by this
 * process's monotonic clock: the database set lease_until after the request
 * left, so no other worker can claim the row before then). `lost` aborts when
 * a renewal finds the claim taken by another attempt, or when none has been
 * confirmed for that long.
 */
export class Lease {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private renewing = false;
  takenOver = false;

  /** `confirmedAt`: when the claim was asked for (by performance.now()), the first lease's start as far as this process may assume. */
  constructor(
    private readonly dataSource: DataSource,
    private readonly id: string,
    private readonly attempts: number,
    private readonly leaseMs: number,
    private readonly logger: Logger,
    private confirmedAt = performance.now(),
  ) {
    this.timer = setInterval(() => this.beat(), Math.max(50, Math.floor(leaseMs / 3)));
  }

  get lost(): AbortSignal {
    return this.controller.signal;
  }

  held(): boolean {
    this.checkAge();
    return !this.controller.signal.aborted;
  }

  end(): void {
    clearInterval(this.timer);
  }

  private checkAge(): void {
    if (performance.now() - this.confirmedAt > this.leaseMs * 0.8) this.lose('the lease could not be renewed in time');
  }

  private lose(reason: string): void {
    if (!this.controller.signal.aborted) this.controller.abort(reason);
  }

  private beat(): void {
    // Checked first, before any I/O: after a blocked event loop this runs before the SMTP reply is read.
    this.checkAge();
    // Renewing goes on after a lapse (lost only keeps a send from starting or going on): once the message is sent, the
    // claim must outlast a database outage until recordSent gets through, or another job could claim and send it again.
    if (this.renewing || this.takenOver) return;
    this.renewing = true;
    const askedAt = performance.now();
    this.dataSource
      .query(
        `UPDATE outbox_message SET lease_until = now() + make_interval(secs => $3 / 1000.0)
          WHERE id = $1 AND attempts = $2 AND status = 'SENDING' RETURNING id`,
        [this.id, this.attempts, this.leaseMs],
      )
      .then(([rows]: [unknown[], number]) => {
        if (rows.length > 0) {
          this.confirmedAt = askedAt;
        } else {
          this.takenOver = true;
          this.lose('another attempt took the message over');
        }
      })
      .catch((error: Error) => this.logger.warn(`Could not renew the lease on email ${this.id}: ${error.message}`))
      .finally(() => {
        this.renewing = false;
      });
  }
}

export function messageIdFor(message: Pick<OutboxMessage, 'idempotencyKey'>, publicUrl: string): string {
  const host = new URL(publicUrl).hostname || 'innovation-twins.local';
  const local = Buffer.from(message.idempotencyKey).toString('base64url');
  return `<${local}@${host}>`;
}
