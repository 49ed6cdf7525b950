import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Allow } from '@app/core';
import { Fund } from '../funds/fund.entity';

/** The bilateral governance board of a fund, and its quorum rule. Public. */
@Entity()
@ObjectType({ description: 'The bilateral governance board of a fund. Public: who sits on it and its quorum rule.' })
@Allow('PUBLIC')
export class Board {
  @PrimaryColumn('uuid')
  @Field(() => ID)
  fundId: string;

  @ManyToOne(() => Fund, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fund_id' })
  fund?: Relation<Fund>;

  @Column({ type: 'integer', default: 1 })
  @Field(() => Int, { description: 'A quorum is a majority of the non-conflicted members, including at least this many from each contributing country.' })
  quorumMinPerCountry: number;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;
}
