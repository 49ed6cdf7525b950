import { EntityManager } from 'typeorm';
import { inOrderOf, uuidsAmong } from '@app/core';
import { Twinning } from './entities/twinning.entity';
import { WorkspaceMember } from './entities/workspace-member.entity';
import { Workspace } from './entities/workspace.entity';

/*
 * Twinning's rows as other contexts read them, on the caller's EntityManager
 * (so inside its transaction).
 */

/** The twinning, for an id the caller holds from a workspace it can see (it throws otherwise). */
export function twinningById(em: EntityManager, id: string): Promise<Twinning> {
  return em.findOneByOrFail(Twinning, { id });
}

/** The twinning of each workspace, in the order of `workspaceIds` (undefined for an unknown one): one statement. */
export async function twinningsOfWorkspaces(em: EntityManager, workspaceIds: readonly string[]): Promise<Array<Twinning | undefined>> {
  const known = uuidsAmong(workspaceIds);
  if (!known.length) return workspaceIds.map(() => undefined);
  const rows = await em
    .createQueryBuilder(Twinning, 't')
    .innerJoin(Workspace, 'w', 'w.twinning_id = t.id')
    .addSelect('w.id', 'workspace_id')
    .where('w.id IN (:...ids)', { ids: known })
    .getRawAndEntities();
  const twinningOf = new Map(rows.entities.map((t) => [t.id, t]));
  const byWorkspace = (rows.raw as Array<{ workspace_id: string; t_id: string }>).map((r) => ({ workspaceId: r.workspace_id, twinning: twinningOf.get(r.t_id)! }));
  return inOrderOf(workspaceIds, byWorkspace, (r) => r.workspaceId).map((r) => r?.twinning);
}

/** The person's seat in the workspace, or null when they are not a member. */
export function workspaceMember(em: EntityManager, workspaceId: string, userId: string): Promise<WorkspaceMember | null> {
  return em.findOneBy(WorkspaceMember, { workspaceId, userId });
}
