import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';
import { Allow } from '@app/core';
import { User } from '@app/identity';
import { ProgrammeEvent } from './programme-event.entity';

export enum RegistrationStatus {
  REGISTERED = 'REGISTERED',
  WAITLISTED = 'WAITLISTED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(RegistrationStatus, {
  name: 'RegistrationStatus',
  description: 'REGISTERED holds a place; WAITLISTED waits in arrival order and is promoted (and emailed) when a place frees; CANCELLED gave the place up.',
});

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
