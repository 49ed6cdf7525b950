import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Allow } from '@app/core';
import { Fund } from '../funds/fund.entity';

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
