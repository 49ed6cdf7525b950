import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';
import { Allow, Role, Self } from '@app/core';
import { RoleGrant } from './role-grant.entity';

/**
 * A person with an account. Email is stored lower-case and unique, so
 * addresses are case-insensitive. Other people see only the display name.
 */
@Entity({ name: 'user_account' })
@ObjectType('User', { description: 'A person with an account.' })
@Allow(Role.ADMIN, Self('id'))
export class User {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  @Allow('SIGNED_IN')
  id: string;

  @Column({ unique: true })
  @Field(() => String, { nullable: true, description: 'Visible to the person and to admins.' })
  email: string;

  /** The name as the person writes it; GraphQL's displayName answers in the request's language (nameIn). */
  @Column()
  displayName: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  @Field(() => String, { nullable: true, description: 'The name as English pages write it, where it differs from displayName ("Lee Su-min"). Visible to the person and to admins.' })
  nameEn: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  @Field(() => String, { nullable: true, description: 'The name as Korean pages write it, where it differs from displayName ("샘 테일러"). Visible to the person and to admins.' })
  nameKo: string | null;

  @Column({ length: 2, default: 'en' })
  @Field(() => String, { nullable: true, description: 'en or ko: the language of emails and messages.' })
  preferredLanguage: string;

  @Column({ default: 'Europe/London' })
  @Field(() => String, { nullable: true, description: 'IANA time zone in which times are shown to this person.' })
  timeZone: string;

  @Column({ type: 'text', nullable: true, select: false })
  passwordHash: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  emailConfirmedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Set when an admin disabled the account.' })
  disabledAt: Date | null;

  @OneToMany(() => RoleGrant, (grant) => grant.user)
  roleGrants?: Relation<RoleGrant>[];

  @CreateDateColumn({ type: 'timestamptz' })
  @Field(() => Date, { nullable: true })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /** Filled by the service where roles are needed. */
  roles?: Role[];
}
