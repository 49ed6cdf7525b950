import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Allow } from '@app/core';
import { User } from '@app/identity';
import { Board } from './board.entity';

/** A seat on a fund's board: a person, the country they sit for, and their affiliations. */
@Entity()
@Index('board_member_one_seat', ['fundId', 'userId'], { unique: true, where: 'ended_at IS NULL' })
@ObjectType({ description: 'A member of a fund’s board. Public.' })
@Allow('PUBLIC')
export class BoardMember {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column('uuid')
  @Field(() => ID)
  fundId: string;

  @ManyToOne(() => Board, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fund_id' })
  board?: Relation<Board>;

  @Column('uuid')
  @Field(() => ID)
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'char', length: 2 })
  @Field({ description: 'The country they sit for: GB or KR.' })
  countryCode: string;

  /** Organisations they are affiliated with: a member is conflicted on applications from those organisations' cities. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  @Field(() => [ID])
  organisationIds: string[];

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Other affiliations, in words.' })
  affiliationNote: string | null;

  @Column({ type: 'timestamptz' })
  @Field()
  appointedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  appointedByUserId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When they left the board; null while they sit on it.' })
  endedAt: Date | null;
}
