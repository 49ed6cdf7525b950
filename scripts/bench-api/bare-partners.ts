import {
  buildBatch,
  calibrateStars,
  explainPair,
  indicatorLabel,
  inSentence,
  JUDGED_CONFIDENCE,
  MIN_SIMILARITY_INDICATORS,
  nationalLeaders,
  prepareCities,
  REPORT_DEFAULT_WEIGHTS,
  scoreBatch,
  sectorLabel,
  type CityEvidence,
  type PairExplanation,
  type PairScoreResult,
} from '@app/pairing/engine';
import { BareContext, once, rows } from './bare-context';
import { cityLoader, cityOf } from './bare-cities';
import { localized } from './bare-common';
import { mapConnection, pairPage, scaleOfStored, starScalesOf, viewOfRow, type StoredScale } from './bare-pairing';

/**
 * A city's best partners and one pair's explanation, as the explorer shows
 * them (libs/pairing: PairingResolver.partnersFor and pairScore,
 * PairingQueryService, PairScoresService, PairingComputeService.loadEvidence,
 * EvidenceService.loadCityEvidence, the mapping viewOfExplanation), under the
 * report's default weights. The scoring and the explanation are the engine's
 * own functions: the work, not the framework.
 */
const camel = (field: string) => field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const columns = (alias: string, fields: string[]) => fields.map((f) => `"${alias}"."${f}" AS "${alias}_${f}"`).join(', ');
const entity = <T>(r: Record<string, unknown>, alias: string, fields: string[]) => Object.fromEntries(fields.map((f) => [camel(f), r[`${alias}_${f}`]])) as T;
const placeholders = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `$${i + from}`).join(', ');
/** A `date` column as TypeORM hands it on: YYYY-MM-DD. */
const dateString = (value: unknown) =>
  value instanceof Date ? `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}` : (value as string);

const DEFINITION_FIELDS = [
  'key', 'label_en', 'label_ko', 'description_en', 'description_ko', 'unit_en', 'unit_ko', 'value_type', 'categories', 'higher_is_better', 'min_value', 'max_value', 'integer_only', 'position',
  'created_at', 'updated_at',
];
const READINESS_FIELDS = [
  'id', 'city_id', 'strategy', 'strategy_evidence', 'visible_home', 'visible_home_evidence', 'networks', 'networks_evidence', 'collaboration', 'collaboration_evidence', 'composite', 'source',
  'as_of', 'entered_by_user_id', 'created_at', 'superseded_at', 'superseded_by_id',
];
const ACTIVITY_FIELDS = ['city_id', 'sector_key', 'level', 'projects', 'source', 'as_of', 'entered_by_user_id', 'updated_at'];
const LINK_FIELDS = [
  'id', 'city_a_id', 'city_b_id', 'other_place', 'other_place_country_code', 'kind', 'partners', 'since', 'formality', 'summary_en', 'summary_ko', 'source', 'source_ko', 'as_of',
  'entered_by_user_id', 'seed_key', 'live', 'platform_ref', 'created_at', 'updated_at', 'deleted_at',
];
const SECTOR_FIELDS = ['key', 'name_en', 'name_ko', 'description_en', 'description_ko', 'in_report_taxonomy', 'position', 'created_at', 'updated_at'];
const CITY_COLUMNS =
  'SELECT "City"."id" AS "City_id", "City"."country_code" AS "City_country_code", "City"."name_en" AS "City_name_en", "City"."name_ko" AS "City_name_ko", "City"."peer_group" AS "City_peer_group", "City"."notes" AS "City_notes", "City"."created_at" AS "City_created_at", "City"."updated_at" AS "City_updated_at" FROM "city" "City"';

/** Under the default weights: no profile, no pillar weights (PairingQueryService.resolveWeights reads nothing then). */
async function defaultWeights() {
  return { weights: REPORT_DEFAULT_WEIGHTS, name: 'report-default', isDefault: true };
}

/** `partnersFor(city, first)` under the default weights, no filter: stored scores. */
export async function partnersFor(ctx: BareContext, cityId: string, first: number) {
  await defaultWeights();
  const [city] = (await rows(ctx, `${CITY_COLUMNS} WHERE (("City"."id" IN ($1)))`, [cityId])).map((r) => cityOf(r, 'City'));
  if (!city) throw new Error(`NOT_FOUND: city ${cityId}`);
  // The star scales of every comparison set of the city's country (PairScoresService.scalesOfCity; unused without star filters).
  const all = await rows(
    ctx,
    'SELECT "PairingStarScale"."countries" AS "PairingStarScale_countries", "PairingStarScale"."scale" AS "PairingStarScale_scale", "PairingStarScale"."judged" AS "PairingStarScale_judged", "PairingStarScale"."unjudged" AS "PairingStarScale_unjudged", "PairingStarScale"."computed_at" AS "PairingStarScale_computed_at" FROM "pairing_star_scale" "PairingStarScale"',
  );
  new Map(all.filter((r) => (r.PairingStarScale_countries as string).split('~').includes(city.countryCode)).map((r) => [r.PairingStarScale_countries, scaleOfStored(r.PairingStarScale_scale as StoredScale)]));
  const connection = await pairPage(ctx, `"p"."confidence" >= ${JUDGED_CONFIDENCE} AND ("p"."city_a_id" = $1 OR "p"."city_b_id" = $1)`, [cityId], first);
  const scales = await starScalesOf(ctx, connection.nodes.map((row) => row.countries));
  return mapConnection(
    mapConnection(connection, (row) => viewOfRow(row, scales.get(row.countries)!)),
    (view) => ({ partnerId: view.cityAId === cityId ? view.cityBId : view.cityAId, score: view }),
  );
}

/** Every indicator definition in display order, once per request, by key. */
const definitionsByKey = (ctx: BareContext) =>
  once(ctx, 'cities.definitionsByKey', async () => {
    const definitions = await once(ctx, 'cities.definitions', async () =>
      (
        await rows(ctx, `SELECT ${columns('IndicatorDefinition', DEFINITION_FIELDS)} FROM "indicator_definition" "IndicatorDefinition" ORDER BY "IndicatorDefinition"."position" ASC, "IndicatorDefinition"."key" ASC`)
      ).map((r) => entity<{ key: string; labelKo: string }>(r, 'IndicatorDefinition', DEFINITION_FIELDS)),
    );
    return new Map(definitions.map((d) => [d.key, d]));
  });

/** Every city's evidence in the engine's shape, in city-id order (PairingComputeService.loadEvidence). */
async function loadEvidence(ctx: BareContext): Promise<CityEvidence[]> {
  const [[cities, values], pairing] = await Promise.all([
    Promise.all([
      rows<{ id: string; country_code: string; peer_group: number | null }>(ctx, `SELECT id, country_code, peer_group FROM city ORDER BY id`),
      rows(ctx, `SELECT city_id, indicator_key, number_value, boolean_value, text_value, source, as_of::text AS as_of, entered_by_user_id
         FROM city_indicator_value ORDER BY city_id, indicator_key`),
    ]),
    loadCityEvidence(ctx),
  ]);
  const indicators = new Map<string, CityEvidence['indicators']>();
  for (const v of values) {
    const list = indicators.get(v.city_id as string) ?? [];
    list.push({
      key: v.indicator_key as string,
      value: (v.number_value ?? v.boolean_value ?? v.text_value ?? null) as number | boolean | string | null,
      source: v.source as string,
      asOf: v.as_of as string,
      enteredByUserId: (v.entered_by_user_id as string | null) ?? null,
    });
    indicators.set(v.city_id as string, list);
  }
  return cities.map((c) => {
    const e = pairing.get(c.id);
    return { cityId: c.id, countryCode: c.country_code, peerGroup: c.peer_group, indicators: indicators.get(c.id) ?? [], readiness: e?.readiness ?? null, sectors: e?.sectors ?? [], links: e?.links ?? [] };
  });
}

type PairingEvidence = Pick<CityEvidence, 'readiness' | 'sectors' | 'links'>;

/** Readiness, sectors and links of every city, one read after another (EvidenceService.loadCityEvidence). */
async function loadCityEvidence(ctx: BareContext): Promise<Map<string, PairingEvidence>> {
  const ids = (await rows<{ City_id: string }>(ctx, `SELECT "City"."id" AS "City_id" FROM "city" "City" ORDER BY "City_id" ASC`)).map((r) => r.City_id);
  const result = new Map<string, PairingEvidence>();
  if (ids.length === 0) return result;
  for (const id of ids) result.set(id, { readiness: null, sectors: [], links: [] });
  const n = ids.length;
  const assessments = (
    await rows(ctx, `SELECT ${columns('ReadinessAssessment', READINESS_FIELDS)} FROM "readiness_assessment" "ReadinessAssessment" WHERE (("ReadinessAssessment"."city_id" IN (${placeholders(n)})) AND ("ReadinessAssessment"."superseded_at" IS NULL))`, ids)
  ).map((r) => entity<Record<string, unknown>>(r, 'ReadinessAssessment', READINESS_FIELDS));
  const activity = (
    await rows(ctx, `SELECT ${columns('SectorActivity', ACTIVITY_FIELDS)} FROM "sector_activity" "SectorActivity" WHERE (("SectorActivity"."city_id" IN (${placeholders(n)}))) ORDER BY "SectorActivity"."city_id" ASC, "SectorActivity"."sector_key" ASC`, ids)
  ).map((r) => entity<Record<string, unknown>>(r, 'SectorActivity', ACTIVITY_FIELDS));
  const links = (
    await rows(
      ctx,
      `SELECT ${columns('l', LINK_FIELDS)} FROM "city_link" "l" WHERE ( "l"."city_b_id" IS NOT NULL AND ("l"."city_a_id" IN (${placeholders(n)}) OR "l"."city_b_id" IN (${placeholders(n, n + 1)})) ) AND ( "l"."deleted_at" IS NULL ) ORDER BY "l"."formality" DESC, "l"."id" ASC`,
      [...ids, ...ids],
    )
  ).map((r) => entity<Record<string, unknown>>(r, 'l', LINK_FIELDS));
  for (const a of assessments) {
    result.get(a.cityId as string)!.readiness = {
      strategy: a.strategy as number,
      visibleHome: a.visibleHome as number,
      networks: a.networks as number,
      collaboration: a.collaboration as number,
      source: a.source as string,
      asOf: dateString(a.asOf),
      enteredByUserId: a.enteredByUserId as string | null,
    };
  }
  for (const s of activity) {
    result.get(s.cityId as string)?.sectors.push({
      sector: s.sectorKey as string,
      level: s.level as never,
      projects: (s.projects as Array<{ title: string; summary?: string }>).map((p) => (p.summary ? { title: p.title, summary: p.summary } : { title: p.title })),
      source: s.source as string,
      asOf: dateString(s.asOf),
      enteredByUserId: s.enteredByUserId as string | null,
    });
  }
  for (const link of links) {
    for (const [self, other] of [
      [link.cityAId as string, link.cityBId as string],
      [link.cityBId as string, link.cityAId as string],
    ]) {
      result.get(self)?.links.push({
        id: link.id as string,
        otherCityId: other,
        kind: link.kind as never,
        partners: [...(link.partners as string[])],
        formality: link.formality as never,
        summary: { en: link.summaryEn as string, ko: link.summaryKo as string },
        since: link.since as number | null,
        live: link.live as boolean,
        source: link.source as string,
        sourceKo: link.sourceKo as string | null,
        asOf: dateString(link.asOf),
        enteredByUserId: link.enteredByUserId as string | null,
      });
    }
  }
  return result;
}

/** `pairScore(cityA, cityB)` under the default weights: computed now from the evidence, with its explanation. */
export async function pairScore(ctx: BareContext, cityA: string, cityB: string) {
  const { weights, name } = await defaultWeights();
  const [cities, definitions] = await Promise.all([cityLoader(ctx).loadMany([cityA, cityB]), definitionsByKey(ctx)]);
  const names = new Map(cities.flatMap((c) => (c && !(c instanceof Error) ? [[c.id, { en: c.nameEn, ko: c.nameKo }] as const] : [])));
  if (cityA === cityB) throw new Error('BAD_USER_INPUT: cityB');
  const evidence = await loadEvidence(ctx);
  const a = evidence.find((c) => c.cityId === cityA);
  const b = evidence.find((c) => c.cityId === cityB);
  if (!a || !b) throw new Error('NOT_FOUND: city');
  if (a.countryCode === b.countryCode) throw new Error('BAD_USER_INPUT: cityB must be in another country');
  const both = evidence.filter((c) => c.countryCode === a.countryCode || c.countryCode === b.countryCode);
  const prepared = prepareCities(both);
  const batch = buildBatch(
    both.filter((c) => c.countryCode === a.countryCode),
    both.filter((c) => c.countryCode === b.countryCode),
  );
  const scale = calibrateStars(scoreBatch(batch, weights), weights);
  const sectorKeys = [...new Set([...a.sectors, ...b.sectors].map((s) => s.sector))];
  const sectors = sectorKeys.length
    ? (await rows(ctx, `SELECT ${columns('Sector', SECTOR_FIELDS)} FROM "sector" "Sector" WHERE (("Sector"."key" IN (${placeholders(sectorKeys.length)})))`, sectorKeys)).map((r) =>
        entity<{ key: string; nameEn: string; nameKo: string }>(r, 'Sector', SECTOR_FIELDS),
      )
    : [];
  const sectorNames = new Map(sectorKeys.flatMap((key) => sectors.filter((s) => s.key === key).map((s) => [s.key, { en: inSentence(s.nameEn), ko: s.nameKo }] as const)));
  const explanation = explainPair(prepared.find((c) => c.cityId === cityA)!, prepared.find((c) => c.cityId === cityB)!, weights, {
    names: {
      city: (id) => names.get(id) ?? { en: id, ko: id },
      indicator: (key) => ({ en: indicatorLabel(key), ko: definitions.get(key)?.labelKo ?? indicatorLabel(key) }),
      sector: (key) => sectorNames.get(key) ?? { en: sectorLabel(key), ko: sectorLabel(key) },
    },
    scale,
    leaders: nationalLeaders(prepared),
  });
  return { score: viewOfResult(explanation.score), explanation: viewOfExplanation(explanation, ctx.language), profile: name };
}

/** An engine result as the API's PairScore (the platform's viewOfResult). */
function viewOfResult(r: PairScoreResult) {
  return {
    pairKey: r.pairKey,
    cityAId: r.cityAId,
    cityBId: r.cityBId,
    similarity: r.pillars.similarity,
    internationalisation: r.pillars.internationalisation,
    synergy: r.pillars.synergy,
    relationship: r.pillars.relationship,
    overall: r.overall,
    adjusted: r.adjusted,
    potential: r.potential,
    judged: r.coverage.confidence >= JUDGED_CONFIDENCE,
    overallStars: r.overallStars,
    minPillarStars: r.minPillarStars,
    coverage: { ...r.coverage, numericMinimum: MIN_SIMILARITY_INDICATORS, confidenceLabel: r.coverage.confidenceLabel.toUpperCase() },
    sharedSectors: r.sharedSectors,
    computedAt: null,
  };
}

/** The explanation's view, its changes said in `language` (the platform's viewOfExplanation). */
function viewOfExplanation(e: PairExplanation, language: 'en' | 'ko') {
  const prov = (p: { source: string; asOf: string | null; enteredByUserId: string | null } | null) => (p ? { source: p.source, asOf: p.asOf, enteredByUserId: p.enteredByUserId } : null);
  const raw = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const readiness = (r: PairExplanation['internationalisation']['a']) =>
    r ? { strategy: r.strategy, visibleHome: r.visibleHome, networks: r.networks, collaboration: r.collaboration, composite: r.composite, provenance: prov(r.provenance)! } : null;
  const cf = (c: PairExplanation['whatWouldChange']['raise'][number]) => ({
    id: c.id,
    pillar: c.pillar,
    description: c.description[language],
    overall: c.overall,
    adjusted: c.adjusted,
    overallStars: c.overallStars,
    delta: c.delta,
  });
  const leader = (l: { cityId: string; numeric: number } | null) => (l ? { cityId: l.cityId, value: l.numeric } : null);
  return {
    indicators: e.similarity.indicators.map((i) => ({
      key: i.key,
      label: i.label,
      rawA: raw(i.rawA),
      rawB: raw(i.rawB),
      relativeA: i.relativeA,
      relativeB: i.relativeB,
      difference: i.difference,
      weight: i.weight,
      contribution: i.contribution,
      used: i.used,
      missing: i.missing,
      provenanceA: prov(i.provenanceA),
      provenanceB: prov(i.provenanceB),
      numeric: i.numeric,
      leaderA: leader(i.leaderA),
      leaderB: leader(i.leaderB),
    })),
    readinessA: readiness(e.internationalisation.a),
    readinessB: readiness(e.internationalisation.b),
    sharedSectors: e.synergy.shared.map((s) => ({
      sector: s.sector,
      label: s.label,
      levelA: s.levelA,
      levelB: s.levelB,
      contribution: s.contribution,
      projectsA: s.evidenceA.flatMap((x) => x.projects.map((p) => ({ title: p.title, summary: p.summary ?? null }))),
      projectsB: s.evidenceB.flatMap((x) => x.projects.map((p) => ({ title: p.title, summary: p.summary ?? null }))),
      provenance: [...s.evidenceA, ...s.evidenceB].map((x) => prov(x)!),
    })),
    sectorsOnlyA: e.synergy.onlyA,
    sectorsOnlyB: e.synergy.onlyB,
    links: e.relationship.links.map((l) => ({
      id: l.id,
      kind: l.kind,
      partners: l.partners,
      formality: l.formality,
      summary: localized(l.summary),
      since: l.since,
      live: l.live !== false,
      provenance: { ...prov(l)!, source: (language === 'ko' && l.sourceKo) || l.source },
    })),
    wouldRaise: e.whatWouldChange.raise.map(cf),
    wouldLower: e.whatWouldChange.lower.map(cf),
  };
}

export const partnerResolvers = {
  PartnerSuggestion: {
    partner: (suggestion: { partnerId: string }, _: unknown, ctx: BareContext) => cityLoader(ctx).load(suggestion.partnerId),
  },
  PairScore: {
    cityA: (score: { cityAId: string }, _: unknown, ctx: BareContext) => cityLoader(ctx).load(score.cityAId),
    cityB: (score: { cityBId: string }, _: unknown, ctx: BareContext) => cityLoader(ctx).load(score.cityBId),
  },
};

