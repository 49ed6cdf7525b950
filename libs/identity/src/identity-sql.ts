/*
 * Identity's tables, for another context's statement that must stay one
 * statement (a conflict check of every board member on every application at
 * once). The arguments are column expressions of the caller's query, never
 * values: values go in as parameters.
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

/** The account `userId`'s email and display name, as JSON `{ "email": …, "name": … }` (NULL when there is none). */
export function userContactSql(userId: string): string {
  return `(SELECT json_build_object('email', u.email, 'name', u.display_name) FROM user_account u WHERE u.id = ${userId})`;
}
