/*
 * Identity's tables, for another context's statement that must stay one
 * statement: a conflict check of every board member on every application at
 * once, a calendar address used and its owner's zone read together, an export
 * of registrations with their people, an audit log with its actors. The
 * arguments are column expressions of the caller's query, never values:
 * values go in as parameters.
 */

/**
 * The cities among `amongCities` where the person `userId` is affiliated with
 * an organisation: one named in `namedOrganisationIds` (an array column), or
 * one they belong to on the platform. A uuid[] subquery, NULL when there is none.
 */
export function affiliatedCitiesSql(columns: { userId: string; namedOrganisationIds: string; amongCities: string }): string {
  return `(SELECT array_agg(DISTINCT o.city_id) FROM organisation o
            WHERE o.city_id = ANY(${columns.amongCities})
              AND (o.id = ANY(${columns.namedOrganisationIds})
                   OR o.id IN (SELECT om.organisation_id FROM organisation_membership om WHERE om.user_id = ${columns.userId})))`;
}

/** The time zone of the account `userId` while it is enabled; NULL when it is disabled or there is none. */
export function enabledAccountTimeZoneSql(userId: string): string {
  return `(SELECT u.time_zone FROM user_account u WHERE u.id = ${userId} AND u.disabled_at IS NULL)`;
}

/**
 * The account `userId` as JSON `{ "name", "nameEn", "nameKo", "email", "language", "timeZone" }`
 * (display name, its versions for English and Korean pages, email, preferred language, time zone); NULL when there is none.
 */
export function accountProfileSql(userId: string): string {
  return `(SELECT json_build_object('name', u.display_name, 'nameEn', u.name_en, 'nameKo', u.name_ko, 'email', u.email, 'language', u.preferred_language, 'timeZone', u.time_zone)
             FROM user_account u WHERE u.id = ${userId})`;
}

/** The display names of the accounts `userIds` (a uuid[] expression), in alphabetical order: a text[], NULL when there is none. */
export function displayNamesSql(userIds: string): string {
  return `(SELECT array_agg(u.display_name ORDER BY u.display_name) FROM user_account u WHERE u.id = ANY(${userIds}))`;
}
