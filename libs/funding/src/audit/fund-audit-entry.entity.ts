import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Allow } from '@app/core';
import { Fund } from '../funds/fund.entity';
import type { AuditFacts } from './audit-words';

/**
 * Who did what to a fund, its calls, applications, board and money. Append-only.
 * What happened is kept as facts (the action, and the names and figures its
 * sentence needs), said in the reader's language when read (auditWords); a
 * person's own words are `reason`, kept as they wrote them.
 */
@Entity()
@Index(['fundId', 'id'])
@ObjectType({ description: 'A line of a fund’s audit log: what happened, in the reader’s language, and the person’s own words. Admins and the fund’s board.' })
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

  /** What the platform counted and named, from which `summary` is said; null for an entry recorded before the log kept facts. */
  @Column({ type: 'jsonb', nullable: true })
  facts: AuditFacts | null;

  /** The English sentence an entry recorded before the log kept facts, when it could not be read back into facts; null otherwise. */
  @Column({ type: 'text', nullable: true })
  legacySummary: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The person’s own words (a reason, a note), exactly as they wrote them; null when they gave none.' })
  reason: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  detail: Record<string, unknown>;

  @Column({ type: 'timestamptz' })
  @Field()
  at: Date;
}
