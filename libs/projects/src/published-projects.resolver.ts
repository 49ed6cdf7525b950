import { Query, Resolver } from '@nestjs/graphql';
import { Allow, Args, Ctx, LocalizedText, PageArgs, Paginated, RequestContext } from '@app/core';
import { CitiesLoaders, City } from '@app/cities';
import { PublishedProjectFilter } from './dto/project.inputs';
import { PublishedProject } from './dto/project.outputs';
import { ProjectsService } from './projects.service';

export const PublishedProjectConnection = Paginated(PublishedProject);

@Resolver(() => PublishedProject)
export class PublishedProjectsResolver {
  constructor(
    private readonly projects: ProjectsService,
    private readonly cityLoaders: CitiesLoaders,
  ) {}

  @Query(() => PublishedProjectConnection, { description: 'Joint projects whose leads published their summary, newest first. Public.' })
  @Allow('PUBLIC')
  async publishedProjects(@Args() page: PageArgs, @Ctx() ctx: RequestContext, @Args('filter', { nullable: true }) filter?: PublishedProjectFilter) {
    const found = await this.projects.published(filter ?? {}, page);
    const twinnings = await this.projects.twinningsOf(found.nodes.map((p) => p.workspaceId));
    const nodes = await Promise.all(
      found.nodes.map(async (p, i): Promise<PublishedProject> => {
        const twinning = twinnings[i];
        const cities = await Promise.all([twinning.cityAId, twinning.cityBId].map((id) => this.cityLoaders.city(ctx).load(id)));
        return {
          id: p.id,
          twinningId: twinning.id,
          title: LocalizedText.of({ en: p.titleEn, ko: p.titleKo }),
          summary: LocalizedText.of({ en: p.summaryEn, ko: p.summaryKo }),
          sectors: p.sectors,
          stage: p.stage,
          type: p.type,
          startDate: p.startDate,
          endDate: p.endDate,
          cities: cities.filter((c): c is City => !!c),
          publishedAt: p.publishedAt!,
          closedAt: p.closedAt,
        };
      }),
    );
    return { ...found, nodes, edges: found.edges.map((e, i) => ({ cursor: e.cursor, node: nodes[i] })) };
  }
}
