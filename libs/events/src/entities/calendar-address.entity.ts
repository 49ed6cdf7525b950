import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Allow } from '@app/core';
import { User } from '@app/identity';

/**
 * A person's calendar address, `/calendars/users/<id>.<secret>.ics`, which a
 * calendar app fetches without signing in. Only a SHA-256 of the secret is
 * stored (as for refresh tokens), so the address is shown once, when it is
 * made. One per person: a new one replaces the row (a new id and secret),
 * and the old address then answers 404.
 */
@Entity()
@Index(['userId'], { unique: true })
@ObjectType('CalendarAddress', {
  description: 'Your personal calendar address, without the address itself: it is shown only when made (createCalendarAddress, rotateCalendarAddress), since only a hash of it is kept.',
})
@Allow('SIGNED_IN')
export class CalendarAddress {
  /** Chosen anew at every rotation: the first part of the address. */
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ length: 64 })
  secretHash: string;

  @Column({ type: 'timestamptz' })
  @Field({ description: 'When this address was made; an older one stopped working then.' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When a calendar app last fetched it; null when none has yet.' })
  lastUsedAt: Date | null;
}
