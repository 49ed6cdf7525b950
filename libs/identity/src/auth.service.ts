import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AppConfig, AppError, AuthUser, BadInputError, Clock, ConflictError, ErrorCode, Language, UnauthenticatedError, words, type Words } from '@app/core';
import { OutboxService } from '@app/notifications';
import { AccountRequestService } from './account-requests.worker';
import { newSecret, secretMatches, splitToken } from './crypto';
import { AccountRequestKind, ReminderPayload, SignUpPayload } from './entities/account-request.entity';
import type { EmailedLink } from './dto/identity.outputs';
import { IdentityEmail } from './emails/identity.emails';
import { TokenPurpose } from './entities/one-time-token.entity';
import { RefreshToken } from './entities/refresh-token.entity';
import { Session } from './entities/session.entity';
import { User } from './entities/user.entity';
import { LinkState, OneTimeTokenService } from './one-time-token.service';
import { linkPageUrl } from './pages';
import { PasswordHasher } from './password-hasher';
import { SignInRateLimiter } from './sign-in-rate-limiter';
import { lang } from './lang';
import { UsersService } from './users.service';

export interface SignUpInput {
  email: string;
  displayName: string;
  password: string;
  preferredLanguage: Language;
  timeZone: string;
}

export interface Tokens {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  sessionId: string;
  user: User;
}

interface AccessClaims {
  sub: string;
  sid: string;
}

const WRONG_CREDENTIALS = words('The email or password is not right. Check them and try again.', '이메일 주소나 비밀번호가 맞지 않습니다. 확인한 뒤 다시 시도해 주세요.');
const CONFIRM_FIRST = {
  en: 'Please confirm your email address first: open the link we emailed you, or ask for a new one.',
  ko: '먼저 이메일 주소를 확인해 주세요. 이메일로 보낸 링크를 열거나 새 링크를 요청해 주세요.',
};

/** What a password opens: a confirmed account, a sign-up still waiting for its confirmation, or nothing. */
interface PasswordCheck {
  user?: User;
  unconfirmed?: ReminderPayload;
}
const BAD_REFRESH = words('Your session has ended. Sign in again.', '로그인이 끝났습니다. 다시 로그인해 주세요.');

/**
 * Accounts and sessions: sign-up confirmed by email, sign-in, rotating
 * refresh tokens with reuse detection, sign-out, password reset.
 */
@Injectable()
export class AuthService {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly clock: Clock,
    private readonly tokens: OneTimeTokenService,
    private readonly outbox: OutboxService,
    private readonly hasher: PasswordHasher,
    private readonly limiter: SignInRateLimiter,
    private readonly users: UsersService,
    private readonly requests: AccountRequestService,
  ) {}

  /**
   * Anyone may create a basic account (no role). The request only writes an
   * account request (the password hashed, as for every request); the worker
   * emails the link that creates the account, or tells the address's owner
   * that it already has one. The answer, and the work done before it, are the
   * same whether or not the address has an account.
   *
   * The account is created only when the link is opened, never before. Until
   * then the sign-up waits, whatever the address, for as long as a link lasts
   * (EMAIL_CONFIRMATION_TTL_HOURS), and sign-in recognises its password
   * ("confirm your email first"). Creating the account at once would have let
   * signUp(X, P) then signIn(X, P) tell a new address ("confirm first") from
   * one with an account ("not right"), and let anyone hold an address with a
   * password of their choosing until its owner came; keeping every sign-up
   * waiting, rather than only those for addresses with an account, makes both
   * cases run the same statements and the same number of password checks.
   */
  async signUp(input: SignUpInput): Promise<void> {
    const email = input.email.trim().toLowerCase();
    const passwordHash = await this.hasher.hash(input.password);
    await this.requests.record(AccountRequestKind.SIGN_UP, email, {
      passwordHash,
      displayName: input.displayName.trim(),
      preferredLanguage: input.preferredLanguage,
      timeZone: input.timeZone,
    });
  }

  /**
   * Asks for the confirmation link again: the same answer, and the same one
   * row written, whatever the address. The worker emails the address's newest
   * waiting sign-up a new link (or its owner "you already have an account"),
   * within ACCOUNT_EMAILS_PER_HOUR; the links sent before keep working until
   * they expire or one of them is used.
   */
  async resendEmailConfirmation(emailInput: string): Promise<void> {
    await this.requests.record(AccountRequestKind.CONFIRMATION_REMINDER, emailInput.trim().toLowerCase(), {});
  }

  /** What an emailed link is for and where it stands, without using it (null for a token never sent). */
  async emailedLink(token: string): Promise<EmailedLink | null> {
    if (token.length > 300) return null;
    const { record, state } = await this.tokens.find(this.dataSource.manager, null, token);
    if (!record) return null;
    const hasAccount = await this.dataSource.getRepository(User).existsBy({ email: record.email });
    const kind = record.payload.kind;
    return {
      purpose: record.purpose,
      state,
      email: record.email,
      expiresAt: record.expiresAt,
      hasAccount,
      invitationKind: record.purpose === TokenPurpose.INVITATION && typeof kind === 'string' ? kind : null,
      payload: record.payload,
    };
  }

  /**
   * Opens an emailed confirmation link: creates, confirmed, the account its
   * sign-up asked for (or confirms an account an earlier version created
   * unconfirmed). If the address has an account by now (another sign-up
   * confirmed first, or an invitation was accepted), this one is refused.
   * The other links sent for the same sign-up (or account) count as used
   * with it: the address is confirmed, and they have nothing left to do.
   */
  async confirmEmail(token: string): Promise<User> {
    return this.dataSource.transaction(async (em) => {
      const record = await this.tokens.consume(em, TokenPurpose.EMAIL_CONFIRMATION, token);
      const now = this.clock.now();
      await this.tokens.useSiblings(em, record);
      if (record.userId) {
        await em.update(User, { id: record.userId, emailConfirmedAt: IsNull() }, { emailConfirmedAt: now });
        return em.findOneByOrFail(User, { id: record.userId });
      }
      const [signUp]: Array<{ email: string; payload: SignUpPayload }> = await em.query(
        `SELECT email, payload FROM account_request WHERE id = $1 AND kind = 'SIGN_UP' AND payload ? 'passwordHash' FOR UPDATE`,
        [record.payload.signUpId],
      );
      if (!signUp) {
        const expired = { en: 'This confirmation link has expired. Sign up again.', ko: '유효 기간이 지난 이메일 확인 링크입니다. 다시 가입해 주세요.' };
        throw new AppError(ErrorCode.BAD_USER_INPUT, { en: `token: ${expired.en}`, ko: `token: ${expired.ko}` }, { fields: [{ field: 'token', message: expired }], reason: LinkState.LINK_EXPIRED });
      }
      const inserted = await em
        .createQueryBuilder()
        .insert()
        .into(User)
        .values({
          email: signUp.email,
          displayName: signUp.payload.displayName,
          preferredLanguage: signUp.payload.preferredLanguage,
          timeZone: signUp.payload.timeZone,
          passwordHash: signUp.payload.passwordHash,
          emailConfirmedAt: now,
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      const id = (inserted.raw as Array<{ id: string }>)[0]?.id;
      if (!id) {
        throw new ConflictError(
          words(
            'This email address already has an account. Sign in, or reset your password if you have forgotten it.',
            '이 이메일 주소로 만든 계정이 이미 있습니다. 로그인하거나, 비밀번호를 잊었다면 비밀번호를 재설정해 주세요.',
          ),
          { reason: 'ACCOUNT_EXISTS' },
        );
      }
      // The password hash is the account's now: the sign-up keeps nothing.
      await em.query(`UPDATE account_request SET payload = '{}'::jsonb WHERE id = $1`, [record.payload.signUpId]);
      return em.findOneByOrFail(User, { id });
    });
  }

  /**
   * Checks a password the way sign-in does: each try counts against the
   * per-account and per-address limits, and only a confirmed, enabled
   * account's password clears them. Otherwise the password may be that of a
   * sign-up of this address still waiting for its confirmation (see signUp):
   * the same statements and password checks run for every address, and the
   * try stays counted as a failure, so such a sign-up never forgives the
   * failures of the account the address may already have.
   */
  private async checkPassword(email: string, password: string, ip: string): Promise<PasswordCheck> {
    await this.limiter.consume(email, ip);
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
    if ((await this.hasher.verify(user?.passwordHash, password)) && user && !user.disabledAt) {
      // An account an earlier version created unconfirmed.
      if (!user.emailConfirmedAt) return { unconfirmed: {} };
      await this.limiter.recordSuccess(email, ip);
      return { user };
    }
    for (const signUp of await this.requests.waitingSignUpHashes(email)) {
      if (await this.hasher.verify(signUp.passwordHash, password)) return { unconfirmed: { signUpId: signUp.id } };
    }
    return {};
  }

  /**
   * Checks a confirmed account's password the way sign-in does (counted
   * against the limits; a success clears them). The account, or null, never
   * saying which part was wrong; a disabled or unconfirmed account never passes.
   */
  async verifyPassword(emailInput: string, password: string, ip: string): Promise<User | null> {
    return (await this.checkPassword(emailInput.trim().toLowerCase(), password, ip)).user ?? null;
  }

  /**
   * Signs in with a confirmed account's password. The password of a sign-up
   * still waiting for its confirmation answers "confirm your email first",
   * with `reason: EMAIL_NOT_CONFIRMED`, whether or not the address already
   * had an account. It sends nothing: the link already emailed stays the one
   * to open, and resendEmailConfirmation asks for another.
   */
  async signIn(emailInput: string, password: string, client: { ip: string; userAgent?: string }): Promise<Tokens> {
    const email = emailInput.trim().toLowerCase();
    const { user, unconfirmed } = await this.checkPassword(email, password, client.ip);
    if (unconfirmed) throw new AppError(ErrorCode.UNAUTHENTICATED, CONFIRM_FIRST, { reason: 'EMAIL_NOT_CONFIRMED' });
    if (!user) throw new UnauthenticatedError(WRONG_CREDENTIALS);
    return this.dataSource.transaction(async (em) => {
      const now = this.clock.now();
      const session = await em.save(
        em.create(Session, {
          userId: user.id,
          userAgent: client.userAgent?.slice(0, 300) ?? null,
          ipAddress: client.ip,
          lastUsedAt: now,
          expiresAt: new Date(now.getTime() + this.config.REFRESH_TOKEN_TTL_DAYS * 86400_000),
        }),
      );
      return this.issueTokens(em, session, user);
    });
  }

  /**
   * Exchanges a refresh token for a new pair. A token is good once: using a
   * used one again revokes the whole session (it was copied or replayed).
   */
  async refresh(refreshToken: string): Promise<Tokens> {
    const { id, secret } = splitToken(refreshToken, 'refreshToken', BAD_REFRESH);
    const outcome = await this.dataSource.transaction(async (em) => {
      const token = await em.findOne(RefreshToken, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!token || !secretMatches(secret, token.secretHash)) return { error: BAD_REFRESH };
      const session = await em.findOne(Session, { where: { id: token.sessionId }, lock: { mode: 'pessimistic_write' } });
      const now = this.clock.now();
      if (!session || session.revokedAt || session.expiresAt <= now) return { error: BAD_REFRESH };
      if (token.usedAt && !(await this.answerWasLost(em, token, now))) {
        await this.revokeSessionIn(em, session.id, 'refresh-token-reused');
        return {
          error: words(
            'This sign-in was ended for your safety: an old refresh token was used again. Sign in again.',
            '이전 갱신 토큰이 다시 쓰여서 안전을 위해 이 로그인을 끝냈습니다. 다시 로그인해 주세요.',
          ),
        };
      }
      const user = await em.findOneByOrFail(User, { id: session.userId });
      if (user.disabledAt) return { error: BAD_REFRESH };
      if (token.usedAt) {
        // Its successor never reached the client: withdraw it, marked as used at the same moment, so that
        // presenting it later (after the grace) still ends the session, as a copied token should.
        await em.update(RefreshToken, { sessionId: session.id, usedAt: IsNull() }, { usedAt: token.usedAt });
      } else {
        await em.update(RefreshToken, { id: token.id }, { usedAt: now });
      }
      await em.update(Session, { id: session.id }, { lastUsedAt: now });
      return { tokens: await this.issueTokens(em, session, user) };
    });
    // Thrown after commit, so a detected reuse stays revoked.
    if (outcome.error) throw new UnauthenticatedError(outcome.error);
    return outcome.tokens!;
  }

  /**
   * Whether a used refresh token presented again is a retry of an answer that
   * never arrived (a reload or a dropped connection cut it off after the
   * server had rotated the token) rather than a copy: it was used within
   * REFRESH_REUSE_GRACE_SECONDS, and no token of its session was used after
   * it, so the chain has not moved on.
   */
  private async answerWasLost(em: EntityManager, token: RefreshToken, now: Date): Promise<boolean> {
    const graceMs = this.config.REFRESH_REUSE_GRACE_SECONDS * 1000;
    if (!token.usedAt || graceMs === 0 || now.getTime() - token.usedAt.getTime() > graceMs) return false;
    const later = await em
      .createQueryBuilder(RefreshToken, 't')
      .where('t.session_id = :sessionId AND t.used_at > :usedAt', { sessionId: token.sessionId, usedAt: token.usedAt })
      .getExists();
    return !later;
  }

  async signOut(sessionId: string, everywhereForUserId?: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      if (everywhereForUserId) {
        await em.update(Session, { userId: everywhereForUserId, revokedAt: IsNull() }, { revokedAt: this.clock.now(), revokedReason: 'signed-out' });
      } else {
        await this.revokeSessionIn(em, sessionId, 'signed-out');
      }
    });
  }

  /**
   * Ends the session a refresh token belongs to (the web app's sign-out, which
   * holds only its cookie). Any genuine token of the session will do, a used
   * one too: ending a session is never a favour to a thief. Anything else is
   * ignored.
   */
  async signOutWithRefreshToken(refreshToken: string): Promise<void> {
    let id: string, secret: string;
    try {
      ({ id, secret } = splitToken(refreshToken, 'refreshToken', BAD_REFRESH));
    } catch {
      return;
    }
    await this.dataSource.transaction(async (em) => {
      const token = await em.findOneBy(RefreshToken, { id });
      if (token && secretMatches(secret, token.secretHash)) await this.revokeSessionIn(em, token.sessionId, 'signed-out');
    });
  }

  async revokeSessionIn(em: EntityManager, sessionId: string, reason: string): Promise<void> {
    await em.update(Session, { id: sessionId, revokedAt: IsNull() }, { revokedAt: this.clock.now(), revokedReason: reason });
  }

  /**
   * Same answer, and the same work before it, whether or not the address has
   * an account: the request is written for the worker, which emails a reset
   * link only to an account that exists and is not disabled.
   */
  async requestPasswordReset(emailInput: string): Promise<void> {
    await this.requests.record(AccountRequestKind.PASSWORD_RESET, emailInput.trim().toLowerCase());
  }

  /**
   * Sets the new password, confirms the address (the link proved it) and ends
   * every session. The link is checked before the new password is hashed
   * (argon2, about 130 ms), so a forged, used or expired one costs a single
   * indexed read; it is used only in the transaction, under a lock, so two
   * requests with one link cannot both succeed.
   */
  async resetPassword(token: string, newPassword: string): Promise<void> {
    await this.tokens.check(this.dataSource.manager, TokenPurpose.PASSWORD_RESET, token);
    const passwordHash = await this.hasher.hash(newPassword);
    await this.dataSource.transaction(async (em) => {
      const record = await this.tokens.consume(em, TokenPurpose.PASSWORD_RESET, token);
      const user = await em.findOneByOrFail(User, { id: record.userId! });
      await this.setPasswordIn(em, user, passwordHash);
    });
  }

  async changePassword(userId: string, currentPassword: string, newPassword: string, ip: string): Promise<void> {
    const { email } = await this.dataSource.getRepository(User).findOneByOrFail({ id: userId });
    // Guesses of the current password count like sign-in attempts.
    const user = await this.verifyPassword(email, currentPassword, ip);
    if (!user) throw BadInputError.field('currentPassword', words('is not your current password.', '현재 비밀번호가 아닙니다.'));
    const passwordHash = await this.hasher.hash(newPassword);
    await this.dataSource.transaction((em) => this.setPasswordIn(em, user, passwordHash));
  }

  private async setPasswordIn(em: EntityManager, user: User, passwordHash: string): Promise<void> {
    const now = this.clock.now();
    await em.update(User, { id: user.id }, { passwordHash, emailConfirmedAt: user.emailConfirmedAt ?? now });
    await em.update(Session, { userId: user.id, revokedAt: IsNull() }, { revokedAt: now, revokedReason: 'password-changed' });
    await this.outbox.enqueueEmail(em, {
      template: IdentityEmail.PASSWORD_CHANGED,
      to: { email: user.email, userId: user.id, language: lang(user.preferredLanguage), timeZone: user.timeZone },
      data: { displayName: user.displayName, changedAt: now.toISOString(), url: linkPageUrl(this.config, 'forgotPassword', null, lang(user.preferredLanguage)) },
    });
  }

  /** Verifies an access token and loads who it speaks for, checking its session is still open. */
  async resolveAccessToken(accessToken: string): Promise<{ user: AuthUser | null; problem?: Words }> {
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(accessToken, { algorithms: ['HS256'] });
    } catch (error) {
      const expired = (error as Error).name === 'TokenExpiredError';
      return {
        user: null,
        problem: expired ? words('the access token has expired', '액세스 토큰이 만료되었습니다') : words('the access token is not valid', '액세스 토큰이 올바르지 않습니다'),
      };
    }
    const user = await this.users.loadAuthUser(claims.sub, claims.sid);
    return user ? { user } : { user: null, problem: words('the session was signed out', '로그아웃된 세션입니다') };
  }

  private async issueTokens(em: EntityManager, session: Session, user: User): Promise<Tokens> {
    const { secret, hash } = newSecret();
    const token = await em.save(em.create(RefreshToken, { sessionId: session.id, secretHash: hash }));
    const now = this.clock.now();
    const claims: AccessClaims = { sub: user.id, sid: session.id };
    const accessToken = await this.jwt.signAsync(claims, {
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
      algorithm: 'HS256',
    });
    return {
      accessToken,
      accessTokenExpiresAt: new Date(now.getTime() + this.config.ACCESS_TOKEN_TTL_SECONDS * 1000),
      refreshToken: `${token.id}.${secret}`,
      refreshTokenExpiresAt: session.expiresAt,
      sessionId: session.id,
      user,
    };
  }
}
