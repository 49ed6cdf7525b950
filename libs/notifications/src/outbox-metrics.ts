import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { Metrics, METRIC_PREFIX, scrapeReading } from '@app/core';
import { OutboxStatus } from './entities/outbox-message.entity';

/** Statuses still to be delivered (or parked, DEAD): SENT rows are history, not depth, and are never counted. */
const UNSENT = [OutboxStatus.PENDING, OutboxStatus.SENDING, OutboxStatus.FAILED, OutboxStatus.DEAD];
/** Statuses on their way: the oldest of these says how far delivery lags. DEAD ones wait for an admin instead. */
const ON_THEIR_WAY = new Set<string>([OutboxStatus.PENDING, OutboxStatus.SENDING, OutboxStatus.FAILED]);

interface OutboxReading {
  depth: Map<string, number>;
  oldestSeconds: number;
}

/**
 * The outbox as /metrics reports it, read at scrape time in one statement
 * (the status index narrows it to unsent rows): messages not yet sent by
 * status, and the age of the oldest one still on its way (0 when none is).
 * An email waiting for more than a few minutes means delivery has stopped (no
 * worker, SMTP refusing, Redis away), or that one recipient's server keeps
 * refusing it while it waits out its backoff as FAILED.
 */
@Injectable()
export class OutboxMetrics implements OnModuleInit {
  private readonly logger = new Logger(OutboxMetrics.name);
  /** One statement per scrape, shared by both series; none of them when the database does not answer in time. */
  private readonly read = scrapeReading(() => this.query(), null);

  constructor(
    private readonly metrics: Metrics,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    const read = this.read;
    new Gauge({
      name: `${METRIC_PREFIX}outbox_messages`,
      help: 'Outbox messages not sent yet, by status (PENDING, SENDING, FAILED: will be tried again, DEAD: parked for an admin).',
      labelNames: ['status'],
      registers: [this.metrics.registry],
      async collect() {
        this.reset();
        const reading = await read();
        if (reading) for (const status of UNSENT) this.set({ status }, reading.depth.get(status) ?? 0);
      },
    });
    new Gauge({
      name: `${METRIC_PREFIX}outbox_oldest_unsent_age_seconds`,
      help: 'Age of the oldest outbox message still on its way (PENDING, SENDING or FAILED); 0 when there is none.',
      registers: [this.metrics.registry],
      async collect() {
        this.reset();
        const reading = await read();
        if (reading) this.set(reading.oldestSeconds);
      },
    });
  }

  private async query(): Promise<OutboxReading | null> {
    try {
      const rows: Array<{ status: string; count: number; oldest_seconds: number }> = await this.dataSource.query(
        `SELECT status, count(*)::int AS count, extract(epoch FROM now() - min(created_at))::float8 AS oldest_seconds
           FROM outbox_message WHERE status = ANY($1::outbox_status[]) GROUP BY status`,
        [UNSENT],
      );
      const depth = new Map(rows.map((row) => [row.status, row.count]));
      const oldestSeconds = Math.max(0, ...rows.filter((row) => ON_THEIR_WAY.has(row.status)).map((row) => row.oldest_seconds));
      return { depth, oldestSeconds };
    } catch (error) {
      this.logger.warn(`The outbox could not be read for the metrics: ${(error as Error).message}`);
      return null;
    }
  }
}
