import { ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, formatMoney, NoArgs, RequestContext } from '@app/core';
import { ProjectBudget } from './entities/project-budget.entity';

@Resolver(() => ProjectBudget)
export class ProjectBudgetResolver {
  @ResolveField(() => String, { description: 'The amount as you write money, e.g. £25,000 (pence only when there are some: £25,000.50) or ₩2,500,000.' })
  @Allow('SIGNED_IN')
  formatted(budget: ProjectBudget, _args: NoArgs, ctx: RequestContext): string {
    return formatMoney(budget.amountMinor, budget.currency, ctx.user?.language ?? 'en');
  }
}
