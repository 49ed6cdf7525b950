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
   * sign-up (`ttlMs` from now). It withdraws only this sign-up's earlier links:
   * another sign-up with the same address (perhaps by someone else) must not
   * leave its link the only one that works in the owner's inbox.
   */
  sendSignUpConfirmation(em: EntityManager, signUp: WaitingSignUp, ttlMs: number): Promise<void> {
    const { displayName, preferredLanguage, timeZone } = signUp.payload;
    const to = { email: signUp.email, userId: null, displayName, language: lang(preferredLanguage), timeZone };
    return this.sendLink(em, to, TokenPurpose.EMAIL_CONFIRMATION, ttlMs, IdentityEmail.CONFIRM_EMAIL, 'confirm-email', { signUpId: signUp.id }, true);
  }

  /** The link that confirms an account created unconfirmed by an earlier version. */
  sendConfirmation(em: EntityManager, user: User): Promise<void> {
    return this.sendLink(em, recipient(user), TokenPurpose.EMAIL_CONFIRMATION, this.config.EMAIL_CONFIRMATION_TTL_HOURS * 3600_000, IdentityEmail.CONFIRM_EMAIL, 'confirm-email');
  }

  sendPasswordReset(em: EntityManager, user: User): Promise<void> {
    return this.sendLink(em, recipient(user), TokenPurpose.PASSWORD_RESET, this.config.PASSWORD_RESET_TTL_MINUTES * 60_000, IdentityEmail.PASSWORD_RESET, 'reset-password');
  }

  private async sendLink(
    em: EntityManager,
    to: LinkRecipient,
    purpose: TokenPurpose,
    ttlMs: number,
    template: EmailTemplate<LinkData>,
    page: 'confirm-email' | 'reset-password',
    payload?: Record<string, unknown>,
    revokeOnlySame = false,
  ): Promise<void> {
    await this.tokens.revokeOutstanding(em, purpose, to.email, revokeOnlySame ? payload : undefined);
    const { token, record } = await this.tokens.issue(em, { purpose, email: to.email, userId: to.userId, payload, ttlMs });
    await this.outbox.enqueueEmail(em, {
      template,
      idempotencyKey: `${page}:${record.id}`,
      to: { email: to.email, userId: to.userId, language: to.language, timeZone: to.timeZone },
      data: {
        displayName: to.displayName,
        url: `${this.config.PUBLIC_URL}/account/${page}?token=${encodeURIComponent(token)}`,
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
      data: { url: `${this.config.PUBLIC_URL}/account/forgot-password` },
    });
  }
}

function recipient(user: User): LinkRecipient {
  return { email: user.email, userId: user.id, displayName: user.displayName, language: lang(user.preferredLanguage), timeZone: user.timeZone };
}
