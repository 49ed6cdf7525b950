import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, RequestContext } from '@app/core';
import { WorkspaceHealth } from '@app/twinning';
import { ProjectsLoaders } from './projects.loaders';

/** Projects as a field of a workspace's health. */
@Resolver(() => WorkspaceHealth)
export class WorkspaceHealthProjectsResolver {
  constructor(private readonly loaders: ProjectsLoaders) {}

  @ResolveField(() => Int, { description: 'Joint projects not closed.' })
  @Allow('SIGNED_IN')
  activeProjects(@Parent() health: WorkspaceHealth, @Ctx() ctx: RequestContext): Promise<number> {
    return this.loaders.activeProjects(ctx).load(health.workspaceId);
  }
}
