import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Allow, Role } from '@app/core';

/**
 * One write to pairing evidence: who, what, the row before and after.
 * Append-only: written in the same transaction as the change, never updated
 * or deleted.
 */
@Entity()
@Index(['at'])
@Index(['entity', 'entityId'])
@ObjectType({ description: 'One change to pairing evidence: who, when, what, and the record before and after. Admins only.' })
@Allow(Role.ADMIN)
export class PairingEvidenceAudit {
  /** A sequence, so changes in the same millisecond keep their order. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Who made the change; null for the seed.' })
  actorUserId: string | null;

  /** e.g. readiness.record, sector.set, sector.clear, link.create, link.update, link.delete, weightProfile.save, weightProfile.delete. */
  @Column()
  @Field({ description: 'e.g. readiness.record, sector.set, link.delete.' })
  action: string;

  /** The entity changed, e.g. ReadinessAssessment. */
  @Column()
  @Field()
  entity: string;

  @Column()
  @Field()
  entityId: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [String], { description: 'The cities whose evidence changed.' })
  cityIds: string[];

  /** The record before the change (null when it was created); shown as JSON text by a resolver. */
  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  /** The record after the change (null when it was deleted). */
  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ type: 'timestamptz', precision: 3 })
  @Field()
  at: Date;
}
