import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, listOfAtMost, RequestContext } from '@app/core';
import { MAX_CRITERIA } from '@app/funding';
import { GovernanceLoaders } from './governance.loaders';
import { CriterionScore } from './dto/governance.outputs';
import { BoardMember } from './entities/board-member.entity';
import { Review } from './entities/review.entity';

@Resolver(() => Review)
export class ReviewResolver {
  constructor(private readonly loaders: GovernanceLoaders) {}

  @ResolveField(() => BoardMember)
  @Allow('SIGNED_IN')
  reviewer(@Parent() review: Review, @Ctx() ctx: RequestContext): Promise<BoardMember> {
    return this.loaders.member(ctx).load(review.memberId);
  }

  @ResolveField(() => [CriterionScore], { complexity: listOfAtMost(MAX_CRITERIA) })
  @Allow('SIGNED_IN')
  scores(@Parent() review: Review): CriterionScore[] {
    return review.scores;
  }
}
