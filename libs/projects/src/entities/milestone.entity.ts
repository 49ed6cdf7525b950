import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';
import { Allow } from '@app/core';
import { Project } from './project.entity';

export enum MilestoneStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  MISSED = 'MISSED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(MilestoneStatus, { name: 'MilestoneStatus' });

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
