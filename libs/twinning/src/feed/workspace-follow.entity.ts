import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Allow } from '@app/core';
import { Workspace } from '../entities/workspace.entity';

export enum DigestFrequency {
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
}
registerEnumType(DigestFrequency, { name: 'DigestFrequency', description: 'DAILY: every morning; WEEKLY: Monday mornings (in your own time zone).' });

/** A member following a workspace: they receive a digest of its activity. */
@Entity()
@Index(['workspaceId', 'userId'], { unique: true })
@Index(['nextDigestAt'])
@ObjectType({ description: 'Your subscription to a workspace’s activity digest.' })
@Allow('SIGNED_IN')
export class WorkspaceFollow {
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
  userId: string;

  @Column({ type: 'varchar', length: 10 })
  @Field(() => DigestFrequency)
  frequency: DigestFrequency;

  /** Activity up to this instant has been sent (or was before the follow began). */
  @Column({ type: 'timestamptz' })
  @Field({ description: 'Activity up to this instant has been covered by a digest (or happened before you followed).' })
  coveredUntil: Date;

  @Column({ type: 'timestamptz' })
  @Field({ description: 'When the next digest is due (it is sent only when there is news).' })
  nextDigestAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;
}
