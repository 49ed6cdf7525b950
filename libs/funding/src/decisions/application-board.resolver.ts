import { Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Args, Ctx, hasRole, listOfAtMost, NoArgs, NotFoundError, RequestContext, Role } from '@app/core';
import { BoardLoaders } from '../board/board.loaders';
import {
  AssignReviewersInput,
  MAX_REVIEWERS_PER_CALL,
  SetReviewDueDateInput,
  SubmitReviewInput,
  UnassignReviewerInput,
} from '../dto/board.inputs';
import { ApplicationConflict } from '../dto/board.outputs';
import { FundingDecision } from './funding-decision.entity';
import { Review } from '../reviews/review.entity';
import { ReviewSummary } from '../reviews/review-aggregate';
import { ReviewsService } from '../reviews/reviews.service';
import { BOARD_SIZE_PRICED, DECISIONS_PRICED } from '../board/board.lists';
import { FundApplication } from '../applications/fund-application.entity';

@Resolver(() => FundApplication)
export class ApplicationBoardResolver {
  constructor(
    private readonly reviewsService: ReviewsService,
    private readonly loaders: BoardLoaders,
  ) {}

  @Mutation(() => [Review], { complexity: listOfAtMost(MAX_REVIEWERS_PER_CALL), description: 'Admins: assign board members to review an application (never a conflicted one). Once the call’s number is reached it goes UNDER_REVIEW.' })
  @Allow(Role.ADMIN)
  assignReviewers(@Args('input') input: AssignReviewersInput, @Ctx() ctx: RequestContext): Promise<Review[]> {
    return this.reviewsService.assign(ctx.user!, input);
  }

  @Mutation(() => Review, { description: 'Admins: move a pending review’s due date (in the future, at most 90 days ahead). CONFLICT once it is submitted or withdrawn. Audited.' })
  @Allow(Role.ADMIN)
  setReviewDueDate(@Args('input') input: SetReviewDueDateInput, @Ctx() ctx: RequestContext): Promise<Review> {
    return this.reviewsService.setDueDate(ctx.user!, input);
  }

  @Mutation(() => Boolean, { description: 'Admins: take a reviewer off an application before they submit.' })
  @Allow(Role.ADMIN)
  unassignReviewer(@Args('input') input: UnassignReviewerInput, @Ctx() ctx: RequestContext): Promise<boolean> {
    return this.reviewsService.unassign(ctx.user!, input);
  }

  @Mutation(() => Review, { description: 'Assigned reviewers: score every criterion and recommend. Final once submitted.' })
  @Allow(Role.BOARD_MEMBER)
  submitReview(@Args('input') input: SubmitReviewInput, @Ctx() ctx: RequestContext): Promise<Review> {
    return this.reviewsService.submit(ctx.user!, input);
  }

  @ResolveField(() => [Review], { complexity: listOfAtMost(BOARD_SIZE_PRICED), nullable: true, description: 'Admins, and board members not conflicted on it (a reviewer sees the others once theirs is in). NOT_FOUND for anyone else.' })
  @Allow(Role.ADMIN, Role.BOARD_MEMBER)
  reviews(application: FundApplication, _args: NoArgs, ctx: RequestContext): Promise<Review[]> {
    return this.reviewsService.visibleTo(ctx, application);
  }

  @ResolveField(() => [Review], {
    complexity: listOfAtMost(BOARD_SIZE_PRICED),
    nullable: true,
    description: 'Admins: every review assignment on it not withdrawn, written or still to write, with its due date, oldest first.',
  })
  @Allow(Role.ADMIN)
  reviewAssignments(application: FundApplication, _args: NoArgs, ctx: RequestContext): Promise<Review[]> {
    return this.loaders.reviews(ctx).load(application.id);
  }

  @ResolveField(() => ReviewSummary, { nullable: true, description: 'The reviews taken together, for those who may read them.' })
  @Allow(Role.ADMIN, Role.BOARD_MEMBER)
  reviewSummary(application: FundApplication, _args: NoArgs, ctx: RequestContext): Promise<ReviewSummary> {
    return this.reviewsService.summary(ctx, application);
  }

  @ResolveField(() => [ApplicationConflict], { complexity: listOfAtMost(BOARD_SIZE_PRICED), nullable: true, description: 'Conflicts of interest on it. Admins and its fund’s board.' })
  @Allow(Role.ADMIN, Role.BOARD_MEMBER)
  async conflicts(application: FundApplication, _args: NoArgs, ctx: RequestContext): Promise<ApplicationConflict[]> {
    if (!hasRole(ctx.user, Role.ADMIN) && !(await this.loaders.seat(ctx).load(application.fundId))) throw new NotFoundError('applicationConflicts');
    const { conflicts } = await this.loaders.applicationBoard(ctx).load(application.id);
    const members = await Promise.all([...conflicts.keys()].map((id) => this.loaders.member(ctx).load(id)));
    return [...conflicts.values()].map((c, i) => ({ member: members[i], automaticCityIds: c.automaticCityIds, workspaceMember: c.workspaceMember, declaredReason: c.declaredReason }));
  }

  @ResolveField(() => [FundingDecision], { complexity: listOfAtMost(DECISIONS_PRICED), description: 'The board’s decisions on it, oldest first; the last is current.' })
  @Allow('SIGNED_IN')
  decisions(application: FundApplication, _args: NoArgs, ctx: RequestContext): Promise<FundingDecision[]> {
    return this.loaders.decisionsByApplication(ctx).load(application.id);
  }
}
