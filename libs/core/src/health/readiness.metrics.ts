import { Injectable, OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { METRIC_PREFIX, Metrics, scrapeReading } from '../metrics/metrics';
import { HealthService } from './health.service';

/**
 * What /health/ready answers, on /metrics: whether the API's database and
 * Redis answer (a `SELECT 1` and a `PING` per scrape, each given two
 * seconds), and `ready`, 1 when both do.
 */
@Injectable()
export class ReadinessMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly health: HealthService,
  ) {}

  onModuleInit(): void {
    // Each check gives up after two seconds itself (HealthService), so the reading never waits longer.
    const check = scrapeReading(
      () => Promise.all([this.health.database(), this.health.redisState()]).then(([database, redis]) => ({ database: database === 'up', redis: redis === 'up' })),
      { database: false, redis: false },
    );
    new Gauge({
      name: `${METRIC_PREFIX}ready`,
      help: 'Whether this API is ready (its database and Redis answer), as /health/ready says: 1 or 0.',
      registers: [this.metrics.registry],
      async collect() {
        const { database, redis } = await check();
        this.set(database && redis ? 1 : 0);
      },
    });
    new Gauge({
      name: `${METRIC_PREFIX}dependency_up`,
      help: 'Whether each service this API depends on (database, redis) answers: 1 or 0.',
      labelNames: ['dependency'],
      registers: [this.metrics.registry],
      async collect() {
        const { database, redis } = await check();
        this.set({ dependency: 'database' }, database ? 1 : 0);
        this.set({ dependency: 'redis' }, redis ? 1 : 0);
      },
    });
  }
}
