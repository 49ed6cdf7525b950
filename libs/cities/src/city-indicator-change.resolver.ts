import { ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, NoArgs, RequestContext, Role } from '@app/core';
import { CitiesLoaders } from './cities.loaders';
import { IndicatorValueView } from './dto/city-indicator.type';
import { CityIndicatorChange } from './entities/city-indicator-change.entity';
import { IndicatorDefinition } from './entities/indicator-definition.entity';

@Resolver(() => CityIndicatorChange)
export class CityIndicatorChangeResolver {
  constructor(private readonly loaders: CitiesLoaders) {}

  @ResolveField(() => IndicatorValueView, { description: 'The value before the change (no figure when there was none).' })
  @Allow(Role.ADMIN)
  async oldValue(change: CityIndicatorChange, _args: NoArgs, ctx: RequestContext): Promise<IndicatorValueView> {
    return IndicatorValueView.of(await this.definitionOf(change, ctx), change.oldValue);
  }

  @ResolveField(() => IndicatorValueView, { description: 'The value after the change.' })
  @Allow(Role.ADMIN)
  async newValue(change: CityIndicatorChange, _args: NoArgs, ctx: RequestContext): Promise<IndicatorValueView> {
    return IndicatorValueView.of(await this.definitionOf(change, ctx), change.newValue);
  }

  private async definitionOf(change: CityIndicatorChange, ctx: RequestContext): Promise<IndicatorDefinition> {
    const definition = (await this.loaders.definitionsByKey(ctx)).get(change.indicatorKey);
    if (!definition) throw new Error(`Change ${change.id} refers to unknown indicator ${change.indicatorKey}`);
    return definition;
  }
}
