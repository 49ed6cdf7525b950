import { ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Args, Ctx, NoArgs, NotFoundError, PageArgs, Paginated, RequestContext, requestLoader, Role } from '@app/core';
import { CitiesLoaders, City } from '@app/cities';
import { CreateOrganisationInput, OrganisationFilter, OrganisationMemberInput, OrganisationMemberRoleInput } from './dto/identity.inputs';
import { SetOrganisationEmailDomainInput } from './dto/organisation-requests.inputs';
import { emailDomainMatches } from './email-domain';
import { Organisation } from './entities/organisation.entity';
import { OrganisationMembership } from './entities/organisation-membership.entity';
import { OrganisationsService } from './organisations.service';
import { User } from './entities/user.entity';
import { UsersService } from './users.service';

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

  @Mutation(() => Organisation, { description: 'Add a person to an organisation, as a MEMBER unless a role is given.' })
  @Allow(Role.ADMIN)
  addOrganisationMember(@Ctx() ctx: RequestContext, @Args('input') input: OrganisationMemberInput): Promise<Organisation> {
    return this.organisationsService.addMember(ctx.user!, input);
  }

  @Mutation(() => OrganisationMembership, {
    description: "Make a member a MANAGER or a plain MEMBER. Admins and the organisation's managers (anyone else: FORBIDDEN); the last manager stays one (CONFLICT, reason LAST_MANAGER).",
  })
  @Allow('SIGNED_IN')
  setOrganisationMemberRole(@Ctx() ctx: RequestContext, @Args('input') input: OrganisationMemberRoleInput): Promise<OrganisationMembership> {
    return this.organisationsService.setRole(ctx.user!, input);
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
  emailDomainMatches(organisation: Organisation, _args: NoArgs, ctx: RequestContext): boolean {
    return emailDomainMatches(ctx.user!.email, organisation.emailDomain);
  }

  @ResolveField(() => [OrganisationMembership], { nullable: true, description: 'Its members with their roles, by name. Admins only; null for anyone else.' })
  @Allow(Role.ADMIN)
  memberships(organisation: Organisation, _args: NoArgs, ctx: RequestContext): Promise<OrganisationMembership[]> {
    return requestLoader<string, OrganisationMembership[]>(ctx, 'organisation.memberships', (ids) => this.organisationsService.membershipsOf(ids)).load(organisation.id);
  }

  @ResolveField(() => City)
  @Allow('PUBLIC')
  async city(organisation: Organisation, _args: NoArgs, ctx: RequestContext): Promise<City> {
    const city = await this.cityLoaders.city(ctx).load(organisation.cityId);
    if (!city) throw new NotFoundError('city', organisation.cityId);
    return city;
  }
}

/** A membership's person and organisation. */
@Resolver(() => OrganisationMembership)
export class OrganisationMembershipsResolver {
  constructor(
    private readonly organisationsService: OrganisationsService,
    private readonly usersService: UsersService,
  ) {}

  @ResolveField(() => User)
  @Allow('SIGNED_IN')
  async user(membership: OrganisationMembership, _args: NoArgs, ctx: RequestContext): Promise<User> {
    const user = membership.user ?? (await this.usersService.loader(ctx).load(membership.userId));
    if (!user) throw new NotFoundError('user', membership.userId);
    return user;
  }

  @ResolveField(() => Organisation)
  @Allow('SIGNED_IN')
  async organisation(membership: OrganisationMembership, _args: NoArgs, ctx: RequestContext): Promise<Organisation> {
    const organisation =
      membership.organisation ??
      (await requestLoader<string, Organisation | undefined>(ctx, 'identity.organisationById', (ids) => this.organisationsService.getMany(ids)).load(membership.organisationId));
    if (!organisation) throw new NotFoundError('organisation', membership.organisationId);
    return organisation;
  }
}
