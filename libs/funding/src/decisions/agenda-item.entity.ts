import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Allow } from '@app/core';
import { BoardMeeting } from './board-meeting.entity';
import { FundApplication } from '../applications/fund-application.entity';

/** An application on a meeting's agenda, and the decision taken on it there. */
@Entity()
@ObjectType({ description: 'An application on a meeting’s agenda.' })
@Allow('SIGNED_IN')
export class AgendaItem {
  @PrimaryColumn('uuid')
  @Field(() => ID)
  meetingId: string;

  @ManyToOne(() => BoardMeeting, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Relation<BoardMeeting>;

  @PrimaryColumn('uuid')
  @Field(() => ID)
  applicationId: string;

  @ManyToOne(() => FundApplication, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id' })
  application?: Relation<FundApplication>;

  @Column({ type: 'integer' })
  @Field(() => Int)
  position: number;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The decision taken on it at this meeting, once taken.' })
  decisionId: string | null;
}
