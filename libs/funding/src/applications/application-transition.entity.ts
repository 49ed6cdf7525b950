import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Allow } from '@app/core';
import { ApplicationStatus } from './application.enums';
import { FundApplication } from './fund-application.entity';
import type { TransitionFacts } from './transition-words';

/**
 * A change of an application's status: append-only, with who, when, what the
 * platform counted (facts) and, when the person gave one, their own reason.
 * What happened is said from these in the reader's language (transitionWords).
 */
@Entity()
@Index(['applicationId', 'at'])
@ObjectType({ description: "A change of an application's status: when, what happened (in the reader's language) and the person's own reason, as they wrote it." })
@Allow('SIGNED_IN')
export class ApplicationTransition {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  @Field(() => ID)
  id: string;

  @Column('uuid')
  applicationId: string;

  @ManyToOne(() => FundApplication, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: Relation<FundApplication>;

  @Column({ type: 'enum', enum: ApplicationStatus, enumName: 'application_status', nullable: true })
  @Field(() => ApplicationStatus, { nullable: true })
  fromStatus: ApplicationStatus | null;

  @Column({ type: 'enum', enum: ApplicationStatus, enumName: 'application_status' })
  @Field(() => ApplicationStatus)
  toStatus: ApplicationStatus;

  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The person’s own words, exactly as they wrote them (in their language); null when they gave no reason.' })
  reason: string | null;

  @Column({ type: 'jsonb', nullable: true })
  facts: TransitionFacts | null;

  @Column({ type: 'timestamptz' })
  @Field()
  at: Date;
}
