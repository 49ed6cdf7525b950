import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@app/core';
import { OutboxService, type EmailTemplate } from '@app/notifications';
import type { WaitingSignUp } from './account-requests.worker';
import { IdentityEmail, type LinkData } from './emails/identity.emails';
import { TokenPurpose } from './entities/one-time-token.entity';
import { User } from './entities/user.entity';
import { lang } from './lang';
import { OneTimeTokenService } from './one-time-token.service';
import { linkPageUrl } from './pages';

/** Who an emailed link goes to: an account, or the account a sign-up asks for. */
interface LinkRecipient {
  email: string;
  userId: string | null;
  displayName: string;
  language: 'en' | 'ko';
  timeZone: string;
}

/**
 * The account emails with a link: each issues its token (withdrawing the
 * earlier ones of its kind) and writes the email to the outbox, in the
 * caller's transaction and the recipient's language and zone.
 */
@Injectable()
export class AccountMailer {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly tokens: OneTimeTokenService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * The link that creates the account a sign-up asks for; it expires with the
   * sign-up (`ttlMs` from now). It withdraws no earlier link: the one a person
   * is about to open keeps working until it expires or one of the sign-up's
   * links is used (AuthService.confirmEmail).
   */
  sendSignUpConfirmation(em: EntityManager, signUp: WaitingSignUp, ttlMs: number): Promise<void> {
    const { displayName, preferredLanguage, timeZone } = signUp.payload;
    const to = { email: signUp.email, userId: null, displayName, language: lang(preferredLanguage), timeZone };
    return this.sendLink(em, to, TokenPurpose.EMAIL_CONFIRMATION, ttlMs, IdentityEmail.CONFIRM_EMAIL, 'confirm-email', { signUpId: signUp.id }, false);
  }

  /** The link that confirms an account created unconfirmed by an earlier version; earlier ones keep working too. */
  sendConfirmation(em: EntityManager, user: User): Promise<void> {
    return this.sendLink(em, recipient(user), TokenPurpose.EMAIL_CONFIRMATION, this.config.EMAIL_CONFIRMATION_TTL_HOURS * 3600_000, IdentityEmail.CONFIRM_EMAIL, 'confirm-email', undefined, false);
  }

  /** A reset link withdraws the earlier ones: only the newest can set the password (their page says so). */
  sendPasswordReset(em: EntityManager, user: User): Promise<void> {
    return this.sendLink(em, recipient(user), TokenPurpose.PASSWORD_RESET, this.config.PASSWORD_RESET_TTL_MINUTES * 60_000, IdentityEmail.PASSWORD_RESET, 'reset-password', undefined, true);
  }

  private async sendLink(
    em: EntityManager,
    to: LinkRecipient,
    purpose: TokenPurpose,
    ttlMs: number,
    template: EmailTemplate<LinkData>,
    page: 'confirm-email' | 'reset-password',
    payload: Record<string, unknown> | undefined,
    withdrawEarlier: boolean,
  ): Promise<void> {
    if (withdrawEarlier) await this.tokens.revokeOutstanding(em, purpose, to.email);
    const { token, record } = await this.tokens.issue(em, { purpose, email: to.email, userId: to.userId, payload, ttlMs });
    await this.outbox.enqueueEmail(em, {
      template,
      idempotencyKey: `${page}:${record.id}`,
      to: { email: to.email, userId: to.userId, language: to.language, timeZone: to.timeZone },
      data: {
        displayName: to.displayName,
        url: linkPageUrl(this.config, page === 'confirm-email' ? 'confirmEmail' : 'resetPassword', token, to.language),
        expiresAt: record.expiresAt.toISOString(),
      },
    });
  }

  /** Someone signed up with an address that has an account: its owner is told, and where to reset the password. */
  async sendAccountExists(em: EntityManager, user: User, requestId: string): Promise<void> {
    await this.outbox.enqueueEmail(em, {
      template: IdentityEmail.ACCOUNT_EXISTS,
      idempotencyKey: `account-exists:${requestId}`,
      to: recipient(user),
      data: { url: linkPageUrl(this.config, 'forgotPassword', null, lang(user.preferredLanguage)) },
    });
  }
}

function recipient(user: User): LinkRecipient {
  return { email: user.email, userId: user.id, displayName: user.displayName, language: lang(user.preferredLanguage), timeZone: user.timeZone };
}
