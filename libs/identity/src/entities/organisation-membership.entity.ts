import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Allow } from '@app/core';
import { Organisation } from './organisation.entity';
import { User } from './user.entity';

/** What a member may do for their organisation: a manager also decides requests to join it and changes members' roles. */
export enum OrganisationMemberRole {
  MANAGER = 'MANAGER',
  MEMBER = 'MEMBER',
}
registerEnumType(OrganisationMemberRole, {
  name: 'OrganisationMemberRole',
  valuesMap: {
    MANAGER: { description: "Decides requests to join the organisation and changes its members' roles." },
    MEMBER: { description: 'Belongs to the organisation (a member of a city government is its officer) and decides nothing about its membership.' },
  },
});

/** A user belongs to one or more organisations, as a manager or a plain member. */
@Entity()
@Index(['organisationId'])
@ObjectType('OrganisationMember', { description: "A person's membership of an organisation: who, with which role and job title, since when." })
@Allow('SIGNED_IN')
export class OrganisationMembership {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  userId: string;

  @Field(() => ID)
  @PrimaryColumn('uuid')
  organisationId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<Organisation>;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  jobTitle: string | null;

  @Field(() => OrganisationMemberRole)
  @Column({ type: 'enum', enum: OrganisationMemberRole, enumName: 'organisation_member_role', default: OrganisationMemberRole.MEMBER })
  role: OrganisationMemberRole;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  joinedAt: Date;
}
