import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, NotFoundError, PageArgs, Paginated, RequestContext, Role } from '@app/core';
import { CitiesLoaders, City } from '@app/cities';
import { CreateOrganisationInput, OrganisationFilter, OrganisationMemberInput } from './dto/identity.inputs';
import { Organisation } from './entities/organisation.entity';
import { OrganisationsService } from './organisations.service';

const OrganisationConnection = Paginated(Organisation);

@Resolver(() => Organisation)
export class OrganisationsResolver {
  constructor(
    private readonly organisationsService: OrganisationsService,
    private readonly cityLoaders: CitiesLoaders,
  ) {}

  @Query(() => OrganisationConnection, { description: 'City governments, universities, companies and agencies taking part.' })
  @Allow('PUBLIC')
  organisations(@Args() page: PageArgs, @Args('filter', { nullable: true }) filter?: OrganisationFilter) {
    return this.organisationsService.list(filter ?? {}, page);
  }

  @Query(() => Organisation)
  @Allow('PUBLIC')
  organisation(@Args('id', { type: () => ID }) id: string): Promise<Organisation> {
    return this.organisationsService.get(id);
  }

  @Mutation(() => Organisation)
  @Allow(Role.ADMIN)
  createOrganisation(@Args('input') input: CreateOrganisationInput): Promise<Organisation> {
    return this.organisationsService.create(input);
  }

  @Mutation(() => Organisation)
  @Allow(Role.ADMIN)
  addOrganisationMember(@Args('input') input: OrganisationMemberInput): Promise<Organisation> {
    return this.organisationsService.addMember(input);
  }

  @Mutation(() => Organisation)
  @Allow(Role.ADMIN)
  removeOrganisationMember(@Args('input') input: OrganisationMemberInput): Promise<Organisation> {
    return this.organisationsService.removeMember(input);
  }

  @ResolveField(() => City)
  @Allow('PUBLIC')
  async city(@Parent() organisation: Organisation, @Ctx() ctx: RequestContext): Promise<City> {
    const city = await this.cityLoaders.city(ctx).load(organisation.cityId);
    if (!city) throw new NotFoundError('city', organisation.cityId);
    return city;
  }
}
