import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { Allow } from '@app/core';
import { CriterionScoreData, Recommendation } from './review-aggregate';
import { BoardMember } from '../board/board-member.entity';
import { FundApplication } from '../applications/fund-application.entity';

/** A reviewer's assignment to an application and, once submitted, their review. */
@Entity()
@Unique(['applicationId', 'memberId'])
// A member's assignments by due date (myReviewAssignments), and the reminders' scan of open ones.
@Index('review_member_due', ['memberId', 'dueAt'])
@Index('review_open_due', ['dueAt'], { where: 'submitted_at IS NULL AND withdrawn_at IS NULL' })
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

  /** When the review is expected: set on assignment (REVIEW_DUE_DEFAULT_DAYS later unless the admin chose), changed by setReviewDueDate while pending. */
  @Column({ type: 'timestamptz' })
  @Field({ description: 'When the review is due. Reviewers are reminded three days and one day before.' })
  dueAt: Date;

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
