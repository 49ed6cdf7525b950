import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { TwinningModule } from '@app/twinning';
import { ApplicationLifecycleService } from './application-lifecycle.service';
import { FundAuditController } from './audit.controller';
import { ApplicationsService } from './applications.service';
import { FundAuditService } from './audit.service';
import { ApplicationBudgetLineResolver } from './application-budget-line.resolver';
import { ApplicationsResolver } from './applications.resolver';
import { FundCallsResolver } from './fund-calls.resolver';
import { FundsResolver } from './funds.resolver';
import { LedgerEntryResolver } from './ledger-entry.resolver';
import { FundingLoaders } from './funding.loaders';
import { FundsService } from './funds.service';
import { LedgerService } from './ledger.service';

/**
 * Funds, their ledgers, calls and applications. Needs a FundBoardDirectory
 * from somewhere global (governance provides it).
 */
@Module({
  imports: [TwinningModule, IdentityModule],
  controllers: [FundAuditController],
  providers: [FundsService, LedgerService, FundAuditService, ApplicationsService, ApplicationLifecycleService, FundingLoaders, FundsResolver, LedgerEntryResolver, FundCallsResolver, ApplicationsResolver, ApplicationBudgetLineResolver],
  exports: [FundsService, LedgerService, FundAuditService, ApplicationsService, ApplicationLifecycleService, FundingLoaders],
})
export class FundingModule {}
