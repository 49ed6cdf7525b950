import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConnectionOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { QueueName } from '../queue/queues';
import { redisOptions, warnOnRedisError } from '../queue/redis';
import { REDIS } from '../queue/redis.module';

/** What a check found: `up`, `timeout`, or `down: <why>` (as /health/ready reports it). */
export type CheckResult = string;

/** The worker as Redis sees it: how many BullMQ workers listen on the email queue, or why that cannot be told. */
export interface WorkerCheck {
  state: 'up' | 'down' | 'timeout' | 'unknown';
  workers: number | null;
  detail: string | null;
}

const CHECK_MS = 2000;

/**
 * Checks the services the API depends on: the database and Redis (what
 * /health/ready reports), and the worker, whose BullMQ connections Redis lists
 * by name (CLIENT LIST; a Redis that refuses it leaves the worker unknown).
 */
@Injectable()
export class HealthService implements OnApplicationShutdown {
  private readonly logger = new Logger(HealthService.name);
  private emailQueue?: Queue;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async database(): Promise<CheckResult> {
    return asCheck(await settle(this.dataSource.query('SELECT 1')));
  }

  async redisState(): Promise<CheckResult> {
    return asCheck(await settle(this.redis.ping()));
  }

  /** Asked only when Redis answers: without it nobody can tell whether the worker runs. */
  async worker(redis: CheckResult): Promise<WorkerCheck> {
    if (redis !== 'up') return { state: 'unknown', workers: null, detail: 'Redis does not answer' };
    if (!this.emailQueue) {
      this.emailQueue = new Queue(QueueName.EMAIL, { connection: redisOptions(this.config) as ConnectionOptions, prefix: this.config.QUEUE_PREFIX });
      // Readiness already says when Redis is away: a line in the log now and then is enough.
      this.emailQueue.on('error', warnOnRedisError(this.logger, 'Health check queue'));
    }
    const outcome = await settle(this.emailQueue.getWorkers());
    if (outcome === 'timeout') return { state: 'timeout', workers: null, detail: null };
    if ('problem' in outcome) return { state: 'unknown', workers: null, detail: outcome.problem };
    // BullMQ answers a Redis that refuses CLIENT LIST with one pseudo-client saying so.
    if (outcome.value.some((client) => /not support/.test(client.name ?? ''))) return { state: 'unknown', workers: null, detail: 'Redis does not list its clients' };
    return { state: outcome.value.length > 0 ? 'up' : 'down', workers: outcome.value.length, detail: null };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.emailQueue?.close();
  }
}

function asCheck(outcome: Awaited<ReturnType<typeof settle>>): CheckResult {
  if (outcome === 'timeout') return 'timeout';
  return 'problem' in outcome ? `down: ${outcome.problem}` : 'up';
}

/** A check's value, its error, or `timeout` after two seconds. */
async function settle<T>(check: Promise<T>): Promise<{ value: T } | { problem: string } | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), CHECK_MS);
  });
  try {
    return await Promise.race([check.then((value) => ({ value })), timeout]);
  } catch (error) {
    return { problem: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}
