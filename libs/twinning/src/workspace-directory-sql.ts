/*
 * Workspace membership for another context's statement that must stay one
 * statement (a page of case studies the reader writes or reviews). The
 * arguments are column expressions of the caller's query, never values:
 * values go in as parameters.
 */

/** Whether the person `userId` is a LEAD of the workspace `workspaceId`: a boolean expression. */
export function isWorkspaceLeadSql(columns: { workspaceId: string; userId: string }): string {
  return `EXISTS (SELECT 1 FROM workspace_member wm WHERE wm.workspace_id = ${columns.workspaceId} AND wm.user_id = ${columns.userId} AND wm.role = 'LEAD')`;
}
