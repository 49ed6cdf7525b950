import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Allow } from '@app/core';
import { CaseStudy } from './case-study.entity';
import { CaseStudyStatus } from './case-study-version.entity';

/** A revision of a language version, as it was: append-only. */
@Entity()
@Index(['caseStudyId', 'language', 'revision'], { unique: true })
@ObjectType({ description: 'A past or present revision of a language version.' })
@Allow('SIGNED_IN')
export class CaseStudyRevision {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  @Field(() => ID)
  id: string;

  @Column('uuid')
  caseStudyId: string;

  @ManyToOne(() => CaseStudy, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_study_id' })
  caseStudy?: Relation<CaseStudy>;

  @Column({ type: 'varchar', length: 2 }) @Field() language: string;
  @Column({ type: 'integer' }) @Field(() => Int) revision: number;
  @Column() @Field() title: string;
  @Column({ type: 'text' }) @Field() summary: string;
  @Column({ type: 'text' }) @Field() body: string;

  @Column({ type: 'enum', enum: CaseStudyStatus, enumName: 'case_study_status' })
  @Field(() => CaseStudyStatus, { description: 'The version’s status when this revision was made.' })
  status: CaseStudyStatus;

  @Column({ type: 'uuid', nullable: true })
  editedByUserId: string | null;

  @Column({ type: 'timestamptz' })
  @Field()
  editedAt: Date;
}
