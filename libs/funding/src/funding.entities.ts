import { ApplicationBudgetLine } from './applications/application-budget-line.entity';
import { ApplicationTransition } from './applications/application-transition.entity';
import { FundApplication } from './applications/fund-application.entity';
import { FundAuditEntry } from './audit/fund-audit-entry.entity';
import { BoardMember } from './board/board-member.entity';
import { Board } from './board/board.entity';
import { ConflictDeclaration } from './board/conflict-declaration.entity';
import { AgendaItem } from './decisions/agenda-item.entity';
import { BoardMeeting } from './decisions/board-meeting.entity';
import { FundingDecision } from './decisions/funding-decision.entity';
import { Vote } from './decisions/vote.entity';
import { FundBalance } from './funds/fund-balance.entity';
import { FundCall } from './funds/fund-call.entity';
import { Fund } from './funds/fund.entity';
import { LedgerEntry } from './ledger/ledger-entry.entity';
import { Review } from './reviews/review.entity';

/** Every entity of the seed fund, for the DataSource and the migrations. */
export const FUNDING_ENTITIES = [
  Fund,
  FundBalance,
  LedgerEntry,
  FundCall,
  FundApplication,
  ApplicationBudgetLine,
  ApplicationTransition,
  FundAuditEntry,
  Board,
  BoardMember,
  ConflictDeclaration,
  Review,
  BoardMeeting,
  AgendaItem,
  Vote,
  FundingDecision,
];
