import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConnectionOptions, Queue } from 'bullmq';
import IORedis, { Redis } from 'ioredis';
import { Counter, Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { PollingLoop } from '../queue/polling-loop';
import { QueueName } from '../queue/queues';
import { redisOptions } from '../queue/redis';
import { METRIC_PREFIX, Metrics, scrapeReading } from './metrics';

/** What node-postgres's Pool says of itself. */
interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

/**
 * The process's PostgreSQL pool (TypeORM's node-postgres Pool), read at
 * scrape time: clients open, idle, and queries waiting for a client. Waiting
 * above zero for minutes means the pool is too small for the load, or
 * something holds its clients.
 */
@Injectable()
export class DatabasePoolMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    const pool = () => (this.dataSource.driver as unknown as { master?: PgPool }).master;
    const gauge = (name: string, help: string, read: (pool: PgPool) => number | undefined) =>
      new Gauge({
        name: `${METRIC_PREFIX}db_pool_${name}`,
        help,
        registers: [this.metrics.registry],
        collect() {
          const current = pool();
          const value = current ? read(current) : undefined;
          if (value !== undefined) this.set(value);
        },
      });
    gauge('clients', 'PostgreSQL connections the pool holds open (in use or idle).', (p) => p.totalCount);
    gauge('idle_clients', 'PostgreSQL connections of the pool waiting for a query.', (p) => p.idleCount);
    gauge('waiting_requests', 'Queries waiting for a connection of the pool (all of them in use).', (p) => p.waitingCount);
    gauge('max_clients', 'The most connections the pool opens.', (p) => p.options?.max);
  }
}

/**
 * The BullMQ queues as every worker shares them in Redis, read at scrape
 * time: jobs waiting, active, delayed (a retry's backoff) and failed (kept
 * failed jobs; the platform's queues remove them, so mostly 0), and the
 * jobs that completed and that gave up over the queue's life (counted by the
 * workers in Redis: QUEUE_METRICS). A queue Redis cannot answer for has no
 * sample in that scrape.
 */
@Injectable()
export class QueueMetrics implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(QueueMetrics.name);
  private connection?: Redis;
  private queues?: Map<QueueName, Queue>;
  /** One reading per scrape, shared by its series; none when Redis does not answer in time. */
  private readonly read = scrapeReading(() => this.readQueues(), new Map<QueueName, QueueReading>());

  constructor(
    private readonly metrics: Metrics,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const read = this.read;
    const registers = [this.metrics.registry];
    new Gauge({
      name: `${METRIC_PREFIX}queue_jobs`,
      help: 'BullMQ jobs of each queue by state (waiting, active, delayed, failed), all workers together.',
      labelNames: ['queue', 'state'],
      registers,
      async collect() {
        this.reset();
        for (const [queue, reading] of await read()) for (const [state, count] of Object.entries(reading.counts)) this.set({ queue, state }, count);
      },
    });
    const total = (name: string, help: string, pick: (reading: QueueReading) => number) =>
      new Counter({
        name: `${METRIC_PREFIX}queue_jobs_${name}_total`,
        help,
        labelNames: ['queue'],
        registers,
        async collect() {
          this.reset();
          for (const [queue, reading] of await read()) this.inc({ queue }, pick(reading));
        },
      });
    total('completed', 'BullMQ jobs that completed, all workers together (kept in Redis: a Redis restart without persistence starts it again).', (r) => r.completed);
    total('failed', 'BullMQ jobs that failed for good (attempts spent, or an unrecoverable error), all workers together.', (r) => r.failed);
  }

  private async readQueues(): Promise<Map<QueueName, QueueReading>> {
    if (!this.queues) {
      // Its own connection (the shared one prefixes keys, which BullMQ cannot take), connected before its first
      // command: the client fails fast instead of queueing commands while Redis is away.
      this.connection = new IORedis({ ...redisOptions(this.config), lazyConnect: true });
      this.connection.on('error', () => undefined);
      await this.connection.connect().catch(() => undefined);
      const connection = this.connection as unknown as ConnectionOptions;
      this.queues = new Map(
        Object.values(QueueName).map((name) => {
          const queue = new Queue(name, { connection, prefix: this.config.QUEUE_PREFIX });
          // A scrape while Redis is away leaves these series out; the connection's errors are not news.
          queue.on('error', () => undefined);
          return [name, queue];
        }),
      );
    }
    const readings = new Map<QueueName, QueueReading>();
    await Promise.all(
      [...this.queues].map(async ([name, queue]) => {
        try {
          const [counts, completed, failed] = await Promise.all([
            queue.getJobCounts('waiting', 'active', 'delayed', 'failed'),
            queue.getMetrics('completed', 0, 0),
            queue.getMetrics('failed', 0, 0),
          ]);
          readings.set(name, { counts, completed: completed.meta.count, failed: failed.meta.count });
        } catch (error) {
          this.logger.warn(`Queue ${name} could not be read for the metrics: ${(error as Error).message}`);
        }
      }),
    );
    return readings;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...(this.queues?.values() ?? [])].map((queue) => queue.close()));
    await this.connection?.quit().catch(() => this.connection?.disconnect());
  }
}

interface QueueReading {
  counts: Record<string, number>;
  completed: number;
  failed: number;
}

/**
 * The worker's polling jobs (the outbox dispatcher, account requests,
 * pairing dispatch, digests, reminders: every PollingLoop and PollingCheck
 * running in this process): seconds since each last ran to the end without
 * an error, and its interval. A healthy job stays within about one interval
 * (plus the time a run takes); more than three intervals means it fails or
 * hangs.
 */
@Injectable()
export class JobLagMetrics implements OnModuleInit {
  constructor(private readonly metrics: Metrics) {}

  onModuleInit(): void {
    const registers = [this.metrics.registry];
    new Gauge({
      name: `${METRIC_PREFIX}job_seconds_since_success`,
      help: 'Seconds since each polling job of this worker last ran without an error (since it started, before its first run).',
      labelNames: ['job'],
      registers,
      collect() {
        this.reset();
        const now = performance.now();
        for (const loop of PollingLoop.running()) this.set({ job: jobLabel(loop.what) }, loop.secondsSinceSuccess(now));
      },
    });
    new Gauge({
      name: `${METRIC_PREFIX}job_interval_seconds`,
      help: 'How often each polling job of this worker runs when it finds nothing to do.',
      labelNames: ['job'],
      registers,
      collect() {
        this.reset();
        for (const loop of PollingLoop.running()) this.set({ job: jobLabel(loop.what) }, loop.intervalMs / 1000);
      },
    });
  }
}

/** A loop's name as a label: `Outbox dispatch` → `outbox-dispatch`. */
export function jobLabel(what: string): string {
  return what
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
