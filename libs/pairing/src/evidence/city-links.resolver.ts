import { Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Args, Ctx, LocalizedText, NoArgs, RequestContext } from '@app/core';
import { CitiesLoaders, City } from '@app/cities';
import { CityLinksService } from './city-links.service';
import { CityLinkIdArgs, CreateCityLinkInput, UpdateCityLinkInput } from './dto/city-link.input';
import { CityEvidenceArgs } from './dto/readiness.input';
import { CityLink } from './entities/city-link.entity';
import { cityOf, sourceIn } from './evidence-common';

@Resolver(() => CityLink)
export class CityLinksResolver {
  constructor(
    private readonly links: CityLinksService,
    private readonly cities: CitiesLoaders,
  ) {}

  @Query(() => [CityLink], { description: 'The links of a city with cities or places in another country: live links before history, then most formal first. NOT_FOUND for an unknown city.' })
  @Allow('PUBLIC')
  cityLinks(@Args() args: CityEvidenceArgs): Promise<CityLink[]> {
    return this.links.forCity(args.cityId);
  }

  @Mutation(() => CityLink, { description: 'Record a link between cities (or institutions in them) of two countries. Officers of either city, and admins.' })
  @Allow('SIGNED_IN')
  createCityLink(@Ctx() ctx: RequestContext, @Args('input') input: CreateCityLinkInput): Promise<CityLink> {
    return this.links.create(ctx.user!, input);
  }

  @Mutation(() => CityLink, { description: 'Change a link; omitted fields keep their value. Officers of a city on the link, and admins. A link the platform keeps (platformRef set) answers CONFLICT, reason PLATFORM_LINK.' })
  @Allow('SIGNED_IN')
  updateCityLink(@Ctx() ctx: RequestContext, @Args('input') input: UpdateCityLinkInput): Promise<CityLink> {
    const { id, ...changes } = input;
    return this.links.update(ctx.user!, id, changes);
  }

  @Mutation(() => Boolean, { description: 'Delete a link (the audit keeps it). Officers of a city on the link, and admins. A link the platform keeps (platformRef set) answers CONFLICT, reason PLATFORM_LINK.' })
  @Allow('SIGNED_IN')
  deleteCityLink(@Ctx() ctx: RequestContext, @Args() args: CityLinkIdArgs): Promise<boolean> {
    return this.links.delete(ctx.user!, args.id);
  }

  @ResolveField(() => City)
  @Allow('PUBLIC')
  cityA(link: CityLink, _args: NoArgs, ctx: RequestContext): Promise<City> {
    return cityOf(this.cities, ctx, link.cityAId);
  }

  @ResolveField(() => City, { nullable: true, description: 'The other end when it is one of our cities.' })
  @Allow('PUBLIC')
  async cityB(link: CityLink, _args: NoArgs, ctx: RequestContext): Promise<City | null> {
    return link.cityBId ? cityOf(this.cities, ctx, link.cityBId) : null;
  }

  @ResolveField(() => LocalizedText, { description: 'What the link is and does, in English and/or Korean.' })
  @Allow('PUBLIC')
  summary(link: CityLink): LocalizedText {
    return LocalizedText.of({ en: link.summaryEn, ko: link.summaryKo });
  }

  @ResolveField(() => String, { description: "Where the evidence comes from: in the reader's language for the platform's own links, as written otherwise." })
  @Allow('PUBLIC')
  source(link: CityLink, _args: NoArgs, ctx: RequestContext): string {
    return sourceIn(link, ctx.language);
  }
}
