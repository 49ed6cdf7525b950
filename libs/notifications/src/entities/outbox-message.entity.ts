import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Allow, Role } from '@app/core';

export enum OutboxStatus {
  /** Written with the change that caused it; waiting for the dispatcher. */
  PENDING = 'PENDING',
  /** A worker holds it until lease_until, which it renews while it works. */
  SENDING = 'SENDING',
  SENT = 'SENT',
  /** The last attempt failed; another is scheduled with backoff. */
  FAILED = 'FAILED',
  /** Every attempt failed; parked until an admin retries it. */
  DEAD = 'DEAD',
}
registerEnumType(OutboxStatus, { name: 'OutboxStatus' });

/**
 * A side effect (today: an email) written in the same transaction as the
 * change that causes it, then delivered by the worker. Admins see the ones
 * that keep failing, with their error, and can retry them.
 */
@Entity()
@Index(['status', 'queuedAt'])
@ObjectType({ description: 'An email on its way, or one that failed.' })
@Allow(Role.ADMIN)
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  /** One message per key: enqueueing the same key twice keeps the first. */
  @Column({ unique: true })
  @Field()
  idempotencyKey: string;

  @Column()
  @Field()
  template: string;

  @Column()
  @Field()
  recipientEmail: string;

  @Column({ type: 'uuid', nullable: true })
  recipientUserId: string | null;

  @Column({ length: 2 })
  @Field()
  language: string;

  @Column()
  @Field()
  timeZone: string;

  @Column({ type: 'jsonb', default: {} })
  data: Record<string, unknown>;

  @Column({ type: 'enum', enum: OutboxStatus, enumName: 'outbox_status', default: OutboxStatus.PENDING })
  @Field(() => OutboxStatus)
  status: OutboxStatus;

  @Column({ type: 'int', default: 0 })
  @Field(() => Int)
  attempts: number;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  lastError: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The subject as rendered for the recipient, once rendered.' })
  subject: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  /** The BullMQ job whose worker holds the lease: the dispatcher asks Redis whether its lock is still renewed. */
  @Column({ type: 'text', nullable: true })
  leaseOwner: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  queuedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  @Field()
  updatedAt: Date;
}
