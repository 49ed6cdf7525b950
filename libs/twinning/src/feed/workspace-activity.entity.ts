import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Allow, Bilingual } from '@app/core';
import { Workspace } from '../entities/workspace.entity';

/** What happened. The feed and the digests describe each in both languages (activity-text.ts). */
export enum ActivityVerb {
  WORKSPACE_OPENED = 'WORKSPACE_OPENED',
  TWINNING_STATUS_CHANGED = 'TWINNING_STATUS_CHANGED',
  MEMBER_INVITED = 'MEMBER_INVITED',
  INVITATION_REVOKED = 'INVITATION_REVOKED',
  MEMBER_JOINED = 'MEMBER_JOINED',
  JOIN_REQUESTED = 'JOIN_REQUESTED',
  JOIN_REQUEST_DECLINED = 'JOIN_REQUEST_DECLINED',
  MEMBER_ROLE_CHANGED = 'MEMBER_ROLE_CHANGED',
  MEMBER_REMOVED = 'MEMBER_REMOVED',
  MEMBER_LEFT = 'MEMBER_LEFT',
  PROJECT_CREATED = 'PROJECT_CREATED',
  PROJECT_UPDATED = 'PROJECT_UPDATED',
  PROJECT_STAGE_CHANGED = 'PROJECT_STAGE_CHANGED',
  PROJECT_CLOSED = 'PROJECT_CLOSED',
  PROJECT_REOPENED = 'PROJECT_REOPENED',
  PROJECT_PUBLISHED = 'PROJECT_PUBLISHED',
  PROJECT_UNPUBLISHED = 'PROJECT_UNPUBLISHED',
  MILESTONE_ADDED = 'MILESTONE_ADDED',
  MILESTONE_UPDATED = 'MILESTONE_UPDATED',
  MILESTONE_STATUS_CHANGED = 'MILESTONE_STATUS_CHANGED',
  MILESTONE_REMOVED = 'MILESTONE_REMOVED',
}
registerEnumType(ActivityVerb, { name: 'ActivityVerb', description: 'What happened in a workspace.' });

export enum ActivityObjectType {
  WORKSPACE = 'WORKSPACE',
  TWINNING = 'TWINNING',
  MEMBER = 'MEMBER',
  INVITATION = 'INVITATION',
  JOIN_REQUEST = 'JOIN_REQUEST',
  PROJECT = 'PROJECT',
  MILESTONE = 'MILESTONE',
}
registerEnumType(ActivityObjectType, { name: 'ActivityObjectType', description: 'The kind of thing an activity entry is about.' });

/**
 * One change in a workspace: who (actor), did what (verb), to what (object),
 * when. Append-only; written in the transaction of the change it records.
 * The time is stored in UTC with the zone it belongs to (the actor's).
 */
@Entity()
@Index(['workspaceId', 'at', 'id'])
@ObjectType({ description: 'An entry of a workspace activity feed: actor, verb, object, time.' })
@Allow('SIGNED_IN')
export class WorkspaceActivity {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column('uuid')
  @Field(() => ID)
  workspaceId: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  actorUserId: string | null;

  @Column({ type: 'text' })
  @Field({ description: 'The actor’s name when it happened.' })
  actorName: string;

  @Column({ type: 'varchar', length: 40 })
  @Field(() => ActivityVerb)
  verb: ActivityVerb;

  @Column({ type: 'varchar', length: 20 })
  @Field(() => ActivityObjectType)
  objectType: ActivityObjectType;

  @Column({ type: 'text' })
  @Field(() => ID)
  objectId: string;

  /** The object's name when it happened (a project title, a person), in both languages. */
  @Column({ type: 'jsonb', nullable: true })
  objectLabel: Bilingual | null;

  /** Verb-specific facts: from/to stages, roles, reasons, changed fields. */
  @Column({ type: 'jsonb', default: {} })
  details: Record<string, unknown>;

  @Column({ type: 'timestamptz' })
  @Field({ description: 'When, in UTC.' })
  at: Date;

  @Column({ type: 'text' })
  @Field({ description: 'The time zone the moment belongs to: the actor’s.' })
  timeZone: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
