import { EntityManager } from 'typeorm';
import { AuthUser, BadInputError, ConflictError, ForbiddenError, isUuid, NotFoundError } from '@app/core';
import { TwinningAccessService, WorkspaceAccess, WorkspaceRole } from '@app/twinning';
import { Project } from './entities/project.entity';

/*
 * Who may change a project, and the checks every write makes first: the
 * project's row locked and visible to the person, the version they read.
 */

export function requireEditor(access: WorkspaceAccess, what: string): void {
  if (access.role === WorkspaceRole.LEAD || access.role === WorkspaceRole.MEMBER) return;
  throw new ForbiddenError(
    access.role === WorkspaceRole.OBSERVER
      ? `Observers read the workspace; only its leads and members may ${what}.`
      : `Only the workspace's leads and members may ${what}; admins read it.`,
  );
}

/** Stage, closing, reopening: the workspace's leads and the project's own leads. */
export function requireSteward(user: AuthUser, access: WorkspaceAccess, project: Project, what: string): void {
  if (access.role === WorkspaceRole.LEAD) return;
  if (access.role === WorkspaceRole.MEMBER && (project.leadAUserId === user.id || project.leadBUserId === user.id)) return;
  throw new ForbiddenError(`Only the project's leads and the workspace's leads may ${what}.`);
}

export function requireProjectVersion(project: Project, version: number): void {
  if (project.version === version) return;
  throw new ConflictError(
    `Someone changed this project since you read it (you have version ${version}; it is now at version ${project.version}). ` +
      'Look at the current version, then make your change again.',
    { currentVersion: project.version, current: projectSnapshot(project) },
  );
}

export function requireDueDateInside(project: Project, dueDate: string, field: string): void {
  if (dueDate < project.startDate) throw BadInputError.field(field, `must be on or after the project's start date, ${project.startDate}.`);
  if (project.endDate && dueDate > project.endDate) throw BadInputError.field(field, `must be on or before the project's end date, ${project.endDate}.`);
}

/** Locks the project row and checks the person may see it (NOT_FOUND otherwise). */
export async function lockProject(
  em: EntityManager,
  twinningAccess: TwinningAccessService,
  user: AuthUser,
  id: string,
): Promise<{ project: Project; access: WorkspaceAccess }> {
  const project = isUuid(id) ? await em.findOne(Project, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
  const access = project ? (await twinningAccess.workspaceAccess(user, [project.workspaceId], em))[0] : null;
  if (!project || !access) throw new NotFoundError('project', id);
  return { project, access };
}

/** What a CONFLICT carries: the project as it now is. */
export function projectSnapshot(project: Project): Record<string, unknown> {
  return {
    id: project.id,
    version: project.version,
    title: { en: project.titleEn, ko: project.titleKo },
    summary: { en: project.summaryEn, ko: project.summaryKo },
    stage: project.stage,
    type: project.type,
    sectors: project.sectors,
    startDate: project.startDate,
    endDate: project.endDate,
    closedAt: project.closedAt?.toISOString() ?? null,
    updatedAt: project.updatedAt.toISOString(),
  };
}
