import { Module } from '@nestjs/common';
import { CitiesModule } from '@app/cities';
import { IdentityModule } from '@app/identity';
import { TwinningModule } from '@app/twinning';
import { ApplicationBudgetLineResolver } from './applications/application-budget-line.resolver';
import { ApplicationLifecycleService } from './applications/application-lifecycle.service';
import { ApplicationTransitionResolver } from './applications/application-transition.resolver';
import { FundAuditEntryResolver } from './audit/fund-audit-entry.resolver';
import { ApplicationsResolver } from './applications/applications.resolver';
import { ApplicationsService } from './applications/applications.service';
import { FundAuditController } from './audit/audit.controller';
import { FundAuditService } from './audit/audit.service';
import { BoardMemberResolver } from './board/board-member.resolver';
import { BoardLoaders } from './board/board.loaders';
import { BoardResolver } from './board/board.resolver';
import { BoardService } from './board/board.service';
import { FundBoardResolver } from './board/fund-board.resolver';
import { QuorumStatusResolver } from './board/quorum-status.resolver';
import { AgendaItemResolver } from './decisions/agenda-item.resolver';
import { ApplicationBoardResolver } from './decisions/application-board.resolver';
import { DecisionsService } from './decisions/decisions.service';
import { FundingDecisionResolver } from './decisions/funding-decision.resolver';
import { MeetingsResolver } from './decisions/meetings.resolver';
import { PublicDecisionsResolver } from './decisions/public-decisions.resolver';
import { FundingLoaders } from './funding.loaders';
import { FundCallsResolver } from './funds/fund-calls.resolver';
import { FundsResolver } from './funds/funds.resolver';
import { FundsService } from './funds/funds.service';
import { LedgerEntryResolver } from './ledger/ledger-entry.resolver';
import { LedgerService } from './ledger/ledger.service';
import { ReviewResolver } from './reviews/review.resolver';
import { ReviewsService } from './reviews/reviews.service';

/**
 * The seed fund, whole: funds and their ledgers, calls, applications, the
 * bilateral board that reviews and decides them, and the audit log. A
 * decision's walk (lock the application, check the quorum, record the
 * decision, move the ledger, advance the application) stays inside this module.
 */
@Module({
  imports: [CitiesModule, TwinningModule, IdentityModule],
  controllers: [FundAuditController],
  providers: [
    FundsService,
    LedgerService,
    FundAuditService,
    ApplicationsService,
    ApplicationLifecycleService,
    BoardService,
    ReviewsService,
    DecisionsService,
    FundingLoaders,
    BoardLoaders,
    FundsResolver,
    FundCallsResolver,
    LedgerEntryResolver,
    ApplicationsResolver,
    ApplicationBudgetLineResolver,
    ApplicationTransitionResolver,
    FundAuditEntryResolver,
    BoardResolver,
    BoardMemberResolver,
    FundBoardResolver,
    QuorumStatusResolver,
    ApplicationBoardResolver,
    ReviewResolver,
    MeetingsResolver,
    AgendaItemResolver,
    FundingDecisionResolver,
    PublicDecisionsResolver,
  ],
})
export class FundingModule {}
