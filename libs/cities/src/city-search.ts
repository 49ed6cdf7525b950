/**
 * Finding a city or country by any of its names: a case-insensitive
 * substring match, exact matches first, then prefixes, then the rest. The
 * SQL and JavaScript halves must agree: the SQL filters and orders, the
 * JavaScript rebuilds the same rank for a page's cursor.
 */

/** How well a name matches: lower is better. */
export enum SearchRank {
  EXACT = 0,
  PREFIX = 1,
  CONTAINS = 2,
}

/**
 * The term as compared: Unicode NFC (Korean typed on some systems arrives as
 * separate jamo), trimmed, inner spaces collapsed, lower case. Empty means
 * "no search".
 */
export function normaliseSearchTerm(raw: string | null | undefined): string {
  return (raw ?? '').normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The best rank of `term` (already normalised) in any of `names`, or null when none contains it. */
export function searchRank(names: readonly string[], term: string): SearchRank | null {
  let best: SearchRank | null = null;
  for (const name of names) {
    const candidate = name.toLowerCase();
    const rank = candidate === term ? SearchRank.EXACT : candidate.startsWith(term) ? SearchRank.PREFIX : candidate.includes(term) ? SearchRank.CONTAINS : null;
    if (rank !== null && (best === null || rank < best)) best = rank;
  }
  return best;
}

/**
 * SQL for the same match over `columns` (e.g. `c.name_en`), comparing with
 * the bound parameter `:param` holding a normalised term. strpos, not LIKE,
 * so % and _ in a term are plain characters.
 */
export function searchSql(columns: readonly string[], param: string): { where: string; rank: string } {
  const lowered = columns.map((column) => `lower(${column})`);
  const any = (test: (column: string) => string) => lowered.map(test).join(' OR ');
  return {
    where: `(${any((c) => `strpos(${c}, :${param}) > 0`)})`,
    rank:
      `(CASE WHEN ${any((c) => `${c} = :${param}`)} THEN ${SearchRank.EXACT}` +
      ` WHEN ${any((c) => `starts_with(${c}, :${param})`)} THEN ${SearchRank.PREFIX}` +
      ` ELSE ${SearchRank.CONTAINS} END)`,
  };
}
