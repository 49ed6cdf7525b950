import { absoluteStarScale, confidenceLabel, JUDGED_CONFIDENCE, MIN_SIMILARITY_INDICATORS, ratePillars, REPORT_DEFAULT_WEIGHTS, starsFor, type StarCuts, type StarScale } from '@app/pairing/engine';
import { BareContext, encodeCursor, lazyCount, rows } from './bare-context';
import { countriesByCode } from './bare-cities';

/**
 * Stored pair scores under the report's default weights, as the platform reads
 * them (libs/pairing: PairingQueryService, PairScoresService, and the mapping
 * viewOfRow, which sits beside Nest's object types there).
 */
const PAIR_COLUMNS =
  'SELECT "p"."pair_key" AS "p_pair_key", "p"."city_a_id" AS "p_city_a_id", "p"."city_b_id" AS "p_city_b_id", "p"."countries" AS "p_countries", "p"."peer_group_a" AS "p_peer_group_a", "p"."peer_group_b" AS "p_peer_group_b", "p"."similarity" AS "p_similarity", "p"."internationalisation" AS "p_internationalisation", "p"."synergy" AS "p_synergy", "p"."relationship" AS "p_relationship", "p"."overall" AS "p_overall", "p"."adjusted" AS "p_adjusted", "p"."potential" AS "p_potential", "p"."similarity_evidence" AS "p_similarity_evidence", "p"."indicators_used" AS "p_indicators_used", "p"."numeric_used" AS "p_numeric_used", "p"."numeric_known_a" AS "p_numeric_known_a", "p"."numeric_known_b" AS "p_numeric_known_b", "p"."numeric_weighted" AS "p_numeric_weighted", "p"."indicators_weighted" AS "p_indicators_weighted", "p"."sectors_compared" AS "p_sectors_compared", "p"."assessments" AS "p_assessments", "p"."links" AS "p_links", "p"."confidence" AS "p_confidence", "p"."shared_sectors" AS "p_shared_sectors", "p"."computed_at" AS "p_computed_at" FROM "pair_score" "p"';
const SCALE_COLUMNS =
  'SELECT "PairingStarScale"."countries" AS "PairingStarScale_countries", "PairingStarScale"."scale" AS "PairingStarScale_scale", "PairingStarScale"."judged" AS "PairingStarScale_judged", "PairingStarScale"."unjudged" AS "PairingStarScale_unjudged", "PairingStarScale"."computed_at" AS "PairingStarScale_computed_at" FROM "pairing_star_scale" "PairingStarScale"';
const JUDGED = `"p"."confidence" >= ${JUDGED_CONFIDENCE}`;

export type StoredScale = Record<keyof StarScale, [number | null, number | null]>;

export function scaleOfStored(stored: StoredScale | null | undefined): StarScale {
  if (!stored) return absoluteStarScale(REPORT_DEFAULT_WEIGHTS);
  const cuts = (c: [number | null, number | null]): StarCuts => [c[0] ?? Infinity, c[1] ?? Infinity];
  return { similarity: cuts(stored.similarity), internationalisation: cuts(stored.internationalisation), synergy: cuts(stored.synergy), relationship: cuts(stored.relationship), overall: cuts(stored.overall) };
}

export async function starScale(ctx: BareContext, countries: string): Promise<StarScale> {
  const [row] = await rows(ctx, `${SCALE_COLUMNS} WHERE (("PairingStarScale"."countries" = $1)) LIMIT 1`, [countries]);
  return scaleOfStored(row?.PairingStarScale_scale as StoredScale | undefined);
}

export async function starScalesOf(ctx: BareContext, countries: readonly string[]): Promise<Map<string, StarScale>> {
  const keys = [...new Set(countries)];
  const placeholders = keys.map((_, i) => `$${i + 1}`).join(', ');
  const found = keys.length ? await rows(ctx, `SELECT "s"."countries" AS "s_countries", "s"."scale" AS "s_scale", "s"."judged" AS "s_judged", "s"."unjudged" AS "s_unjudged", "s"."computed_at" AS "s_computed_at" FROM "pairing_star_scale" "s" WHERE "s"."countries" IN (${placeholders})`, keys) : [];
  const byKey = new Map(found.map((r) => [r.s_countries as string, r.s_scale as StoredScale]));
  return new Map(keys.map((k) => [k, scaleOfStored(byKey.get(k))]));
}

export interface PairRow {
  pairKey: string;
  cityAId: string;
  cityBId: string;
  countries: string;
  similarity: number | null;
  internationalisation: number | null;
  synergy: number | null;
  relationship: number | null;
  overall: number;
  adjusted: number;
  potential: number;
  similarityEvidence: number;
  indicatorsUsed: number;
  numericUsed: number;
  numericKnownA: number;
  numericKnownB: number;
  numericWeighted: number;
  indicatorsWeighted: number;
  sectorsCompared: number;
  assessments: number;
  links: number;
  confidence: number;
  sharedSectors: string[];
  computedAt: Date;
}

export const pairOf = (r: Record<string, unknown>): PairRow => ({
  pairKey: r.p_pair_key as string,
  cityAId: r.p_city_a_id as string,
  cityBId: r.p_city_b_id as string,
  countries: r.p_countries as string,
  similarity: r.p_similarity as number | null,
  internationalisation: r.p_internationalisation as number | null,
  synergy: r.p_synergy as number | null,
  relationship: r.p_relationship as number | null,
  overall: r.p_overall as number,
  adjusted: r.p_adjusted as number,
  potential: r.p_potential as number,
  similarityEvidence: r.p_similarity_evidence as number,
  indicatorsUsed: r.p_indicators_used as number,
  numericUsed: r.p_numeric_used as number,
  numericKnownA: r.p_numeric_known_a as number,
  numericKnownB: r.p_numeric_known_b as number,
  numericWeighted: r.p_numeric_weighted as number,
  indicatorsWeighted: r.p_indicators_weighted as number,
  sectorsCompared: r.p_sectors_compared as number,
  assessments: r.p_assessments as number,
  links: r.p_links as number,
  confidence: r.p_confidence as number,
  sharedSectors: r.p_shared_sectors as string[],
  computedAt: r.p_computed_at as Date,
});

/** A stored pair with its stars on its comparison set's scale (the platform's viewOfRow). */
export function viewOfRow(row: PairRow, scale: StarScale) {
  const { pillars, minPillarStars } = ratePillars(
    {
      similarity: { score: row.similarity, evidence: row.similarity === null ? 0 : row.similarityEvidence },
      internationalisation: { score: row.internationalisation, evidence: row.internationalisation === null ? 0 : 1 },
      synergy: { score: row.synergy, evidence: row.synergy === null ? 0 : 1 },
      relationship: { score: row.relationship, evidence: row.relationship === null ? 0 : 1 },
    },
    scale,
  );
  return {
    pairKey: row.pairKey,
    cityAId: row.cityAId,
    cityBId: row.cityBId,
    ...pillars,
    overall: row.overall,
    adjusted: row.adjusted,
    potential: row.potential,
    judged: row.confidence >= JUDGED_CONFIDENCE,
    overallStars: starsFor(row.adjusted, scale.overall),
    minPillarStars,
    coverage: {
      indicatorsUsed: row.indicatorsUsed,
      numericUsed: row.numericUsed,
      numericKnownA: row.numericKnownA,
      numericKnownB: row.numericKnownB,
      numericWeighted: row.numericWeighted,
      numericMinimum: MIN_SIMILARITY_INDICATORS,
      indicatorsWeighted: row.indicatorsWeighted,
      sectorsCompared: row.sectorsCompared,
      assessments: row.assessments,
      links: row.links,
      confidence: row.confidence,
      confidenceLabel: confidenceLabel(row.confidence).toUpperCase(),
    },
    sharedSectors: row.sharedSectors,
    computedAt: row.computedAt,
  };
}

/** Keyset page of stored pairs on (adjusted, confidence, pair key), all descending (PairScoresService.page); `where` and its values. */
export async function pairPage(ctx: BareContext, where: string, values: unknown[], first: number) {
  const found = (await rows(ctx, `${PAIR_COLUMNS} WHERE ${where} ORDER BY "p"."adjusted" DESC, "p"."confidence" DESC, "p"."pair_key" DESC LIMIT ${first + 1}`, values)).map(pairOf);
  const nodes = found.slice(0, first);
  const edges = nodes.map((node) => ({ node, cursor: encodeCursor(JSON.stringify([node.adjusted, node.confidence]), node.pairKey) }));
  return {
    nodes,
    edges,
    totalCount: lazyCount(async () => Number((await rows<{ cnt: string }>(ctx, `SELECT COUNT(1) AS "cnt" FROM "pair_score" "p" WHERE ${where}`, values))[0].cnt)),
    pageInfo: { hasNextPage: found.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
  };
}

/** Maps a connection's nodes and edges' nodes alike (the platform's mapConnection). */
export function mapConnection<T, U>(connection: { nodes: T[]; edges: Array<{ cursor: string; node: T }>; totalCount: PromiseLike<number>; pageInfo: unknown }, map: (node: T) => U) {
  const mapped = connection.nodes.map(map);
  return { ...connection, nodes: mapped, edges: connection.edges.map((edge, i) => ({ cursor: edge.cursor, node: mapped[i] })) };
}

/** `pairRanking(countryA, countryB, first)` under the default weights, no filter: the countries checked in one read, the scale read once. */
export async function pairRanking(ctx: BareContext, countryA: string, countryB: string, first: number) {
  const [x, y] = [countryA.toUpperCase(), countryB.toUpperCase()];
  const found = await countriesByCode(ctx, [x, y]);
  const missing = [x, y].findIndex((_, i) => !found[i]);
  if (missing >= 0) throw new Error(`NOT_FOUND: country ${[x, y][missing]}`);
  const countries = [x, y].sort().join('~');
  const scale = await starScale(ctx, countries);
  const connection = await pairPage(ctx, `${JUDGED} AND "p"."countries" = $1`, [countries], first);
  return mapConnection(connection, (row) => viewOfRow(row, scale));
}
