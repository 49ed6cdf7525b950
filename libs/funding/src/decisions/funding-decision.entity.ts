import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Allow } from '@app/core';
import { BoardMeeting } from './board-meeting.entity';
import { VoteChoice } from './vote.entity';
import { DecisionOutcome } from '../applications/application.enums';
import { FundApplication } from '../applications/fund-application.entity';
import { Fund } from '../funds/fund.entity';

/** A vote as the decision recorded it (stored inside the decision). */
export interface RecordedVote {
  memberId: string;
  userId: string;
  countryCode: string;
  choice: VoteChoice;
}

/**
 * A decision of the board on an application, with its vote. Append-only: the
 * database refuses any UPDATE, DELETE or TRUNCATE. A later decision may
 * supersede it, with its own vote and rationale; this one stays as it was.
 */
@Entity()
@Index(['fundId', 'recordedAt'])
@Index(['applicationId', 'recordedAt'])
@Check('funding_decision_rationale_both_languages', 'rationale_en IS NOT NULL AND rationale_ko IS NOT NULL')
@ObjectType({ description: 'A board decision on an application, with its vote. Never changed; a later decision may supersede it.' })
@Allow('SIGNED_IN')
export class FundingDecision {
  @PrimaryColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column('uuid')
  @Field(() => ID)
  fundId: string;

  @ManyToOne(() => Fund, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fund_id' })
  fund?: Relation<Fund>;

  @Column('uuid')
  @Field(() => ID)
  applicationId: string;

  @ManyToOne(() => FundApplication, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id' })
  application?: Relation<FundApplication>;

  @Column('uuid')
  @Field(() => ID)
  meetingId: string;

  @ManyToOne(() => BoardMeeting, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Relation<BoardMeeting>;

  @Column({ type: 'enum', enum: DecisionOutcome, enumName: 'decision_outcome' })
  @Field(() => DecisionOutcome)
  outcome: DecisionOutcome;

  @Column({ type: 'text', nullable: true }) conditionsEn: string | null;
  @Column({ type: 'text', nullable: true }) conditionsKo: string | null;
  @Column({ type: 'text' }) rationaleEn: string;
  @Column({ type: 'text' }) rationaleKo: string;

  /** Currency → minor units awarded (empty unless approved). */
  @Column({ type: 'jsonb' })
  amounts: Record<string, string>;

  @Column({ type: 'integer' }) @Field(() => Int) votesFor: number;
  @Column({ type: 'integer' }) @Field(() => Int) votesAgainst: number;
  @Column({ type: 'integer' }) @Field(() => Int) abstentions: number;
  @Column({ type: 'integer' }) @Field(() => Int, { description: 'Members not conflicted when it was decided.' }) eligibleMembers: number;

  @Column({ type: 'jsonb' })
  votes: RecordedVote[];

  @Column({ type: 'uuid', nullable: true, unique: true })
  @Field(() => ID, { nullable: true, description: 'The earlier decision this one replaces.' })
  supersedesDecisionId: string | null;

  @ManyToOne(() => FundingDecision, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supersedes_decision_id' })
  supersedes?: Relation<FundingDecision>;

  @Column('uuid')
  recordedByUserId: string;

  @Column({ type: 'timestamptz' })
  @Field()
  recordedAt: Date;
}
