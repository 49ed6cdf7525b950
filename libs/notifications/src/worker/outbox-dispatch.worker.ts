import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig, PollingLoop } from '@app/core';
import { EmailQueue } from './email-queue';

interface DueRow {
  id: string;
  status: 'PENDING' | 'FAILED' | 'SENDING';
  attempts: number;
  lease_owner: string | null;
}

/**
 * Moves outbox rows to the queue. It runs on a timer in the worker and is
 * safe to run in several workers at once (SKIP LOCKED).
 * - A new message is queued at once.
 * - A message whose sender died (its lease ran out and its job's lock is gone
 *   from Redis) gets a job of its own for another worker, once per lost claim:
 *   delivery resumes about a lease after the death. While the lock is still
 *   renewed its sender lives (say, recording a sent message while the database
 *   was away) and keeps the message.
 * - A message waiting longer than OUTBOX_REQUEUE_MS is queued again in case
 *   Redis lost its job; if the job still exists, the job id makes the add a
 *   no-op. When Redis restarts (its run id changes), every job may be gone:
 *   everything queued before is queued again at once.
 */
@Injectable()
export class OutboxDispatchWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxDispatchWorker.name);
  private readonly loop: PollingLoop;
  private redisRunId?: string;
  /** Rows queued before this (the database's time when a Redis restart was noticed) are queued again. */
  private requeueQueuedBefore = new Date(0);

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly queue: EmailQueue,
  ) {
    this.loop = new PollingLoop('Outbox dispatch', () => this.dispatchOnce(), config.OUTBOX_POLL_MS, this.logger);
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  /** Before the database closes: finish the batch in hand, start no other. */
  beforeApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** Queues a batch of due messages; returns how many. */
  async dispatchOnce(batchSize = 200): Promise<number> {
    await this.noticeRedisRestart();
    return this.dataSource.transaction(async (em) => {
      const rows: DueRow[] = await em.query(
        `SELECT id, status, attempts, lease_owner FROM outbox_message
          WHERE (status = 'PENDING' AND (queued_at IS NULL OR queued_at < now() - make_interval(secs => $1 / 1000.0) OR queued_at < $3))
             OR (status = 'FAILED' AND (queued_at < now() - make_interval(secs => $1 / 1000.0) OR queued_at < $3))
             OR (status = 'SENDING' AND lease_until < now()
                 AND (queued_at IS NULL OR queued_at < lease_until OR queued_at < now() - make_interval(secs => $1 / 1000.0) OR queued_at < $3))
          ORDER BY created_at
          LIMIT $2
          FOR UPDATE SKIP LOCKED`,
        [this.config.OUTBOX_REQUEUE_MS, batchSize, this.requeueQueuedBefore],
      );
      if (rows.length === 0) return 0;
      const waiting = rows.filter((r) => r.status !== 'SENDING');
      const expired = rows.filter((r) => r.status === 'SENDING');
      const alive = await this.queue.lockedJobs(expired.flatMap((r) => (r.lease_owner ? [r.lease_owner] : [])));
      const lapsed = expired.filter((r) => !r.lease_owner || !alive.has(r.lease_owner));
      // Each claim counts as an attempt: a message whose senders died (or let go) as often as attempts allow is parked
      // for an admin, as a message the SMTP server keeps refusing is, instead of being handed on for ever.
      const spent = lapsed.filter((r) => r.attempts >= this.config.EMAIL_MAX_ATTEMPTS);
      const abandoned = lapsed.filter((r) => r.attempts < this.config.EMAIL_MAX_ATTEMPTS);
      if (spent.length > 0) {
        await em.query(
          `UPDATE outbox_message SET status = 'DEAD', lease_until = NULL, lease_owner = NULL, updated_at = now(),
                  last_error = 'Its senders stopped before finishing, attempt after attempt: the attempts allowed are spent'
            WHERE id = ANY($1::uuid[])`,
          [spent.map((r) => r.id)],
        );
        this.logger.warn(`Parked ${spent.length} email(s) whose senders stopped on every attempt`);
      }
      // Queue first, then mark: if Redis is down the transaction rolls back and the rows stay due.
      await this.queue.add(waiting.map((r) => r.id));
      await this.queue.addTakeovers(abandoned);
      const ids = [...waiting, ...abandoned].map((r) => r.id);
      if (ids.length === 0) return spent.length;
      await em.query(`UPDATE outbox_message SET queued_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
      if (abandoned.length > 0) this.logger.warn(`Queued ${abandoned.length} email(s) again whose sender stopped renewing its lease`);
      return ids.length + spent.length;
    });
  }

  private async noticeRedisRestart(): Promise<void> {
    const runId = await this.queue.redisRunId();
    if (this.redisRunId !== undefined && runId !== this.redisRunId) {
      const [{ now }] = (await this.dataSource.query(`SELECT now() AS now`)) as Array<{ now: Date }>;
      this.requeueQueuedBefore = now;
      this.logger.warn('Redis restarted (its jobs may be gone): queueing every waiting email again');
    }
    this.redisRunId = runId;
  }
}
