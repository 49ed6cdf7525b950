import { listOfAtMost, Paginated } from '@app/core';
import { FundingDecisionSummary } from '../dto/board.outputs';
import { BoardMeeting } from '../decisions/board-meeting.entity';

export const BoardMeetingConnection = Paginated(BoardMeeting);
export const FundingDecisionSummaryConnection = Paginated(FundingDecisionSummary);

/*
 * What the lists below hold at most, for the query cost (libs/core/src/graphql/cost.ts).
 * Boards, agendas and decisions grow only by what admins and the board do, so
 * they are priced at what a bilateral seed fund's board works with, not at a
 * limit the code enforces. A review's scores and the reviewers assigned at once
 * are what their inputs accept (MAX_CRITERIA, MAX_REVIEWERS_PER_CALL).
 */
/**
 * A board's current members: a few per country (the demo board has four).
 * Reviews, conflicts and votes on an application come one per member at most.
 */
export const BOARD_SIZE_PRICED = 12;
/** The applications one meeting takes. */
export const AGENDA_PRICED = 20;
/** An application's decisions: the first, then one per reconsideration. */
export const DECISIONS_PRICED = 5;
/** Current members; with includeFormer, as many again who have left. */
export const boardMembersCost = listOfAtMost((args) => (args.includeFormer ? 2 * BOARD_SIZE_PRICED : BOARD_SIZE_PRICED));
