import { BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { ConnectionOptions, JobsOptions, Queue } from 'bullmq';
import { AppConfig, JobName, QueueName, redisOptions } from '@app/core';

export interface EmailJob {
  outboxId: string;
}

/** The BullMQ queue emails travel on. Job id = outbox id, so adding twice is a no-op. */
@Injectable()
export class EmailQueue implements BeforeApplicationShutdown {
  readonly queue: Queue;

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {
    this.queue = new Queue(QueueName.EMAIL, {
      connection: redisOptions(config) as ConnectionOptions,
      prefix: config.QUEUE_PREFIX,
    });
  }

  jobOptions(): JobsOptions {
    return {
      attempts: this.config.EMAIL_MAX_ATTEMPTS,
      backoff: { type: 'exponential', delay: this.config.EMAIL_BACKOFF_MS },
      removeOnComplete: true,
      removeOnFail: true,
    };
  }

  async add(outboxIds: string[]): Promise<void> {
    if (outboxIds.length === 0) return;
    await this.queue.addBulk(
      outboxIds.map((outboxId) => ({
        name: JobName.EMAIL_SEND,
        data: { outboxId },
        opts: { ...this.jobOptions(), jobId: `email-${outboxId}` },
      })),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
