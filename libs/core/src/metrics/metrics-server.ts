import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { Metrics } from './metrics';
import { answerMetrics, metricsRefusal } from './metrics-access';

/**
 * The worker's /metrics: a plain node:http server on METRICS_PORT (none when
 * it is unset), answering GET /metrics under the API's rule (METRICS_TOKEN)
 * and 404 for anything else.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MetricsServer.name);
  private server?: Server;

  constructor(
    private readonly metrics: Metrics,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.METRICS_PORT === undefined) return;
    const server = createServer((req, res) => {
      const path = (req.url ?? '').split('?')[0];
      if ((req.method === 'GET' || req.method === 'HEAD') && path === '/metrics') {
        answerMetrics(this.metrics, this.config, req, res).catch(() => res.destroy());
        return;
      }
      const refusal = metricsRefusal('off', req.headers['accept-language']);
      res.writeHead(refusal.status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(refusal.body));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.METRICS_PORT, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.logger.log(`Worker metrics on port ${(server.address() as AddressInfo).port}/metrics`);
  }

  /** The port it listens on, once it does. */
  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async beforeApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
