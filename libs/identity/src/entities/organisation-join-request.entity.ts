import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Allow } from '@app/core';
import { City } from '@app/cities';
import { Organisation, OrganisationKind } from './organisation.entity';
import { User } from './user.entity';

export enum OrganisationRequestStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(OrganisationRequestStatus, { name: 'OrganisationRequestStatus' });

/**
 * A person asks to join an organisation, or proposes one that is not on the
 * platform yet (then `organisationId` is empty until an admin approves and the
 * organisation is made). The organisation's managers or an admin decide; the
 * decision (who, when, why) stays on the row. One pending request per person
 * per organisation.
 */
@Entity()
@Index('UQ_organisation_join_request_pending', ['organisationId', 'userId'], { unique: true, where: `"status" = 'PENDING'` })
@Index(['userId', 'createdAt'])
@Index(['organisationId', 'createdAt'])
@Check('CHK_organisation_join_request_target', `"organisation_id" IS NOT NULL OR ("proposed_name_en" IS NOT NULL AND "proposed_name_ko" IS NOT NULL AND "proposed_kind" IS NOT NULL AND "proposed_city_id" IS NOT NULL)`)
@ObjectType('OrganisationRequest', {
  description: "A request to join an organisation, or to add a new one. Seen by the person who asked, the organisation's managers and admins.",
})
@Allow('SIGNED_IN')
export class OrganisationJoinRequest {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column('uuid')
  @Field(() => ID)
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The organisation asked to join; for a new organisation, set when it is approved.' })
  organisationId: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<Organisation>;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'A new organisation: its English name.' })
  proposedNameEn: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'A new organisation: its Korean name.' })
  proposedNameKo: string | null;

  @Column({ type: 'enum', enum: OrganisationKind, enumName: 'organisation_kind', nullable: true })
  @Field(() => OrganisationKind, { nullable: true, description: 'A new organisation: its kind.' })
  proposedKind: OrganisationKind | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'A new organisation: its city.' })
  proposedCityId: string | null;

  @ManyToOne(() => City, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposed_city_id' })
  proposedCity?: Relation<City>;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  message: string | null;

  @Column({ type: 'enum', enum: OrganisationRequestStatus, enumName: 'organisation_request_status', default: OrganisationRequestStatus.PENDING })
  @Field(() => OrganisationRequestStatus)
  status: OrganisationRequestStatus;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Who approved or declined (or, withdrawn, the person who asked).' })
  decidedByUserId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why it was declined (required then), or a word on approval.' })
  decisionReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;
}
