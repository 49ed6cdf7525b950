import { ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Money } from '@app/core';
import { LedgerEntry } from './ledger-entry.entity';

@Resolver(() => LedgerEntry)
export class LedgerEntryResolver {
  @ResolveField(() => Money)
  @Allow('PUBLIC')
  amount(entry: LedgerEntry): Money {
    return Money.of(entry.amountMinor, entry.currency.trim());
  }
}
