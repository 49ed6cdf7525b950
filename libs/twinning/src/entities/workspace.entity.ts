import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';
import { Allow } from '@app/core';
import { City } from '@app/cities';
import { Organisation, User } from '@app/identity';
import { Twinning } from './twinning.entity';

export enum WorkspaceRole {
  LEAD = 'LEAD',
  MEMBER = 'MEMBER',
  OBSERVER = 'OBSERVER',
}
registerEnumType(WorkspaceRole, {
  name: 'WorkspaceRole',
  description: 'LEAD runs the workspace (invitations, join requests, roles, status); MEMBER works in it; OBSERVER reads it.',
});

export enum JoinRequestStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  DECLINED = 'DECLINED',
}
registerEnumType(JoinRequestStatus, { name: 'JoinRequestStatus' });

export enum WorkspaceInvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(WorkspaceInvitationStatus, { name: 'WorkspaceInvitationStatus' });

/**
 * The shared room of a twinned pair, created when the twinning is accepted.
 * Its row is locked by every membership change, so the rule "at least one
 * lead from each city" holds under concurrency.
 */
@Entity()
@ObjectType({ description: "A twinned pair's shared room. Visible only to its members and admins." })
@Allow('SIGNED_IN')
export class Workspace {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column('uuid', { unique: true })
  @Field(() => ID)
  twinningId: string;

  @ManyToOne(() => Twinning, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'twinning_id' })
  twinning?: Relation<Twinning>;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;

  /** Moved by every change in the workspace (membership, status). */
  @Column({ type: 'timestamptz' })
  lastActivityAt: Date;
}

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

/** An invitation by email; its secret lives in a OneTimeToken (purpose INVITATION, payload.kind 'workspace'). */
@Entity()
@Index(['workspaceId', 'createdAt'])
@ObjectType({ description: 'An invitation to a workspace, sent by email. Visible to its leads.' })
@Allow('SIGNED_IN')
export class WorkspaceInvitation {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column('uuid')
  @Field(() => ID)
  workspaceId: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @Column('uuid', { unique: true })
  tokenId: string;

  @Column()
  @Field()
  email: string;

  @Column({ type: 'enum', enum: WorkspaceRole, enumName: 'workspace_role' })
  @Field(() => WorkspaceRole)
  role: WorkspaceRole;

  @Column('uuid')
  @Field(() => ID)
  invitedByUserId: string;

  @Column()
  @Field(() => ID, { description: 'The city the inviter represents; a new account without an organisation represents it too.' })
  inviterCityId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  @Field()
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  acceptedByUserId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;
}

/** Someone from an organisation in either city asks to join; a lead approves (with a role) or declines. */
@Entity()
@Index('UQ_workspace_join_request_pending', ['workspaceId', 'userId'], { unique: true, where: `"status" = 'PENDING'` })
@Index(['workspaceId', 'createdAt'])
@ObjectType({ description: 'A request to join a workspace. Visible to its leads.' })
@Allow('SIGNED_IN')
export class WorkspaceJoinRequest {
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

  @Column()
  @Field(() => ID, { description: 'The city the requester would represent, from their organisation.' })
  cityId: string;

  @Column('uuid')
  @Field(() => ID)
  organisationId: string;

  @Column({ type: 'text' })
  @Field()
  message: string;

  @Column({ type: 'enum', enum: JoinRequestStatus, enumName: 'workspace_join_request_status', default: JoinRequestStatus.PENDING })
  @Field(() => JoinRequestStatus)
  status: JoinRequestStatus;

  @Column({ type: 'enum', enum: WorkspaceRole, enumName: 'workspace_role', nullable: true })
  @Field(() => WorkspaceRole, { nullable: true, description: 'The role given on approval.' })
  grantedRole: WorkspaceRole | null;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  decidedByUserId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  decisionReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;
}
