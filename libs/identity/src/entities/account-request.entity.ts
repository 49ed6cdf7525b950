import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum AccountRequestKind {
  SIGN_UP = 'SIGN_UP',
  PASSWORD_RESET = 'PASSWORD_RESET',
}

/** What a sign-up carries to the worker. The password hash is deleted once the request is processed. */
export interface SignUpPayload {
  passwordHash: string;
  displayName: string;
  preferredLanguage: string;
  timeZone: string;
}

/**
 * A sign-up or password-reset request, as anyone may make one. The API only
 * validates it and writes this row, with the same statement whether or not
 * the address has an account, so neither the answer nor its timing tells;
 * the worker does the address-specific work (looks up the account, creates
 * it or issues a token, and writes the email to the outbox) and then marks
 * the row processed and empties its payload.
 */
@Entity()
@Index('account_request_pending', ['createdAt'], { where: 'processed_at IS NULL' })
export class AccountRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: AccountRequestKind, enumName: 'account_request_kind' })
  kind: AccountRequestKind;

  /** Lower-case, as accounts store it. */
  @Column()
  email: string;

  /** Sign-up: SignUpPayload; reset: nothing. Emptied once processed. */
  @Column({ type: 'jsonb', default: {} })
  payload: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  processedAt: Date | null;

  /** Failed processing attempts; the worker gives up (and empties the payload) after a few. */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;
}
