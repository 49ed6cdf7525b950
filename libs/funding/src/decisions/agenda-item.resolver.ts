import { ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, hasRole, listOfAtMost, NoArgs, NotFoundError, RequestContext, Role } from '@app/core';
import { BoardLoaders } from '../board/board.loaders';
import { DecisionBlocker, VoteView } from '../dto/board.outputs';
import { AGENDA_STATUSES } from './decisions.service';
import { countingReviews } from '../reviews/review-aggregate';
import { AgendaItem } from './agenda-item.entity';
import { FundingDecision } from './funding-decision.entity';
import { QuorumStatus, tally } from '../board/quorum';
import { BOARD_SIZE_PRICED } from '../board/board.lists';
import { FundApplication } from '../applications/fund-application.entity';
import { FundingLoaders } from '../funding.loaders';

@Resolver(() => AgendaItem)
export class AgendaItemResolver {
  constructor(
    private readonly loaders: BoardLoaders,
    private readonly fundingLoaders: FundingLoaders,
  ) {}

  @ResolveField(() => FundApplication)
  @Allow('SIGNED_IN')
  application(item: AgendaItem, _args: NoArgs, ctx: RequestContext): Promise<FundApplication> {
    return this.fundingLoaders.application(ctx).load(item.applicationId);
  }

  @ResolveField(() => QuorumStatus, {
    nullable: true,
    description:
      'Whether the votes that count make a quorum, as `recordFundingDecision` counts them (for a new decision, only votes cast since the current one). Null for a member conflicted on the application: every figure in it comes from the votes.',
  })
  @Allow('SIGNED_IN')
  async quorum(item: AgendaItem, _args: NoArgs, ctx: RequestContext): Promise<QuorumStatus | null> {
    const application = await this.fundingLoaders.application(ctx).load(item.applicationId);
    if (!(await this.mayReadVotes(ctx, application))) return null;
    return (await this.tallyOf(ctx, item, application)).status;
  }

  @ResolveField(() => [DecisionBlocker], {
    nullable: true,
    complexity: listOfAtMost(Object.keys(DecisionBlocker).length),
    description:
      'Why its decision cannot be recorded now, by the checks `recordFundingDecision` makes (its reason codes); empty when it can. Null for those who may not record it (a conflicted member, anyone off the board).',
  })
  @Allow('SIGNED_IN')
  async decisionBlockers(item: AgendaItem, _args: NoArgs, ctx: RequestContext): Promise<DecisionBlocker[] | null> {
    const application = await this.fundingLoaders.application(ctx).load(item.applicationId);
    if (!(await this.mayReadVotes(ctx, application))) return null;
    if (item.decisionId) return [DecisionBlocker.DECIDED];
    const blockers: DecisionBlocker[] = [];
    if (!AGENDA_STATUSES.includes(application.status)) blockers.push(DecisionBlocker.ILLEGAL_TRANSITION);
    const { status, eligible } = await this.tallyOf(ctx, item, application);
    if (!application.currentDecisionId) {
      const call = await this.fundingLoaders.call(ctx).load(application.callId);
      const reviews = await this.loaders.reviews(ctx).load(application.id);
      if (countingReviews(reviews, new Set(eligible.map((m) => m.memberId))).length < call.reviewersPerApplication) blockers.push(DecisionBlocker.REVIEWS_INCOMPLETE);
    }
    if (!status.met) blockers.push(DecisionBlocker.QUORUM_NOT_MET);
    return blockers;
  }

  /**
   * The votes on the item that count, as the decision counts them: for a
   * decision still to record, those cast since the application's current
   * decision; for one recorded here, those cast since the decision it superseded.
   */
  private async tallyOf(ctx: RequestContext, item: AgendaItem, application: FundApplication) {
    const board = await this.loaders.applicationBoard(ctx).load(application.id);
    const votes = await this.loaders.votes(ctx).load(`${item.meetingId}:${item.applicationId}`);
    const before = item.decisionId ? (await this.loaders.decision(ctx).load(item.decisionId)).supersedesDecisionId : application.currentDecisionId;
    const since = before ? (await this.loaders.decision(ctx).load(before)).recordedAt : undefined;
    return tally(board, votes, await this.loaders.quorumRule(ctx).load(application.fundId), since);
  }

  @ResolveField(() => [VoteView], { complexity: listOfAtMost(BOARD_SIZE_PRICED), nullable: true, description: 'Each vote so far. NOT_FOUND for a member conflicted on the application.' })
  @Allow('SIGNED_IN')
  async votes(item: AgendaItem, _args: NoArgs, ctx: RequestContext): Promise<VoteView[]> {
    const application = await this.fundingLoaders.application(ctx).load(item.applicationId);
    if (!(await this.mayReadVotes(ctx, application))) throw new NotFoundError('applicationVotes');
    const votes = await this.loaders.votes(ctx).load(`${item.meetingId}:${item.applicationId}`);
    return votes.map((v) => ({ memberId: v.memberId, countryCode: v.countryCode, choice: v.choice, castAt: v.castAt }));
  }

  /** Admins, and members of the fund's board not conflicted on the application, follow its votes until the decision. */
  private async mayReadVotes(ctx: RequestContext, application: FundApplication): Promise<boolean> {
    return hasRole(ctx.user, Role.ADMIN) || !!(await this.loaders.unconflictedSeat(ctx, application));
  }

  @ResolveField(() => FundingDecision, { nullable: true })
  @Allow('SIGNED_IN')
  decision(item: AgendaItem, _args: NoArgs, ctx: RequestContext): Promise<FundingDecision | null> {
    return item.decisionId ? this.loaders.decision(ctx).load(item.decisionId) : Promise.resolve(null);
  }
}
