import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Allow } from '@app/core';
import { Project, ProjectStage } from './project.entity';

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
