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
