import { PreparedCity } from './prepare';
import { totalIndicatorWeight } from './score';
import { PillarKey, Weights } from './types';
import { compareStrings, isNumericIndicator, MIN_SIMILARITY_INDICATORS, weightedIndicators } from './weights';

/**
 * "Needs evidence" (choice 7): what a city lacks for its pairs to be judged,
 * and how much that evidence could move them. A pair's ranking score can
 * rise by at most 1 − confidence when its missing evidence comes in; the
 * share of that headroom a city's own gaps hold is what orders cities and
 * their to-do lists.
 */

export type EvidenceGapKind = 'indicator' | 'sectors' | 'readiness';

export interface EvidenceGap {
  kind: EvidenceGapKind;
  /** The indicator key for an indicator; null for sector activity and the readiness assessment. */
  key: string | null;
  pillar: PillarKey;
  /** The most this piece alone could add to the ranking score of any of the city's pairs. */
  headroom: number;
}

export interface CityEvidenceGaps {
  cityId: string;
  countryCode: string;
  /** Weighted numeric indicators the city has a figure for, of how many, and the minimum similarity needs. */
  numericKnown: number;
  numericWeighted: number;
  minimumNumeric: number;
  /** Most useful first (largest headroom, then kind and key). */
  gaps: EvidenceGap[];
  /** The most the city's missing evidence, all of it, could add to the ranking score of any of its pairs. */
  headroom: number;
}

const KIND_ORDER: Record<EvidenceGapKind, number> = { readiness: 0, sectors: 1, indicator: 2 };

/** A city's gaps under a profile. A city with none has headroom 0 and an empty list. */
export function cityEvidenceGaps(city: PreparedCity, weights: Weights): CityEvidenceGaps {
  const W = weights.pillars;
  const total = (W.similarity > 0 ? W.similarity : 0) + (W.internationalisation > 0 ? W.internationalisation : 0) + (W.synergy > 0 ? W.synergy : 0) + (W.relationship > 0 ? W.relationship : 0);
  const weighted = weightedIndicators(weights);
  const indicatorWeight = totalIndicatorWeight(weighted);
  const numericWeighted = weighted.filter(([key]) => isNumericIndicator(key)).length;
  const numericKnown = weighted.filter(([key]) => isNumericIndicator(key) && city.relative.has(key)).length;
  const gaps: EvidenceGap[] = [];
  let headroom = 0;
  if (total > 0) {
    if (W.similarity > 0 && indicatorWeight > 0) {
      // Below the minimum the pillar counts nothing, so what the city has counts only once it is met.
      const knownWeight = weighted.reduce((s, [key, w]) => (city.relative.has(key) ? s + w : s), 0);
      const counted = numericKnown >= MIN_SIMILARITY_INDICATORS ? knownWeight : 0;
      const missing = (W.similarity * (1 - counted / indicatorWeight)) / total;
      headroom += missing;
      for (const [key, w] of weighted) {
        if (city.relative.has(key)) continue;
        gaps.push({ kind: 'indicator', key, pillar: 'similarity', headroom: (W.similarity * w) / indicatorWeight / total });
      }
    }
    if (W.internationalisation > 0 && city.readinessShare === null) {
      const h = W.internationalisation / total;
      headroom += h;
      gaps.push({ kind: 'readiness', key: null, pillar: 'internationalisation', headroom: h });
    }
    if (W.synergy > 0 && !city.hasSectorEvidence) {
      const h = W.synergy / total;
      headroom += h;
      gaps.push({ kind: 'sectors', key: null, pillar: 'synergy', headroom: h });
    }
  }
  gaps.sort((a, b) => b.headroom - a.headroom || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareStrings(a.key ?? '', b.key ?? ''));
  return { cityId: city.cityId, countryCode: city.countryCode, numericKnown, numericWeighted, minimumNumeric: MIN_SIMILARITY_INDICATORS, gaps, headroom: Math.min(1, headroom) };
}
