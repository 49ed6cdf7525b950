import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';
import { Allow } from '@app/core';
import { City } from '@app/cities';

export enum TwinningStatus {
  PROPOSED = 'PROPOSED',
  ACTIVE = 'ACTIVE',
  DORMANT = 'DORMANT',
  CLOSED = 'CLOSED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(TwinningStatus, {
  name: 'TwinningStatus',
  description: 'PROPOSED → ACTIVE (accepted) → DORMANT ↔ ACTIVE → CLOSED; a proposal may instead be DECLINED or WITHDRAWN.',
});

/** The statuses that hold the pair: at most one twinning per pair is in one of them. */
export const LIVE_TWINNING_STATUSES = [TwinningStatus.PROPOSED, TwinningStatus.ACTIVE, TwinningStatus.DORMANT];
/** What the public sees. */
export const PUBLIC_TWINNING_STATUSES = [TwinningStatus.ACTIVE, TwinningStatus.DORMANT];

/**
 * Two cities of two countries working as equals. City A proposed; city B
 * accepts or declines. One live twinning per pair, enforced by a partial
 * unique index on the pair key.
 */
@Entity()
@Index('UQ_twinning_live_pair', ['pairKey'], { unique: true, where: `"status" IN ('PROPOSED', 'ACTIVE', 'DORMANT')` })
@Index(['cityAId'])
@Index(['cityBId'])
@Check('twinning_two_cities', 'city_a_id <> city_b_id')
@ObjectType({ description: 'A twinning of two cities of two countries. Public while active or dormant.' })
@Allow('PUBLIC')
export class Twinning {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column()
  @Field({ description: 'The two city ids sorted and joined with ~, e.g. busan~liverpool.' })
  pairKey: string;

  @Column()
  @Field(() => ID, { description: 'The city that proposed the twinning.' })
  cityAId: string;

  @ManyToOne(() => City, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'city_a_id' })
  cityA?: Relation<City>;

  @Column()
  @Field(() => ID, { description: 'The city that was asked.' })
  cityBId: string;

  @ManyToOne(() => City, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'city_b_id' })
  cityB?: Relation<City>;

  @Column({ type: 'enum', enum: TwinningStatus, enumName: 'twinning_status' })
  @Field(() => TwinningStatus)
  status: TwinningStatus;

  @Column('uuid')
  proposedByUserId: string;

  @Column({ type: 'text' })
  message: string;

  @Column({ default: false })
  fromSuggestion: boolean;

  /** PairingQueryService.snapshot at proposal time, when proposed from a suggestion. */
  @Column({ type: 'jsonb', nullable: true })
  scoreSnapshot: Record<string, unknown> | null;

  @Column({ type: 'uuid', nullable: true })
  decidedByUserId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  decisionReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the twinning was accepted: twinned since.' })
  activeSince: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  closedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field({ description: 'When it was proposed.' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
