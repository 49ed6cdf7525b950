/*
 * The cities context's tables, for another context's statement that must
 * stay one statement. The arguments are column expressions of the caller's
 * query, never values: values go in as parameters.
 */

/** The distinct countries of the cities `cityIds` (a uuid[] expression), as a JSON array of [code, currency], ordered by code. */
export function countriesOfCitiesSql(cityIds: string): string {
  return `(SELECT json_agg(json_build_array(s.code, s.currency) ORDER BY s.code)
             FROM (SELECT DISTINCT co.code, co.currency FROM city ci JOIN country co ON co.code = ci.country_code WHERE ci.id = ANY(${cityIds})) s)`;
}

/** The time zone of the city `cityId`'s country: a text expression. */
export function cityZoneSql(cityId: string): string {
  return `(SELECT co.time_zone FROM city ci JOIN country co ON co.code = ci.country_code WHERE ci.id = ${cityId})`;
}

/** The country code of the city `cityId`: a text expression. */
export function cityCountrySql(cityId: string): string {
  return `(SELECT ci.country_code FROM city ci WHERE ci.id = ${cityId})`;
}
