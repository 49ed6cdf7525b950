import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Allow, LocalizedText, Money } from '@app/core';

@ObjectType({ description: 'What a fund holds in one currency. Available = contributed − returned − committed + released.' })
@Allow('PUBLIC')
export class FundBalanceView {
  @Field() currency: string;
  @Field(() => Money) contributed: Money;
  @Field(() => Money) returned: Money;
  @Field(() => Money) committed: Money;
  @Field(() => Money) released: Money;
  @Field(() => Money) available: Money;
}

@ObjectType({ description: 'The ledger summed afresh against the stored balance, per currency.' })
@Allow('PUBLIC')
export class FundReconciliation {
  @Field() currency: string;
  @Field(() => Money, { description: 'Contributions − returns − commitments + releases, from the ledger.' }) fromLedger: Money;
  @Field(() => Money, { description: 'The stored balance the approvals were checked against.' }) available: Money;
  @Field({ description: 'The two agree, and every column of the balance equals its ledger sum.' }) reconciles: boolean;
}

@ObjectType()
@Allow('PUBLIC')
export class ExchangeRate {
  @Field() currency: string;
  @Field(() => Float, { description: 'Units of this currency per one unit of the call’s reference currency.' }) unitsPerReference: number;
}

@ObjectType({ description: 'An assessment criterion of a call.' })
@Allow('PUBLIC')
export class Criterion {
  @Field() key: string;
  @Field(() => LocalizedText) title: LocalizedText;
  @Field(() => Int) weight: number;
}

@ObjectType()
@Allow('SIGNED_IN')
export class ApplicationMilestone {
  @Field(() => LocalizedText) title: LocalizedText;
  @Field({ description: 'YYYY-MM-DD' }) dueDate: string;
}
