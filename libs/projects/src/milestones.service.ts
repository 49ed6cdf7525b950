import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser, Clock, ConflictError, isUuid, NotFoundError } from '@app/core';
import { ActivityObjectType, ActivityService, ActivityVerb, TwinningAccessService, WorkspaceAccess } from '@app/twinning';
import type { AddMilestoneInput, RemoveMilestoneInput, UpdateMilestoneInput } from './dto/project.inputs';
import { Milestone, MilestoneStatus } from './entities/milestone.entity';
import { Project } from './entities/project.entity';
import { changedSinceRead, lockProject, requireDueDateInside, requireEditor } from './project-rules';

/**
 * A project's milestones: leads and members (not observers) add, edit and
 * remove them, within the project's dates. Each write locks the project row,
 * checks the milestone's version, and moves the project's updatedAt.
 */
@Injectable()
export class MilestonesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly access: TwinningAccessService,
    private readonly activity: ActivityService,
  ) {}

  async addMilestone(user: AuthUser, input: AddMilestoneInput): Promise<Milestone> {
    return this.dataSource.transaction(async (em) => {
      const { project, access } = await lockProject(em, this.access, user, input.projectId);
      requireEditor(access, { en: 'add milestones', ko: '주요 일정을 추가할' });
      requireDueDateInside(project, input.dueDate, 'dueDate');
      const now = this.clock.now();
      const status = input.status ?? MilestoneStatus.PLANNED;
      const milestone = await em.save(
        em.create(Milestone, {
          projectId: project.id,
          titleEn: input.title.en ?? null,
          titleKo: input.title.ko ?? null,
          dueDate: input.dueDate,
          status,
          evidenceLinks: input.evidenceLinks ?? [],
          completedAt: status === MilestoneStatus.DONE ? now : null,
          version: 1,
        }),
      );
      await this.recordMilestone(em, user, project, milestone, ActivityVerb.MILESTONE_ADDED);
      await this.bump(em, project);
      return milestone;
    });
  }

  async updateMilestone(user: AuthUser, input: UpdateMilestoneInput): Promise<Milestone> {
    return this.dataSource.transaction(async (em) => {
      const { project, access, milestone } = await this.lockMilestone(em, user, input.id);
      requireEditor(access, { en: 'edit milestones', ko: '주요 일정을 고칠' });
      this.requireMilestoneVersion(milestone, input.version);
      if (input.dueDate) requireDueDateInside(project, input.dueDate, 'dueDate');
      const fromStatus = milestone.status;
      const fields = (['title', 'dueDate', 'evidenceLinks'] as const).filter((key) => input[key] !== undefined);
      if (input.title) Object.assign(milestone, { titleEn: input.title.en ?? null, titleKo: input.title.ko ?? null });
      if (input.dueDate) milestone.dueDate = input.dueDate;
      if (input.evidenceLinks) milestone.evidenceLinks = input.evidenceLinks;
      if (input.status && input.status !== fromStatus) {
        milestone.status = input.status;
        milestone.completedAt = input.status === MilestoneStatus.DONE ? this.clock.now() : null;
      }
      const statusChanged = milestone.status !== fromStatus;
      if (!fields.length && !statusChanged) return milestone;
      milestone.version += 1;
      const saved = await em.save(milestone);
      if (fields.length) await this.recordMilestone(em, user, project, saved, ActivityVerb.MILESTONE_UPDATED, { fields });
      if (statusChanged) await this.recordMilestone(em, user, project, saved, ActivityVerb.MILESTONE_STATUS_CHANGED, { from: fromStatus, to: saved.status });
      await this.bump(em, project);
      return saved;
    });
  }

  async removeMilestone(user: AuthUser, input: RemoveMilestoneInput): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      const { project, access, milestone } = await this.lockMilestone(em, user, input.id);
      requireEditor(access, { en: 'remove milestones', ko: '주요 일정을 삭제할' });
      this.requireMilestoneVersion(milestone, input.version);
      await em.delete(Milestone, { id: milestone.id });
      await this.recordMilestone(em, user, project, milestone, ActivityVerb.MILESTONE_REMOVED);
      await this.bump(em, project);
      return true;
    });
  }

  private requireMilestoneVersion(milestone: Milestone, version: number): void {
    if (milestone.version === version) return;
    throw new ConflictError(changedSinceRead({ en: 'milestone', ko: '주요 일정' }, version, milestone.version), {
      currentVersion: milestone.version,
      current: {
        id: milestone.id,
        version: milestone.version,
        title: { en: milestone.titleEn, ko: milestone.titleKo },
        dueDate: milestone.dueDate,
        status: milestone.status,
        evidenceLinks: milestone.evidenceLinks,
      },
    });
  }

  private async lockMilestone(em: EntityManager, user: AuthUser, id: string): Promise<{ project: Project; access: WorkspaceAccess; milestone: Milestone }> {
    const found = isUuid(id) ? await em.findOneBy(Milestone, { id }) : null;
    if (!found) throw new NotFoundError('milestone', id);
    const { project, access } = await lockProject(em, this.access, user, found.projectId).catch(() => {
      throw new NotFoundError('milestone', id);
    });
    const milestone = await em.findOneBy(Milestone, { id });
    if (!milestone) throw new NotFoundError('milestone', id);
    return { project, access, milestone };
  }

  /** A milestone change is a change of its project: the project's updatedAt moves (its version does not). */
  private async bump(em: EntityManager, project: Project): Promise<void> {
    await em.update(Project, { id: project.id }, { updatedAt: this.clock.now() });
  }

  private recordMilestone(em: EntityManager, user: AuthUser, project: Project, milestone: Milestone, verb: ActivityVerb, details: Record<string, unknown> = {}): Promise<void> {
    return this.activity.record(em, {
      workspaceId: project.workspaceId,
      actor: user,
      verb,
      objectType: ActivityObjectType.MILESTONE,
      objectId: milestone.id,
      objectLabel: { en: milestone.titleEn, ko: milestone.titleKo },
      details: { ...details, projectId: project.id, project: { en: project.titleEn, ko: project.titleKo } },
    });
  }
}
