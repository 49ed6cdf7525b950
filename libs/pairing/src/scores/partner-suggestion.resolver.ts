import { ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, NoArgs, RequestContext } from '@app/core';
import { CitiesLoaders, City } from '@app/cities';
import { PartnerSuggestion } from './pairing.views';

@Resolver(() => PartnerSuggestion)
export class PartnerSuggestionResolver {
  constructor(private readonly cities: CitiesLoaders) {}

  @ResolveField(() => City)
  @Allow('PUBLIC')
  partner(suggestion: PartnerSuggestion, _args: NoArgs, ctx: RequestContext) {
    return this.cities.city(ctx).load(suggestion.partnerId);
  }
}
