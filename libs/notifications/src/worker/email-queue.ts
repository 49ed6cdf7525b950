import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { ConnectionOptions, JobsOptions, Queue } from 'bullmq';
import { AppConfig, JobName, QueueName, redisOptions, warnOnRedisError } from '@app/core';

export interface EmailJob {
  outboxId: string;
  /**
   * On a takeover job only: the attempt whose claim ran out with no live sender, as the dispatcher
   * saw it. Only such a job may claim a message being sent (SENDING), and only that claim.
   */
  takeOverAttempt?: number;
}

/** A message whose sender's claim ran out: its id and the attempt that claimed it. */
export interface ExpiredClaim {
  id: string;
  attempts: number;
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
    this.queue.on('error', warnOnRedisError(new Logger(EmailQueue.name), 'Email queue'));
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
        opts: { ...this.jobOptions(), jobId: jobIdFor(outboxId) },
      })),
    );
  }

  /**
   * Queues messages whose claim ran out while their sender held no job lock
   * (it died): a job of their own per lost claim, so it runs now rather than
   * when BullMQ's stalled check gets round to the dead one, and adding it
   * again for the same claim is a no-op. The dead job, when it runs, finds the
   * message taken or sent and skips it.
   */
  async addTakeovers(claims: ExpiredClaim[]): Promise<void> {
    if (claims.length === 0) return;
    await this.queue.addBulk(
      claims.map((claim) => ({
        name: JobName.EMAIL_SEND,
        data: { outboxId: claim.id, takeOverAttempt: claim.attempts },
        opts: { ...this.jobOptions(), jobId: `${jobIdFor(claim.id)}-takeover-${claim.attempts}` },
      })),
    );
  }

  /**
   * The jobs among `jobIds` that a live worker is processing now: a job's
   * lock, which its worker renews while it runs, is in Redis. A worker that
   * died holds no lock once its lock duration (the lease) is over.
   */
  async lockedJobs(jobIds: string[]): Promise<Set<string>> {
    if (jobIds.length === 0) return new Set();
    const client = await this.queue.getBackend().client;
    const exists = (await Promise.all(jobIds.map((id) => client.runCommand('exists', [`${this.queue.toKey(id)}:lock`])))) as number[];
    return new Set(jobIds.filter((_, i) => exists[i] === 1));
  }

  /** The Redis server's run id: it changes when Redis restarts (and, without persistence, loses every job). */
  async redisRunId(): Promise<string> {
    const client = await this.queue.getBackend().client;
    const info = String(await client.runCommand('info', ['server']));
    return /run_id:(\w+)/.exec(info)?.[1] ?? '';
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}

function jobIdFor(outboxId: string): string {
  return `email-${outboxId}`;
}
