import { ID, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, hasRole, listOfAtMost, LocalizedText, Money, NoArgs, NotFoundError, ONE_PER_COUNTRY, RequestContext, Role } from '@app/core';
import { DecisionsService } from './decisions.service';
import { BoardLoaders } from '../board/board.loaders';
import { VoteView } from '../dto/board.outputs';
import { FundingDecision } from './funding-decision.entity';
import { BOARD_SIZE_PRICED } from '../board/board.lists';

@Resolver(() => FundingDecision)
export class FundingDecisionResolver {
  constructor(
    private readonly decisions: DecisionsService,
    private readonly loaders: BoardLoaders,
  ) {}

  @ResolveField(() => [Money], { complexity: ONE_PER_COUNTRY })
  @Allow('SIGNED_IN')
  amounts(decision: FundingDecision): Money[] {
    return Object.entries(decision.amounts).map(([currency, amount]) => Money.of(amount, currency));
  }

  @ResolveField(() => LocalizedText)
  @Allow('SIGNED_IN')
  rationale(decision: FundingDecision): LocalizedText {
    return LocalizedText.of({ en: decision.rationaleEn, ko: decision.rationaleKo });
  }

  @ResolveField(() => LocalizedText, { nullable: true })
  @Allow('SIGNED_IN')
  conditions(decision: FundingDecision): LocalizedText | null {
    return decision.conditionsEn || decision.conditionsKo ? LocalizedText.of({ en: decision.conditionsEn, ko: decision.conditionsKo }) : null;
  }

  @ResolveField(() => [VoteView], { complexity: listOfAtMost(BOARD_SIZE_PRICED), nullable: true, description: 'Each member’s vote. Admins and members of the fund’s board; NOT_FOUND for other board members.' })
  @Allow(Role.ADMIN, Role.BOARD_MEMBER)
  async votes(decision: FundingDecision, _args: NoArgs, ctx: RequestContext): Promise<VoteView[]> {
    if (!hasRole(ctx.user, Role.ADMIN) && !(await this.loaders.seat(ctx).load(decision.fundId))) throw new NotFoundError('decisionVotes');
    return decision.votes.map((v) => ({ memberId: v.memberId, countryCode: v.countryCode, choice: v.choice, castAt: decision.recordedAt }));
  }

  @ResolveField(() => ID, { nullable: true, description: 'The later decision that replaced this one, if any.' })
  @Allow('SIGNED_IN')
  supersededByDecisionId(decision: FundingDecision, _args: NoArgs, ctx: RequestContext): Promise<string | null> {
    return this.loaders.supersededBy(ctx).load(decision.id);
  }
}
