import type { NationalScales, PreparedCity } from './prepare';
import type { StarScale } from './types';

/** One side of a batch (usually the cities of one country). */
export interface BatchSide {
  cities: PreparedCity[];
  cityIds: string[];
  n: number;
  /** n × batch.indicatorKeys.length relative values, row-major; NaN = missing. */
  relative: Float64Array;
  /** Readiness share (composite / 14) per city; NaN = no assessment. */
  readiness: Float64Array;
  /** n × batch.sectorWords bitmasks: bit s set when active in sector s (any level). */
  sectorActive: Uint32Array;
  /** n × batch.sectorWords bitmasks: bit s set when at level 3 in sector s. */
  sectorFull: Uint32Array;
  /** 1 when the city has any sector evidence. */
  hasSectors: Uint8Array;
}

/** The links of one pair, reduced to what the relationship pillar needs. */
export interface PairLinks {
  /** relationshipPillar() of the pair's links: max formality / 4. */
  relationship: number;
  count: number;
}

export interface PairingBatch {
  x: BatchSide;
  y: BatchSide;
  /** Column order of the relative matrices (append order; scoring walks weighted keys in sorted order). */
  indicatorKeys: string[];
  /** Bit order of the sector masks (append order; synergy arithmetic is exact, so order does not matter). */
  sectorKeys: string[];
  sectorWords: number;
  /** Pair index → links; pairs absent have none. */
  links: Map<number, PairLinks>;
  /** National leaders' values the relative figures were computed with. */
  scales: NationalScales;
}

/** Scores of every pair of a batch; pair p = i · nY + j. NaN = null pillar. */
export interface BatchScores {
  nX: number;
  nY: number;
  cityIdsX: string[];
  cityIdsY: string[];
  similarity: Float64Array;
  internationalisation: Float64Array;
  synergy: Float64Array;
  relationship: Float64Array;
  /** Observed: the weighted mean of the pillars that have a score. */
  overall: Float64Array;
  /** The ranking score (choice 7): missing evidence counts as the worst it could be. */
  adjusted: Float64Array;
  /** Share of the similarity evidence present (0 when the pillar has no score). */
  similarityEvidence: Float64Array;
  /**
   * The star scale of the batch: calibrated on all its pairs by scoreBatch; after incremental
   * updates, until calibrateStars() is called again, the scale of the last calibration.
   * Stars are read with it (pairStars, readPair).
   */
  scale: StarScale | null;
  indicatorsUsed: Uint16Array;
  numericUsed: Uint16Array;
  /** Weighted numeric indicators each city has a figure for. */
  numericKnownX: Uint16Array;
  numericKnownY: Uint16Array;
  numericWeighted: number;
  /** The same for every pair: indicators with weight > 0. */
  indicatorsWeighted: number;
  sectorsCompared: Uint16Array;
  sharedSectors: Uint16Array;
  assessments: Uint8Array;
  links: Uint16Array;
  confidence: Float64Array;
}

export type BatchSideKey = 'x' | 'y';

export interface BatchUpdate {
  /** Cities whose pairs must be rescored, per side. */
  changedX: number[];
  changedY: number[];
  /** True when a national leader changed, so every city of that country moved. */
  scalesChanged: boolean;
}
