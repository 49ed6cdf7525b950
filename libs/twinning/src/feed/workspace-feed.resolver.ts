import { ArgsType, Field, ID, InputType, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { Allow, Args, Ctx, LocalTime, NoArgs, ONE_PER_COUNTRY, PageArgs, Paginated, renderInZones, RequestContext, says } from '@app/core';
import { linkNotValid } from '@app/identity';
import { WorkspaceRole } from '../entities/workspace-member.entity';
import { Workspace } from '../entities/workspace.entity';
import { TwinningAccessService } from '../twinning-access.service';
import { TwinningLoaders } from '../twinning.loaders';
import { ActivityObjectType, WorkspaceActivity } from './workspace-activity.entity';
import { DigestFrequency, WorkspaceFollow } from './workspace-follow.entity';
import { ActivityService } from './activity.service';
import { DigestService } from './digest.service';

export const WorkspaceActivityConnection = Paginated(WorkspaceActivity);

@InputType({ description: 'Narrow the feed to one kind of object, or one object (e.g. a project).' })
export class ActivityFilter {
  @Field(() => ActivityObjectType, { nullable: true })
  @IsOptional() @IsEnum(ActivityObjectType, says(`must be one of ${Object.values(ActivityObjectType).join(', ')}`, `${Object.values(ActivityObjectType).join(', ')} 중 하나여야 합니다.`))
  objectType?: ActivityObjectType;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(100)
  objectId?: string;
}

@ArgsType()
export class FollowWorkspaceArgs {
  @Field(() => ID) @IsString() @MaxLength(100)
  workspaceId: string;

  @Field(() => DigestFrequency, { defaultValue: DigestFrequency.WEEKLY })
  @IsEnum(DigestFrequency, says('must be DAILY or WEEKLY', 'DAILY나 WEEKLY여야 합니다.'))
  frequency: DigestFrequency = DigestFrequency.WEEKLY;
}

/** The feed and following, as fields of a workspace. */
@Resolver(() => Workspace)
export class WorkspaceFeedResolver {
  constructor(
    private readonly access: TwinningAccessService,
    private readonly feed: ActivityService,
    private readonly digests: DigestService,
    private readonly loaders: TwinningLoaders,
  ) {}

  @ResolveField(() => WorkspaceActivityConnection, { nullable: true, description: 'Everything that happened here, newest first. Members and admins; invitations and join requests only for leads and admins.' })
  @Allow('SIGNED_IN')
  async activity(
    @Parent() workspace: Workspace,
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Args('filter', { nullable: true }) filter?: ActivityFilter,
  ) {
    const access = await this.access.loader(ctx).load(workspace.id);
    if (!access) return null;
    return this.feed.list(ctx, workspace.id, page, filter ?? {}, access.admin || access.role === WorkspaceRole.LEAD);
  }

  @ResolveField(() => WorkspaceFollow, { nullable: true, description: 'Your digest subscription here, if you follow it.' })
  @Allow('SIGNED_IN')
  async myFollow(workspace: Workspace, _args: NoArgs, ctx: RequestContext): Promise<WorkspaceFollow | null> {
    if (!(await this.access.loader(ctx).load(workspace.id))) return null;
    return this.digests.mine(ctx).load(workspace.id);
  }

  @ResolveField(() => [LocalTime], { complexity: ONE_PER_COUNTRY, nullable: true, description: "Any instant on both cities' clocks (city A first), in your language." })
  @Allow('SIGNED_IN')
  async timeInCities(@Parent() workspace: Workspace, @Ctx() ctx: RequestContext, @Args('at') at: Date): Promise<LocalTime[] | null> {
    if (!(await this.access.loader(ctx).load(workspace.id))) return null;
    return renderInZones(at, await this.loaders.zonesOfWorkspace(ctx).load(workspace.id), ctx.user!.language);
  }

  @Mutation(() => Boolean, {
    description:
      "Stop a workspace's digests with the token of a digest's unsubscribe link, without signing in. True also when they were stopped before; BAD_USER_INPUT (reason LINK_NOT_VALID) for a link the platform never sent.",
  })
  @Allow('PUBLIC')
  async stopWorkspaceDigest(@Args('token') token: string): Promise<boolean> {
    if (token.length > 300 || !(await this.digests.unsubscribe(token))) {
      throw linkNotValid({
        en: 'This unsubscribe link is not valid. Open it from the digest email, or stop following the workspace from its page.',
        ko: '유효하지 않은 구독 해지 링크입니다. 요약 메일의 링크를 사용하거나 워크스페이스 페이지에서 구독을 해지하세요.',
      });
    }
    return true;
  }

  @Mutation(() => WorkspaceFollow, { description: 'Members: follow a workspace and get a DAILY or WEEKLY email digest of its activity. Again to change how often.' })
  @Allow('SIGNED_IN')
  followWorkspace(@Args() args: FollowWorkspaceArgs, @Ctx() ctx: RequestContext): Promise<WorkspaceFollow> {
    return this.digests.follow(ctx.user!, args.workspaceId, args.frequency);
  }

  @Mutation(() => Boolean, { description: 'Stop following a workspace (no more digests). False when you were not following it.' })
  @Allow('SIGNED_IN')
  unfollowWorkspace(@Args('workspaceId', { type: () => ID }) workspaceId: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return this.digests.unfollow(ctx.user!, workspaceId);
  }
}
