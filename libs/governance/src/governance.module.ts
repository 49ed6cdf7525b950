import { Global, Module } from '@nestjs/common';
import { FundBoardDirectory, FundingModule } from '@app/funding';
import { BoardService } from './board.service';
import { DecisionsService } from './decisions.service';
import { GovernanceLoaders } from './governance.loaders';
import { AgendaItemResolver } from './agenda-item.resolver';
import { ApplicationGovernanceResolver } from './application-board.resolver';
import { BoardMemberResolver } from './board-member.resolver';
import { BoardResolver } from './board.resolver';
import { FundBoardResolver } from './fund-board.resolver';
import { FundingDecisionResolver } from './funding-decision.resolver';
import { MeetingsResolver } from './meetings.resolver';
import { PublicDecisionsResolver } from './public-decisions.resolver';
import { ReviewResolver } from './review.resolver';
import { ReviewsService } from './reviews.service';

/**
 * The bilateral governance board: members, conflicts, reviews, meetings,
 * votes and decisions. Global so funding finds the FundBoardDirectory it
 * needs without importing governance.
 */
@Global()
@Module({
  imports: [FundingModule],
  providers: [
    BoardService,
    { provide: FundBoardDirectory, useExisting: BoardService },
    ReviewsService,
    DecisionsService,
    GovernanceLoaders,
    BoardResolver,
    BoardMemberResolver,
    FundBoardResolver,
    ApplicationGovernanceResolver,
    ReviewResolver,
    MeetingsResolver,
    AgendaItemResolver,
    FundingDecisionResolver,
    PublicDecisionsResolver,
  ],
  exports: [FundBoardDirectory, BoardService, ReviewsService, DecisionsService],
})
export class GovernanceModule {}
