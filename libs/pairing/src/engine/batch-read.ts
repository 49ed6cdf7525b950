import { absoluteStarScale, confidenceLabel, pairKey } from './score';
import { ratePillars } from './stars';
import { PairScoreResult, Stars, StarScale, Weights } from './types';
import { compareStrings, REPORT_DEFAULT_WEIGHTS, starsFor } from './weights';
import type { BatchScores, PairingBatch } from './batch-types';

/* Reading results: pair indexes, keys, shared sectors, and a pair in the single-pair shape. */

export function pairIndex(scores: Pick<BatchScores, 'nY'>, i: number, j: number): number {
  return i * scores.nY + j;
}

export function pairCities(scores: Pick<BatchScores, 'nY'>, p: number): [number, number] {
  const i = Math.floor(p / scores.nY);
  return [i, p - i * scores.nY];
}

/** The pair key of pair index p. */
export function batchPairKey(scores: Pick<BatchScores, 'nY' | 'cityIdsX' | 'cityIdsY'>, p: number): string {
  const [i, j] = pairCities(scores, p);
  return pairKey(scores.cityIdsX[i], scores.cityIdsY[j]);
}

/** Sorted keys of the sectors both cities of pair p are active in. */
export function batchSharedSectors(batch: PairingBatch, p: number): string[] {
  const [i, j] = pairCities({ nY: batch.y.n }, p);
  const words = batch.sectorWords;
  const out: string[] = [];
  for (let s = 0; s < batch.sectorKeys.length; s++) {
    const w = s >>> 5;
    const bit = 1 << (s & 31);
    if (batch.x.sectorActive[i * words + w] & batch.y.sectorActive[j * words + w] & bit) out.push(batch.sectorKeys[s]);
  }
  return out.sort(compareStrings);
}

const num = (v: number): number | null => (v === v ? v : null);

/**
 * Pair p of a batch in the single-pair shape (cities in id order), e.g. to
 * store it. Stars on the batch's own scale (calibrated by scoreBatch), or on
 * the one given.
 */
export function readPair(batch: PairingBatch, scores: BatchScores, p: number, weights: Weights = REPORT_DEFAULT_WEIGHTS, scale: StarScale = scores.scale ?? absoluteStarScale(weights)): PairScoreResult {
  const [i, j] = pairCities(scores, p);
  const xFirst = scores.cityIdsX[i] <= scores.cityIdsY[j];
  const ids = xFirst ? [scores.cityIdsX[i], scores.cityIdsY[j]] : [scores.cityIdsY[j], scores.cityIdsX[i]];
  const known = xFirst ? [scores.numericKnownX[i], scores.numericKnownY[j]] : [scores.numericKnownY[j], scores.numericKnownX[i]];
  const observed = (arr: Float64Array, evidence: number) => {
    const score = num(arr[p]);
    return { score, evidence: score === null ? 0 : evidence };
  };
  const { pillars, minPillarStars } = ratePillars(
    {
      similarity: observed(scores.similarity, scores.similarityEvidence[p]),
      internationalisation: observed(scores.internationalisation, 1),
      synergy: observed(scores.synergy, 1),
      relationship: observed(scores.relationship, 1),
    },
    scale,
  );
  const confidence = scores.confidence[p];
  const adjusted = scores.adjusted[p];
  return {
    pairKey: pairKey(ids[0], ids[1]),
    cityAId: ids[0],
    cityBId: ids[1],
    pillars,
    overall: scores.overall[p],
    adjusted,
    potential: Math.min(1, adjusted + (1 - confidence)),
    overallStars: starsFor(adjusted, scale.overall) as Stars,
    minPillarStars,
    coverage: {
      indicatorsUsed: scores.indicatorsUsed[p],
      numericUsed: scores.numericUsed[p],
      numericKnownA: known[0],
      numericKnownB: known[1],
      numericWeighted: scores.numericWeighted,
      indicatorsWeighted: scores.indicatorsWeighted,
      sectorsCompared: scores.sectorsCompared[p],
      sharedSectors: scores.sharedSectors[p],
      assessments: scores.assessments[p],
      links: scores.links[p],
      confidence,
      confidenceLabel: confidenceLabel(confidence),
    },
    sharedSectors: batchSharedSectors(batch, p),
  };
}
