import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';
import { Allow } from '@app/core';
import { User } from '@app/identity';
import { Workspace } from '@app/twinning';

export enum EventKind {
  SEMINAR = 'SEMINAR',
  WORKSHOP = 'WORKSHOP',
  FORUM = 'FORUM',
  ANNUAL_SHOWCASE = 'ANNUAL_SHOWCASE',
  OTHER = 'OTHER',
}
registerEnumType(EventKind, { name: 'EventKind', description: 'SEMINAR, WORKSHOP, FORUM, ANNUAL_SHOWCASE (the programme’s yearly showcase of best practice) or OTHER.' });

export enum EventFormat {
  IN_PERSON = 'IN_PERSON',
  ONLINE = 'ONLINE',
  HYBRID = 'HYBRID',
}
registerEnumType(EventFormat, { name: 'EventFormat', description: 'IN_PERSON needs a venue, ONLINE a joining link, HYBRID both.' });

export enum EventStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(EventStatus, {
  name: 'EventStatus',
  description: 'DRAFT (its organiser and admins only) → PUBLISHED (public; followers are told) → CANCELLED (everyone registered or waiting is told).',
});

export enum RegistrationStatus {
  REGISTERED = 'REGISTERED',
  WAITLISTED = 'WAITLISTED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(RegistrationStatus, {
  name: 'RegistrationStatus',
  description: 'REGISTERED holds a place; WAITLISTED waits in arrival order and is promoted (and emailed) when a place frees; CANCELLED gave the place up.',
});

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
 * A seminar, workshop, forum or the annual showcase. Its instants are stored in
 * UTC with the zone it takes place in; a published event is public. The row is
 * locked by every registration, cancellation and change of capacity, so places
 * are never given twice. `version` guards edits that collide.
 * (The open-data export reads these columns by name.)
 */
@Entity()
@Index(['status', 'startsAt'])
@Index(['workspaceId', 'startsAt'])
@Index(['organiserUserId'])
@Check('programme_event_title_some_language', 'title_en IS NOT NULL OR title_ko IS NOT NULL')
@Check('programme_event_ends_after_start', 'ends_at > starts_at')
@Check('programme_event_capacity_not_negative', 'capacity IS NULL OR capacity >= 0')
@Check('programme_event_registration_window', 'registration_opens_at IS NULL OR registration_closes_at IS NULL OR registration_closes_at > registration_opens_at')
@Check('programme_event_venue_for_format', "format = 'ONLINE' OR venue IS NOT NULL")
@Check('programme_event_link_for_format', "format = 'IN_PERSON' OR join_url IS NOT NULL")
@ObjectType('ProgrammeEvent', { description: 'A seminar, workshop, forum or the annual showcase. Published events are public; drafts are their organiser’s and admins’.' })
@Allow('PUBLIC')
export class ProgrammeEvent {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ type: 'enum', enum: EventKind, enumName: 'event_kind' })
  @Field(() => EventKind)
  kind: EventKind;

  @Column({ type: 'enum', enum: EventFormat, enumName: 'event_format' })
  @Field(() => EventFormat)
  format: EventFormat;

  @Column({ type: 'text', nullable: true }) titleEn: string | null;
  @Column({ type: 'text', nullable: true }) titleKo: string | null;
  @Column({ type: 'text', nullable: true }) descriptionEn: string | null;
  @Column({ type: 'text', nullable: true }) descriptionKo: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Where it takes place (in person and hybrid).' })
  venue: string | null;

  /** Shown to registered people, the organiser and admins only (the joinUrl field). */
  @Column({ type: 'text', nullable: true })
  joinUrl: string | null;

  @Column({ type: 'timestamptz' })
  @Field({ description: 'When it starts (UTC); startsAtLocal gives it in the event’s zone and both countries’ zones.' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  @Field({ description: 'When it ends, after it starts.' })
  endsAt: Date;

  @Column({ type: 'text' })
  @Field({ description: 'The IANA zone it takes place in, e.g. Asia/Seoul.' })
  timeZone: string;

  @Column('uuid')
  @Field(() => ID)
  organiserUserId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organiser_user_id' })
  organiser?: Relation<User>;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The twin workspace it belongs to, if any: its followers are told when it is published.' })
  workspaceId: string | null;

  @ManyToOne(() => Workspace, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [String], { description: 'Sector keys of the shared taxonomy.' })
  sectors: string[];

  @Column({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Places; null for no limit. Further registrations join the waiting list.' })
  capacity: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Registration opens then; null: as soon as it is published.' })
  registrationOpensAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Registration closes then; null: when the event starts.' })
  registrationClosesAt: Date | null;

  @Column({ type: 'enum', enum: EventStatus, enumName: 'event_status' })
  @Field(() => EventStatus)
  status: EventStatus;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why it was cancelled, as told to everyone registered.' })
  cancelReason: string | null;

  @Column({ type: 'integer' })
  @Field(() => Int, { description: 'Send it back with an update: an update based on an older version fails with CONFLICT.' })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  @Field()
  updatedAt: Date;
}

/**
 * One person's place (or place in the queue) at one event: one row per person
 * and event, reused when they register again. `queueOrder` is their arrival,
 * assigned under the event's row lock, so the waiting list is in arrival order.
 */
@Entity()
@Index(['eventId', 'userId'], { unique: true })
@Index(['eventId', 'status', 'queueOrder'])
@Index(['userId', 'status'])
@ObjectType({ description: 'A registration for an event: yours, or (for its organiser and admins) an attendee’s.' })
@Allow('SIGNED_IN')
export class EventRegistration {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column('uuid')
  @Field(() => ID)
  eventId: string;

  @ManyToOne(() => ProgrammeEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<ProgrammeEvent>;

  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'enum', enum: RegistrationStatus, enumName: 'registration_status' })
  @Field(() => RegistrationStatus)
  status: RegistrationStatus;

  /** Arrival order within the event (1, 2, …), renewed when someone registers again after cancelling. */
  @Column({ type: 'integer' })
  @Field(() => Int, { description: 'Arrival order within the event: 1 came first.' })
  queueOrder: number;

  @Column({ type: 'timestamptz' })
  @Field({ description: 'When they (last) registered or joined the waiting list.' })
  registeredAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When a freed place went to them from the waiting list.' })
  promotedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  cancelledAt: Date | null;

  /** The start instant whose one-day reminder went to this person (a rescheduled event has a new one). */
  @Column({ type: 'timestamptz', nullable: true })
  dayReminderFor: Date | null;

  /** The start instant whose one-hour reminder went to this person. */
  @Column({ type: 'timestamptz', nullable: true })
  hourReminderFor: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

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
