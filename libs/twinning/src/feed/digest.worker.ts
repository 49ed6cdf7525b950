import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConnectionOptions, Queue, Worker } from 'bullmq';
import { AppConfig, JobName, QueueName, redisOptions } from '@app/core';
import { DigestService } from './digest.service';

/**
 * Looks for due digests every DIGEST_CHECK_MS through a BullMQ job scheduler,
 * so with several workers one check runs at a time. What is due lives in
 * PostgreSQL (workspace_follow.next_digest_at): losing Redis loses no digest.
 */
@Injectable()
export class DigestWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DigestWorker.name);
  private queue?: Queue;
  private worker?: Worker;

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly digests: DigestService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const prefix = this.config.QUEUE_PREFIX;
    this.queue = new Queue(QueueName.DIGESTS, { connection: redisOptions(this.config) as ConnectionOptions, prefix });
    this.worker = new Worker(
      QueueName.DIGESTS,
      async () => {
        const handled = await this.digests.sendDue();
        if (handled > 0) this.logger.log(`Handled ${handled} due digest(s)`);
        return handled;
      },
      {
        connection: redisOptions(this.config, 'worker') as ConnectionOptions,
        prefix,
        concurrency: 1,
        lockDuration: this.config.WORKER_LOCK_MS,
        stalledInterval: this.config.WORKER_LOCK_MS,
      },
    );
    this.worker.on('error', (error) => this.logger.warn(`Digest worker: ${error.message}`));
    await this.queue.upsertJobScheduler(
      'digests-check',
      { every: this.config.DIGEST_CHECK_MS },
      { name: JobName.DIGESTS_SEND_DUE, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.queue?.close();
  }
}
