import { ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { Allow, Args, Ctx, hasRole, NoArgs, NotFoundError, PageArgs, Paginated, RequestContext, requestLoader, Role } from '@app/core';
import {
  DecideOrganisationRequestInput,
  OrganisationRequestFilter,
  RequestNewOrganisationInput,
  RequestOrganisationMembershipInput,
} from './dto/organisation-requests.inputs';
import { OrganisationJoinRequest } from './entities/organisation-join-request.entity';
import { Organisation } from './entities/organisation.entity';
import { User } from './entities/user.entity';
import { OrganisationRequestsService } from './organisation-requests.service';
import { managesEach, OrganisationsService } from './organisations.service';
import { UsersService } from './users.service';

const OrganisationRequestConnection = Paginated(OrganisationJoinRequest, 'OrganisationRequest');

/**
 * Requests to join an organisation. Anyone signed in asks and follows their
 * own; the organisation's managers and admins see and decide the rest (who may
 * is OrganisationRequestsService's to say: anyone else meets NOT_FOUND).
 */
@Resolver(() => OrganisationJoinRequest)
export class OrganisationRequestsResolver {
  constructor(
    private readonly requests: OrganisationRequestsService,
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
    private readonly dataSource: DataSource,
  ) {}

  @Mutation(() => OrganisationJoinRequest, {
    description: 'Ask to become a member of an organisation. Asking again while your request waits answers that request.',
  })
  @Allow('SIGNED_IN')
  requestOrganisationMembership(@Ctx() ctx: RequestContext, @Args('input') input: RequestOrganisationMembershipInput): Promise<OrganisationJoinRequest> {
    return this.requests.requestMembership(ctx.user!, input);
  }

  @Mutation(() => OrganisationJoinRequest, {
    description: 'Propose an organisation that is not on the platform yet, with you as its first manager. An admin approves (and so creates it) or declines.',
  })
  @Allow('SIGNED_IN')
  requestNewOrganisation(@Ctx() ctx: RequestContext, @Args('input') input: RequestNewOrganisationInput): Promise<OrganisationJoinRequest> {
    return this.requests.requestNewOrganisation(ctx.user!, input);
  }

  @Mutation(() => OrganisationJoinRequest, { description: 'Take back your own pending request.' })
  @Allow('SIGNED_IN')
  withdrawOrganisationRequest(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<OrganisationJoinRequest> {
    return this.requests.withdraw(ctx.user!, id);
  }

  @Mutation(() => OrganisationJoinRequest, {
    description: "Approve (the person becomes a member) or decline (with a reason) a request. The organisation's managers and admins; new organisations, admins only.",
  })
  @Allow('SIGNED_IN')
  decideOrganisationRequest(@Ctx() ctx: RequestContext, @Args('input') input: DecideOrganisationRequestInput): Promise<OrganisationJoinRequest> {
    return this.requests.decide(ctx.user!, input);
  }

  @Query(() => OrganisationRequestConnection, { description: 'Your requests to join organisations, newest first.' })
  @Allow('SIGNED_IN')
  myOrganisationRequests(@Ctx() ctx: RequestContext, @Args() page: PageArgs) {
    return this.requests.mine(ctx.user!, page);
  }

  @Query(() => OrganisationRequestConnection, {
    description: 'Requests waiting on you, newest first: for admins every request, for an organisation’s managers the requests to join it.',
  })
  @Allow('SIGNED_IN')
  organisationRequests(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Args('filter', { type: () => OrganisationRequestFilter, nullable: true }) filter?: OrganisationRequestFilter,
  ) {
    return this.requests.list(ctx.user!, filter ?? {}, page);
  }

  @ResolveField(() => User, { description: 'Who asked.' })
  @Allow('SIGNED_IN')
  async user(request: OrganisationJoinRequest, _args: NoArgs, ctx: RequestContext): Promise<User> {
    const user = await this.users.loader(ctx).load(request.userId);
    if (!user) throw new NotFoundError('user', request.userId);
    return user;
  }

  @ResolveField(() => String, {
    description: "The email address of who asked, so the managers and admins who decide can tell who it is (a person's address is otherwise theirs and the admins' alone).",
  })
  @Allow('SIGNED_IN')
  async requesterEmail(request: OrganisationJoinRequest, _args: NoArgs, ctx: RequestContext): Promise<string> {
    // Checked here too, not only by the queries that lead to a request: an address is the person's and the deciders' alone.
    const me = ctx.user!;
    const mayRead =
      hasRole(me, Role.ADMIN) ||
      request.userId === me.id ||
      (!!request.organisationId &&
        (await requestLoader<string, boolean>(ctx, 'identity.managesOrganisation', (ids) => managesEach(this.dataSource.manager, me.id, ids)).load(request.organisationId)));
    if (!mayRead) throw new NotFoundError('organisationRequest', request.id);
    return (await this.user(request, {}, ctx)).email;
  }

  @ResolveField(() => Organisation, { nullable: true, description: 'The organisation; for a new one, once approved.' })
  @Allow('SIGNED_IN')
  async organisation(request: OrganisationJoinRequest, _args: NoArgs, ctx: RequestContext): Promise<Organisation | null> {
    if (!request.organisationId) return null;
    return (await requestLoader<string, Organisation | undefined>(ctx, 'identity.organisationById', (ids) => this.organisations.getMany(ids)).load(request.organisationId)) ?? null;
  }
}
