import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig, PollingLoop } from '@app/core';
import { EmailQueue } from './email-queue';

/**
 * Moves outbox rows to the queue. It runs on a timer in the worker and is
 * safe to run in several workers at once (SKIP LOCKED). A row is queued again
 * when it has been waiting longer than a lease: if Redis lost the job (a
 * restart without persistence) it comes back; if the job still exists, the
 * job id makes the add a no-op.
 */
@Injectable()
export class OutboxDispatchWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly loop: PollingLoop;

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly queue: EmailQueue,
  ) {
    this.loop = new PollingLoop('Outbox dispatch', () => this.dispatchOnce(), config.OUTBOX_POLL_MS, new Logger(OutboxDispatchWorker.name));
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
    const requeueAfterMs = this.config.WORKER_LOCK_MS * 2;
    return this.dataSource.transaction(async (em) => {
      const rows: Array<{ id: string }> = await em.query(
        `SELECT id FROM outbox_message
          WHERE (status = 'PENDING' AND (queued_at IS NULL OR queued_at < now() - make_interval(secs => $1 / 1000.0)))
             OR (status = 'FAILED' AND queued_at < now() - make_interval(secs => $1 / 1000.0))
             OR (status = 'SENDING' AND lease_until < now())
          ORDER BY created_at
          LIMIT $2
          FOR UPDATE SKIP LOCKED`,
        [requeueAfterMs, batchSize],
      );
      if (rows.length === 0) return 0;
      const ids = rows.map((r) => r.id);
      // Queue first, then mark: if Redis is down the transaction rolls back and the rows stay due.
      await this.queue.add(ids);
      await em.query(`UPDATE outbox_message SET queued_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
      return ids.length;
    });
  }
}
