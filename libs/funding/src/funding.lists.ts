import { Paginated } from '@app/core';
import { FundApplication } from './applications/fund-application.entity';
import { FundAuditEntry } from './audit/fund-audit-entry.entity';
import { Fund } from './funds/fund.entity';
import { FundCall } from './funds/fund-call.entity';
import { LedgerEntry } from './ledger/ledger-entry.entity';
import { Review } from './reviews/review.entity';

export const FundConnection = Paginated(Fund);
export const FundCallConnection = Paginated(FundCall);
export const FundApplicationConnection = Paginated(FundApplication);
export const LedgerEntryConnection = Paginated(LedgerEntry);
export const FundAuditEntryConnection = Paginated(FundAuditEntry);
export const ReviewConnection = Paginated(Review);

/*
 * What the lists below hold at most, for the query cost (libs/core/src/graphql/cost.ts).
 * Lists of money, rates, balances and local times have one item per currency or zone
 * of the fund's two countries (ONE_PER_COUNTRY); a call's criteria and an application's
 * lists hold what their inputs accept (MAX_* in dto/funding.inputs).
 */
/** The rules checkEligibility applies. */
export const ELIGIBILITY_RULES = 7;
/**
 * An application's changes of status: the way through has seven (submitted to
 * closed); each return to its applicants or decision taken again adds one or
 * two, which only admins and the board can do. Priced at 20.
 */
export const TRANSITIONS_PRICED = 20;
