import { ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Allow,
  Args,
  costWhen,
  Ctx,
  listOfAtMost,
  NoArgs,
  PageArgs,
  Paginated,
  PASSWORD_HASH_COST,
  RequestContext,
  requestLoader,
  Role,
  Self,
  words,
} from '@app/core';
import {
  AcceptInvitationInput,
  InviteUserInput,
  SetUserDisabledInput,
  UpdateProfileInput,
  UserFilterInput,
  UserRoleInput,
} from './dto/identity.inputs';
import { AcceptInvitationResult, Acknowledgement, acknowledge } from './dto/identity.outputs';
import { Organisation } from './entities/organisation.entity';
import { OrganisationMembership } from './entities/organisation-membership.entity';
import { Session } from './entities/session.entity';
import { User } from './entities/user.entity';
import { InvitationService } from './invitation.service';
import { nameIn } from './names';
import { UsersService } from './users.service';

const UserConnection = Paginated(User);

@Resolver(() => User)
export class UsersResolver {
  constructor(
    private readonly usersService: UsersService,
    private readonly invitations: InvitationService,
  ) {}

  @Query(() => User, { description: 'The signed-in person.' })
  @Allow('SIGNED_IN')
  me(@Ctx() ctx: RequestContext): Promise<User> {
    return this.usersService.get(ctx.user!.id);
  }

  @Mutation(() => User)
  @Allow('SIGNED_IN')
  updateMyProfile(@Args('input') input: UpdateProfileInput, @Ctx() ctx: RequestContext): Promise<User> {
    return this.usersService.updateProfile(ctx.user!.id, input);
  }

  @Query(() => [Session], { description: 'Where you are signed in.' })
  @Allow('SIGNED_IN')
  mySessions(@Ctx() ctx: RequestContext): Promise<Session[]> {
    return this.usersService.sessionsOf(ctx.user!.id);
  }

  @Mutation(() => Acknowledgement, { description: 'Sign out one of your sessions (another device, say).' })
  @Allow('SIGNED_IN')
  async revokeMySession(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: RequestContext): Promise<Acknowledgement> {
    await this.usersService.revokeSession(ctx.user!.id, id);
    return acknowledge(ctx, words('That session is signed out.', '그 세션에서 로그아웃했습니다.'));
  }

  @Query(() => UserConnection, { description: 'Every account, by email; admins only.' })
  @Allow(Role.ADMIN)
  users(@Args() page: PageArgs, @Args('filter', { nullable: true }) filter?: UserFilterInput) {
    return this.usersService.list(filter ?? {}, page);
  }

  @Query(() => User)
  @Allow(Role.ADMIN)
  user(@Args('id', { type: () => ID }) id: string): Promise<User> {
    return this.usersService.get(id);
  }

  @Mutation(() => User)
  @Allow(Role.ADMIN)
  grantRole(@Args('input') input: UserRoleInput, @Ctx() ctx: RequestContext): Promise<User> {
    return this.usersService.grantRoleAsAdmin(ctx.user!.id, input.userId, input.role);
  }

  @Mutation(() => User)
  @Allow(Role.ADMIN)
  revokeRole(@Args('input') input: UserRoleInput): Promise<User> {
    return this.usersService.revokeRole(input.userId, input.role);
  }

  @Mutation(() => User, { description: 'Disable (and sign out) or re-enable an account.' })
  @Allow(Role.ADMIN)
  setUserDisabled(@Args('input') input: SetUserDisabledInput, @Ctx() ctx: RequestContext): Promise<User> {
    return this.usersService.setDisabled(ctx.user!.id, input.userId, input.disabled);
  }

  @Mutation(() => Acknowledgement, { description: 'Invite someone by email, with roles and an organisation.' })
  @Allow(Role.ADMIN)
  async inviteUser(@Args('input') input: InviteUserInput, @Ctx() ctx: RequestContext): Promise<Acknowledgement> {
    await this.invitations.invite(ctx.user!, input);
    return acknowledge(ctx, words(`An invitation is on its way to ${input.email}.`, `${input.email} 주소로 초대장을 보냈습니다.`));
  }

  @Mutation(() => AcceptInvitationResult, {
    // A new account's password is hashed (cost.ts).
    complexity: costWhen(PASSWORD_HASH_COST, (args) => !!(args.input as { password?: string } | undefined)?.password),
    description: 'Accept an invitation with the token from its link.',
  })
  @Allow('PUBLIC')
  acceptInvitation(@Args('input') input: AcceptInvitationInput) {
    return this.invitations.accept(input);
  }

  @ResolveField(() => String, { description: 'The name in the request’s language: its version for English or Korean pages where the person gave one, else the name as they write it.' })
  @Allow('SIGNED_IN')
  displayName(user: User, _args: NoArgs, ctx: RequestContext): string {
    return nameIn(user, ctx.language);
  }

  @ResolveField(() => String, { nullable: true, description: 'The name as the person writes it, whatever the request’s language (the one to edit as displayName). Visible to the person and admins.' })
  @Allow(Role.ADMIN, Self('id'))
  nameAsWritten(user: User): string {
    return user.displayName;
  }

  @ResolveField(() => [Role], { nullable: true, description: 'Platform roles; visible to the person and admins.' })
  @Allow(Role.ADMIN, Self('id'))
  roles(user: User, _args: NoArgs, ctx: RequestContext): Promise<Role[]> {
    return requestLoader<string, Role[]>(ctx, 'user.roles', (ids) => this.usersService.rolesFor(ids)).load(user.id);
  }

  @ResolveField(() => [Session], {
    nullable: true,
    complexity: listOfAtMost(100),
    description: 'Where the person is signed in now (open sessions, most recently used first, at most 100). Admins only; null for anyone else.',
  })
  @Allow(Role.ADMIN)
  sessions(user: User, _args: NoArgs, ctx: RequestContext): Promise<Session[]> {
    return requestLoader<string, Session[]>(ctx, 'user.sessions', (ids) => this.usersService.openSessionsFor(ids)).load(user.id);
  }

  @ResolveField(() => [Organisation])
  @Allow('SIGNED_IN')
  organisations(user: User, _args: NoArgs, ctx: RequestContext): Promise<Organisation[]> {
    return requestLoader<string, Organisation[]>(ctx, 'user.organisations', (ids) => this.usersService.organisationsFor(ids)).load(user.id);
  }

  @ResolveField(() => [OrganisationMembership], {
    nullable: true,
    description: 'The organisations the person belongs to, with their role in each (a MANAGER decides requests to join it). Visible to the person and admins.',
  })
  @Allow(Role.ADMIN, Self('id'))
  memberships(user: User, _args: NoArgs, ctx: RequestContext): Promise<OrganisationMembership[]> {
    return requestLoader<string, OrganisationMembership[]>(ctx, 'user.memberships', (ids) => this.usersService.membershipsFor(ids)).load(user.id);
  }
}
