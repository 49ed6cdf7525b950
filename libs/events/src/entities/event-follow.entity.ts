import { registerEnumType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';
import { User } from '@app/identity';
import { Workspace } from '@app/twinning';

export enum EventFollowScope {
  PROGRAMME = 'PROGRAMME',
  SECTOR = 'SECTOR',
  WORKSPACE = 'WORKSPACE',
}
registerEnumType(EventFollowScope, {
  name: 'EventFollowScope',
  description: "Which announcements you receive: every event of the PROGRAMME, those of one SECTOR, or those of one twin WORKSPACE (its digest's followers count too).",
});

/**
 * Which event announcements a person receives. A row with `unsubscribedAt` set
 * is an explicit "no": it is how a workspace digest follower (who follows that
 * workspace's events without a row of their own) stops its announcements.
 */
@Entity()
@Index('event_follow_one_programme', ['userId'], { unique: true, where: `scope = 'PROGRAMME'` })
@Index('event_follow_one_sector', ['userId', 'sectorKey'], { unique: true, where: `scope = 'SECTOR'` })
@Index('event_follow_one_workspace', ['userId', 'workspaceId'], { unique: true, where: `scope = 'WORKSPACE'` })
@Index(['scope', 'sectorKey'])
@Index(['scope', 'workspaceId'])
@Check('event_follow_scope_key', "(scope = 'PROGRAMME' AND sector_key IS NULL AND workspace_id IS NULL) OR (scope = 'SECTOR' AND sector_key IS NOT NULL AND workspace_id IS NULL) OR (scope = 'WORKSPACE' AND workspace_id IS NOT NULL AND sector_key IS NULL)")
export class EventFollow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'enum', enum: EventFollowScope, enumName: 'event_follow_scope' })
  scope: EventFollowScope;

  @Column({ type: 'text', nullable: true })
  sectorKey: string | null;

  @Column({ type: 'uuid', nullable: true })
  workspaceId: string | null;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  /** Set when the person stopped these announcements (by unfollowing or by an email's unsubscribe link). */
  @Column({ type: 'timestamptz', nullable: true })
  unsubscribedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
