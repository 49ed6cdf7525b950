import { Injectable } from '@nestjs/common';
import { DataSource, In, ObjectLiteral } from 'typeorm';
import { RequestContext, requestLoader } from '@app/core';
import { CaseStudyPrompt } from './entities/case-study-prompt.entity';
import { Milestone } from './entities/milestone.entity';
import { ProjectBudget } from './entities/project-budget.entity';
import { ProjectStageChange } from './entities/project-stage-change.entity';

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

  /** Open (not closed) projects of each workspace. */
  activeProjects(ctx: RequestContext) {
    return requestLoader<string, number>(ctx, 'projects.activeByWorkspace', async (ids) => {
      const rows: Array<{ workspace_id: string; n: number }> = await this.dataSource.query(
        `SELECT workspace_id, count(*)::int AS n FROM project WHERE workspace_id = ANY($1::uuid[]) AND closed_at IS NULL GROUP BY workspace_id`,
        [[...ids]],
      );
      return ids.map((id) => rows.find((r) => r.workspace_id === id)?.n ?? 0);
    });
  }

  /** The workspace of each project. */
  workspaceIdOfProject(ctx: RequestContext) {
    return requestLoader<string, string | undefined>(ctx, 'projects.workspaceId', async (ids) => {
      const rows: Array<{ id: string; workspace_id: string }> = await this.dataSource.query(`SELECT id, workspace_id FROM project WHERE id = ANY($1::uuid[])`, [[...ids]]);
      return ids.map((id) => rows.find((r) => r.id === id)?.workspace_id);
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
