import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Allow } from '@app/core';
import { ApplicationStatus } from './application.enums';
import { FundApplication } from './fund-application.entity';

/** A change of an application's status: append-only, with who, when and why. */
@Entity()
@Index(['applicationId', 'at'])
@ObjectType({ description: "A change of an application's status, with who, when and why." })
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

  @Column({ type: 'text' })
  @Field()
  reason: string;

  @Column({ type: 'timestamptz' })
  @Field()
  at: Date;
}
