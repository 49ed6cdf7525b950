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
  /** What the link is, in English and/or Korean (never neither). */
  summary: { en: string | null; ko: string | null };
  since: number | null;
  /** false for history (a declined, withdrawn or closed twinning, a closed project): shown, never scored. Absent = live. */
  live?: boolean;
  /** The source in Korean, for the platform's own links (written in both languages). */
  sourceKo?: string | null;
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
  /** In [0, 1]; null when the pillar has no usable evidence (or, for similarity, too little). */
  score: number | null;
  /** null exactly when score is null. */
  stars: Stars | null;
  /** Share of the pillar's evidence present, in [0, 1]; 0 when the score is null (METHOD.md, choice 7). */
  evidence: number;
}

/** Star cut points of each pillar and of the ranking score: below the first 1 star, below the second 2, else 3. */
export type StarCuts = readonly [number, number];
export interface StarScale {
  similarity: StarCuts;
  internationalisation: StarCuts;
  synergy: StarCuts;
  relationship: StarCuts;
  /** On the ranking score (adjusted). */
  overall: StarCuts;
}

/** How much evidence one pair score rests on. */
export interface PairCoverage {
  /** Weighted indicators known for both cities (used in similarity when there are enough numeric ones). */
  indicatorsUsed: number;
  /** Weighted numeric (not yes/no) indicators known for both cities; similarity needs MIN_SIMILARITY_INDICATORS. */
  numericUsed: number;
  /** Weighted numeric indicators known for city A, and for city B. */
  numericKnownA: number;
  numericKnownB: number;
  /** Numeric indicators with a weight > 0 in the profile. */
  numericWeighted: number;
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
  /** Observed: the pillar-weighted mean over the pillars that have a score; 0 when none has. */
  overall: number;
  /**
   * The ranking score: each pillar counted in proportion to its evidence, so missing evidence counts
   * as the worst it could be and can never lift a pair (choice 7). ≤ overall.
   */
  adjusted: number;
  /** The highest the ranking score could reach with every missing piece of evidence: adjusted + (1 − confidence). */
  potential: number;
  /** Stars of the ranking score, against the comparison set. */
  overallStars: Stars;
  /** Lowest star rating over the four pillars; 0 when a pillar has no score. */
  minPillarStars: 0 | Stars;
  coverage: PairCoverage;
  /** Keys of the sectors in which both cities are active, sorted. */
  sharedSectors: string[];
}
