import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, PollingCheck } from '@app/core';
import { DigestService } from './digest.service';

/**
 * Looks for due digests every DIGEST_CHECK_MS. What is due lives in
 * PostgreSQL (workspace_follow.next_digest_at) and each follow is taken with
 * SKIP LOCKED, so several workers may check at once and a Redis restart
 * loses nothing: the check itself needs no queue.
 */
@Injectable()
export class DigestWorker extends PollingCheck {
  constructor(
    @Inject(AppConfig) config: AppConfig,
    private readonly digests: DigestService,
  ) {
    super('Digest check', config.DIGEST_CHECK_MS);
  }

  protected check(): Promise<number> {
    return this.digests.sendDue();
  }
}
