import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Args, Ctx, PageArgs, Paginated, RequestContext } from '@app/core';
import { TwinningAccessService, Workspace } from '@app/twinning';
import { ProjectFilter } from './dto/project.inputs';
import { Project } from './entities/project.entity';
import { ProjectsService } from './projects.service';

export const ProjectConnection = Paginated(Project);

/** Projects as a field of a workspace (their count is a field of its health: WorkspaceHealthProjectsResolver). */
@Resolver(() => Workspace)
export class WorkspaceProjectsResolver {
  constructor(
    private readonly service: ProjectsService,
    private readonly access: TwinningAccessService,
  ) {}

  @ResolveField(() => ProjectConnection, { nullable: true, description: 'Joint projects, most recently changed first. Members and admins.' })
  @Allow('SIGNED_IN')
  async projects(
    @Parent() workspace: Workspace,
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Args('filter', { nullable: true }) filter?: ProjectFilter,
  ) {
    if (!(await this.access.loader(ctx).load(workspace.id))) return null;
    return this.service.list(ctx, workspace.id, filter ?? {}, page);
  }
}
