import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, Clock, PollingLoop } from '@app/core';
import { AccountMailer } from './account-mailer';
import { AccountRequest, AccountRequestKind, SignUpPayload } from './entities/account-request.entity';
import { User } from './entities/user.entity';
import { AccountEmailLimiter } from './sign-in-rate-limiter';

/** Processing attempts before a request is given up (and its payload emptied). */
const MAX_ATTEMPTS = 5;
/** Processed requests are kept this long (to answer "I never got the email"), then deleted. */
const KEEP_PROCESSED_DAYS = 7;

/**
 * The API's half: writes the request, one row with the same INSERT for
 * every address. Nothing here reads the address's account.
 */
@Injectable()
export class AccountRequestService {
  constructor(private readonly dataSource: DataSource) {}

  async record(kind: AccountRequestKind.SIGN_UP, email: string, payload: SignUpPayload): Promise<void>;
  async record(kind: AccountRequestKind.PASSWORD_RESET, email: string): Promise<void>;
  async record(kind: AccountRequestKind, email: string, payload: object = {}): Promise<void> {
    await this.dataSource.getRepository(AccountRequest).insert({ kind, email, payload: payload as never });
  }
}

/**
 * The worker's half: takes waiting requests one at a time (SKIP LOCKED, so
 * several workers share them) and, in one transaction per request, does what
 * the address calls for:
 * - a password reset: a reset link to an account that exists and is not
 *   disabled (within ACCOUNT_EMAILS_PER_HOUR), nothing otherwise;
 * - a sign-up: for a new address, the account and its confirmation link; for
 *   an address with an account, a "you already have an account" email to its
 *   owner (within ACCOUNT_EMAILS_PER_HOUR);
 * then marks the request processed and deletes its payload (the password
 * hash). A request that keeps failing is given up after a few attempts.
 */
@Injectable()
export class AccountRequestProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AccountRequestProcessor.name);
  private readonly loop: PollingLoop;
  private purgedAt = 0;

  constructor(
    @Inject(AppConfig) config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly mailer: AccountMailer,
    private readonly emailLimiter: AccountEmailLimiter,
  ) {
    this.loop = new PollingLoop('Account requests', () => this.processWaiting(), config.OUTBOX_POLL_MS, this.logger);
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** Processes up to `batchSize` waiting requests; returns how many it took. */
  async processWaiting(batchSize = 50): Promise<number> {
    let taken = 0;
    while (taken < batchSize && (await this.processNext())) taken++;
    if (taken === 0) await this.purgeOld();
    return taken;
  }

  private async processNext(): Promise<boolean> {
    let id: string | undefined;
    try {
      return await this.dataSource.transaction(async (em) => {
        const [row]: Array<{ id: string; kind: AccountRequestKind; email: string; payload: Record<string, unknown> }> = await em.query(
          `SELECT id, kind, email, payload FROM account_request
            WHERE processed_at IS NULL AND attempts < $1
            ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
          [MAX_ATTEMPTS],
        );
        if (!row) return false;
        id = row.id;
        if (row.kind === AccountRequestKind.SIGN_UP) await this.signUp(em, row.id, row.email, row.payload as unknown as SignUpPayload);
        else await this.passwordReset(em, row.email);
        await em.query(`UPDATE account_request SET processed_at = $2, payload = '{}'::jsonb WHERE id = $1`, [row.id, this.clock.now()]);
        return true;
      });
    } catch (error) {
      // Nothing taken: the database is away, and the loop tries again later.
      if (!id) throw error;
      const message = (error as Error).message;
      await this.dataSource.query(
        `UPDATE account_request SET attempts = attempts + 1, last_error = $2,
                payload = CASE WHEN attempts + 1 >= $3 THEN '{}'::jsonb ELSE payload END
          WHERE id = $1`,
        [id, message.slice(0, 2000), MAX_ATTEMPTS],
      );
      this.logger.error(`Account request ${id} failed: ${message}`);
      return true;
    }
  }

  private async passwordReset(em: EntityManager, email: string): Promise<void> {
    const user = await em.findOneBy(User, { email });
    if (!user || user.disabledAt || !(await this.emailLimiter.allow(email))) return;
    await this.mailer.sendPasswordReset(em, user);
  }

  private async signUp(em: EntityManager, requestId: string, email: string, payload: SignUpPayload): Promise<void> {
    const existing = await em.findOneBy(User, { email });
    if (existing) return this.accountExists(em, requestId, existing);
    const inserted = await em
      .createQueryBuilder()
      .insert()
      .into(User)
      .values({
        email,
        displayName: payload.displayName,
        preferredLanguage: payload.preferredLanguage,
        timeZone: payload.timeZone,
        passwordHash: payload.passwordHash,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    const id = (inserted.raw as Array<{ id: string }>)[0]?.id;
    // Created a moment ago by another worker's request for the same address: it exists now.
    if (!id) return this.accountExists(em, requestId, await em.findOneByOrFail(User, { email }));
    await this.mailer.sendConfirmation(em, await em.findOneByOrFail(User, { id }));
  }

  private async accountExists(em: EntityManager, requestId: string, user: User): Promise<void> {
    if (await this.emailLimiter.allow(user.email)) await this.mailer.sendAccountExists(em, user, requestId);
  }

  /** At most once an hour, when there is nothing else to do. */
  private async purgeOld(): Promise<void> {
    const now = this.clock.now().getTime();
    if (now - this.purgedAt < 3600_000) return;
    this.purgedAt = now;
    await this.dataSource.query(
      `DELETE FROM account_request WHERE (processed_at IS NOT NULL OR attempts >= $2) AND created_at < $1`,
      [new Date(now - KEEP_PROCESSED_DAYS * 86400_000), MAX_ATTEMPTS],
    );
  }
}
