import { Float, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Args, Clock, Ctx, listOfAtMost, NoArgs, PageArgs, RequestContext } from '@app/core';
import { BoardLoaders } from '../board/board.loaders';
import { CriterionScore } from '../dto/board.outputs';
import { BoardMember } from '../board/board-member.entity';
import { Review } from './review.entity';
import { isOverdue } from './review-due';
import { ReviewsService } from './reviews.service';
import { MAX_CRITERIA } from '../dto/funding.inputs';
import { ReviewAssignmentFilter } from '../dto/board.inputs';
import { FundApplication } from '../applications/fund-application.entity';
import { FundingLoaders } from '../funding.loaders';
import { ReviewConnection } from '../funding.lists';

@Resolver(() => Review)
export class ReviewResolver {
  constructor(
    private readonly loaders: BoardLoaders,
    private readonly fundingLoaders: FundingLoaders,
    private readonly reviews: ReviewsService,
    private readonly clock: Clock,
  ) {}

  @Query(() => ReviewConnection, {
    description:
      'Board members: your reviews across funds, those still to write first (soonest due first), then the submitted ones (newest first). Reviews withdrawn after a conflict are not listed. Empty for anyone not on a board.',
  })
  @Allow('SIGNED_IN')
  myReviewAssignments(@Args() page: PageArgs, @Ctx() ctx: RequestContext, @Args('filter', { nullable: true, type: () => ReviewAssignmentFilter }) filter?: ReviewAssignmentFilter) {
    return this.reviews.mine(ctx.user!, filter ?? {}, page);
  }

  @ResolveField(() => FundApplication, { description: 'The application reviewed.' })
  @Allow('SIGNED_IN')
  application(review: Review, _args: NoArgs, ctx: RequestContext): Promise<FundApplication> {
    return this.fundingLoaders.application(ctx).load(review.applicationId);
  }

  @ResolveField(() => Boolean, { description: 'Still to write (neither submitted nor withdrawn) and past its due date, by the server clock.' })
  @Allow('SIGNED_IN')
  overdue(review: Review): boolean {
    return isOverdue(review, this.clock.now());
  }

  @ResolveField(() => BoardMember)
  @Allow('SIGNED_IN')
  reviewer(review: Review, _args: NoArgs, ctx: RequestContext): Promise<BoardMember> {
    return this.loaders.member(ctx).load(review.memberId);
  }

  @ResolveField(() => Float, { nullable: true, description: 'This review’s weighted score on the call’s scale (Σ weight × score / Σ weight), rounded to two decimal places as `ReviewSummary.weightedScore` is; null until submitted.' })
  @Allow('SIGNED_IN')
  weightedScore(review: Review, _args: NoArgs, ctx: RequestContext): Promise<number | null> {
    return this.reviews.weightedScoreOf(ctx, review);
  }

  @ResolveField(() => [CriterionScore], { complexity: listOfAtMost(MAX_CRITERIA) })
  @Allow('SIGNED_IN')
  scores(review: Review): CriterionScore[] {
    return review.scores;
  }
}
