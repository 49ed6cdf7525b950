import { Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Args, Ctx, NoArgs, RequestContext, requestLoader } from '@app/core';
import { CitiesLoaders, City } from '@app/cities';
import { CityEvidenceArgs } from './dto/readiness.input';
import { ClearSectorActivityInput, SetSectorActivityInput } from './dto/sector-activity.input';
import { SectorActivity } from './entities/sector-activity.entity';
import { Sector } from './entities/sector.entity';
import { cityOf } from './evidence-common';
import { SectorActivityService } from './sector-activity.service';

@Resolver(() => SectorActivity)
export class SectorActivityResolver {
  constructor(
    private readonly activity: SectorActivityService,
    private readonly cities: CitiesLoaders,
  ) {}

  @Query(() => [SectorActivity], { description: "A city's activity in each sector it is active in, in taxonomy order. NOT_FOUND for an unknown city." })
  @Allow('PUBLIC')
  citySectorActivity(@Args() args: CityEvidenceArgs): Promise<SectorActivity[]> {
    return this.activity.forCity(args.cityId);
  }

  @Mutation(() => SectorActivity, {
    description: "Record a city's activity in one sector (level 1–3 and the projects that justify it), replacing what was there. City officers and admins.",
  })
  @Allow('SIGNED_IN')
  setSectorActivity(@Ctx() ctx: RequestContext, @Args('input') input: SetSectorActivityInput): Promise<SectorActivity> {
    return this.activity.set(ctx.user!, input);
  }

  @Mutation(() => Boolean, {
    description: "Remove a city's activity in one sector; false when none was recorded. City officers and admins.",
  })
  @Allow('SIGNED_IN')
  clearSectorActivity(@Ctx() ctx: RequestContext, @Args('input') input: ClearSectorActivityInput): Promise<boolean> {
    return this.activity.clear(ctx.user!, input.cityId, input.sector);
  }

  @ResolveField(() => City)
  @Allow('PUBLIC')
  city(activity: SectorActivity, _args: NoArgs, ctx: RequestContext): Promise<City> {
    return cityOf(this.cities, ctx, activity.cityId);
  }

  @ResolveField(() => Sector)
  @Allow('PUBLIC')
  async sector(activity: SectorActivity, _args: NoArgs, ctx: RequestContext): Promise<Sector> {
    const loader = requestLoader(ctx, 'pairing.sectorByKey', (keys: readonly string[]) => this.activity.sectorsByKeys(keys));
    const sector = await loader.load(activity.sectorKey);
    if (!sector) throw new Error(`Sector activity refers to unknown sector ${activity.sectorKey}`);
    return sector;
  }
}
