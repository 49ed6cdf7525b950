import { countriesOfCitiesSql } from '@app/cities';

/*
 * Twinning's tables, for another context's statement that must
 * stay one statement. The arguments are column expressions of the caller's
 * query, never values: values go in as parameters.
 */

/** Whether the person `userId` is a member of the workspace `workspaceId`: a boolean expression. */
export function isWorkspaceMemberSql(columns: { workspaceId: string; userId: string }): string {
  return `EXISTS (SELECT 1 FROM workspace_member wm WHERE wm.workspace_id = ${columns.workspaceId} AND wm.user_id = ${columns.userId})`;
}

/**
 * The twinning behind the workspace `workspaceId`, as JSON:
 * `{ "status": TwinningStatus, "sides": [[countryCode, currency], …] }` (sides ordered by country code).
 */
export function workspaceTwinningSql(workspaceId: string): string {
  return `(SELECT json_build_object('status', t.status, 'sides', ${countriesOfCitiesSql('ARRAY[t.city_a_id, t.city_b_id]')})
             FROM workspace w JOIN twinning t ON t.id = w.twinning_id WHERE w.id = ${workspaceId})`;
}

/**
 * The ids of the workspaces whose twinnings are public (ACTIVE or DORMANT), a
 * subquery taking the named parameters `publicStatuses` (PUBLIC_TWINNING_STATUSES)
 * and, when asked for, `cityId` (either of the twinning's cities) and `twinningId`.
 */
export function publicWorkspaceIdsSql(filter: { byCity: boolean; byTwinning: boolean }): string {
  const conditions = ['t.status IN (:...publicStatuses)'];
  if (filter.byCity) conditions.push('(t.city_a_id = :cityId OR t.city_b_id = :cityId)');
  if (filter.byTwinning) conditions.push('t.id = :twinningId');
  return `SELECT w.id FROM workspace w JOIN twinning t ON t.id = w.twinning_id WHERE ${conditions.join(' AND ')}`;
}

/** Whether the person `userId` is a LEAD of the workspace `workspaceId`: a boolean expression. */
export function isWorkspaceLeadSql(columns: { workspaceId: string; userId: string }): string {
  return `EXISTS (SELECT 1 FROM workspace_member wm WHERE wm.workspace_id = ${columns.workspaceId} AND wm.user_id = ${columns.userId} AND wm.role = 'LEAD')`;
}
