import { ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Args, Ctx, LANGUAGES, listOfAtMost, LocalizedText, NoArgs, ONE_PER_COUNTRY, RequestContext } from '@app/core';
import { CitiesLoaders } from '@app/cities';
import { Organisation } from '@app/identity';
import { TwinningLoaders } from '@app/twinning';
import {
  ChangeProjectStageInput,
  CreateProjectInput,
  MAX_PROJECT_OBJECTIVES,
  MAX_PROJECT_OUTPUTS,
  MAX_PROJECT_PARTNERS,
  MAX_PROJECT_RISKS,
  ProjectReasonInput,
  PublishProjectInput,
  UpdateProjectInput,
} from './dto/project.inputs';
import { ProjectLead, ProjectOutput, ProjectRisk } from './dto/project.outputs';
import { CaseStudyPrompt } from './entities/case-study-prompt.entity';
import { Milestone } from './entities/milestone.entity';
import { ProjectBudget } from './entities/project-budget.entity';
import { Project } from './entities/project.entity';
import { ProjectStageChange } from './entities/project-stage-change.entity';
import { ProjectsLoaders } from './projects.loaders';
import { ProjectsService } from './projects.service';

/*
 * What the lists below (and the stage history's local times) hold at most, for the query cost (libs/core/src/graphql/cost.ts):
 * what a project's input may hold (MAX_* in dto/project.inputs), and one lead, budget
 * or local time per city of the twinning (ONE_PER_COUNTRY). Milestones and the stage
 * history have no limit and are priced at the default.
 */

@Resolver(() => Project)
export class ProjectsResolver {
  constructor(
    private readonly projects: ProjectsService,
    private readonly loaders: ProjectsLoaders,
    private readonly twinningLoaders: TwinningLoaders,
    private readonly cityLoaders: CitiesLoaders,
  ) {}

  @Query(() => Project, { description: "A joint project, for its workspace's members and admins; NOT_FOUND for anyone else." })
  @Allow('PUBLIC')
  project(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: RequestContext): Promise<Project> {
    return this.projects.get(ctx.user, id);
  }

  @Mutation(() => Project, { description: 'Leads and members: start a joint project in the workspace.' })
  @Allow('SIGNED_IN')
  createProject(@Args('input') input: CreateProjectInput, @Ctx() ctx: RequestContext): Promise<Project> {
    return this.projects.create(ctx.user!, input);
  }

  @Mutation(() => Project, { description: 'Leads and members: change what you give (the rest stays). CONFLICT, with the current version, if it changed since you read it.' })
  @Allow('SIGNED_IN')
  updateProject(@Args('input') input: UpdateProjectInput, @Ctx() ctx: RequestContext): Promise<Project> {
    return this.projects.update(ctx.user!, input);
  }

  @Mutation(() => Project, { description: "The project's leads and the workspace's leads: move the project to another stage (forward or back), saying why." })
  @Allow('SIGNED_IN')
  changeProjectStage(@Args('input') input: ChangeProjectStageInput, @Ctx() ctx: RequestContext): Promise<Project> {
    return this.projects.changeStage(ctx.user!, input);
  }

  @Mutation(() => Project, { description: "The project's leads and the workspace's leads: close the project. Its leads are asked for a case study." })
  @Allow('SIGNED_IN')
  closeProject(@Args('input') input: ProjectReasonInput, @Ctx() ctx: RequestContext): Promise<Project> {
    return this.projects.close(ctx.user!, input);
  }

  @Mutation(() => Project, { description: "The project's leads and the workspace's leads: reopen a project closed by mistake." })
  @Allow('SIGNED_IN')
  reopenProject(@Args('input') input: ProjectReasonInput, @Ctx() ctx: RequestContext): Promise<Project> {
    return this.projects.reopen(ctx.user!, input);
  }

  @Mutation(() => Project, { description: "The workspace's leads: publish the project's title, summary, sectors and stage for everyone, or take them down." })
  @Allow('SIGNED_IN')
  publishProjectSummary(@Args('input') input: PublishProjectInput, @Ctx() ctx: RequestContext): Promise<Project> {
    return this.projects.publish(ctx.user!, input);
  }

  @ResolveField(() => LocalizedText)
  @Allow('SIGNED_IN')
  title(project: Project): LocalizedText {
    return LocalizedText.of({ en: project.titleEn, ko: project.titleKo });
  }

  @ResolveField(() => LocalizedText)
  @Allow('SIGNED_IN')
  summary(project: Project): LocalizedText {
    return LocalizedText.of({ en: project.summaryEn, ko: project.summaryKo });
  }

  @ResolveField(() => [String], { description: 'The languages in which both the title and the summary exist.' })
  @Allow('SIGNED_IN')
  languages(project: Project): string[] {
    return LANGUAGES.filter((l) => (l === 'en' ? project.titleEn && project.summaryEn : project.titleKo && project.summaryKo));
  }

  @ResolveField(() => [LocalizedText], { complexity: listOfAtMost(MAX_PROJECT_OBJECTIVES) })
  @Allow('SIGNED_IN')
  objectives(project: Project): LocalizedText[] {
    return project.objectives.map((o) => LocalizedText.of(o));
  }

  @ResolveField(() => [ProjectOutput], { complexity: listOfAtMost(MAX_PROJECT_OUTPUTS) })
  @Allow('SIGNED_IN')
  outputs(project: Project): ProjectOutput[] {
    return project.outputs.map((o) => ({ title: LocalizedText.of(o.title), url: o.url, deliveredOn: o.deliveredOn }));
  }

  @ResolveField(() => [ProjectRisk], { complexity: listOfAtMost(MAX_PROJECT_RISKS) })
  @Allow('SIGNED_IN')
  risks(project: Project): ProjectRisk[] {
    return project.risks.map((r) => ({
      description: LocalizedText.of(r.description),
      likelihood: r.likelihood,
      impact: r.impact,
      mitigation: r.mitigation ? LocalizedText.of(r.mitigation) : null,
    }));
  }

  @ResolveField(() => Boolean, { description: 'Whether the summary is public.' })
  @Allow('SIGNED_IN')
  published(project: Project): boolean {
    return !!project.publishedAt;
  }

  @ResolveField(() => [ProjectLead], { complexity: ONE_PER_COUNTRY, description: 'The lead in city A, then in city B.' })
  @Allow('SIGNED_IN')
  async leads(project: Project, _args: NoArgs, ctx: RequestContext): Promise<ProjectLead[]> {
    const zones = await this.twinningLoaders.zonesOfWorkspace(ctx).load(project.workspaceId);
    const userIds = [project.leadAUserId, project.leadBUserId];
    return Promise.all(
      zones.map(async (zone, i) => ({
        city: (await this.cityLoaders.city(ctx).load(zone.cityId!))!,
        user: (await this.twinningLoaders.user(ctx).load(userIds[i]))!,
      })),
    );
  }

  @ResolveField(() => [Organisation], { complexity: listOfAtMost(MAX_PROJECT_PARTNERS) })
  @Allow('SIGNED_IN')
  async partners(project: Project, _args: NoArgs, ctx: RequestContext): Promise<Organisation[]> {
    const found = await Promise.all(project.partnerOrganisationIds.map((id) => this.twinningLoaders.organisation(ctx).load(id)));
    return found.filter((o): o is Organisation => !!o);
  }

  @ResolveField(() => [ProjectBudget], { complexity: ONE_PER_COUNTRY, description: 'One per contributing country.' })
  @Allow('SIGNED_IN')
  budgets(project: Project, _args: NoArgs, ctx: RequestContext): Promise<ProjectBudget[]> {
    return this.loaders.budgets(ctx).load(project.id);
  }

  @ResolveField(() => [Milestone], { description: 'By due date.' })
  @Allow('SIGNED_IN')
  milestones(project: Project, _args: NoArgs, ctx: RequestContext): Promise<Milestone[]> {
    return this.loaders.milestones(ctx).load(project.id);
  }

  @ResolveField(() => [ProjectStageChange], { description: 'Every stage the project was in, oldest first.' })
  @Allow('SIGNED_IN')
  stageHistory(project: Project, _args: NoArgs, ctx: RequestContext): Promise<ProjectStageChange[]> {
    return this.loaders.stageHistory(ctx).load(project.id);
  }

  @ResolveField(() => CaseStudyPrompt, { nullable: true, description: 'Set once the project reached business as usual or closed.' })
  @Allow('SIGNED_IN')
  caseStudyPrompt(project: Project, _args: NoArgs, ctx: RequestContext): Promise<CaseStudyPrompt | null> {
    return this.loaders.caseStudyPrompt(ctx).load(project.id);
  }
}
