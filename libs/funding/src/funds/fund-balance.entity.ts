import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Fund } from './fund.entity';

/**
 * What a fund holds in one currency, kept in step with the ledger in the same
 * transaction. The database refuses a row that does not add up or is below zero,
 * so no bug and no race can overcommit a fund.
 */
@Entity()
@Check('fund_balance_adds_up', 'available_minor = contributed_minor - returned_minor - committed_minor + released_minor')
@Check('fund_balance_not_negative', 'available_minor >= 0 AND contributed_minor >= returned_minor AND committed_minor >= released_minor')
export class FundBalance {
  @PrimaryColumn('uuid')
  fundId: string;

  @ManyToOne(() => Fund, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'fund_id' })
  fund?: Relation<Fund>;

  @PrimaryColumn({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'bigint', default: '0' }) contributedMinor: string;
  @Column({ type: 'bigint', default: '0' }) returnedMinor: string;
  @Column({ type: 'bigint', default: '0' }) committedMinor: string;
  @Column({ type: 'bigint', default: '0' }) releasedMinor: string;
  @Column({ type: 'bigint', default: '0' }) availableMinor: string;
}
