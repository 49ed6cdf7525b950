import { createHash } from 'node:crypto';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConnectionOptions, Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig, JobName, PollingLoop, QUEUE_METRICS, QueueName, redisOptions, warnOnRedisError } from '@app/core';
import { PairingComputeService } from '../scores/pairing-compute.service';

/** The requests of one dispatch: cities whose pairs to score again, and the request version seen. */
interface RecomputeJob {
  requests: Array<{ cityId: string; version: string }>;
}

/**
 * Keeps stored pair scores current. A dispatcher loop turns
 * pairing_recompute_request rows (written with each evidence change) into
 * `pairing.recompute` jobs (one per batch of requests); the job scores again
 * the pairs of those cities, loading the evidence once, and deletes each
 * request no newer change arrived for meanwhile. On start, missing or stale
 * scores (see PairingMethod) are computed in full.
 */
@Injectable()
export class PairingRecomputeWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(PairingRecomputeWorker.name);
  private queue?: Queue;
  private worker?: Worker<RecomputeJob>;
  private readonly loop: PollingLoop;

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly compute: PairingComputeService,
  ) {
    this.loop = new PollingLoop('Pairing dispatch', () => this.dispatchOnce(), config.OUTBOX_POLL_MS, this.logger);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.queue = new Queue(QueueName.PAIRING, { connection: redisOptions(this.config) as ConnectionOptions, prefix: this.config.QUEUE_PREFIX });
    this.queue.on('error', warnOnRedisError(this.logger, 'Pairing queue'));
    this.worker = new Worker<RecomputeJob>(QueueName.PAIRING, (job) => this.process(job), {
      connection: redisOptions(this.config, 'worker') as ConnectionOptions,
      prefix: this.config.QUEUE_PREFIX,
      // One at a time: each job reads all evidence and writes scores; parallel ones would only contend.
      concurrency: 1,
      lockDuration: this.config.WORKER_LOCK_MS,
      stalledInterval: this.config.WORKER_LOCK_MS,
      // Completed and failed jobs counted in Redis for /metrics.
      metrics: QUEUE_METRICS,
    });
    this.worker.on('error', warnOnRedisError(this.logger, 'Pairing worker'));
    // No scores yet, or a release changed the method or the default weights: score every pair again.
    if (await this.compute.storedScoresAreStale()) {
      const written = await this.compute.recomputeAll();
      this.logger.log(`Scored ${written} city pairs`);
    }
    this.loop.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.loop.stop();
    await this.worker?.close();
    await this.queue?.close();
  }

  /** Queues the requests not queued yet (or queued long ago, in case Redis lost the job). */
  async dispatchOnce(): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      const rows: Array<{ city_id: string; version: string }> = await em.query(
        `SELECT city_id, version::text FROM pairing_recompute_request
          WHERE queued_at IS NULL OR queued_at < now() - make_interval(secs => $1 / 1000.0)
          ORDER BY requested_at LIMIT 100 FOR UPDATE SKIP LOCKED`,
        [this.config.WORKER_LOCK_MS * 2],
      );
      if (rows.length === 0) return 0;
      // One job for the whole batch: it loads the evidence once. Its id names the requests and their
      // versions, so queueing the same ones again (Redis lost nothing) is a no-op.
      const requests = rows.map((r) => ({ cityId: r.city_id, version: r.version }));
      const id = createHash('sha1').update(requests.map((r) => `${r.cityId}@${r.version}`).sort().join(',')).digest('hex');
      await this.queue!.add(JobName.PAIRING_RECOMPUTE, { requests }, {
        jobId: `pairing-${id}`,
        attempts: 5,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: true,
        // A failed job must not keep its id: the dispatcher queues the requests again later.
        removeOnFail: true,
      });
      await em.query(`UPDATE pairing_recompute_request SET queued_at = now() WHERE city_id = ANY($1::text[])`, [rows.map((r) => r.city_id)]);
      return rows.length;
    });
  }

  async process(job: Job<RecomputeJob>): Promise<{ pairs: number; wholeCountries: string[] }> {
    if (job.name !== JobName.PAIRING_RECOMPUTE) throw new UnrecoverableError(`Unknown job ${job.name}`);
    const { requests } = job.data;
    const result = await this.compute.recomputeCities(requests.map((r) => r.cityId));
    // A request whose version moved meanwhile (a newer change) stays for the next dispatch.
    await this.dataSource.query(
      `DELETE FROM pairing_recompute_request r USING unnest($1::text[], $2::bigint[]) AS done(city_id, version)
        WHERE r.city_id = done.city_id AND r.version = done.version`,
      [requests.map((r) => r.cityId), requests.map((r) => r.version)],
    );
    const cities = requests.map((r) => r.cityId);
    const names = cities.length <= 4 ? cities.join(', ') : `${cities.length} cities (${cities.slice(0, 3).join(', ')} and ${cities.length - 3} more)`;
    this.logger.log(`Re-scored ${result.pairs} pairs for ${names}${result.wholeCountries.length ? ` (national leaders moved in ${result.wholeCountries.join(', ')})` : ''}`);
    return result;
  }
}
