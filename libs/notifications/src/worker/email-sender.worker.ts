import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConnectionOptions, Job, UnrecoverableError, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig, Clock, JobName, Language, MailTransport, QUEUE_METRICS, QueueName, redisOptions } from '@app/core';
import { OutboxMessage, OutboxStatus } from '../entities/outbox-message.entity';
import type { RenderedEmail } from '../templates/email-template';
import { EmailTemplateRegistry } from '../templates/email-template.registry';
import type { EmailJob } from './email-queue';

/**
 * Sends one outbox message per job, at most once:
 * 1. claim the row (PENDING/FAILED, or SENDING whose lease ran out) in its own
 *    committed statement, so two jobs for one message never both send;
 * 2. render it in the recipient's language and send it with a Message-ID
 *    derived from the idempotency key;
 * 3. record SENT (and clear the data, which may hold single-use links).
 * A worker killed during 2 leaves the row SENDING; once its lease (= the job
 * lock) expires the job is retried by BullMQ's stalled-job check, or queued
 * again by the dispatcher. Should the kill land after the SMTP server accepted
 * the message but before step 3, the retry carries the same Message-ID, which
 * lets the receiving side recognise the duplicate.
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
    this.worker = new Worker<EmailJob>(QueueName.EMAIL, (job) => this.process(job), {
      connection: redisOptions(this.config, 'worker') as ConnectionOptions,
      prefix: this.config.QUEUE_PREFIX,
      concurrency: 5,
      lockDuration: this.config.WORKER_LOCK_MS,
      stalledInterval: this.config.WORKER_LOCK_MS,
      maxStalledCount: 3,
      // Completed and failed jobs counted in Redis for /metrics.
      metrics: QUEUE_METRICS,
    });
    this.worker.on('error', (error) => this.logger.warn(`Email worker: ${error.message}`));
  }

  /** Waits for jobs in progress to finish, then closes, before the database goes (graceful shutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.worker?.close();
  }

  async process(job: Job<EmailJob>): Promise<'sent' | 'skipped'> {
    if (job.name !== JobName.EMAIL_SEND) throw new UnrecoverableError(`Unknown job ${job.name}`);
    const message = await this.claim(job.data.outboxId);
    if (!message) return 'skipped';
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
      await this.recordFailure(message.id, OutboxStatus.DEAD, `Could not render: ${(error as Error).message}`);
      throw new UnrecoverableError((error as Error).message);
    }
    try {
      await this.transport.send({
        to: message.recipientEmail,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        messageId: messageIdFor(message, this.config.PUBLIC_URL),
        headers: { ...rendered.headers, 'X-Idempotency-Key': message.idempotencyKey },
      });
    } catch (error) {
      // The row's own count decides, not the job's: a job queued again after Redis lost it starts from zero.
      const final = message.attempts >= this.config.EMAIL_MAX_ATTEMPTS;
      await this.recordFailure(message.id, final ? OutboxStatus.DEAD : OutboxStatus.FAILED, (error as Error).message);
      this.logger.warn(`Email ${message.id} attempt ${message.attempts} failed: ${(error as Error).message}`);
      if (final) throw new UnrecoverableError((error as Error).message);
      throw error;
    }
    // Sent. From here a failure must never lead to sending again: keep trying to record it.
    await this.recordSent(message.id, rendered.subject);
    return 'sent';
  }

  /**
   * Records a sent message. Its data (which may hold single-use links) is no
   * longer needed and is cleared. Retries for as long as the database is
   * unreachable: giving up would fail the job, and its retry would send the
   * message again. The job stays active (its lock lives in Redis) meanwhile.
   * Only a shutdown stops the retries; the Message-ID then lets the receiving
   * side recognise the one duplicate that may follow.
   */
  private async recordSent(id: string, subject: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.dataSource.query(
          `UPDATE outbox_message SET status = 'SENT', sent_at = now(), lease_until = NULL, last_error = NULL, subject = $2,
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

  private async recordFailure(id: string, status: OutboxStatus, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE outbox_message SET status = $2, last_error = $3, lease_until = NULL, updated_at = now() WHERE id = $1`,
      [id, status, error.slice(0, 2000)],
    );
  }

  private async claim(outboxId: string): Promise<OutboxMessage | null> {
    const [rows] = (await this.dataSource.query(
      `UPDATE outbox_message
          SET status = 'SENDING', attempts = attempts + 1, updated_at = now(),
              lease_until = now() + make_interval(secs => $2 / 1000.0)
        WHERE id = $1
          AND (status IN ('PENDING', 'FAILED') OR (status = 'SENDING' AND lease_until < now()))
        RETURNING id, idempotency_key, template, recipient_email, language, time_zone, data, attempts`,
      [outboxId, this.config.WORKER_LOCK_MS],
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

export function messageIdFor(message: Pick<OutboxMessage, 'idempotencyKey'>, publicUrl: string): string {
  const host = new URL(publicUrl).hostname || 'innovation-twins.local';
  const local = Buffer.from(message.idempotencyKey).toString('base64url');
  return `<${local}@${host}>`;
}
