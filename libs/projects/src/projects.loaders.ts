import { Injectable } from '@nestjs/common';
import { DataSource, In, ObjectLiteral } from 'typeorm';
import { RequestContext, requestLoader } from '@app/core';
import { CaseStudyPrompt, Milestone, ProjectBudget, ProjectStageChange } from './entities/project.entity';

/** Batched reads of a project's parts: one query per kind of part per request. */
@Injectable()
export class ProjectsLoaders {
  constructor(private readonly dataSource: DataSource) {}

  milestones(ctx: RequestContext) {
    return this.byProject(ctx, Milestone, 'projects.milestones', { dueDate: 'ASC', id: 'ASC' });
  }

  budgets(ctx: RequestContext) {
    return this.byProject(ctx, ProjectBudget, 'projects.budgets', { countryCode: 'ASC' });
  }

  stageHistory(ctx: RequestContext) {
    return this.byProject(ctx, ProjectStageChange, 'projects.stageHistory', { at: 'ASC', id: 'ASC' });
  }

  caseStudyPrompt(ctx: RequestContext) {
    return requestLoader<string, CaseStudyPrompt | null>(ctx, 'projects.caseStudyPrompt', async (ids) => {
      const rows = await this.dataSource.getRepository(CaseStudyPrompt).findBy({ projectId: In([...ids]) });
      return ids.map((id) => rows.find((r) => r.projectId === id) ?? null);
    });
  }

  private byProject<T extends ObjectLiteral & { projectId: string }>(
    ctx: RequestContext,
    entity: new () => T,
    key: string,
    order: Record<string, 'ASC' | 'DESC'>,
  ) {
    return requestLoader<string, T[]>(ctx, key, async (ids) => {
      const rows = await this.dataSource.getRepository(entity).find({ where: { projectId: In([...ids]) } as never, order: order as never });
      return ids.map((id) => rows.filter((r) => r.projectId === id));
    });
  }
}
