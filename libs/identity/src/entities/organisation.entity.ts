import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';
import { Allow, Role } from '@app/core';
import { City } from '@app/cities';

export enum OrganisationKind {
  CITY_GOVERNMENT = 'CITY_GOVERNMENT',
  UNIVERSITY = 'UNIVERSITY',
  COMPANY = 'COMPANY',
  AGENCY = 'AGENCY',
  OTHER = 'OTHER',
}
registerEnumType(OrganisationKind, { name: 'OrganisationKind' });

/** A body people work for, in one city. A city officer works for its city government. */
@Entity()
@Index(['cityId', 'kind'])
@ObjectType({ description: 'A city government, university, company, agency or other body, in one city.' })
@Allow('PUBLIC')
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column()
  @Field()
  nameEn: string;

  @Column()
  @Field()
  nameKo: string;

  @Column({ type: 'enum', enum: OrganisationKind, enumName: 'organisation_kind' })
  @Field(() => OrganisationKind)
  kind: OrganisationKind;

  @Column()
  @Field()
  cityId: string;

  @ManyToOne(() => City, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'city_id' })
  city?: Relation<City>;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  website: string | null;

  /**
   * The email domain its staff use (liverpool.gov.uk), set by admins: a
   * newcomer whose address is of this domain is told the organisation is
   * probably theirs. A hint only; membership is still decided by people.
   */
  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The email domain its staff use. Admins only.' })
  @Allow(Role.ADMIN)
  emailDomain: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
