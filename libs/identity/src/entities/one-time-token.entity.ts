import { registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum TokenPurpose {
  EMAIL_CONFIRMATION = 'EMAIL_CONFIRMATION',
  PASSWORD_RESET = 'PASSWORD_RESET',
  /** An invitation: accepting it creates an account already confirmed (or joins an existing one). */
  INVITATION = 'INVITATION',
}
registerEnumType(TokenPurpose, { name: 'TokenPurpose' });

/**
 * A single-use, expiring, revocable token sent by email. Only a SHA-256 of
 * its secret is stored; `payload` carries what accepting it does (for an
 * invitation: the roles or the workspace it grants).
 */
@Entity()
@Index(['purpose', 'email'])
export class OneTimeToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: TokenPurpose, enumName: 'token_purpose' })
  purpose: TokenPurpose;

  @Column({ length: 64 })
  secretHash: string;

  @Column()
  email: string;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'jsonb', default: {} })
  payload: Record<string, unknown>;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
