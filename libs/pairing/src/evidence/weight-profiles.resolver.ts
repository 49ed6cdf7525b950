import { Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Args, Ctx, listOfAtMost, RequestContext } from '@app/core';
import { MAX_INDICATOR_WEIGHTS, SaveWeightProfileInput, WeightProfileIdArgs } from './dto/weight-profile.input';
import { IndicatorWeight, WeightProfile } from './entities/weight-profile.entity';
import { MAX_PROFILES_PER_USER, WeightProfilesService } from './weight-profiles.service';

@Resolver(() => WeightProfile)
export class WeightProfilesResolver {
  constructor(private readonly profiles: WeightProfilesService) {}

  // Your own (MAX_PROFILES_PER_USER at most) and the built-in ones (one today; priced at up to five).
  @Query(() => [WeightProfile], { complexity: listOfAtMost(MAX_PROFILES_PER_USER + 5), description: 'The built-in weight profiles (report-default), then your own when signed in.' })
  @Allow('PUBLIC')
  weightProfiles(@Ctx() ctx: RequestContext): Promise<WeightProfile[]> {
    return this.profiles.list(ctx.user);
  }

  @Mutation(() => WeightProfile, { description: 'Save one of your weight profiles (built-in profiles are read-only).' })
  @Allow('SIGNED_IN')
  saveWeightProfile(@Ctx() ctx: RequestContext, @Args('input') input: SaveWeightProfileInput): Promise<WeightProfile> {
    return this.profiles.save(ctx.user!, input);
  }

  @Mutation(() => Boolean, { description: 'Delete one of your weight profiles (built-in profiles cannot be deleted).' })
  @Allow('SIGNED_IN')
  deleteWeightProfile(@Ctx() ctx: RequestContext, @Args() args: WeightProfileIdArgs): Promise<boolean> {
    return this.profiles.delete(ctx.user!, args.id);
  }

  @ResolveField(() => Boolean, { description: 'true for a built-in (read-only) profile.' })
  @Allow('PUBLIC')
  builtIn(profile: WeightProfile): boolean {
    return profile.ownerUserId === null;
  }

  @ResolveField(() => [IndicatorWeight], { complexity: listOfAtMost(MAX_INDICATOR_WEIGHTS), description: 'Indicator weights inside the similarity pillar, by key; indicators not listed are not used.' })
  @Allow('PUBLIC')
  indicators(profile: WeightProfile): IndicatorWeight[] {
    return Object.entries(profile.indicators)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, weight]) => ({ key, weight }));
  }
}
