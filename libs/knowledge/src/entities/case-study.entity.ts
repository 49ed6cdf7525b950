import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';
import { Allow, Bilingual } from '@app/core';
import { Workspace } from '@app/twinning';

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

/** A partner named in a case study (stored inside it). */
export interface PartnerData {
  name: Bilingual;
  organisationId: string | null;
}

/**
 * A best-practice case study: what is shared between its language versions
 * (cities, sectors, SDGs, partners, what made it work, lessons, links to
 * joint projects). Its texts live in CaseStudyVersion, one per language.
 */
@Entity()
@Check('case_study_sdgs_1_to_17', `sdgs <@ ARRAY[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17]`)
@ObjectType({ description: 'A best-practice case study: public once a language version is published; drafts for their authors and reviewers.' })
@Allow('PUBLIC')
export class CaseStudy {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ unique: true })
  @Field({ description: 'A stable readable key, e.g. liverpool-busan-hydrogen-ports.' })
  slug: string;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The twin workspace it comes from, if any: its leads review it.' })
  workspaceId: string | null;

  @ManyToOne(() => Workspace, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  @Field(() => [ID], { description: 'Joint projects it tells of.' })
  projectIds: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [String])
  cityIds: string[];

  /** The countries of its cities, kept for filtering. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [String])
  countryCodes: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [String], { description: 'Sector keys of the shared taxonomy.' })
  sectors: string[];

  @Column({ type: 'integer', array: true, default: () => "'{}'" })
  @Field(() => [Int], { description: 'UN Sustainable Development Goals, 1 to 17.' })
  sdgs: number[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  partners: PartnerData[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  successFactors: Bilingual[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  lessons: Bilingual[];

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  authorUserIds: string[];

  @Column({ type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  @Field()
  updatedAt: Date;

  @Column({ type: 'integer', default: 1 })
  @Field(() => Int, { description: 'Send it back with an update of the shared fields: an older one fails with CONFLICT.' })
  version: number;
}

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
