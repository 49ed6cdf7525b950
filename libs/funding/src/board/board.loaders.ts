import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import { NotFoundError, RequestContext, requestLoader } from '@app/core';
import { ApplicationBoard, BoardService, CastVote } from './board.service';
import { BoardMember } from './board-member.entity';
import { FundingDecision } from '../decisions/funding-decision.entity';
import { Review } from '../reviews/review.entity';
import type { QuorumRule } from './quorum';
import { FundApplication } from '../applications/fund-application.entity';
import { REVIEWABLE_STATUSES } from '../applications/application.enums';

/**
 * Batched reads for the board's fields: one statement per kind of thing per
 * request, so a meeting's agenda or a list of applications costs the same
 * number of statements whatever its length.
 */
@Injectable()
export class BoardLoaders {
  constructor(
    private readonly dataSource: DataSource,
    private readonly boards: BoardService,
  ) {}

  /** The reader's current seat on each fund's board, if any. */
  seat(ctx: RequestContext) {
    return requestLoader<string, BoardMember | null>(ctx, 'board.seatByFund', async (fundIds) => {
      if (!ctx.user) return fundIds.map(() => null);
      const seats = await this.dataSource.getRepository(BoardMember).findBy({ fundId: In([...fundIds]), userId: ctx.user.id, endedAt: IsNull() });
      return fundIds.map((id) => seats.find((s) => s.fundId === id) ?? null);
    });
  }

  /** Each application's fund board: current members with their countries, and their conflicts on it. */
  applicationBoard(ctx: RequestContext) {
    return requestLoader<string, ApplicationBoard>(ctx, 'board.applicationBoard', (ids) => this.boards.applicationBoards(ids));
  }

  /**
   * The reader's seat on the application's fund board when they are not
   * conflicted on it; null for anyone else (admins included: they have no
   * seat, and need none to read).
   */
  async unconflictedSeat(ctx: RequestContext, application: FundApplication): Promise<BoardMember | null> {
    const seat = await this.seat(ctx).load(application.fundId);
    if (!seat) return null;
    return (await this.applicationBoard(ctx).load(application.id)).conflicts.has(seat.id) ? null : seat;
  }

  /** Votes on each agenda item, keyed `meetingId:applicationId`. */
  votes(ctx: RequestContext) {
    return requestLoader<string, CastVote[]>(ctx, 'board.votesByItem', (keys) =>
      this.boards.votesOn(
        keys.map((key) => {
          const [meetingId, applicationId] = key.split(':');
          return { meetingId, applicationId };
        }),
      ),
    );
  }

  quorumRule(ctx: RequestContext) {
    return requestLoader<string, QuorumRule>(ctx, 'board.quorumRuleByFund', (fundIds) => this.boards.quorumRules(fundIds));
  }

  member(ctx: RequestContext) {
    return requestLoader<string, BoardMember>(ctx, 'board.memberById', async (ids) => {
      const members = await this.dataSource.getRepository(BoardMember).findBy({ id: In([...ids]) });
      return ids.map((id) => members.find((m) => m.id === id) ?? new NotFoundError('boardMember', id));
    });
  }

  decision(ctx: RequestContext) {
    return requestLoader<string, FundingDecision>(ctx, 'board.decisionById', async (ids) => {
      const decisions = await this.dataSource.getRepository(FundingDecision).findBy({ id: In([...ids]) });
      return ids.map((id) => decisions.find((d) => d.id === id) ?? new NotFoundError('decision', id));
    });
  }

  /** Each application's decisions, oldest first (the last is current). */
  decisionsByApplication(ctx: RequestContext) {
    return requestLoader<string, FundingDecision[]>(ctx, 'board.decisionsByApplication', async (ids) => {
      const decisions = await this.dataSource.getRepository(FundingDecision).find({ where: { applicationId: In([...ids]) }, order: { recordedAt: 'ASC' } });
      return ids.map((id) => decisions.filter((d) => d.applicationId === id));
    });
  }

  /** The later decision that replaced each decision, if any. */
  supersededBy(ctx: RequestContext) {
    return requestLoader<string, string | null>(ctx, 'board.supersededBy', async (ids) => {
      const rows = await this.dataSource.getRepository(FundingDecision).findBy({ supersedesDecisionId: In([...ids]) });
      return ids.map((id) => rows.find((r) => r.supersedesDecisionId === id)?.id ?? null);
    });
  }

  /** Each application's review assignments not withdrawn, oldest first. */
  reviews(ctx: RequestContext) {
    return requestLoader<string, Review[]>(ctx, 'board.reviewsByApplication', async (ids) => {
      const reviews = await this.dataSource.getRepository(Review).find({ where: { applicationId: In([...ids]), withdrawnAt: IsNull() }, order: { assignedAt: 'ASC' } });
      return ids.map((id) => reviews.filter((r) => r.applicationId === id));
    });
  }

  /**
   * Each member's open review assignments: neither submitted nor withdrawn,
   * on an application still in review (as myReviewAssignments lists them).
   */
  openReviews(ctx: RequestContext) {
    return requestLoader<string, number>(ctx, 'board.openReviews', async (ids) => {
      const rows: Array<{ member_id: string; open: number }> = await this.dataSource.query(
        `SELECT r.member_id, count(*)::int AS open
           FROM review r JOIN fund_application a ON a.id = r.application_id
          WHERE r.member_id = ANY($1::uuid[]) AND r.submitted_at IS NULL AND r.withdrawn_at IS NULL AND a.status = ANY($2::application_status[])
          GROUP BY r.member_id`,
        [[...ids], REVIEWABLE_STATUSES],
      );
      return ids.map((id) => rows.find((r) => r.member_id === id)?.open ?? 0);
    });
  }

  /** Whether each application is on a meeting's agenda. */
  onAgenda(ctx: RequestContext) {
    return requestLoader<string, boolean>(ctx, 'board.onAgenda', async (ids) => {
      const rows: Array<{ application_id: string }> = await this.dataSource.query(`SELECT DISTINCT application_id FROM agenda_item WHERE application_id = ANY($1::uuid[])`, [[...ids]]);
      return ids.map((id) => rows.some((r) => r.application_id === id));
    });
  }
}
