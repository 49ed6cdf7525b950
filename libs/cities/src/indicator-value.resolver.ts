import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Args, Ctx, RequestContext } from '@app/core';
import { DisplayArgs } from './dto/cities.args';
import { IndicatorValueView } from './dto/city-indicator.type';
import { formatIndicatorValue } from './indicator-value';

@Resolver(() => IndicatorValueView)
export class IndicatorValueResolver {
  @ResolveField(() => String, {
    nullable: true,
    description: 'The value as a person reads it, with its unit or label ("2.9 million", "Yes", "Established"); null when there is no figure.',
  })
  @Allow('PUBLIC')
  displayValue(@Parent() value: IndicatorValueView, @Args() args: DisplayArgs, @Ctx() ctx: RequestContext): string | null {
    const raw = value.numberValue ?? value.booleanValue ?? value.textValue ?? null;
    return formatIndicatorValue(value.definition, raw, args.language ?? ctx.user?.language ?? 'en');
  }
}
