import { confidenceLabel, pairKey } from './score';
import { PairScoreResult, PillarKey, PillarResult, Stars, Weights } from './types';
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

/** Pair p of a batch in the single-pair shape (cities in id order), e.g. to store it. */
export function readPair(batch: PairingBatch, scores: BatchScores, p: number, weights: Weights = REPORT_DEFAULT_WEIGHTS): PairScoreResult {
  const [i, j] = pairCities(scores, p);
  const ids = [scores.cityIdsX[i], scores.cityIdsY[j]].sort(compareStrings);
  const t = weights.starThresholds;
  const pillar = (arr: Float64Array): PillarResult => {
    const score = num(arr[p]);
    return { score, stars: score === null ? null : starsFor(score, t) };
  };
  const pillars: Record<PillarKey, PillarResult> = {
    similarity: pillar(scores.similarity),
    internationalisation: pillar(scores.internationalisation),
    synergy: pillar(scores.synergy),
    relationship: pillar(scores.relationship),
  };
  return {
    pairKey: pairKey(ids[0], ids[1]),
    cityAId: ids[0],
    cityBId: ids[1],
    pillars,
    overall: scores.overall[p],
    overallStars: scores.overallStars[p] as Stars,
    minPillarStars: scores.minPillarStars[p] as 0 | Stars,
    coverage: {
      indicatorsUsed: scores.indicatorsUsed[p],
      indicatorsWeighted: scores.indicatorsWeighted,
      sectorsCompared: scores.sectorsCompared[p],
      sharedSectors: scores.sharedSectors[p],
      assessments: scores.assessments[p],
      links: scores.links[p],
      confidence: scores.confidence[p],
      confidenceLabel: confidenceLabel(scores.confidence[p]),
    },
    sharedSectors: batchSharedSectors(batch, p),
  };
}
