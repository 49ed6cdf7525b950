const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether the text is a UUID: an id that is not one names nothing, so it is answered NOT_FOUND without asking the database. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** The distinct UUIDs among `ids`, lower-cased: what to ask PostgreSQL for (an id that is not a UUID names nothing). */
export function uuidsAmong(ids: readonly string[]): string[] {
  return [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
}

/**
 * Rows read by UUID, answered in the order of `ids` (undefined where there is
 * none). PostgreSQL answers a uuid in lower case, whatever case it was asked
 * in, so the ids are matched lower-cased.
 */
export function inOrderOf<T>(ids: readonly string[], rows: readonly T[], idOf: (row: T) => string): Array<T | undefined> {
  const byId = new Map(rows.map((row) => [idOf(row), row]));
  return ids.map((id) => byId.get(id.toLowerCase()));
}
