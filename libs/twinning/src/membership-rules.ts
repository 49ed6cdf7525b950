import { EntityManager } from 'typeorm';
import { AuthUser, ConflictError, ForbiddenError, isUuid, NotFoundError } from '@app/core';
import { PUBLIC_TWINNING_STATUSES, Twinning } from './entities/twinning.entity';
import { WorkspaceRole } from './entities/workspace-member.entity';
import { Workspace } from './entities/workspace.entity';
import { TwinningAccessService, WorkspaceAccess } from './twinning-access.service';

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

/** FORBIDDEN unless the person leads the workspace (admins read, but leads run membership). */
export function requireLead(access: WorkspaceAccess, what: string): void {
  if (access.role === WorkspaceRole.LEAD) return;
  throw new ForbiddenError(
    access.admin && !access.role
      ? `Only the workspace's leads may ${what}; admins may read the workspace and change its twinning's status.`
      : `Only the workspace's leads may ${what}.`,
  );
}

/** CONFLICT unless the twinning is one that takes new members (public: ACTIVE or DORMANT). */
export function requireOpen(twinning: Twinning): void {
  if (!PUBLIC_TWINNING_STATUSES.includes(twinning.status)) {
    throw new ConflictError(`This workspace's twinning is ${twinning.status}, so it takes no new members.`, { status: twinning.status });
  }
}
