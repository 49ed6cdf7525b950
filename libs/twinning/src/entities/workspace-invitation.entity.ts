import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Allow } from '@app/core';
import { Workspace } from './workspace.entity';
import { WorkspaceRole } from './workspace-member.entity';

export enum WorkspaceInvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(WorkspaceInvitationStatus, { name: 'WorkspaceInvitationStatus' });

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
