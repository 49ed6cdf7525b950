import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, Clock, PollingLoop } from '@app/core';
import { AccountMailer } from './account-mailer';
import { AccountRequest, AccountRequestKind, ReminderPayload, SignUpPayload } from './entities/account-request.entity';
import { User } from './entities/user.entity';
import { AccountEmailLimiter } from './sign-in-rate-limiter';

/** Processing attempts before a request is given up (and its payload emptied). */
const MAX_ATTEMPTS = 5;
/** The wait after the first failed attempt; it doubles with each further one (30 s, 1, 2, 4 min). */
const FIRST_RETRY_MS = 30_000;
/** Processed requests are kept this long (to answer "I never got the email"), then deleted. */
const KEEP_PROCESSED_DAYS = 7;
/**
 * How many of an address's waiting sign-ups, newest first, a sign-in checks
 * the password against. Each check is an argon2 verification (about 130 ms),
 * so a sign-in's work stays bounded however many sign-ups someone makes.
 */
const WAITING_SIGN_UPS_CHECKED = 3;

/** A sign-up waiting for its confirmation: the account it asks for. */
export interface WaitingSignUp {
  id: string;
  email: string;
  payload: SignUpPayload;
}

/**
 * A sign-up waits for its confirmation until `expires_at`, whether or not its
 * address already had an account: only then is its password recognised at
 * sign-in, or its link able to create the account.
 */
const WAITING_SIGN_UP = `kind = 'SIGN_UP' AND email = $1 AND expires_at > $2 AND payload ? 'passwordHash'`;

/**
 * The API's half: writes the request, one row with the same INSERT for
 * every address, and finds an address's waiting sign-ups for sign-in.
 * Nothing here reads the address's account.
 */
@Injectable()
export class AccountRequestService {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async record(kind: AccountRequestKind.SIGN_UP, email: string, payload: SignUpPayload): Promise<void>;
  async record(kind: AccountRequestKind.PASSWORD_RESET, email: string): Promise<void>;
  async record(kind: AccountRequestKind.CONFIRMATION_REMINDER, email: string, payload: ReminderPayload): Promise<void>;
  async record(kind: AccountRequestKind, email: string, payload: object = {}): Promise<void> {
    // A sign-up waits for its confirmation from the start, before the worker has answered it.
    const expiresAt = kind === AccountRequestKind.SIGN_UP ? new Date(this.clock.now().getTime() + confirmationTtlMs(this.config)) : null;
    await this.dataSource.getRepository(AccountRequest).insert({ kind, email, payload: payload as never, expiresAt });
  }

  /** The password hashes of an address's newest waiting sign-ups (WAITING_SIGN_UPS_CHECKED at most). */
  waitingSignUpHashes(email: string): Promise<Array<{ id: string; passwordHash: string }>> {
    return this.dataSource.query(
      `SELECT id, payload->>'passwordHash' AS "passwordHash" FROM account_request
        WHERE ${WAITING_SIGN_UP} ORDER BY created_at DESC LIMIT ${WAITING_SIGN_UPS_CHECKED}`,
      [email, this.clock.now()],
    );
  }
}

/**
 * The worker's half: takes waiting requests one at a time (SKIP LOCKED, so
 * several workers share them) and, in one transaction per request, does what
 * the address calls for:
 * - a sign-up: it waits for its confirmation (EMAIL_CONFIRMATION_TTL_HOURS)
 *   whatever the address; a new address is sent the link that creates the
 *   account, an address with an account a "you already have an account" email
 *   to its owner (either within ACCOUNT_EMAILS_PER_HOUR);
 * - a confirmation reminder (someone asked for the link again): the
 *   address's newest waiting sign-up is answered again, as above, and waits
 *   anew (the links sent before keep working);
 * - a password reset: a reset link to an account that exists and is not
 *   disabled; for an address without one, a waiting sign-up's link again;
 *   nothing otherwise (within ACCOUNT_EMAILS_PER_HOUR);
 * then marks the request processed. Only a waiting sign-up keeps its payload
 * (the password hash); it is emptied when the account is created or the
 * sign-up expires. A request that fails is tried again after a growing wait
 * (FIRST_RETRY_MS, doubling) and given up after a few
 * attempts.
 */
@Injectable()
export class AccountRequestWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AccountRequestWorker.name);
  private readonly loop: PollingLoop;
  private purgedAt = 0;

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
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
            WHERE processed_at IS NULL AND attempts < $1 AND (retry_at IS NULL OR retry_at <= $2)
            ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
          [MAX_ATTEMPTS, this.clock.now()],
        );
        if (!row) return false;
        id = row.id;
        if (row.kind === AccountRequestKind.SIGN_UP) await this.answerSignUp(em, row.id, row as unknown as WaitingSignUp);
        else if (row.kind === AccountRequestKind.CONFIRMATION_REMINDER) await this.remind(em, row.id, row.email, row.payload as ReminderPayload);
        else await this.passwordReset(em, row.id, row.email);
        await em.query(
          `UPDATE account_request SET processed_at = $2, payload = CASE WHEN kind = 'SIGN_UP' THEN payload ELSE '{}'::jsonb END WHERE id = $1`,
          [row.id, this.clock.now()],
        );
        return true;
      });
    } catch (error) {
      // Nothing taken: the database is away, and the loop tries again later.
      if (!id) throw error;
      const message = (error as Error).message;
      // Tried again after a growing wait, so a passing fault does not use up every attempt in a moment.
      await this.dataSource.query(
        `UPDATE account_request SET attempts = attempts + 1, last_error = $2,
                retry_at = $4::timestamptz + make_interval(secs => $5 * power(2, attempts) / 1000.0),
                payload = CASE WHEN attempts + 1 >= $3 THEN '{}'::jsonb ELSE payload END
          WHERE id = $1`,
        [id, message.slice(0, 2000), MAX_ATTEMPTS, this.clock.now(), FIRST_RETRY_MS],
      );
      this.logger.error(`Account request ${id} failed: ${message}`);
      return true;
    }
  }

  /**
   * Answers a sign-up (`replyId` is the request being processed: the sign-up
   * itself, or a reminder or reset that brought it back). It waits for its
   * confirmation for EMAIL_CONFIRMATION_TTL_HOURS from now whatever the
   * address, so that its password answers alike at sign-in for as long.
   */
  private async answerSignUp(em: EntityManager, replyId: string, signUp: WaitingSignUp): Promise<void> {
    const ttlMs = confirmationTtlMs(this.config);
    await em.query(`UPDATE account_request SET expires_at = $2 WHERE id = $1`, [signUp.id, new Date(this.clock.now().getTime() + ttlMs)]);
    const existing = await em.findOneBy(User, { email: signUp.email });
    if (!(await this.emailLimiter.allow(signUp.email))) return;
    if (existing) await this.mailer.sendAccountExists(em, existing, replyId);
    else await this.mailer.sendSignUpConfirmation(em, signUp, ttlMs);
  }

  /** A request for the link again: the sign-up it names, else the address's newest waiting one, else an account left unconfirmed. */
  private async remind(em: EntityManager, replyId: string, email: string, payload: ReminderPayload): Promise<void> {
    const signUp = await this.waitingSignUp(em, email, payload.signUpId);
    if (signUp || payload.signUpId) {
      if (signUp) await this.answerSignUp(em, replyId, signUp);
      return;
    }
    // An account created unconfirmed by an earlier version (sign-ups used to create the account at once).
    const user = await em.findOneBy(User, { email });
    if (user && !user.emailConfirmedAt && !user.disabledAt && (await this.emailLimiter.allow(email))) await this.mailer.sendConfirmation(em, user);
  }

  private async passwordReset(em: EntityManager, replyId: string, email: string): Promise<void> {
    const user = await em.findOneBy(User, { email });
    if (user) {
      if (!user.disabledAt && (await this.emailLimiter.allow(email))) await this.mailer.sendPasswordReset(em, user);
      return;
    }
    // No account yet, but perhaps a sign-up whose link was lost: its link again.
    const signUp = await this.waitingSignUp(em, email);
    if (signUp) await this.answerSignUp(em, replyId, signUp);
  }

  /** The address's waiting sign-up `id`, or its newest, locked. */
  private async waitingSignUp(em: EntityManager, email: string, id?: string): Promise<WaitingSignUp | undefined> {
    const [row]: WaitingSignUp[] = await em.query(
      `SELECT id, email, payload FROM account_request
        WHERE ${WAITING_SIGN_UP} AND ($3::uuid IS NULL OR id = $3)
        ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
      [email, this.clock.now(), id ?? null],
    );
    return row;
  }

  /** At most once an hour, when there is nothing else to do: expired sign-ups forget their password, old requests go. */
  private async purgeOld(): Promise<void> {
    const now = this.clock.now();
    if (now.getTime() - this.purgedAt < 3600_000) return;
    this.purgedAt = now.getTime();
    await this.dataSource.query(
      `UPDATE account_request SET payload = '{}'::jsonb WHERE kind = 'SIGN_UP' AND expires_at <= $1 AND payload <> '{}'::jsonb`,
      [now],
    );
    await this.dataSource.query(
      `DELETE FROM account_request WHERE (processed_at IS NOT NULL OR attempts >= $2) AND created_at < $1 AND payload = '{}'::jsonb`,
      [new Date(now.getTime() - KEEP_PROCESSED_DAYS * 86400_000), MAX_ATTEMPTS],
    );
  }
}

function confirmationTtlMs(config: AppConfig): number {
  return config.EMAIL_CONFIRMATION_TTL_HOURS * 3600_000;
}
