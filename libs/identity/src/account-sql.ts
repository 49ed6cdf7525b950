/*
 * More of identity's accounts for another context's statement that must stay
 * one statement (a calendar address used and its owner's zone read at once,
 * an export of registrations with their people). The arguments are column
 * expressions of the caller's query, never values: values go in as parameters.
 */

/** The time zone of the account `userId` while it is enabled; NULL when it is disabled or there is none. */
export function enabledAccountTimeZoneSql(userId: string): string {
  return `(SELECT u.time_zone FROM user_account u WHERE u.id = ${userId} AND u.disabled_at IS NULL)`;
}

/**
 * The account `userId` as JSON `{ "name", "email", "language", "timeZone" }`
 * (display name, email, preferred language, time zone); NULL when there is none.
 */
export function accountProfileSql(userId: string): string {
  return `(SELECT json_build_object('name', u.display_name, 'email', u.email, 'language', u.preferred_language, 'timeZone', u.time_zone)
             FROM user_account u WHERE u.id = ${userId})`;
}

/** The display names of the accounts `userIds` (a uuid[] expression), in alphabetical order: a text[], NULL when there is none. */
export function displayNamesSql(userIds: string): string {
  return `(SELECT array_agg(u.display_name ORDER BY u.display_name) FROM user_account u WHERE u.id = ANY(${userIds}))`;
}
