import { EntityManager } from 'typeorm';
import { AuthUser, ConflictError, ForbiddenError, isUuid, NotFoundError, type Words } from '@app/core';
import { PUBLIC_TWINNING_STATUSES, Twinning, type TwinningStatus } from './entities/twinning.entity';
import { WorkspaceRole } from './entities/workspace-member.entity';
import { Workspace } from './entities/workspace.entity';
import { TwinningAccessService, WorkspaceAccess } from './twinning-access.service';
import { twinningStatusKo } from './twinning-words';

/*
 * What changes of a workspace's membership check, whether they come by invitation
 * (WorkspaceInvitationsService) or by join request, change of role or leaving (WorkspaceService).
 */

export interface LockedWorkspace {
  workspace: Workspace;
  twinning: Twinning;
  access: WorkspaceAccess;
}

/**
 * Locks the workspace row (every membership change goes through here) and
 * checks the person may see it: members and admins; NOT_FOUND otherwise.
 */
export async function lockWorkspace(
  em: EntityManager,
  access: TwinningAccessService,
  user: AuthUser,
  workspaceId: string,
  notFound?: () => Error,
): Promise<LockedWorkspace> {
  const workspace = isUuid(workspaceId) ? await em.findOne(Workspace, { where: { id: workspaceId }, lock: { mode: 'pessimistic_write' } }) : null;
  const seen = workspace ? (await access.workspaceAccess(user, [workspace.id], em))[0] : null;
  if (!workspace || !seen) throw notFound ? notFound() : new NotFoundError('workspace', workspaceId);
  const twinning = await em.findOneByOrFail(Twinning, { id: workspace.twinningId });
  return { workspace, twinning, access: seen };
}

/** Why a workspace takes nobody new: its twinning's status. */
export function noNewMembers(status: TwinningStatus): Words {
  return {
    en: `This workspace's twinning is ${status}, so it takes no new members.`,
    ko: `이 워크스페이스의 자매결연은 ${twinningStatusKo(status)}라서 새 멤버를 받지 않습니다.`,
  };
}

/**
 * FORBIDDEN unless the person leads the workspace (admins read, but leads run
 * membership). `what` is the act, in Korean as the stem before "수 있습니다" (초대할).
 */
export function requireLead(access: WorkspaceAccess, what: Words): void {
  if (access.role === WorkspaceRole.LEAD) return;
  throw new ForbiddenError(
    access.admin && !access.role
      ? {
          en: `Only the workspace's leads may ${what.en}; admins may read the workspace and change its twinning's status.`,
          ko: `워크스페이스 리더만 ${what.ko} 수 있습니다. 관리자는 워크스페이스를 읽고 자매결연의 상태를 바꿀 수 있습니다.`,
        }
      : { en: `Only the workspace's leads may ${what.en}.`, ko: `워크스페이스 리더만 ${what.ko} 수 있습니다.` },
  );
}

/** CONFLICT unless the twinning is one that takes new members (public: ACTIVE or DORMANT). */
export function requireOpen(twinning: Twinning): void {
  if (!PUBLIC_TWINNING_STATUSES.includes(twinning.status)) {
    throw new ConflictError(noNewMembers(twinning.status), { status: twinning.status });
  }
}
