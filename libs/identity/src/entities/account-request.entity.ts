import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum AccountRequestKind {
  SIGN_UP = 'SIGN_UP',
  PASSWORD_RESET = 'PASSWORD_RESET',
  /** Someone asked for the confirmation link again (resendEmailConfirmation): the address is emailed again. */
  CONFIRMATION_REMINDER = 'CONFIRMATION_REMINDER',
}

/**
 * What a sign-up carries: the account it asks for. Kept while the sign-up
 * waits for its confirmation (until `expiresAt`), then emptied.
 */
export interface SignUpPayload {
  passwordHash: string;
  displayName: string;
  preferredLanguage: string;
  timeZone: string;
}

/** A confirmation reminder: the sign-up to answer again (else the address's newest waiting one, or an account left unconfirmed by an earlier version). */
export interface ReminderPayload {
  signUpId?: string;
}

/**
 * A sign-up, password-reset or confirmation-reminder request, as anyone may
 * make one. The API only validates it and writes this row, with the same
 * statement whether or not the address has an account, so neither the answer
 * nor its timing tells; the worker does the address-specific work (looks up
 * the account, issues a token, writes the email to the outbox) and marks the
 * row processed.
 *
 * A sign-up is also the account it asks for, waiting for its confirmation:
 * the account is created only when the emailed link is opened, and until
 * `expiresAt` its password is recognised at sign-in ("confirm your email
 * first") whether or not the address already had an account.
 */
@Entity()
@Index('account_request_pending', ['createdAt'], { where: 'processed_at IS NULL' })
@Index('account_request_sign_up', ['email', 'createdAt'], { where: `kind = 'SIGN_UP'` })
export class AccountRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: AccountRequestKind, enumName: 'account_request_kind' })
  kind: AccountRequestKind;

  /** Lower-case, as accounts store it. */
  @Column()
  email: string;

  /** Sign-up: SignUpPayload while it waits; reminder: ReminderPayload; reset: nothing. Emptied once no longer needed. */
  @Column({ type: 'jsonb', default: {} })
  payload: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** A sign-up: when its confirmation link (and the password it keeps) expires; a new link moves it on. */
  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  processedAt: Date | null;

  /** Failed processing attempts; the worker gives up (and empties the payload) after a few. */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** After a failed attempt: not tried again before this (a growing backoff), so a passing fault does not use up every attempt at once. */
  @Column({ type: 'timestamptz', nullable: true })
  retryAt: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;
}
