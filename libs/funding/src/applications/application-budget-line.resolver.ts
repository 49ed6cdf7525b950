import { ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Money } from '@app/core';
import { ApplicationBudgetLine } from './application-budget-line.entity';

@Resolver(() => ApplicationBudgetLine)
export class ApplicationBudgetLineResolver {
  @ResolveField(() => Money)
  @Allow('SIGNED_IN')
  amount(line: ApplicationBudgetLine): Money {
    return Money.of(line.amountMinor, line.currency.trim());
  }
}
