import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';
import { Allow } from '@app/core';
import { City } from '@app/cities';
import { Organisation, User } from '@app/identity';
import { Workspace } from './workspace.entity';

export enum WorkspaceRole {
  LEAD = 'LEAD',
  MEMBER = 'MEMBER',
  OBSERVER = 'OBSERVER',
}
registerEnumType(WorkspaceRole, {
  name: 'WorkspaceRole',
  description: 'LEAD runs the workspace (invitations, join requests, roles, status); MEMBER works in it; OBSERVER reads it.',
});

/** A person in a workspace, representing one of the two cities. */
@Entity()
@Index(['workspaceId', 'userId'], { unique: true })
@Index(['userId'])
@ObjectType({ description: 'A member of a workspace and the city they represent.' })
@Allow('SIGNED_IN')
export class WorkspaceMember {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column('uuid')
  @Field(() => ID)
  workspaceId: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @Column('uuid')
  @Field(() => ID)
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'enum', enum: WorkspaceRole, enumName: 'workspace_role' })
  @Field(() => WorkspaceRole)
  role: WorkspaceRole;

  @Column()
  @Field(() => ID, { description: 'The city this member represents (one of the pair).' })
  cityId: string;

  @ManyToOne(() => City, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'city_id' })
  city?: Relation<City>;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The organisation (in that city) the member comes from, when they have one.' })
  organisationId: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<Organisation> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  joinedAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
