import { PILLARS, Stars, Weights } from './types';

/**
 * The report's weights ("report-default" profile) and the constants of the
 * method. Every choice the report leaves open is named here and explained in
 * libs/pairing/METHOD.md.
 */

/**
 * Indicator weights of pillar 1 (choice 1). Inherited assets carry full
 * weight, current performance half weight, as the report's appendix says.
 * massTransitScore and universityStemGlobalRank are known to the engine but
 * not weighted by default; a profile may add them.
 */
export const REPORT_DEFAULT_INDICATOR_WEIGHTS: Readonly<Record<string, number>> = Object.freeze({
  // A. Inherited assets (full weight)
  metroPopulationMillions: 1,
  nationalSizeRank: 1,
  metroGovernance: 1,
  coastal: 1,
  capitalFunction: 1,
  // B. Current economic and innovation performance (half weight)
  gdpPerCapitaUsdPpp: 0.5,
  startupHqIndex: 0.5,
  scaleupHqIndex: 0.5,
  manufacturingSharePct: 0.5,
  universityStemScore: 0.5,
});

/**
 * The report rates pillars 1–3 stars. Choice 6: a profile's thresholds are shares of the comparison
 * set a pair must score strictly above (default: thirds, so the set's tertiles); a pair scored alone,
 * with no set to compare with, reads them as cut points on [0, 1].
 */
export const DEFAULT_STAR_THRESHOLDS: readonly [number, number] = Object.freeze([1 / 3, 2 / 3]) as readonly [number, number];

/**
 * The scoring method's version: raise it with any change to the engine's
 * arithmetic, so stored scores are computed again (see PairingMethod).
 * 2: a minimum of evidence for similarity, the ranking score, calibrated stars.
 */
export const SCORING_METHOD_VERSION = 2;

/** The "report-default" profile: four equally weighted pillars (choice 6). */
export const REPORT_DEFAULT_WEIGHTS: Weights = Object.freeze({
  pillars: Object.freeze({ similarity: 1, internationalisation: 1, synergy: 1, relationship: 1 }),
  indicators: REPORT_DEFAULT_INDICATOR_WEIGHTS,
  starThresholds: DEFAULT_STAR_THRESHOLDS,
}) as Weights;

/**
 * Indicators where a smaller number is better (a rank). Their relative value
 * is inverted: min rank among the country's cities / rank, so the leader is 1.
 */
export const INVERTED_INDICATORS: ReadonlySet<string> = new Set(['nationalSizeRank', 'universityStemGlobalRank']);

/** 0/1 indicators: true/false (or a number, read as > 0), never rescaled to the national leader. */
export const BINARY_INDICATORS: ReadonlySet<string> = new Set(['coastal', 'capitalFunction']);

/**
 * Ordinal indicators: category → number, then relative to the country's
 * highest. "special" (Sejong's special self-governing status) counts as
 * established metropolitan governance.
 */
export const ORDINAL_INDICATORS: Readonly<Record<string, Readonly<Record<string, number>>>> = Object.freeze({
  metroGovernance: Object.freeze({ nascent: 1, emerging: 2, established: 3, special: 3 }),
});

/** Readiness rubric (pillar 2): each sub-score's range; the composite is out of 14. */
export const READINESS_RANGES = Object.freeze({
  strategy: Object.freeze([1, 5] as const),
  visibleHome: Object.freeze([0, 2] as const),
  networks: Object.freeze([0, 3] as const),
  collaboration: Object.freeze([0, 4] as const),
});
export type ReadinessPart = keyof typeof READINESS_RANGES;
export const READINESS_PARTS: readonly ReadinessPart[] = ['strategy', 'visibleHome', 'networks', 'collaboration'];
export const READINESS_MAX = 14;

/**
 * Synergy (choice 4): a shared sector contributes (w_a + w_b) / 4 in [0.5, 1],
 * with w = 1 for level 1 or 2 and 2 for level 3. Synergy saturates at this
 * many "strongly shared" sectors (both cities at level 3) — full marks.
 */
export const SYNERGY_SATURATION = 4;

/** Relationship (choice 5): the report's 0–4 formality scale. */
export const MAX_FORMALITY = 4;

/**
 * Choice 2: similarity needs at least this many numeric indicators (not yes/no ones) known for both
 * cities; below it the pillar has no score. With fewer, one figure alone moves the pillar by more than
 * a star band (see METHOD.md).
 */
export const MIN_SIMILARITY_INDICATORS = 3;

/**
 * Choice 6: relationship stars read the report's own formality rubric, not the comparison set:
 * formality 0–1 one star, 2 (partly formal) two, 3–4 (formal) three.
 */
export const RELATIONSHIP_STAR_CUTS: readonly [number, number] = Object.freeze([2 / MAX_FORMALITY, 3 / MAX_FORMALITY]) as readonly [number, number];

/** Confidence labels (choice 7): high from this share of evidence, medium from the next, low below. */
export const CONFIDENCE_HIGH = 0.8;
export const CONFIDENCE_MEDIUM = 0.5;
/**
 * Choice 7: a pair is judged (ranked) from medium confidence on; below it, it is answered as
 * needing evidence, with what would let it be judged, as the report listed such cities apart.
 */
export const JUDGED_CONFIDENCE = CONFIDENCE_MEDIUM;

/** Whether an indicator is a number compared to the national leader (not a yes/no flag). */
export function isNumericIndicator(key: string): boolean {
  return !BINARY_INDICATORS.has(key);
}

/** Star rating of a score in [0, 1]: below the first threshold 1, below the second 2, else 3. */
export function starsFor(score: number, thresholds: readonly [number, number]): Stars {
  return score < thresholds[0] ? 1 : score < thresholds[1] ? 2 : 3;
}

/**
 * Checks a weight profile; throws a RangeError naming the bad value. Weights
 * must be finite and ≥ 0 with at least one pillar > 0; thresholds must satisfy
 * 0 ≤ t1 ≤ t2 ≤ 1.
 */
export function validateWeights(weights: Weights): void {
  let pillarSum = 0;
  for (const p of PILLARS) {
    const w = weights.pillars[p];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) throw new RangeError(`Pillar weight ${p} must be a finite number ≥ 0 (got ${w}).`);
    pillarSum += w;
  }
  if (pillarSum <= 0) throw new RangeError('At least one pillar weight must be greater than 0.');
  for (const [key, w] of Object.entries(weights.indicators)) {
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) throw new RangeError(`Indicator weight ${key} must be a finite number ≥ 0 (got ${w}).`);
  }
  const [t1, t2] = weights.starThresholds;
  if (!(Number.isFinite(t1) && Number.isFinite(t2) && t1 >= 0 && t1 <= t2 && t2 <= 1)) {
    throw new RangeError(`Star thresholds must satisfy 0 ≤ t1 ≤ t2 ≤ 1 (got [${t1}, ${t2}]).`);
  }
}

/** Weighted indicator keys (weight > 0) in canonical (sorted) order, with their weights. */
export function weightedIndicators(weights: Weights): Array<[string, number]> {
  return Object.keys(weights.indicators)
    .filter((k) => weights.indicators[k] > 0)
    .sort(compareStrings)
    .map((k) => [k, weights.indicators[k]]);
}

/** Code-unit string order, the one canonical order used everywhere in the engine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
