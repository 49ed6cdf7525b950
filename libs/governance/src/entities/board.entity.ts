import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { Allow } from '@app/core';
import { DecisionOutcome, Fund, FundApplication } from '@app/funding';
import { User } from '@app/identity';
import { CriterionScoreData, Recommendation } from '../review-aggregate';

/** The bilateral governance board of a fund, and its quorum rule. Public. */
@Entity()
@ObjectType({ description: 'The bilateral governance board of a fund. Public: who sits on it and its quorum rule.' })
@Allow('PUBLIC')
export class Board {
  @PrimaryColumn('uuid')
  @Field(() => ID)
  fundId: string;

  @ManyToOne(() => Fund, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fund_id' })
  fund?: Relation<Fund>;

  @Column({ type: 'integer', default: 1 })
  @Field(() => Int, { description: 'A quorum is a majority of the non-conflicted members, including at least this many from each contributing country.' })
  quorumMinPerCountry: number;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;
}

/** A seat on a fund's board: a person, the country they sit for, and their affiliations. */
@Entity()
@Index('board_member_one_seat', ['fundId', 'userId'], { unique: true, where: 'ended_at IS NULL' })
@ObjectType({ description: 'A member of a fund’s board. Public.' })
@Allow('PUBLIC')
export class BoardMember {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column('uuid')
  @Field(() => ID)
  fundId: string;

  @ManyToOne(() => Board, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fund_id' })
  board?: Relation<Board>;

  @Column('uuid')
  @Field(() => ID)
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'char', length: 2 })
  @Field({ description: 'The country they sit for: GB or KR.' })
  countryCode: string;

  /** Organisations they are affiliated with: a member is conflicted on applications from those organisations' cities. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  @Field(() => [ID])
  organisationIds: string[];

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Other affiliations, in words.' })
  affiliationNote: string | null;

  @Column({ type: 'timestamptz' })
  @Field()
  appointedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  appointedByUserId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When they left the board; null while they sit on it.' })
  endedAt: Date | null;
}

/** A member's own declaration of a conflict of interest on an application. Permanent. */
@Entity()
@Unique(['applicationId', 'memberId'])
@ObjectType({ description: 'A conflict of interest declared by a board member.' })
@Allow('SIGNED_IN')
export class ConflictDeclaration {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column('uuid')
  @Field(() => ID)
  applicationId: string;

  @ManyToOne(() => FundApplication, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id' })
  application?: Relation<FundApplication>;

  @Column('uuid')
  @Field(() => ID)
  memberId: string;

  @ManyToOne(() => BoardMember, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'member_id' })
  member?: Relation<BoardMember>;

  @Column({ type: 'text' })
  @Field()
  reason: string;

  @Column({ type: 'timestamptz' })
  @Field()
  declaredAt: Date;
}

/** A reviewer's assignment to an application and, once submitted, their review. */
@Entity()
@Unique(['applicationId', 'memberId'])
@Check('review_submitted_whole', 'submitted_at IS NULL OR recommendation IS NOT NULL')
@ObjectType({ description: 'A review of an application by a board member.' })
@Allow('SIGNED_IN')
export class Review {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column('uuid')
  @Field(() => ID)
  applicationId: string;

  @ManyToOne(() => FundApplication, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id' })
  application?: Relation<FundApplication>;

  @Column('uuid')
  @Field(() => ID)
  memberId: string;

  @ManyToOne(() => BoardMember, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'member_id' })
  member?: Relation<BoardMember>;

  @Column({ type: 'timestamptz' })
  @Field()
  assignedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  assignedByUserId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  scores: CriterionScoreData[];

  @Column({ type: 'enum', enum: Recommendation, enumName: 'review_recommendation', nullable: true })
  @Field(() => Recommendation, { nullable: true })
  recommendation: Recommendation | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  comment: string | null;

  /** Set when the reviewer later declared a conflict: the review no longer counts and nobody reads it. */
  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  withdrawnAt: Date | null;
}

/** A board meeting: an agenda of applications to vote on. */
@Entity()
@Index(['fundId', 'startsAt'])
@Check('board_meeting_title_some_language', 'title_en IS NOT NULL OR title_ko IS NOT NULL')
@ObjectType({ description: 'A meeting of a fund’s board. Admins and the fund’s board.' })
@Allow('SIGNED_IN')
export class BoardMeeting {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column('uuid')
  @Field(() => ID)
  fundId: string;

  @ManyToOne(() => Board, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fund_id' })
  board?: Relation<Board>;

  @Column({ type: 'text', nullable: true }) titleEn: string | null;
  @Column({ type: 'text', nullable: true }) titleKo: string | null;

  @Column({ type: 'timestamptz' })
  @Field()
  startsAt: Date;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'A room or a video link.' })
  location: string | null;

  @Column('uuid')
  createdByUserId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;
}

/** An application on a meeting's agenda, and the decision taken on it there. */
@Entity()
@ObjectType({ description: 'An application on a meeting’s agenda.' })
@Allow('SIGNED_IN')
export class AgendaItem {
  @PrimaryColumn('uuid')
  @Field(() => ID)
  meetingId: string;

  @ManyToOne(() => BoardMeeting, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Relation<BoardMeeting>;

  @PrimaryColumn('uuid')
  @Field(() => ID)
  applicationId: string;

  @ManyToOne(() => FundApplication, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id' })
  application?: Relation<FundApplication>;

  @Column({ type: 'integer' })
  @Field(() => Int)
  position: number;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The decision taken on it at this meeting, once taken.' })
  decisionId: string | null;
}

export enum VoteChoice {
  FOR = 'FOR',
  AGAINST = 'AGAINST',
  ABSTAIN = 'ABSTAIN',
}
registerEnumType(VoteChoice, { name: 'VoteChoice' });

/** A member's vote on an agenda item; may change until the decision is recorded. */
@Entity()
export class Vote {
  @PrimaryColumn('uuid') meetingId: string;
  @PrimaryColumn('uuid') applicationId: string;
  @PrimaryColumn('uuid') memberId: string;

  @ManyToOne(() => AgendaItem, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'meeting_id', referencedColumnName: 'meetingId' },
    { name: 'application_id', referencedColumnName: 'applicationId' },
  ])
  item?: Relation<AgendaItem>;

  @ManyToOne(() => BoardMember, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'member_id' })
  member?: Relation<BoardMember>;

  @Column({ type: 'enum', enum: VoteChoice, enumName: 'vote_choice' })
  choice: VoteChoice;

  @Column({ type: 'timestamptz' })
  castAt: Date;
}

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
