import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';
import { Allow, Role, Self } from '@app/core';
import { User } from '@app/identity';
import type { PillarKey } from '../../engine/types';

/** The four pillar weights of a profile. */
@ObjectType({ description: 'How much each of the four pillars counts.' })
@Allow('PUBLIC')
export class PillarWeights {
  @Field(() => Float) similarity: number;
  @Field(() => Float) internationalisation: number;
  @Field(() => Float) synergy: number;
  @Field(() => Float) relationship: number;
}

/** The weight of one indicator inside the similarity pillar. */
@ObjectType({ description: 'The weight of one city indicator inside the similarity pillar.' })
@Allow('PUBLIC')
export class IndicatorWeight {
  @Field({ description: 'The indicator key, e.g. metroPopulationMillions.' }) key: string;
  @Field(() => Float) weight: number;
}

/**
 * A named set of weights for the pairing score. Built-in profiles (owner
 * null, e.g. report-default) are read-only; any signed-in user may keep
 * their own. Names are unique per owner; built-in names are unique among
 * built-ins (PostgreSQL treats NULL owners as distinct, hence the second index).
 */
@Entity()
@Index('weight_profile_owner_name', ['ownerUserId', 'name'], { unique: true })
@Index('weight_profile_builtin_name', ['name'], { unique: true, where: 'owner_user_id IS NULL' })
@ObjectType({ description: 'A named set of weights for the pairing score: built-in (read-only) or your own.' })
@Allow('PUBLIC')
export class WeightProfile {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column()
  @Field({ description: 'e.g. report-default.' })
  name: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  description: string | null;

  /** null for a built-in profile. */
  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The owner; null for a built-in profile. Visible to the owner and admins.' })
  @Allow(Role.ADMIN, Self('ownerUserId'))
  ownerUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'owner_user_id' })
  owner?: Relation<User> | null;

  @Column({ type: 'jsonb' })
  @Field(() => PillarWeights)
  pillars: Record<PillarKey, number>;

  /** Indicator key -> weight; absent = not used. */
  @Column({ type: 'jsonb' })
  indicators: Record<string, number>;

  /** [t1, t2] with 0 < t1 < t2 < 1: below t1 one star, below t2 two, else three. */
  @Column({ type: 'jsonb' })
  @Field(() => [Float], { description: 'Two thresholds on [0, 1]: below the first 1 star, below the second 2 stars, else 3.' })
  starThresholds: [number, number];

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  @Field()
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  @Field()
  updatedAt: Date;
}
