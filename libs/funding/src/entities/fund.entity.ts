import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';
import { Allow, Bilingual } from '@app/core';
import { ProjectStage } from '@app/projects';

/**
 * A programme fund, paid into by both governments, each in its own currency.
 * Public: what it is and what it holds. Its money moves only through the ledger.
 */
@Entity()
@Check('fund_name_some_language', 'name_en IS NOT NULL OR name_ko IS NOT NULL')
@ObjectType({ description: 'A programme fund paid into by both governments, each in its own currency. Public.' })
@Allow('PUBLIC')
export class Fund {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ type: 'text', nullable: true }) nameEn: string | null;
  @Column({ type: 'text', nullable: true }) nameKo: string | null;
  @Column({ type: 'text', nullable: true }) descriptionEn: string | null;
  @Column({ type: 'text', nullable: true }) descriptionKo: string | null;

  /** The contributing countries (GB, KR): each pays in its own currency, and the board needs members from each. */
  @Column({ type: 'text', array: true })
  @Field(() => [String], { description: 'The contributing countries, e.g. ["GB", "KR"]. Each pays in its currency; a quorum needs a member from each.' })
  countryCodes: string[];

  @Column({ type: 'text', array: true })
  @Field(() => [String], { description: 'The currencies it holds, one per contributing country, e.g. ["GBP", "KRW"].' })
  currencies: string[];

  @Column('uuid')
  createdByUserId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

export enum LedgerEntryKind {
  CONTRIBUTION = 'CONTRIBUTION',
  RETURN = 'RETURN',
  COMMITMENT = 'COMMITMENT',
  RELEASE = 'RELEASE',
}
registerEnumType(LedgerEntryKind, {
  name: 'LedgerEntryKind',
  description:
    'CONTRIBUTION (a government pays in) and RETURN (money paid back to it) move what the fund holds; COMMITMENT (an award) and RELEASE (an award withdrawn, reduced or underspent) move what is available. Available = contributions − returns − commitments + releases, per currency.',
});

export enum LedgerReason {
  CONTRIBUTED = 'CONTRIBUTED',
  RETURNED_TO_CONTRIBUTOR = 'RETURNED_TO_CONTRIBUTOR',
  AWARD_APPROVED = 'AWARD_APPROVED',
  AWARD_INCREASED = 'AWARD_INCREASED',
  AWARD_REDUCED = 'AWARD_REDUCED',
  AWARD_REVOKED = 'AWARD_REVOKED',
  AWARD_DECLINED = 'AWARD_DECLINED',
  UNDERSPENT = 'UNDERSPENT',
}
registerEnumType(LedgerReason, { name: 'LedgerReason', description: 'Why money moved.' });

/**
 * What a fund holds in one currency, kept in step with the ledger in the same
 * transaction. The database refuses a row that does not add up or is below zero,
 * so no bug and no race can overcommit a fund.
 */
@Entity()
@Check('fund_balance_adds_up', 'available_minor = contributed_minor - returned_minor - committed_minor + released_minor')
@Check('fund_balance_not_negative', 'available_minor >= 0 AND contributed_minor >= returned_minor AND committed_minor >= released_minor')
export class FundBalance {
  @PrimaryColumn('uuid')
  fundId: string;

  @ManyToOne(() => Fund, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'fund_id' })
  fund?: Relation<Fund>;

  @PrimaryColumn({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'bigint', default: '0' }) contributedMinor: string;
  @Column({ type: 'bigint', default: '0' }) returnedMinor: string;
  @Column({ type: 'bigint', default: '0' }) committedMinor: string;
  @Column({ type: 'bigint', default: '0' }) releasedMinor: string;
  @Column({ type: 'bigint', default: '0' }) availableMinor: string;
}

/** One movement of money. Append-only: the database refuses updates and deletes. */
@Entity()
@Index(['fundId', 'id'])
@Index(['applicationId'])
@Check('ledger_entry_positive', 'amount_minor > 0')
@ObjectType({ description: 'One movement of money in a fund. Append-only.' })
@Allow('PUBLIC')
export class LedgerEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  @Field(() => ID)
  id: string;

  @Column('uuid')
  fundId: string;

  @ManyToOne(() => Fund, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fund_id' })
  fund?: Relation<Fund>;

  @Column({ type: 'enum', enum: LedgerEntryKind, enumName: 'ledger_entry_kind' })
  @Field(() => LedgerEntryKind)
  kind: LedgerEntryKind;

  @Column({ type: 'enum', enum: LedgerReason, enumName: 'ledger_reason' })
  @Field(() => LedgerReason)
  reason: LedgerReason;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'bigint' })
  amountMinor: string;

  @Column({ type: 'char', length: 2, nullable: true })
  @Field(() => String, { nullable: true, description: 'For contributions and returns: the paying country.' })
  countryCode: string | null;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'For commitments and releases: the application awarded.' })
  applicationId: string | null;

  /** The board decision that moved it, when one did. */
  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  decisionId: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  note: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'timestamptz' })
  @Field()
  at: Date;
}

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
