import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';
import { Allow } from '@app/core';
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

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
