import { ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, LocalTime, NoArgs, ONE_PER_COUNTRY, renderInZones, RequestContext } from '@app/core';
import { User } from '@app/identity';
import { TwinningLoaders } from '@app/twinning';
import { ProjectStageChange } from './entities/project-stage-change.entity';
import { ProjectsLoaders } from './projects.loaders';

@Resolver(() => ProjectStageChange)
export class ProjectStageChangeResolver {
  constructor(
    private readonly twinningLoaders: TwinningLoaders,
    private readonly loaders: ProjectsLoaders,
  ) {}

  @ResolveField(() => User, { nullable: true })
  @Allow('SIGNED_IN')
  async actor(change: ProjectStageChange, _args: NoArgs, ctx: RequestContext): Promise<User | null> {
    return (await this.twinningLoaders.user(ctx).load(change.actorUserId)) ?? null;
  }

  @ResolveField(() => [LocalTime], { complexity: ONE_PER_COUNTRY, description: "When, on both cities' clocks (city A first)." })
  @Allow('SIGNED_IN')
  async atInCities(change: ProjectStageChange, _args: NoArgs, ctx: RequestContext): Promise<LocalTime[]> {
    // Reached only through Project.stageHistory, whose parent was access-checked.
    const workspaceId = (await this.loaders.workspaceIdOfProject(ctx).load(change.projectId))!;
    return renderInZones(change.at, await this.twinningLoaders.zonesOfWorkspace(ctx).load(workspaceId), ctx.user?.language ?? 'en');
  }
}
