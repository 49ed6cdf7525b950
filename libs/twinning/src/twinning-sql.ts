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
