import { ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Args, costWhen, Ctx, listOfAtMost, NoArgs, NotFoundError, PageArgs, Paginated, PASSWORD_HASH_COST, RequestContext } from '@app/core';
import { CitiesLoaders } from '@app/cities';
import {
  AcceptWorkspaceInvitationInput,
  ChangeWorkspaceMemberRoleInput,
  DecideJoinRequestInput,
  InviteToWorkspaceInput,
  JoinRequestFilter,
  RequestToJoinWorkspaceInput,
  WorkspaceInvitationFilter,
  WorkspaceMemberFilter,
  WorkspaceMemberRefInput,
} from './dto/twinning.inputs';
import { AcceptWorkspaceInvitationResult, WorkspaceHealth } from './dto/twinning.outputs';
import { TwinningStatusChange } from './entities/twinning-status-change.entity';
import { Twinning } from './entities/twinning.entity';
import { WorkspaceInvitation } from './entities/workspace-invitation.entity';
import { WorkspaceJoinRequest } from './entities/workspace-join-request.entity';
import { WorkspaceMember, WorkspaceRole } from './entities/workspace-member.entity';
import { Workspace } from './entities/workspace.entity';
import { TwinningAccessService } from './twinning-access.service';
import { TwinningLoaders } from './twinning.loaders';
import { WorkspaceInvitationsService } from './workspace-invitations.service';
import { WorkspaceService } from './workspace.service';

export const WorkspaceMemberConnection = Paginated(WorkspaceMember);
export const WorkspaceInvitationConnection = Paginated(WorkspaceInvitation);
export const WorkspaceJoinRequestConnection = Paginated(WorkspaceJoinRequest);

@Resolver(() => Workspace)
export class WorkspaceResolver {
  constructor(
    private readonly workspaces: WorkspaceService,
    private readonly invitationsService: WorkspaceInvitationsService,
    private readonly access: TwinningAccessService,
    private readonly loaders: TwinningLoaders,
    private readonly cityLoaders: CitiesLoaders,
  ) {}

  /*
   * Priced at 8 workspaces (libs/core/src/graphql/cost.ts): people work in the twinnings of
   * their own city, a handful. Joining one takes a lead's invitation or approval, so nobody
   * can grow this list alone.
   */
  @Query(() => [Workspace], { complexity: listOfAtMost(8), description: 'The workspaces you are a member of, newest first.' })
  @Allow('SIGNED_IN')
  myWorkspaces(@Ctx() ctx: RequestContext): Promise<Workspace[]> {
    return this.workspaces.mine(ctx.user!);
  }

  @Query(() => Workspace, { description: 'A workspace, for its members and admins; NOT_FOUND for anyone else (signed in or not).' })
  @Allow('PUBLIC')
  async workspace(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: RequestContext): Promise<Workspace> {
    if (!(await this.access.loader(ctx).load(id))) throw new NotFoundError('workspace', id);
    return this.workspaces.get(id);
  }

  @Mutation(() => WorkspaceInvitation, { description: 'Leads: invite someone by email. The link works once, until it expires or is withdrawn.' })
  @Allow('SIGNED_IN')
  inviteToWorkspace(@Args('input') input: InviteToWorkspaceInput, @Ctx() ctx: RequestContext): Promise<WorkspaceInvitation> {
    return this.invitationsService.invite(ctx.user!, input);
  }

  @Mutation(() => WorkspaceInvitation, { description: 'Leads: withdraw a pending invitation; its link stops working.' })
  @Allow('SIGNED_IN')
  revokeWorkspaceInvitation(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: RequestContext): Promise<WorkspaceInvitation> {
    return this.invitationsService.revokeInvitation(ctx.user!, id);
  }

  @Mutation(() => AcceptWorkspaceInvitationResult, {
    // A new account's password is hashed (cost.ts).
    complexity: costWhen(PASSWORD_HASH_COST, (args) => !!(args.input as { password?: string } | undefined)?.password),
    description:
      'Accept a workspace invitation with the token from its link. Signed in: joins (the invitation must be for your address). ' +
      'Not signed in and no account: creates one (displayName and password needed) and joins. An account exists: sign in first.',
  })
  @Allow('PUBLIC')
  acceptWorkspaceInvitation(@Args('input') input: AcceptWorkspaceInvitationInput, @Ctx() ctx: RequestContext): Promise<AcceptWorkspaceInvitationResult> {
    return this.invitationsService.acceptInvitation(ctx.user, input);
  }

  @Mutation(() => WorkspaceJoinRequest, { description: "Officers and partners from organisations in either city: ask to join a twinning's workspace." })
  @Allow('SIGNED_IN')
  requestToJoinWorkspace(@Args('input') input: RequestToJoinWorkspaceInput, @Ctx() ctx: RequestContext): Promise<WorkspaceJoinRequest> {
    return this.workspaces.requestToJoin(ctx.user!, input);
  }

  @Mutation(() => WorkspaceJoinRequest, { description: 'Leads: approve (with a role) or decline a join request; the requester is emailed.' })
  @Allow('SIGNED_IN')
  decideJoinRequest(@Args('input') input: DecideJoinRequestInput, @Ctx() ctx: RequestContext): Promise<WorkspaceJoinRequest> {
    return this.workspaces.decideJoinRequest(ctx.user!, input);
  }

  @Mutation(() => WorkspaceMember, { description: "Leads: change a member's role. The last lead from a city cannot be demoted." })
  @Allow('SIGNED_IN')
  changeWorkspaceMemberRole(@Args('input') input: ChangeWorkspaceMemberRoleInput, @Ctx() ctx: RequestContext): Promise<WorkspaceMember> {
    return this.workspaces.changeRole(ctx.user!, input);
  }

  @Mutation(() => Boolean, { description: 'Leads: remove a member. The last lead from a city cannot be removed.' })
  @Allow('SIGNED_IN')
  removeWorkspaceMember(@Args('input') input: WorkspaceMemberRefInput, @Ctx() ctx: RequestContext): Promise<boolean> {
    return this.workspaces.removeMember(ctx.user!, input);
  }

  @Mutation(() => Boolean, { description: 'Leave a workspace. The last lead from a city cannot leave.' })
  @Allow('SIGNED_IN')
  leaveWorkspace(@Args('workspaceId', { type: () => ID }) workspaceId: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return this.workspaces.leave(ctx.user!, workspaceId);
  }

  @ResolveField(() => Twinning)
  @Allow('SIGNED_IN')
  async twinning(workspace: Workspace, _args: NoArgs, ctx: RequestContext): Promise<Twinning> {
    const twinning = await this.loaders.twinning(ctx).load(workspace.twinningId);
    if (!twinning) throw new NotFoundError('twinning', workspace.twinningId);
    return twinning;
  }

  @ResolveField(() => WorkspaceRole, { nullable: true, description: 'Your role here; null for admins who are not members.' })
  @Allow('SIGNED_IN')
  async myRole(workspace: Workspace, _args: NoArgs, ctx: RequestContext): Promise<WorkspaceRole | null> {
    return (await this.access.loader(ctx).load(workspace.id))?.role ?? null;
  }

  @ResolveField(() => WorkspaceMemberConnection, { nullable: true, description: 'Earliest joined first.' })
  @Allow('SIGNED_IN')
  async members(@Parent() workspace: Workspace, @Ctx() ctx: RequestContext, @Args() page: PageArgs, @Args('filter', { nullable: true }) filter?: WorkspaceMemberFilter) {
    return (await this.access.loader(ctx).load(workspace.id)) ? this.workspaces.members(ctx, workspace.id, page, filter) : null;
  }

  @ResolveField(() => WorkspaceInvitationConnection, { nullable: true, description: 'Newest first. For leads and admins; null for other members.' })
  @Allow('SIGNED_IN')
  async invitations(@Parent() workspace: Workspace, @Ctx() ctx: RequestContext, @Args() page: PageArgs, @Args('filter', { nullable: true }) filter?: WorkspaceInvitationFilter) {
    return (await this.leadOrAdmin(ctx, workspace)) ? this.invitationsService.invitations(ctx, workspace.id, page, filter) : null;
  }

  @ResolveField(() => WorkspaceJoinRequestConnection, { nullable: true, description: 'Newest first. For leads and admins; null for other members.' })
  @Allow('SIGNED_IN')
  async joinRequests(@Parent() workspace: Workspace, @Ctx() ctx: RequestContext, @Args() page: PageArgs, @Args('filter', { nullable: true }) filter?: JoinRequestFilter) {
    return (await this.leadOrAdmin(ctx, workspace)) ? this.workspaces.joinRequests(ctx, workspace.id, page, filter) : null;
  }

  @ResolveField(() => [TwinningStatusChange], { nullable: true, description: "The twinning's status changes, oldest first." })
  @Allow('SIGNED_IN')
  async statusHistory(workspace: Workspace, _args: NoArgs, ctx: RequestContext): Promise<TwinningStatusChange[] | null> {
    return (await this.access.loader(ctx).load(workspace.id)) ? this.workspaces.statusHistory(ctx, workspace.twinningId) : null;
  }

  @ResolveField(() => WorkspaceHealth, { nullable: true })
  @Allow('SIGNED_IN')
  async health(workspace: Workspace, _args: NoArgs, ctx: RequestContext): Promise<WorkspaceHealth | null> {
    if (!(await this.access.loader(ctx).load(workspace.id))) return null;
    const [twinning, counts] = await Promise.all([this.loaders.twinning(ctx).load(workspace.twinningId), this.loaders.memberCounts(ctx).load(workspace.id)]);
    const membersPerCity = await Promise.all(
      [twinning!.cityAId, twinning!.cityBId].map(async (cityId) => {
        const count = counts.find((c) => c.cityId === cityId);
        return { cityId, city: (await this.cityLoaders.city(ctx).load(cityId))!, members: count?.members ?? 0, leads: count?.leads ?? 0 };
      }),
    );
    return { workspaceId: workspace.id, lastActivityAt: workspace.lastActivityAt, membersPerCity };
  }

  private async leadOrAdmin(ctx: RequestContext, workspace: Workspace): Promise<boolean> {
    const access = await this.access.loader(ctx).load(workspace.id);
    return !!access && (access.admin || access.role === WorkspaceRole.LEAD);
  }
}
