import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, listOfAtMost, RequestContext } from '@app/core';
import { BoardLoaders } from '../board/board.loaders';
import { CriterionScore } from '../dto/board.outputs';
import { BoardMember } from '../board/board-member.entity';
import { Review } from './review.entity';
import { MAX_CRITERIA } from '../dto/funding.inputs';

@Resolver(() => Review)
export class ReviewResolver {
  constructor(private readonly loaders: BoardLoaders) {}

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
