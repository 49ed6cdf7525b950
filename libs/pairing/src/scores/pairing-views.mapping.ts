import { BadInputError, Connection, decodeCursor, DEFAULT_PAGE_SIZE, encodeCursor, Language, LocalizedText, PageArgs } from '@app/core';
import { sourceIn } from '../evidence/evidence-common';
import {
  CityEvidence,
  cityEvidenceGaps,
  CityEvidenceGaps,
  compareStrings,
  confidenceLabel,
  JUDGED_CONFIDENCE,
  MIN_SIMILARITY_INDICATORS,
  PairExplanation,
  PairScoreResult,
  PILLARS,
  prepareCities,
  PreparedCity,
  ratePillars,
  starsFor,
  StarScale,
  Weights,
} from '../engine';
import { PairScore } from './pair-score.entity';
import { ConfidenceLabel, PairFilterInput, ShortlistRuleInput } from './pair-score.types';
import {
  CityEvidenceNeed,
  EvidenceGapKindView,
  GAPS_LISTED,
  NEEDS_EVIDENCE_CITIES,
  NeedsEvidence,
  PairExplanationView,
  PairScoreView,
  ShortlistCriterion,
  ShortlistMiss,
} from './pairing.views';

/*
 * Pure mapping from stored rows and engine results to the API's views: stars,
 * needs for evidence, shortlist misses, filters and in-memory pages. No reads.
 */

/** A stored pair, with its stars read on its comparison set's scale. */
export function viewOfRow(row: PairScore, scale: StarScale): PairScoreView {
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
      confidenceLabel: confidenceLabel(row.confidence).toUpperCase() as ConfidenceLabel,
    },
    sharedSectors: row.sharedSectors,
    computedAt: row.computedAt,
  };
}

export function viewOfResult(r: PairScoreResult, computedAt: Date | null): PairScoreView {
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
    judged: isJudged(r),
    overallStars: r.overallStars,
    minPillarStars: r.minPillarStars,
    coverage: {
      indicatorsUsed: r.coverage.indicatorsUsed,
      numericUsed: r.coverage.numericUsed,
      numericKnownA: r.coverage.numericKnownA,
      numericKnownB: r.coverage.numericKnownB,
      numericWeighted: r.coverage.numericWeighted,
      numericMinimum: MIN_SIMILARITY_INDICATORS,
      indicatorsWeighted: r.coverage.indicatorsWeighted,
      sectorsCompared: r.coverage.sectorsCompared,
      assessments: r.coverage.assessments,
      links: r.coverage.links,
      confidence: r.coverage.confidence,
      confidenceLabel: r.coverage.confidenceLabel.toUpperCase() as ConfidenceLabel,
    },
    sharedSectors: r.sharedSectors,
    computedAt,
  };
}

export const isJudged = (r: PairScoreResult) => r.coverage.confidence >= JUDGED_CONFIDENCE;

/** Needs evidence from pairs just computed: the unjudged ones the evidence could lift highest, and the cities' gaps. */
export function liveNeeds(results: PairScoreResult[], cities: CityEvidence[], weights: Weights, first: number): NeedsEvidence {
  const gaps = prepareByCountry(cities)
    .map((c) => cityEvidenceGaps(c, weights))
    .filter((g) => g.headroom > 0)
    .sort((p, q) => q.headroom - p.headroom || compareStrings(p.cityId, q.cityId));
  const unjudged = results.filter((r) => !isJudged(r)).sort((p, q) => q.potential - p.potential || compareStrings(p.pairKey, q.pairKey));
  return { pairs: unjudged.slice(0, first).map((r) => viewOfResult(r, null)), pairCount: unjudged.length, cities: gaps.slice(0, NEEDS_EVIDENCE_CITIES).map(needOfGaps) };
}

/** The engine's ranking order (rank.ts comparePairs) on single-pair results. */
export function rankOrder(a: PairScoreResult, b: PairScoreResult): number {
  return b.adjusted - a.adjusted || b.coverage.confidence - a.coverage.confidence || compareStrings(a.pairKey, b.pairKey);
}

/** Cities prepared within their own country (relative to its leader), as a ranking prepares them. */
function prepareByCountry(cities: readonly CityEvidence[]): PreparedCity[] {
  const byCountry = new Map<string, CityEvidence[]>();
  for (const c of cities) byCountry.set(c.countryCode, [...(byCountry.get(c.countryCode) ?? []), c]);
  return [...byCountry.values()].flatMap((group) => prepareCities(group));
}

export function needOfGaps(g: Pick<CityEvidenceGaps, 'cityId' | 'numericKnown' | 'numericWeighted' | 'minimumNumeric' | 'gaps' | 'headroom'>): CityEvidenceNeed {
  return {
    cityId: g.cityId,
    numericKnown: g.numericKnown,
    numericWeighted: g.numericWeighted,
    numericMinimum: g.minimumNumeric,
    headroom: g.headroom,
    gapCount: g.gaps.length,
    gaps: g.gaps.slice(0, GAPS_LISTED).map((gap) => ({ kind: gap.kind.toUpperCase() as EvidenceGapKindView, indicator: gap.key, pillar: gap.pillar, headroom: gap.headroom })),
  };
}

/** Each part of a shortlist rule a stored pair misses. */
export function missesOf(row: PairScore, rule: ShortlistRuleInput, scale: StarScale): ShortlistMiss[] {
  const missed: ShortlistMiss[] = [];
  const miss = (criterion: ShortlistCriterion, m: Partial<ShortlistMiss> = {}) => missed.push({ criterion, pillar: null, actual: null, required: null, sectors: [], ...m });
  if (row.confidence < JUDGED_CONFIDENCE) miss(ShortlistCriterion.JUDGED, { actual: row.confidence, required: JUDGED_CONFIDENCE });
  const view = viewOfRow(row, scale);
  for (const pillar of PILLARS) {
    const stars = view[pillar].stars;
    if (stars === null || stars < rule.minPillarStars) miss(ShortlistCriterion.PILLAR_STARS, { pillar, actual: stars, required: rule.minPillarStars });
  }
  if (rule.minCoverage !== undefined && row.confidence < rule.minCoverage) miss(ShortlistCriterion.COVERAGE, { actual: row.confidence, required: rule.minCoverage });
  if (rule.peerGroup !== undefined && (row.peerGroupA !== rule.peerGroup || row.peerGroupB !== rule.peerGroup)) miss(ShortlistCriterion.PEER_GROUP, { required: rule.peerGroup });
  const lacking = (rule.sectors ?? []).filter((s) => !row.sharedSectors.includes(s));
  if (lacking.length) miss(ShortlistCriterion.SECTORS, { sectors: lacking });
  return missed;
}

/** The explanation's view, its changes said in `language`. */
export function viewOfExplanation(e: PairExplanation, language: Language): PairExplanationView {
  const prov = (p: { source: string; asOf: string | null; enteredByUserId: string | null } | null) =>
    p ? { source: p.source, asOf: p.asOf, enteredByUserId: p.enteredByUserId } : null;
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
      summary: LocalizedText.of(l.summary),
      since: l.since,
      live: l.live !== false,
      provenance: { ...prov(l)!, source: sourceIn({ source: l.source, sourceKo: l.sourceKo ?? null }, language) },
    })),
    wouldRaise: e.whatWouldChange.raise.map(cf),
    wouldLower: e.whatWouldChange.lower.map(cf),
  };
}

export function applyFilter(results: PairScoreResult[], filter: PairFilterInput): PairScoreResult[] {
  return results.filter(
    (r) =>
      (filter.minCoverage === undefined || r.coverage.confidence >= filter.minCoverage) &&
      (filter.minStars === undefined || r.overallStars >= filter.minStars) &&
      (filter.minPillarStars === undefined || r.minPillarStars >= filter.minPillarStars) &&
      (!filter.sector || r.sharedSectors.includes(filter.sector)),
  );
}

/** The refusal of an `after` that no page of the list gave. */
export const NOT_A_CURSOR = { en: 'is not a cursor this list returned; start again without it.', ko: '이 목록이 준 커서가 아닙니다. 커서 없이 처음부터 다시 불러오세요.' };

/** In-memory pages over an already ranked list: the cursor carries the position. */
export function pageOf<T>(ranked: PairScoreResult[], page: PageArgs, view: (r: PairScoreResult) => T): Connection<T> {
  const first = page.first ?? DEFAULT_PAGE_SIZE;
  const start = page.after ? Number(decodeCursor(page.after)[1].split('@')[1]) : 0;
  if (!Number.isInteger(start) || start < 0) throw BadInputError.field('after', NOT_A_CURSOR);
  const slice = ranked.slice(start, start + first);
  const edges = slice.map((r, i) => ({ node: view(r), cursor: encodeCursor(r.adjusted, `${r.pairKey}@${start + i + 1}`) }));
  return {
    nodes: edges.map((e) => e.node),
    edges,
    totalCount: ranked.length,
    pageInfo: { hasNextPage: start + first < ranked.length, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
  };
}

export function mapConnection<A, B>(c: Connection<A>, f: (a: A) => B): Connection<B> {
  const edges = c.edges.map((e) => ({ cursor: e.cursor, node: f(e.node) }));
  return { ...c, edges, nodes: edges.map((e) => e.node) };
}
