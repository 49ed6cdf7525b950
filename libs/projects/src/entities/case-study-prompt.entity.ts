import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Allow } from '@app/core';
import { Project } from './project.entity';

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
