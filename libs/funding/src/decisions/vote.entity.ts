import { registerEnumType } from '@nestjs/graphql';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { AgendaItem } from './agenda-item.entity';
import { BoardMember } from '../board/board-member.entity';

export enum VoteChoice {
  FOR = 'FOR',
  AGAINST = 'AGAINST',
  ABSTAIN = 'ABSTAIN',
}
registerEnumType(VoteChoice, { name: 'VoteChoice' });

/** A member's vote on an agenda item; may change until the decision is recorded. */
@Entity()
export class Vote {
  @PrimaryColumn('uuid') meetingId: string;
  @PrimaryColumn('uuid') applicationId: string;
  @PrimaryColumn('uuid') memberId: string;

  @ManyToOne(() => AgendaItem, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'meeting_id', referencedColumnName: 'meetingId' },
    { name: 'application_id', referencedColumnName: 'applicationId' },
  ])
  item?: Relation<AgendaItem>;

  @ManyToOne(() => BoardMember, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'member_id' })
  member?: Relation<BoardMember>;

  @Column({ type: 'enum', enum: VoteChoice, enumName: 'vote_choice' })
  choice: VoteChoice;

  @Column({ type: 'timestamptz' })
  castAt: Date;
}
