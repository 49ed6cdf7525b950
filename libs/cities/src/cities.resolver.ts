import { Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Args, costWhen, Ctx, listOfAtMost, NoArgs, PageArgs, Paginated, RequestContext, Role } from '@app/core';
import { CitiesLoaders } from './cities.loaders';
import { CitiesService } from './cities.service';
import { CityArgs, CityFilterInput, IndicatorHistoryArgs } from './dto/cities.args';
import { CityIndicator } from './dto/city-indicator.type';
import { CityIndicatorChange } from './entities/city-indicator-change.entity';
import { City } from './entities/city.entity';
import { Country } from './entities/country.entity';
import { IndicatorService } from './indicator.service';
import { SEED_INDICATOR_DEFINITIONS } from './seed/seed-data';

export const CityConnection = Paginated(City);
export const CityIndicatorChangeConnection = Paginated(CityIndicatorChange);

@Resolver(() => City)
export class CitiesResolver {
  constructor(
    private readonly citiesService: CitiesService,
    private readonly indicatorService: IndicatorService,
    private readonly loaders: CitiesLoaders,
  ) {}

  @Query(() => CityConnection, {
    description: 'Cities, by English name; filter by country or peer group, or search by a name in English or Korean (best matches first).',
    // Query cost of a search (libs/core/src/graphql/cost.ts): names matched and ranked over every city, about 0.2 ms.
    complexity: costWhen(20, (args) => !!(args.filter as CityFilterInput | undefined)?.search),
  })
  @Allow('PUBLIC')
  cities(@Args() page: PageArgs, @Args('filter', { type: () => CityFilterInput, nullable: true }) filter?: CityFilterInput) {
    return this.citiesService.list(filter ?? {}, page);
  }

  @Query(() => City, { description: 'One city by id; NOT_FOUND when there is none.' })
  @Allow('PUBLIC')
  city(@Args() args: CityArgs): Promise<City> {
    return this.citiesService.get(args.id);
  }

  @ResolveField(() => Country)
  @Allow('PUBLIC')
  async country(city: City, _args: NoArgs, ctx: RequestContext): Promise<Country> {
    const country = await this.loaders.country(ctx).load(city.countryCode);
    if (!country) throw new Error(`City ${city.id} refers to country ${city.countryCode}, which does not exist`);
    return country;
  }

  @ResolveField(() => [CityIndicator], {
    // One per indicator definition; definitions come only from the seed data (no mutation adds one).
    complexity: listOfAtMost(SEED_INDICATOR_DEFINITIONS.length),
    description: 'Every defined indicator of this city in display order, with its value and source; one nobody has entered has no value.',
  })
  @Allow('PUBLIC')
  async indicators(city: City, _args: NoArgs, ctx: RequestContext): Promise<CityIndicator[]> {
    const [definitions, rows] = await Promise.all([this.loaders.definitions(ctx), this.loaders.indicatorValues(ctx).load(city.id)]);
    const byKey = new Map(rows.map((row) => [row.indicatorKey, row]));
    return definitions.map((definition) => CityIndicator.of(city.id, definition, byKey.get(definition.key)));
  }

  /**
   * Admins only: the history names who changed what. The current values and
   * their sources are public through `indicators`.
   */
  @ResolveField(() => CityIndicatorChangeConnection, {
    nullable: true,
    description: "Changes to this city's indicators, newest first: who, when, old and new value, source. Admins only; null for anyone else.",
  })
  @Allow(Role.ADMIN)
  indicatorHistory(@Parent() city: City, @Args() args: IndicatorHistoryArgs, @Ctx() ctx: RequestContext) {
    return this.indicatorService.history(ctx, city.id, args.key, args);
  }
}
