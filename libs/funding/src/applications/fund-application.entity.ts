import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';
import { Allow, Bilingual } from '@app/core';
import { Project } from '@app/projects';
import { Workspace } from '@app/twinning';
import { Fund } from '../funds/fund.entity';
import { FundCall } from '../funds/fund-call.entity';
import { ApplicationStatus, DecisionOutcome } from './application.enums';

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
