/**
 * Inputs and outputs of the pairing engine. The engine is pure: it knows
 * nothing of the database or GraphQL, so it can be tested by hand-computed
 * examples and benchmarked on synthetic cities.
 */

/** The four pillars of the founding report's method. */
export type PillarKey = 'similarity' | 'internationalisation' | 'synergy' | 'relationship';
export const PILLARS: readonly PillarKey[] = ['similarity', 'internationalisation', 'synergy', 'relationship'];

/** A piece of evidence's provenance, shown in explanations. */
export interface Provenance {
  source: string;
  /** ISO date (YYYY-MM-DD) the figure or assessment refers to. */
  asOf: string | null;
  /** null when it came from the founding report's seed data. */
  enteredByUserId: string | null;
}

/** One raw indicator value of a city. Booleans and categories arrive already as their raw form. */
export interface IndicatorEvidence extends Provenance {
  key: string;
  value: number | boolean | string | null;
}

/** The internationalisation readiness rubric: strategy 1–5, visible home 0–2, networks 0–3, collaboration 0–4 (composite /14). */
export interface ReadinessEvidence extends Provenance {
  strategy: number;
  visibleHome: number;
  networks: number;
  collaboration: number;
}

/** Activity in one sector: 1 live infrastructure/testbed, 2 business-cluster priority, 3 both. */
export interface SectorEvidence extends Provenance {
  sector: string;
  level: 1 | 2 | 3;
  projects: Array<{ title: string; summary?: string }>;
}

/** A link between the two cities (or institutions in them), formality 0–4. */
export interface LinkEvidence extends Provenance {
  id: string;
  otherCityId: string;
  kind: string;
  partners: string[];
  formality: number;
  summary: string;
  since: number | null;
  /** false for history (a declined, withdrawn or closed twinning, a closed project): shown, never scored. Absent = live. */
  live?: boolean;
}

export interface CityEvidence {
  cityId: string;
  countryCode: string;
  peerGroup: number | null;
  indicators: IndicatorEvidence[];
  readiness: ReadinessEvidence | null;
  sectors: SectorEvidence[];
  links: LinkEvidence[];
}

/** Weights of a profile. Pillar weights combine pillars; indicator weights are inside pillar 1. */
export interface Weights {
  pillars: Record<PillarKey, number>;
  /** Indicator key -> weight (the report: inherited assets 1, current performance 0.5). Absent = not used. */
  indicators: Record<string, number>;
  /** Star thresholds on [0,1]: below the first = 1 star, below the second = 2, else 3. */
  starThresholds: [number, number];
}

// ---------------------------------------------------------------------------
// Outputs (added with the engine). The engine's outputs are plain data with
// no GraphQL decorators; the resolvers map them onto their own types.
// ---------------------------------------------------------------------------

/** Star rating of a pillar or of the overall score: 1 `*`, 2 `**`, 3 `***`. */
export type Stars = 1 | 2 | 3;

/** Confidence label of a pair score (see libs/pairing/METHOD.md, "Coverage and confidence"). */
export type ConfidenceLevel = 'low' | 'medium' | 'high';

/** A sector activity level, read as a bitmask: 1 live infrastructure, 2 cluster priority, 3 both. */
export type SectorLevel = 1 | 2 | 3;

export interface PillarResult {
  /** In [0, 1]; null when the pillar has no usable evidence. */
  score: number | null;
  /** null exactly when score is null. */
  stars: Stars | null;
}

/** How much evidence one pair score rests on. */
export interface PairCoverage {
  /** Weighted indicators known for both cities (used in similarity). */
  indicatorsUsed: number;
  /** Indicators with a weight > 0 in the profile. */
  indicatorsWeighted: number;
  /** Sectors the synergy pillar looked at: the union of both cities' active sectors, 0 unless both have sector evidence. */
  sectorsCompared: number;
  /** Sectors where both cities are active. */
  sharedSectors: number;
  /** Readiness assessments available, 0–2. */
  assessments: number;
  /** Distinct links known between the two cities. */
  links: number;
  /** Pillar-weighted share of the evidence present, in [0, 1]. */
  confidence: number;
  confidenceLabel: ConfidenceLevel;
}

/** The score of one pair. The two cities are always in id order (A < B), whichever way they were passed. */
export interface PairScoreResult {
  pairKey: string;
  cityAId: string;
  cityBId: string;
  pillars: Record<PillarKey, PillarResult>;
  /** Pillar-weighted mean over the pillars that have a score; 0 when none has. */
  overall: number;
  overallStars: Stars;
  /** Lowest star rating over the four pillars; 0 when a pillar has no score. */
  minPillarStars: 0 | Stars;
  coverage: PairCoverage;
  /** Keys of the sectors in which both cities are active, sorted. */
  sharedSectors: string[];
}
