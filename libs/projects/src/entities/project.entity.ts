import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Relation,
  UpdateDateColumn,
} from 'typeorm';
import { Allow, Bilingual } from '@app/core';
import { Workspace } from '@app/twinning';

export enum ProjectStage {
  DISCOVERY = 'DISCOVERY',
  GOAL_SETTING = 'GOAL_SETTING',
  FEASIBILITY = 'FEASIBILITY',
  DEMONSTRATOR = 'DEMONSTRATOR',
  SCALING = 'SCALING',
  BUSINESS_AS_USUAL = 'BUSINESS_AS_USUAL',
}
registerEnumType(ProjectStage, {
  name: 'ProjectStage',
  description: 'Discovery → goal setting → feasibility → demonstrator → scaling → business as usual. Plans are flexible: a project may move back.',
});

export enum ProjectType {
  PATHFINDER = 'PATHFINDER',
  LIGHTHOUSE = 'LIGHTHOUSE',
  PROOF_OF_CONCEPT = 'PROOF_OF_CONCEPT',
}
registerEnumType(ProjectType, { name: 'ProjectType' });

export enum MilestoneStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  MISSED = 'MISSED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(MilestoneStatus, { name: 'MilestoneStatus' });

export enum RiskLevel {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}
registerEnumType(RiskLevel, { name: 'RiskLevel' });

/** What a project produced (stored inside the project row). */
export interface ProjectOutputData {
  title: Bilingual;
  url: string | null;
  deliveredOn: string | null;
}

/** A risk and its handling (stored inside the project row). */
export interface ProjectRiskData {
  description: Bilingual;
  likelihood: RiskLevel;
  impact: RiskLevel;
  mitigation: Bilingual | null;
}

/**
 * A joint project of a twin workspace: text in English and Korean, a lead in
 * each city, a stage with its history, and a version for edits that collide.
 * Visible to the workspace's members and admins; its summary is public once
 * its leads publish it.
 */
@Entity()
@Index(['workspaceId', 'updatedAt'])
@Check('project_title_some_language', 'title_en IS NOT NULL OR title_ko IS NOT NULL')
@Check('project_dates_in_order', 'end_date IS NULL OR end_date >= start_date')
@ObjectType({ description: 'A joint project of a twin workspace. Members and admins only.' })
@Allow('SIGNED_IN')
export class Project {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column('uuid')
  @Field(() => ID)
  workspaceId: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @Column({ type: 'text', nullable: true }) titleEn: string | null;
  @Column({ type: 'text', nullable: true }) titleKo: string | null;
  @Column({ type: 'text', nullable: true }) summaryEn: string | null;
  @Column({ type: 'text', nullable: true }) summaryKo: string | null;

  /** Keys of the shared sector taxonomy. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [String], { description: 'Sector keys of the shared taxonomy, e.g. hydrogen.' })
  sectors: string[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  objectives: Bilingual[];

  @Column({ type: 'enum', enum: ProjectStage, enumName: 'project_stage' })
  @Field(() => ProjectStage)
  stage: ProjectStage;

  @Column({ type: 'enum', enum: ProjectType, enumName: 'project_type' })
  @Field(() => ProjectType)
  type: ProjectType;

  /** The project's lead in the twinning's city A, and in city B. */
  @Column('uuid') leadAUserId: string;
  @Column('uuid') leadBUserId: string;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  @Field(() => [ID])
  partnerOrganisationIds: string[];

  @Column({ type: 'date' })
  @Field({ description: 'Calendar date, YYYY-MM-DD.' })
  startDate: string;

  @Column({ type: 'date', nullable: true })
  @Field(() => String, { nullable: true, description: 'Calendar date, YYYY-MM-DD; null while open-ended.' })
  endDate: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  outputs: ProjectOutputData[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  risks: ProjectRiskData[];

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When its summary was published; null while private.' })
  publishedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  closedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  closeReason: string | null;

  @Column('uuid')
  @Field(() => ID)
  createdByUserId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  @Field()
  updatedAt: Date;

  /** Moved by the service on every edit of the content (not by publishing or a milestone change). */
  @Column({ type: 'integer' })
  @Field(() => Int, { description: 'Send it back with an update: an update based on an older version fails with CONFLICT.' })
  version: number;
}

/** One country's budget for a project: integer minor units and an ISO 4217 code, never a float. */
@Entity()
@ObjectType({ description: "A country's budget for a project, in integer minor units of its currency." })
@Allow('SIGNED_IN')
export class ProjectBudget {
  @PrimaryColumn('uuid')
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

  @PrimaryColumn({ type: 'char', length: 2 })
  @Field({ description: 'The country contributing, e.g. GB or KR.' })
  countryCode: string;

  @Column({ type: 'bigint' })
  @Field({ description: 'Integer minor units as a string (pence for GBP, won for KRW), e.g. "2500000" = £25,000.00.' })
  amountMinor: string;

  @Column({ type: 'char', length: 3 })
  @Field({ description: 'ISO 4217 code, e.g. GBP or KRW.' })
  currency: string;
}

/** A stage change of a project: append-only, with who, when and why. */
@Entity()
@Index(['projectId', 'at'])
@ObjectType({ description: 'A change of a project stage, with who, when and why.' })
@Allow('SIGNED_IN')
export class ProjectStageChange {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column('uuid')
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

  @Column({ type: 'enum', enum: ProjectStage, enumName: 'project_stage', nullable: true })
  @Field(() => ProjectStage, { nullable: true, description: 'Null for the stage the project started in.' })
  fromStage: ProjectStage | null;

  @Column({ type: 'enum', enum: ProjectStage, enumName: 'project_stage' })
  @Field(() => ProjectStage)
  toStage: ProjectStage;

  @Column('uuid')
  @Field(() => ID)
  actorUserId: string;

  @Column({ type: 'text' })
  @Field()
  reason: string;

  @Column({ type: 'timestamptz' })
  @Field({ description: 'When, in UTC.' })
  at: Date;

  @Column({ type: 'text' })
  @Field({ description: 'The time zone the moment belongs to: the actor’s.' })
  timeZone: string;
}

/** A dated step of a project, with evidence that it happened. */
@Entity()
@Index(['projectId', 'dueDate'])
@ObjectType({ description: 'A milestone of a project: due date, status and evidence links.' })
@Allow('SIGNED_IN')
export class Milestone {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column('uuid')
  @Field(() => ID)
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

  @Column({ type: 'text', nullable: true }) titleEn: string | null;
  @Column({ type: 'text', nullable: true }) titleKo: string | null;

  @Column({ type: 'date' })
  @Field({ description: 'Calendar date, YYYY-MM-DD, within the project dates.' })
  dueDate: string;

  @Column({ type: 'enum', enum: MilestoneStatus, enumName: 'milestone_status', default: MilestoneStatus.PLANNED })
  @Field(() => MilestoneStatus)
  status: MilestoneStatus;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [String], { description: 'Links to the evidence (reports, photos, minutes).' })
  evidenceLinks: string[];

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was marked DONE.' })
  completedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  @Field()
  updatedAt: Date;

  /** Moved by the service on every edit of the content (not by publishing or a milestone change). */
  @Column({ type: 'integer' })
  @Field(() => Int, { description: 'Send it back with an update: an update based on an older version fails with CONFLICT.' })
  version: number;
}

export enum CaseStudyPromptTrigger {
  BUSINESS_AS_USUAL = 'BUSINESS_AS_USUAL',
  CLOSED = 'CLOSED',
}
registerEnumType(CaseStudyPromptTrigger, { name: 'CaseStudyPromptTrigger' });

/**
 * A project that reached business as usual, or closed, asks its leads for a
 * case study. One per project; the knowledge feature links the case study
 * written in answer (caseStudyId).
 */
@Entity()
@ObjectType({ description: 'A request to the project leads to write a case study of what the project learnt.' })
@Allow('SIGNED_IN')
export class CaseStudyPrompt {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column('uuid', { unique: true })
  @Field(() => ID)
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

  @Column({ type: 'varchar', length: 20 })
  @Field(() => CaseStudyPromptTrigger)
  trigger: CaseStudyPromptTrigger;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The case study written in answer, once there is one.' })
  caseStudyId: string | null;
}
