import { EntityManager } from 'typeorm';
import { AuthUser, BadInputError, ConflictError, ForbiddenError, isUuid, NotFoundError, type Words } from '@app/core';
import { withParticle } from '@app/rules';
import { TwinningAccessService, WorkspaceAccess, WorkspaceRole } from '@app/twinning';
import { Project } from './entities/project.entity';

/*
 * Who may change a project, and the checks every write makes first: the
 * project's row locked and visible to the person, the version they read.
 */

/** `what` is the act, in Korean as the stem before "수 있습니다" (만들). */
export function requireEditor(access: WorkspaceAccess, what: Words): void {
  if (access.role === WorkspaceRole.LEAD || access.role === WorkspaceRole.MEMBER) return;
  throw new ForbiddenError(
    access.role === WorkspaceRole.OBSERVER
      ? { en: `Observers read the workspace; only its leads and members may ${what.en}.`, ko: `참관인은 워크스페이스를 읽을 수만 있습니다. ${what.ko} 수 있는 사람은 리더와 멤버입니다.` }
      : { en: `Only the workspace's leads and members may ${what.en}; admins read it.`, ko: `워크스페이스의 리더와 멤버만 ${what.ko} 수 있습니다. 관리자는 읽을 수만 있습니다.` },
  );
}

/** Stage, closing, reopening: the workspace's leads and the project's own leads. */
export function requireSteward(user: AuthUser, access: WorkspaceAccess, project: Project, what: Words): void {
  if (access.role === WorkspaceRole.LEAD) return;
  if (access.role === WorkspaceRole.MEMBER && (project.leadAUserId === user.id || project.leadBUserId === user.id)) return;
  throw new ForbiddenError({ en: `Only the project's leads and the workspace's leads may ${what.en}.`, ko: `프로젝트 리더와 워크스페이스 리더만 ${what.ko} 수 있습니다.` });
}

export function requireProjectVersion(project: Project, version: number): void {
  if (project.version === version) return;
  throw new ConflictError(changedSinceRead({ en: 'project', ko: '프로젝트' }, version, project.version), {
    currentVersion: project.version,
    current: projectSnapshot(project),
  });
}

/** The refusal of an edit made on a version someone has since changed (`thing` names it in both languages). */
export function changedSinceRead(thing: Words, yours: number, now: number): Words {
  return {
    en:
      `Someone changed this ${thing.en} since you read it (you have version ${yours}; it is now at version ${now}). ` +
      'Look at the current version, then make your change again.',
    ko: `불러온 뒤에 다른 사람이 이 ${withParticle(thing.ko, '을/를')} 바꿨습니다(보고 계신 버전 ${yours}, 현재 버전 ${now}). 현재 버전을 확인한 뒤 다시 바꿔 주세요.`,
  };
}

export function requireDueDateInside(project: Project, dueDate: string, field: string): void {
  if (dueDate < project.startDate) {
    throw BadInputError.field(field, { en: `must be on or after the project's start date, ${project.startDate}.`, ko: `프로젝트 시작일(${project.startDate}) 이후여야 합니다.` });
  }
  if (project.endDate && dueDate > project.endDate) {
    throw BadInputError.field(field, { en: `must be on or before the project's end date, ${project.endDate}.`, ko: `프로젝트 종료일(${project.endDate}) 이전이어야 합니다.` });
  }
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
