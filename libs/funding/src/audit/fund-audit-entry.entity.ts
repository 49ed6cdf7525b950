import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Allow } from '@app/core';
import { Fund } from '../funds/fund.entity';

/** Who did what to a fund, its calls, applications, board and money. Append-only. */
@Entity()
@Index(['fundId', 'id'])
@ObjectType({ description: 'A line of a fund’s audit log. Admins and the fund’s board.' })
@Allow('SIGNED_IN')
export class FundAuditEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  @Field(() => ID)
  id: string;

  @Column('uuid')
  @Field(() => ID)
  fundId: string;

  @ManyToOne(() => Fund, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fund_id' })
  fund?: Relation<Fund>;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Null when the platform itself acted (a reminder, a scheduled task).' })
  actorUserId: string | null;

  @Column()
  @Field({ description: 'What was done, e.g. application.submitted, decision.recorded, ledger.committed.' })
  action: string;

  @Column()
  @Field({ description: 'What it was done to: fund, call, application, member, review, meeting, decision.' })
  subjectType: string;

  @Column({ type: 'text' })
  @Field()
  subjectId: string;

  @Column({ type: 'text' })
  @Field({ description: 'In words, in English.' })
  summary: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  detail: Record<string, unknown>;

  @Column({ type: 'timestamptz' })
  @Field()
  at: Date;
}
