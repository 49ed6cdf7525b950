import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Allow } from '@app/core';
import { User } from '@app/identity';
import { Workspace } from './workspace.entity';
import { WorkspaceRole } from './workspace-member.entity';

export enum JoinRequestStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  DECLINED = 'DECLINED',
}
registerEnumType(JoinRequestStatus, { name: 'JoinRequestStatus' });

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
