import { DynamicModule, Global, Module } from '@nestjs/common';
import { Metrics } from './metrics';
import { MetricsController } from './metrics.controller';
import { MetricsServer } from './metrics-server';
import { DatabasePoolMetrics, JobLagMetrics, QueueMetrics } from './platform-metrics';

/**
 * Prometheus metrics, one registry per application (Metrics).
 * - `forApi`: GET /metrics with the request and GraphQL histograms, the
 *   database pool, and what every process shares: the queues in Redis (and
 *   the outbox, which libs/notifications adds), so one scrape of any API shows
 *   the platform's backlog.
 * - `forWorker`: its database pool and the lag of its polling jobs, on
 *   METRICS_PORT (MetricsServer).
 * Both report the process's default metrics (CPU, memory, event loop, GC).
 */
@Global()
@Module({})
export class MetricsModule {
  static forApi(): DynamicModule {
    return { module: MetricsModule, controllers: [MetricsController], providers: [Metrics, DatabasePoolMetrics, QueueMetrics], exports: [Metrics] };
  }

  static forWorker(): DynamicModule {
    return { module: MetricsModule, providers: [Metrics, DatabasePoolMetrics, JobLagMetrics, MetricsServer], exports: [Metrics] };
  }
}
