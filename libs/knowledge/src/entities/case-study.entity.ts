import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';
import { Allow, Bilingual } from '@app/core';
import { Workspace } from '@app/twinning';

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
