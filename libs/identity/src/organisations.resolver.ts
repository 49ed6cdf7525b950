import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, NotFoundError, PageArgs, Paginated, RequestContext, requestLoader, Role } from '@app/core';
import { CitiesLoaders, City } from '@app/cities';
import { CreateOrganisationInput, OrganisationFilter, OrganisationMemberInput } from './dto/identity.inputs';
import { SetOrganisationEmailDomainInput } from './dto/organisation-requests.inputs';
import { emailDomainMatches } from './email-domain';
import { Organisation } from './entities/organisation.entity';
import { OrganisationsService } from './organisations.service';
import { User } from './entities/user.entity';

const OrganisationConnection = Paginated(Organisation);

@Resolver(() => Organisation)
export class OrganisationsResolver {
  constructor(
    private readonly organisationsService: OrganisationsService,
    private readonly cityLoaders: CitiesLoaders,
  ) {}

  /** Also how a newcomer finds the organisation to ask to join: by part of its English or Korean name (filter.search). */
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

  @Mutation(() => Organisation, { description: 'Set or remove (null) the email domain its staff use, so newcomers of that domain see it as probably theirs.' })
  @Allow(Role.ADMIN)
  setOrganisationEmailDomain(@Args('input') input: SetOrganisationEmailDomainInput): Promise<Organisation> {
    return this.organisationsService.setEmailDomain(input.organisationId, input.emailDomain ?? null);
  }

  @ResolveField(() => Boolean, {
    nullable: true,
    description: "Whether your email address is of the organisation's email domain: a hint that it is yours. Null when signed out.",
  })
  @Allow('SIGNED_IN')
  emailDomainMatches(@Parent() organisation: Organisation, @Ctx() ctx: RequestContext): boolean {
    return emailDomainMatches(ctx.user!.email, organisation.emailDomain);
  }

  @ResolveField(() => [User], { nullable: true, description: 'Its members, by name. Admins only; null for anyone else.' })
  @Allow(Role.ADMIN)
  members(@Parent() organisation: Organisation, @Ctx() ctx: RequestContext): Promise<User[]> {
    return requestLoader<string, User[]>(ctx, 'organisation.members', (ids) => this.organisationsService.membersOf(ids)).load(organisation.id);
  }

  @ResolveField(() => City)
  @Allow('PUBLIC')
  async city(@Parent() organisation: Organisation, @Ctx() ctx: RequestContext): Promise<City> {
    const city = await this.cityLoaders.city(ctx).load(organisation.cityId);
    if (!city) throw new NotFoundError('city', organisation.cityId);
    return city;
  }
}
