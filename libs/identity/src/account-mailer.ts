import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@app/core';
import { OutboxService } from '@app/notifications';
import { IdentityEmail } from './emails/identity.emails';
import { TokenPurpose } from './entities/one-time-token.entity';
import { User } from './entities/user.entity';
import { lang } from './lang';
import { OneTimeTokenService } from './one-time-token.service';

/**
 * The account emails with a link: each issues its token (withdrawing the
 * earlier ones of its kind) and writes the email to the outbox, in the
 * caller's transaction and the account's language and zone.
 */
@Injectable()
export class AccountMailer {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly tokens: OneTimeTokenService,
    private readonly outbox: OutboxService,
  ) {}

  sendConfirmation(em: EntityManager, user: User): Promise<void> {
    return this.sendLink(em, user, TokenPurpose.EMAIL_CONFIRMATION, this.config.EMAIL_CONFIRMATION_TTL_HOURS * 3600_000, IdentityEmail.CONFIRM_EMAIL, 'confirm-email');
  }

  sendPasswordReset(em: EntityManager, user: User): Promise<void> {
    return this.sendLink(em, user, TokenPurpose.PASSWORD_RESET, this.config.PASSWORD_RESET_TTL_MINUTES * 60_000, IdentityEmail.PASSWORD_RESET, 'reset-password');
  }

  private async sendLink(em: EntityManager, user: User, purpose: TokenPurpose, ttlMs: number, template: string, page: 'confirm-email' | 'reset-password'): Promise<void> {
    await this.tokens.revokeOutstanding(em, purpose, user.email);
    const { token, record } = await this.tokens.issue(em, { purpose, email: user.email, userId: user.id, ttlMs });
    await this.outbox.enqueueEmail(em, {
      template,
      idempotencyKey: `${page}:${record.id}`,
      to: recipient(user),
      data: {
        displayName: user.displayName,
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

function recipient(user: User) {
  return { email: user.email, userId: user.id, language: lang(user.preferredLanguage), timeZone: user.timeZone };
}
