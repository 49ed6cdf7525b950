import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';
import { Allow, Bilingual } from '@app/core';
import { Project } from '@app/projects';
import { Workspace } from '@app/twinning';
import { Fund, FundCall } from './fund.entity';

export enum ApplicationStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  ELIGIBILITY_CHECKED = 'ELIGIBILITY_CHECKED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  DECIDED = 'DECIDED',
  AWARD_ACCEPTED = 'AWARD_ACCEPTED',
  IN_DELIVERY = 'IN_DELIVERY',
  CLOSED = 'CLOSED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ApplicationStatus, {
  name: 'ApplicationStatus',
  description:
    'DRAFT → SUBMITTED → ELIGIBILITY_CHECKED → UNDER_REVIEW → DECIDED → AWARD_ACCEPTED → IN_DELIVERY → CLOSED; WITHDRAWN from any state before a decision. A submitted application may be returned to DRAFT by a fund admin.',
});

export enum DecisionOutcome {
  APPROVED = 'APPROVED',
  APPROVED_WITH_CONDITIONS = 'APPROVED_WITH_CONDITIONS',
  REJECTED = 'REJECTED',
  DEFERRED = 'DEFERRED',
}
registerEnumType(DecisionOutcome, { name: 'DecisionOutcome' });

export const APPROVING = [DecisionOutcome.APPROVED, DecisionOutcome.APPROVED_WITH_CONDITIONS];

export enum BudgetCategory {
  STAFF = 'STAFF',
  TRAVEL = 'TRAVEL',
  EQUIPMENT = 'EQUIPMENT',
  SERVICES = 'SERVICES',
  EVENTS = 'EVENTS',
  OTHER = 'OTHER',
}
registerEnumType(BudgetCategory, { name: 'BudgetCategory' });

/** A milestone of an application's plan (stored inside the application). */
export interface ApplicationMilestoneData {
  title: Bilingual;
  dueDate: string;
}

/**
 * A workspace's application to a call, for one of its joint projects. Its
 * content is editable while DRAFT only; every change of status is recorded.
 */
@Entity()
@Index(['callId', 'status'])
@Index(['workspaceId'])
@Index('fund_application_one_per_project', ['callId', 'projectId'], { unique: true, where: `status <> 'WITHDRAWN'` })
@Check('fund_application_title_some_language', 'title_en IS NOT NULL OR title_ko IS NOT NULL')
@ObjectType({ description: "A seed-fund application: its workspace's members, fund admins and (once submitted) the fund's board." })
@Allow('SIGNED_IN')
export class FundApplication {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column('uuid')
  @Field(() => ID)
  callId: string;

  @ManyToOne(() => FundCall, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'call_id' })
  call?: Relation<FundCall>;

  @Column('uuid')
  @Field(() => ID)
  fundId: string;

  @ManyToOne(() => Fund, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fund_id' })
  fund?: Relation<Fund>;

  @Column('uuid')
  @Field(() => ID)
  workspaceId: string;

  @ManyToOne(() => Workspace, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @Column('uuid')
  @Field(() => ID)
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

  /** The two cities of the workspace's twinning, kept for conflict checks and public summaries. */
  @Column({ type: 'text', array: true })
  @Field(() => [String], { description: 'The twinned cities applying, e.g. ["liverpool", "busan"].' })
  cityIds: string[];

  @Column({ type: 'enum', enum: ApplicationStatus, enumName: 'application_status' })
  @Field(() => ApplicationStatus)
  status: ApplicationStatus;

  @Column({ type: 'enum', enum: DecisionOutcome, enumName: 'decision_outcome', nullable: true })
  @Field(() => DecisionOutcome, { nullable: true, description: 'The outcome of its current decision, once decided.' })
  outcome: DecisionOutcome | null;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  currentDecisionId: string | null;

  @Column({ type: 'text', nullable: true }) titleEn: string | null;
  @Column({ type: 'text', nullable: true }) titleKo: string | null;
  @Column({ type: 'text', nullable: true }) summaryEn: string | null;
  @Column({ type: 'text', nullable: true }) summaryKo: string | null;
  @Column({ type: 'text', nullable: true }) routeToBauEn: string | null;
  @Column({ type: 'text', nullable: true }) routeToBauKo: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  objectives: Bilingual[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  milestones: ApplicationMilestoneData[];

  @Column('uuid')
  createdByUserId: string;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  @Field()
  updatedAt: Date;

  @Column({ type: 'integer' })
  @Field(() => Int, { description: 'Send it back with an update: an update based on an older version fails with CONFLICT.' })
  version: number;
}

/** One budget line: what one side spends the award on, in its own currency. */
@Entity()
@Index(['applicationId', 'position'])
@Check('application_budget_line_positive', 'amount_minor > 0')
@ObjectType({ description: "A budget line of an application, in one side's currency." })
@Allow('SIGNED_IN')
export class ApplicationBudgetLine {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column('uuid')
  applicationId: string;

  @ManyToOne(() => FundApplication, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: Relation<FundApplication>;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'char', length: 2 })
  @Field({ description: 'The side spending it: GB or KR.' })
  countryCode: string;

  @Column({ type: 'char', length: 3 })
  @Field()
  currency: string;

  @Column({ type: 'enum', enum: BudgetCategory, enumName: 'budget_category' })
  @Field(() => BudgetCategory)
  category: BudgetCategory;

  @Column()
  @Field()
  description: string;

  @Column({ type: 'bigint' })
  @Field({ description: 'Integer minor units, e.g. "2500000" = £25,000.00.' })
  amountMinor: string;
}

/** A change of an application's status: append-only, with who, when and why. */
@Entity()
@Index(['applicationId', 'at'])
@ObjectType({ description: "A change of an application's status, with who, when and why." })
@Allow('SIGNED_IN')
export class ApplicationTransition {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  @Field(() => ID)
  id: string;

  @Column('uuid')
  applicationId: string;

  @ManyToOne(() => FundApplication, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: Relation<FundApplication>;

  @Column({ type: 'enum', enum: ApplicationStatus, enumName: 'application_status', nullable: true })
  @Field(() => ApplicationStatus, { nullable: true })
  fromStatus: ApplicationStatus | null;

  @Column({ type: 'enum', enum: ApplicationStatus, enumName: 'application_status' })
  @Field(() => ApplicationStatus)
  toStatus: ApplicationStatus;

  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'text' })
  @Field()
  reason: string;

  @Column({ type: 'timestamptz' })
  @Field()
  at: Date;
}

/** Who did what to a fund, its calls, applications, board and money. Append-only. */
@Entity()
@Index(['fundId', 'id'])
@ObjectType({ description: 'A line of a fund’s audit log. Admins and the fund’s board.' })
@Allow('SIGNED_IN')
export class FundAuditEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  @Field(() => ID)
  id: string;

  @Column('uuid')
  @Field(() => ID)
  fundId: string;

  @ManyToOne(() => Fund, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fund_id' })
  fund?: Relation<Fund>;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Null when the platform itself acted (a reminder, a scheduled task).' })
  actorUserId: string | null;

  @Column()
  @Field({ description: 'What was done, e.g. application.submitted, decision.recorded, ledger.committed.' })
  action: string;

  @Column()
  @Field({ description: 'What it was done to: fund, call, application, member, review, meeting, decision.' })
  subjectType: string;

  @Column({ type: 'text' })
  @Field()
  subjectId: string;

  @Column({ type: 'text' })
  @Field({ description: 'In words, in English.' })
  summary: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  detail: Record<string, unknown>;

  @Column({ type: 'timestamptz' })
  @Field()
  at: Date;
}
