import { Int, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, NoArgs, RequestContext } from '@app/core';
import { WorkspaceHealth } from '@app/twinning';
import { ProjectsLoaders } from './projects.loaders';

/** Projects as a field of a workspace's health. */
@Resolver(() => WorkspaceHealth)
export class WorkspaceHealthProjectsResolver {
  constructor(private readonly loaders: ProjectsLoaders) {}

  @ResolveField(() => Int, { description: 'Joint projects not closed.' })
  @Allow('SIGNED_IN')
  activeProjects(health: WorkspaceHealth, _args: NoArgs, ctx: RequestContext): Promise<number> {
    return this.loaders.activeProjects(ctx).load(health.workspaceId);
  }
}
