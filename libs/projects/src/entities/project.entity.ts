import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';
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
