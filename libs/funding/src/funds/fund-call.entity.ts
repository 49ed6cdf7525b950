import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';
import { Allow, Bilingual } from '@app/core';
import { ProjectStage } from '@app/projects';
import { Fund } from './fund.entity';

/** An assessment criterion of a call (stored inside the call). */
export interface CriterionData {
  key: string;
  title: Bilingual;
  weight: number;
}

/**
 * A call for applications to a fund: open and close instants, who may apply
 * and for how much, and how applications are assessed.
 */
@Entity()
@Index(['fundId', 'closesAt'])
@Check('fund_call_title_some_language', 'title_en IS NOT NULL OR title_ko IS NOT NULL')
@Check('fund_call_closes_after_opening', 'closes_at > opens_at')
@ObjectType({ description: 'A call for applications to a fund. Public.' })
@Allow('PUBLIC')
export class FundCall {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column('uuid')
  @Field(() => ID)
  fundId: string;

  @ManyToOne(() => Fund, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fund_id' })
  fund?: Relation<Fund>;

  @Column({ type: 'text', nullable: true }) titleEn: string | null;
  @Column({ type: 'text', nullable: true }) titleKo: string | null;
  @Column({ type: 'text', nullable: true }) guidanceEn: string | null;
  @Column({ type: 'text', nullable: true }) guidanceKo: string | null;

  @Column({ type: 'timestamptz' })
  @Field()
  opensAt: Date;

  @Column({ type: 'timestamptz' })
  @Field({ description: 'Submissions are refused from this instant, by the server clock.' })
  closesAt: Date;

  @Column({ type: 'enum', enum: ProjectStage, enumName: 'project_stage', array: true })
  @Field(() => [ProjectStage], { description: 'The stages a project may be at to apply.' })
  allowedStages: ProjectStage[];

  /** Currency → the most one award may commit in it, in minor units. */
  @Column({ type: 'jsonb' })
  maxAwardMinor: Record<string, string>;

  @Column({ type: 'integer' })
  @Field(() => Int, { description: 'The smaller side’s request must be at least this percentage of the larger side’s, at the call’s reference rates (100 = equal).' })
  matchRatioPercent: number;

  @Column({ type: 'char', length: 3 })
  @Field({ description: 'The currency the sides are compared in, e.g. GBP.' })
  referenceCurrency: string;

  /** Currency → units of it per one unit of the reference currency, e.g. { KRW: 1700 }. */
  @Column({ type: 'jsonb' })
  exchangeRates: Record<string, number>;

  @Column({ type: 'jsonb' })
  criteria: CriterionData[];

  @Column({ type: 'integer' })
  @Field(() => Int, { description: 'Reviewers score each criterion from 1 to this.' })
  scoreScaleMax: number;

  @Column({ type: 'integer' })
  @Field(() => Int)
  reviewersPerApplication: number;

  @Column('uuid')
  createdByUserId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
