import { PreparedCity } from './prepare';
import {
  ConfidenceLevel,
  LinkEvidence,
  PairCoverage,
  PairScoreResult,
  PillarKey,
  PILLARS,
  PillarResult,
  SectorLevel,
  StarCuts,
  Stars,
  StarScale,
  Weights,
} from './types';
import {
  compareStrings,
  CONFIDENCE_HIGH,
  CONFIDENCE_MEDIUM,
  isNumericIndicator,
  MAX_FORMALITY,
  MIN_SIMILARITY_INDICATORS,
  RELATIONSHIP_STAR_CUTS,
  REPORT_DEFAULT_WEIGHTS,
  starsFor,
  SYNERGY_SATURATION,
  validateWeights,
  weightedIndicators,
} from './weights';

/**
 * Scoring of one city pair on the report's four pillars. The batch scorer
 * (batch-score.ts) performs exactly the same floating-point operations in the same
 * order, so both give identical numbers; keep them in step (batch.spec.ts
 * checks it on the report's 28 cities).
 */

/** The part of a prepared city the pillars read; counterfactuals build modified copies of it. */
export type CityTerms = Pick<PreparedCity, 'cityId' | 'relative' | 'readinessShare' | 'sectorLevels' | 'hasSectorEvidence'>;

/** Choice 10: the stable reference of a pair, the two city ids sorted and joined with `~`. */
export function pairKey(cityA: string, cityB: string): string {
  return cityA <= cityB ? `${cityA}~${cityB}` : `${cityB}~${cityA}`;
}

// --- Pillar 1: similarity ---------------------------------------------------

export interface SimilarityResult {
  /** null when fewer than MIN_SIMILARITY_INDICATORS numeric indicators are known for both cities. */
  score: number | null;
  indicatorsUsed: number;
  /** Numeric (not yes/no) indicators among those used. */
  numericUsed: number;
  /** Σ weights of the indicators used. */
  weightUsed: number;
}

/**
 * Choice 2: over the weighted indicators known for both cities (missing for
 * either = left out, never 0), d = |r_a − r_b| clipped to [0, 1];
 * similarity = 1 − Σ w·d / Σ w. Null unless at least MIN_SIMILARITY_INDICATORS
 * numeric indicators are known for both: yes/no flags alone never make one.
 * `weighted` must be in canonical order (weightedIndicators()).
 */
export function similarityPillar(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>, weighted: ReadonlyArray<readonly [string, number]>): SimilarityResult {
  let sw = 0;
  let swd = 0;
  let used = 0;
  let numeric = 0;
  for (const [key, w] of weighted) {
    const ra = a.get(key);
    const rb = b.get(key);
    if (ra === undefined || rb === undefined) continue;
    let d = Math.abs(ra - rb);
    if (d > 1) d = 1;
    sw += w;
    swd += w * d;
    used++;
    if (isNumericIndicator(key)) numeric++;
  }
  return { score: numeric >= MIN_SIMILARITY_INDICATORS ? 1 - swd / sw : null, indicatorsUsed: used, numericUsed: numeric, weightUsed: sw };
}

/** Weighted numeric indicators a city has a figure for. */
export function numericKnown(relative: ReadonlyMap<string, number>, weighted: ReadonlyArray<readonly [string, number]>): number {
  let n = 0;
  for (const [key] of weighted) if (isNumericIndicator(key) && relative.has(key)) n++;
  return n;
}

// --- Pillar 2: internationalisation -----------------------------------------

/**
 * Choice 3: with n = composite / 14 for each city, score =
 * 0.5·(1 − |n_a − n_b|) + 0.5·(n_a + n_b)/2: half closeness, half level.
 * Null when either city has no assessment.
 */
export function internationalisationPillar(na: number | null, nb: number | null): number | null {
  if (na === null || nb === null) return null;
  return 0.5 * (1 - Math.abs(na - nb)) + 0.5 * ((na + nb) / 2);
}

// --- Pillar 3: synergy ------------------------------------------------------

/** Kinds of activity a level stands for: 1 or 2 → 1, 3 (both) → 2. */
export function activityWeight(level: SectorLevel): number {
  return level === 3 ? 2 : 1;
}

export interface SynergyResult {
  score: number | null;
  /** Sorted keys of the sectors where both are active. */
  shared: string[];
  /** Union of both cities' active sectors when both have evidence, else 0. */
  sectorsCompared: number;
}

/**
 * Choice 4: a shared sector contributes (w_a + w_b)/4 in [0.5, 1];
 * synergy = min(1, Σ / SYNERGY_SATURATION). Null when either city has no
 * sector evidence at all; 0 when both have some but share none.
 */
export function synergyPillar(a: Pick<CityTerms, 'sectorLevels' | 'hasSectorEvidence'>, b: Pick<CityTerms, 'sectorLevels' | 'hasSectorEvidence'>): SynergyResult {
  if (!a.hasSectorEvidence || !b.hasSectorEvidence) return { score: null, shared: [], sectorsCompared: 0 };
  const shared: string[] = [];
  let union = a.sectorLevels.size;
  for (const key of b.sectorLevels.keys()) {
    if (a.sectorLevels.has(key)) shared.push(key);
    else union++;
  }
  shared.sort(compareStrings);
  let total = 0;
  for (const key of shared) total += (activityWeight(a.sectorLevels.get(key)!) + activityWeight(b.sectorLevels.get(key)!)) / 4;
  return { score: Math.min(1, total / SYNERGY_SATURATION), shared, sectorsCompared: union };
}

// --- Pillar 4: relationship -------------------------------------------------

/**
 * The distinct links between two cities: those each city lists towards the
 * other, deduplicated by link id (the first city's copy wins), in id order.
 */
export function linksBetween(a: Pick<PreparedCity, 'cityId' | 'evidence'>, b: Pick<PreparedCity, 'cityId' | 'evidence'>): LinkEvidence[] {
  return allLinksBetween(a, b).filter(isLive);
}

/** A link is live unless marked as history (live: false). */
export const isLive = (l: Pick<LinkEvidence, 'live'>): boolean => l.live !== false;

/** Every link between two cities, live and history, deduplicated by id, in id order: what explanations show. */
export function allLinksBetween(a: Pick<PreparedCity, 'cityId' | 'evidence'>, b: Pick<PreparedCity, 'cityId' | 'evidence'>): LinkEvidence[] {
  const byId = new Map<string, LinkEvidence>();
  for (const l of a.evidence.links) if (l.otherCityId === b.cityId && !byId.has(l.id)) byId.set(l.id, l);
  for (const l of b.evidence.links) if (l.otherCityId === a.cityId && !byId.has(l.id)) byId.set(l.id, l);
  return [...byId.values()].sort((x, y) => compareStrings(x.id, y.id));
}

/** Formality clipped to the 0–4 scale (non-numbers count as 0). */
export function clampFormality(f: number): number {
  return Number.isFinite(f) ? Math.min(MAX_FORMALITY, Math.max(0, f)) : 0;
}

/**
 * Choice 5: the highest formality among the links / 4; 0 when there is none
 * (no visible evidence is the report's 0), never null.
 */
export function relationshipPillar(formalities: Iterable<number>): number {
  let max = 0;
  for (const f of formalities) {
    const c = clampFormality(f);
    if (c > max) max = c;
  }
  return max / MAX_FORMALITY;
}

// --- Combination ------------------------------------------------------------

export function confidenceLabel(confidence: number): ConfidenceLevel {
  return confidence >= CONFIDENCE_HIGH ? 'high' : confidence >= CONFIDENCE_MEDIUM ? 'medium' : 'low';
}

/** Choice 6: Σ w_p·s_p / Σ w_p over the pillars with weight > 0 and a score; 0 when none. The observed score. */
export function combinePillars(scores: Record<PillarKey, number | null>, weights: Weights): number {
  let sum = 0;
  let wsum = 0;
  for (const p of PILLARS) {
    const w = weights.pillars[p];
    const s = scores[p];
    if (w > 0 && s !== null) {
      sum += w * s;
      wsum += w;
    }
  }
  return wsum > 0 ? Math.min(1, sum / wsum) : 0;
}

/**
 * Choice 7: the ranking score, Σ W_p·e_p·s_p / Σ W_p over the pillars with weight > 0 (a pillar with
 * no score adds 0). The lowest score the missing evidence could give: missing evidence can never
 * lift a pair, and agreeing evidence can only raise it.
 */
export function rankingScore(scores: Record<PillarKey, number | null>, evidence: Record<PillarKey, number>, weights: Weights): number {
  let sum = 0;
  let wsum = 0;
  for (const p of PILLARS) {
    const w = weights.pillars[p];
    if (w > 0) {
      const s = scores[p];
      if (s !== null) sum += w * evidence[p] * s;
      wsum += w;
    }
  }
  return wsum > 0 ? Math.min(1, sum / wsum) : 0;
}

/**
 * Choice 7: confidence = Σ_p W_p·e_p / Σ_p W_p over pillars with weight > 0,
 * where e is the share of the pillar's evidence present (pillarEvidence()).
 */
export function confidenceOf(evidence: Record<PillarKey, number>, weights: Weights): number {
  let sum = 0;
  let wsum = 0;
  for (const p of PILLARS) {
    const w = weights.pillars[p];
    if (w > 0) {
      sum += w * evidence[p];
      wsum += w;
    }
  }
  return wsum > 0 ? sum / wsum : 0;
}

/**
 * Choice 7: the share of each pillar's evidence present. Similarity: Σ w of the indicators used /
 * Σ w of the indicators weighted, once the minimum is met (else 0); internationalisation and synergy:
 * 1 when both cities have the evidence, else 0; relationship: 1 (no visible link is itself the
 * report's evidence "0").
 */
export function pillarEvidence(sim: SimilarityResult, totalWeight: number, intl: number | null, syn: number | null): Record<PillarKey, number> {
  return {
    similarity: sim.score !== null && totalWeight > 0 ? sim.weightUsed / totalWeight : 0,
    internationalisation: intl === null ? 0 : 1,
    synergy: syn === null ? 0 : 1,
    relationship: 1,
  };
}

/** Star cut points for a pair scored alone: the profile's thresholds on [0, 1], the rubric for relationship. */
export function absoluteStarScale(weights: Weights): StarScale {
  const t = weights.starThresholds;
  return { similarity: t, internationalisation: t, synergy: t, relationship: RELATIONSHIP_STAR_CUTS, overall: t };
}

function pillarResult(score: number | null, evidence: number, cuts: StarCuts): PillarResult {
  return { score, stars: score === null ? null : starsFor(score, cuts), evidence };
}

/** The lowest star rating over the four pillars; 0 when one has no score. */
export function minPillarStarsOf(pillars: Record<PillarKey, PillarResult>): 0 | Stars {
  let min: 0 | Stars = 3;
  for (const p of PILLARS) {
    const s = pillars[p].stars;
    if (s === null) return 0;
    if (s < min) min = s;
  }
  return min;
}

/** Σ of the weights of the weighted indicators, in canonical order (the batch sums the same way). */
export function totalIndicatorWeight(weighted: ReadonlyArray<readonly [string, number]>): number {
  let t = 0;
  for (const [, w] of weighted) t += w;
  return t;
}

/**
 * Scores a pair from its terms. `a` and `b` must already be in canonical
 * order (a.cityId < b.cityId); `links` are the links between them.
 * Internal to the engine: the counterfactuals call it on modified terms.
 */
export function scoreTerms(
  a: CityTerms,
  b: CityTerms,
  links: readonly Pick<LinkEvidence, 'formality'>[],
  weights: Weights,
  weighted: ReadonlyArray<readonly [string, number]> = weightedIndicators(weights),
  scale: StarScale = absoluteStarScale(weights),
): PairScoreResult {
  const sim = similarityPillar(a.relative, b.relative, weighted);
  const intl = internationalisationPillar(a.readinessShare, b.readinessShare);
  const syn = synergyPillar(a, b);
  const rel = relationshipPillar(links.map((l) => l.formality));
  const scores: Record<PillarKey, number | null> = { similarity: sim.score, internationalisation: intl, synergy: syn.score, relationship: rel };

  const totalW = totalIndicatorWeight(weighted);
  const evidence = pillarEvidence(sim, totalW, intl, syn.score);
  const overall = combinePillars(scores, weights);
  const adjusted = rankingScore(scores, evidence, weights);
  const confidence = confidenceOf(evidence, weights);
  const pillars = {} as Record<PillarKey, PillarResult>;
  for (const p of PILLARS) pillars[p] = pillarResult(scores[p], evidence[p], scale[p]);

  const assessments = (a.readinessShare === null ? 0 : 1) + (b.readinessShare === null ? 0 : 1);
  const numericWeighted = weighted.filter(([key]) => isNumericIndicator(key)).length;
  const coverage: PairCoverage = {
    indicatorsUsed: sim.indicatorsUsed,
    numericUsed: sim.numericUsed,
    numericKnownA: numericKnown(a.relative, weighted),
    numericKnownB: numericKnown(b.relative, weighted),
    numericWeighted,
    indicatorsWeighted: weighted.length,
    sectorsCompared: syn.sectorsCompared,
    sharedSectors: syn.shared.length,
    assessments,
    links: links.length,
    confidence,
    confidenceLabel: confidenceLabel(confidence),
  };
  return {
    pairKey: pairKey(a.cityId, b.cityId),
    cityAId: a.cityId,
    cityBId: b.cityId,
    pillars,
    overall,
    adjusted,
    potential: Math.min(1, adjusted + (1 - confidence)),
    overallStars: starsFor(adjusted, scale.overall),
    minPillarStars: minPillarStarsOf(pillars),
    coverage,
    sharedSectors: syn.shared,
  };
}

/** The two cities in canonical (id) order. */
export function canonicalPair<T extends { cityId: string }>(a: T, b: T): [T, T] {
  return a.cityId <= b.cityId ? [a, b] : [b, a];
}

/**
 * Scores one pair of prepared cities (prepareCities() on all the cities of
 * both countries, so relative values are to the national leaders).
 * Symmetric: scorePair(a, b) and scorePair(b, a) are the same result.
 */
export function scorePair(a: PreparedCity, b: PreparedCity, weights: Weights = REPORT_DEFAULT_WEIGHTS, scale: StarScale = absoluteStarScale(weights)): PairScoreResult {
  validateWeights(weights);
  if (a.cityId === b.cityId) throw new RangeError(`A pair needs two different cities (got ${a.cityId} twice).`);
  const [x, y] = canonicalPair(a, b);
  return scoreTerms(x, y, linksBetween(x, y), weights, weightedIndicators(weights), scale);
}
