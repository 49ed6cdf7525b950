import { ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, NoArgs, RequestContext } from '@app/core';
import { CitiesLoaders, City } from '@app/cities';
import { CityTypologyView } from './pairing.views';

@Resolver(() => CityTypologyView)
export class CityTypologyResolver {
  constructor(private readonly cities: CitiesLoaders) {}

  @ResolveField(() => City)
  @Allow('PUBLIC')
  city(view: CityTypologyView, _args: NoArgs, ctx: RequestContext) {
    return this.cities.city(ctx).load(view.cityId);
  }
}
