/*
 * The projects context's tables, for another context's statement that must
 * stay one statement. The argument is a column expression of the caller's
 * query, never a value: values go in as parameters.
 */

/** The project `projectId`'s stage and whether it is closed, as JSON: `{ "stage": ProjectStage, "closed": boolean }`. */
export function projectStageSql(projectId: string): string {
  return `(SELECT json_build_object('stage', p.stage, 'closed', p.closed_at IS NOT NULL) FROM project p WHERE p.id = ${projectId})`;
}
