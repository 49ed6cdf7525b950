import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Allow } from '@app/core';
import { Board } from '../board/board.entity';

/** A board meeting: an agenda of applications to vote on. */
@Entity()
@Index(['fundId', 'startsAt'])
@Check('board_meeting_title_some_language', 'title_en IS NOT NULL OR title_ko IS NOT NULL')
@ObjectType({ description: 'A meeting of a fund’s board. Admins and the fund’s board.' })
@Allow('SIGNED_IN')
export class BoardMeeting {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column('uuid')
  @Field(() => ID)
  fundId: string;

  @ManyToOne(() => Board, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fund_id' })
  board?: Relation<Board>;

  @Column({ type: 'text', nullable: true }) titleEn: string | null;
  @Column({ type: 'text', nullable: true }) titleKo: string | null;

  @Column({ type: 'timestamptz' })
  @Field()
  startsAt: Date;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'A room or a video link.' })
  location: string | null;

  @Column('uuid')
  createdByUserId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;
}
