import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation, UpdateDateColumn } from 'typeorm';
import { Allow } from '@app/core';
import { CaseStudy } from './case-study.entity';

export enum CaseStudyStatus {
  DRAFT = 'DRAFT',
  IN_REVIEW = 'IN_REVIEW',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(CaseStudyStatus, {
  name: 'CaseStudyStatus',
  description: 'Of one language version: DRAFT → IN_REVIEW (a workspace lead or an admin reviews) → PUBLISHED → ARCHIVED; a review may send it back to DRAFT, and an archived version may be published again.',
});

/** The searchable text of a version; the trigram and English full-text indexes are built on this expression. */
export const SEARCH_DOCUMENT = `(coalesce(v.title, '') || ' ' || coalesce(v.summary, '') || ' ' || coalesce(v.body, ''))`;

/**
 * One language version of a case study, with its own status. Editing a
 * published version makes a new revision (kept in CaseStudyRevision).
 */
@Entity()
@Index('case_study_version_search_trgm', { synchronize: false })
@Index('case_study_version_search_english', { synchronize: false })
@Index(['status', 'publishedAt'])
@ObjectType({ description: 'A language version of a case study.' })
@Allow('PUBLIC')
export class CaseStudyVersion {
  @PrimaryColumn('uuid')
  caseStudyId: string;

  @ManyToOne(() => CaseStudy, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_study_id' })
  caseStudy?: Relation<CaseStudy>;

  @PrimaryColumn({ type: 'varchar', length: 2 })
  @Field({ description: 'en or ko.' })
  language: string;

  @Column({ type: 'enum', enum: CaseStudyStatus, enumName: 'case_study_status' })
  @Field(() => CaseStudyStatus)
  status: CaseStudyStatus;

  @Column({ default: false })
  @Field({ description: 'Translated from the other language and not yet checked by a person.' })
  needsTranslationCheck: boolean;

  @Column() @Field() title: string;
  @Column({ type: 'text' }) @Field() summary: string;

  /** Markdown, as written; `bodyHtml` renders it sanitised. */
  @Column({ type: 'text' })
  @Field({ description: 'Markdown as written. Use bodyHtml to show it.' })
  body: string;

  @Column({ type: 'integer' })
  @Field(() => Int)
  revision: number;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The reviewer’s note when it was sent back.' })
  reviewNote: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  @Field()
  updatedAt: Date;
}
