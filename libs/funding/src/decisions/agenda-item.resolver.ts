import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, hasRole, listOfAtMost, NotFoundError, RequestContext, Role } from '@app/core';
import { BoardLoaders } from '../board/board.loaders';
import { VoteView } from '../dto/board.outputs';
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
  application(@Parent() item: AgendaItem, @Ctx() ctx: RequestContext): Promise<FundApplication> {
    return this.fundingLoaders.application(ctx).load(item.applicationId);
  }

  @ResolveField(() => QuorumStatus, {
    nullable: true,
    description: 'Whether the votes so far make a quorum. Null for a member conflicted on the application: every figure in it comes from the votes.',
  })
  @Allow('SIGNED_IN')
  async quorum(@Parent() item: AgendaItem, @Ctx() ctx: RequestContext): Promise<QuorumStatus | null> {
    const application = await this.fundingLoaders.application(ctx).load(item.applicationId);
    if (!(await this.mayReadVotes(ctx, application))) return null;
    const board = await this.loaders.applicationBoard(ctx).load(application.id);
    const votes = await this.loaders.votes(ctx).load(`${item.meetingId}:${item.applicationId}`);
    return tally(board, votes, await this.loaders.quorumRule(ctx).load(application.fundId)).status;
  }

  @ResolveField(() => [VoteView], { complexity: listOfAtMost(BOARD_SIZE_PRICED), nullable: true, description: 'Each vote so far. NOT_FOUND for a member conflicted on the application.' })
  @Allow('SIGNED_IN')
  async votes(@Parent() item: AgendaItem, @Ctx() ctx: RequestContext): Promise<VoteView[]> {
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
  decision(@Parent() item: AgendaItem, @Ctx() ctx: RequestContext): Promise<FundingDecision | null> {
    return item.decisionId ? this.loaders.decision(ctx).load(item.decisionId) : Promise.resolve(null);
  }
}
