import { Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Args, Ctx, listOfAtMost, NoArgs, RequestContext, Role } from '@app/core';
import { CitiesLoaders } from './cities.loaders';
import { CityIndicator } from './dto/city-indicator.type';
import { SetCityIndicatorInput } from './dto/set-city-indicator.input';
import { City } from './entities/city.entity';
import { IndicatorDefinition } from './entities/indicator-definition.entity';
import { IndicatorService } from './indicator.service';
import { SEED_INDICATOR_DEFINITIONS } from './seed/seed-data';

@Resolver(() => CityIndicator)
export class IndicatorsResolver {
  constructor(
    private readonly indicators: IndicatorService,
    private readonly loaders: CitiesLoaders,
  ) {}

  // Definitions come only from the seed data (no mutation adds one).
  @Query(() => [IndicatorDefinition], { complexity: listOfAtMost(SEED_INDICATOR_DEFINITIONS.length), description: 'Every kind of city indicator, in display order.' })
  @Allow('PUBLIC')
  indicatorDefinitions(@Ctx() ctx: RequestContext): Promise<IndicatorDefinition[]> {
    return this.loaders.definitions(ctx);
  }

  @Mutation(() => CityIndicator, {
    description:
      "Record a new figure (or clear: true for no figure) for one of a city's indicators, with its source. " +
      'The change is kept in the history with who made it and the old value. Admins only.',
  })
  @Allow(Role.ADMIN)
  async setCityIndicator(@Ctx() ctx: RequestContext, @Args('input') input: SetCityIndicatorInput): Promise<CityIndicator> {
    const { value, definition } = await this.indicators.setIndicator(
      ctx.user!,
      input.cityId,
      input.key,
      input,
      input.source,
      input.asOf,
    );
    this.loaders.indicatorValues(ctx).clear(input.cityId);
    return CityIndicator.of(input.cityId, definition, value);
  }

  @ResolveField(() => City)
  @Allow('PUBLIC')
  async city(indicator: CityIndicator, _args: NoArgs, ctx: RequestContext): Promise<City> {
    const city = await this.loaders.city(ctx).load(indicator.cityId);
    if (!city) throw new Error(`Indicator of unknown city ${indicator.cityId}`);
    return city;
  }
}
