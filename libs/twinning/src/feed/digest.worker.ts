import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, PollingLoop } from '@app/core';
import { DigestService } from './digest.service';

/**
 * Looks for due digests every DIGEST_CHECK_MS. What is due lives in
 * PostgreSQL (workspace_follow.next_digest_at) and each follow is taken with
 * SKIP LOCKED, so several workers may check at once and a Redis restart
 * loses nothing: the check itself needs no queue.
 */
@Injectable()
export class DigestWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DigestWorker.name);
  private readonly loop: PollingLoop;

  constructor(
    @Inject(AppConfig) config: AppConfig,
    private readonly digests: DigestService,
  ) {
    this.loop = new PollingLoop('Digest check', () => this.check(), config.DIGEST_CHECK_MS, this.logger);
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  private async check(): Promise<number> {
    const handled = await this.digests.sendDue();
    if (handled > 0) this.logger.log(`Handled ${handled} due digest(s)`);
    // sendDue works through everything due; wait for the next check either way.
    return 0;
  }
}
