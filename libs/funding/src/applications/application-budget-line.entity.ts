import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Allow } from '@app/core';
import { BudgetCategory } from './application.enums';
import { FundApplication } from './fund-application.entity';

/** One budget line: what one side spends the award on, in its own currency. */
@Entity()
@Index(['applicationId', 'position'])
@Check('application_budget_line_positive', 'amount_minor > 0')
@ObjectType({ description: "A budget line of an application, in one side's currency." })
@Allow('SIGNED_IN')
export class ApplicationBudgetLine {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column('uuid')
  applicationId: string;

  @ManyToOne(() => FundApplication, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: Relation<FundApplication>;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'char', length: 2 })
  @Field({ description: 'The side spending it: GB or KR.' })
  countryCode: string;

  @Column({ type: 'char', length: 3 })
  @Field()
  currency: string;

  @Column({ type: 'enum', enum: BudgetCategory, enumName: 'budget_category' })
  @Field(() => BudgetCategory)
  category: BudgetCategory;

  @Column()
  @Field()
  description: string;

  @Column({ type: 'bigint' })
  @Field({ description: 'Integer minor units, e.g. "2500000" = £25,000.00.' })
  amountMinor: string;
}
