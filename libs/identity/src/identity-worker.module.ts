import { Module } from '@nestjs/common';
import { AccountMailer } from './account-mailer';
import { AccountRequestWorker } from './account-requests.worker';
import { OneTimeTokenService } from './one-time-token.service';
import { AccountEmailLimiter } from './sign-in-rate-limiter';

/** The worker's part of identity: sign-up, password-reset and confirmation-reminder requests, answered by email. Needs RedisModule (the email limit). */
@Module({
  providers: [OneTimeTokenService, AccountMailer, AccountEmailLimiter, AccountRequestWorker],
})
export class IdentityWorkerModule {}
