import { totalIndicatorWeight } from './score';
import { CityEvidence, Weights } from './types';
import { isNumericIndicator, MIN_SIMILARITY_INDICATORS, REPORT_DEFAULT_WEIGHTS, SYNERGY_SATURATION, validateWeights, weightedIndicators } from './weights';
import { calibrateStars } from './stars';
import type { BatchScores, BatchSideKey, PairingBatch } from './batch-types';
import { buildBatch } from './batch-build';

/* Scoring a batch: every pair, or one city's pairs, in one loop over the typed arrays. */

/** Allocates the output arrays of a batch. */
export function allocateScores(batch: PairingBatch): BatchScores {
  const n = batch.x.n * batch.y.n;
  return {
    nX: batch.x.n,
    nY: batch.y.n,
    cityIdsX: batch.x.cityIds,
    cityIdsY: batch.y.cityIds,
    similarity: new Float64Array(n),
    internationalisation: new Float64Array(n),
    synergy: new Float64Array(n),
    relationship: new Float64Array(n),
    overall: new Float64Array(n),
    adjusted: new Float64Array(n),
    similarityEvidence: new Float64Array(n),
    scale: null,
    indicatorsUsed: new Uint16Array(n),
    numericUsed: new Uint16Array(n),
    numericKnownX: new Uint16Array(batch.x.n),
    numericKnownY: new Uint16Array(batch.y.n),
    numericWeighted: 0,
    indicatorsWeighted: 0,
    sectorsCompared: new Uint16Array(n),
    sharedSectors: new Uint16Array(n),
    assessments: new Uint8Array(n),
    links: new Uint16Array(n),
    confidence: new Float64Array(n),
  };
}

/** Bits set in a 32-bit word. */
function popcount(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * Scores the block of pairs rows [i0, i1) × columns [j0, j1). The single
 * scoring loop behind scoreBatch() and scorePairsForCity().
 */
function scoreBlock(batch: PairingBatch, weights: Weights, out: BatchScores, i0: number, i1: number, j0: number, j1: number): void {
  const { x, y } = batch;
  const nY = y.n;
  const stride = batch.indicatorKeys.length;
  const words = batch.sectorWords;

  // Weighted indicators present as columns, in canonical key order (as similarityPillar walks them).
  const weighted = weightedIndicators(weights);
  const colIndex = new Map(batch.indicatorKeys.map((k, c) => [k, c]));
  const colsList: number[] = [];
  const wsList: number[] = [];
  const numericList: number[] = [];
  for (const [key, w] of weighted) {
    const c = colIndex.get(key);
    if (c !== undefined) {
      colsList.push(c);
      wsList.push(w);
      numericList.push(isNumericIndicator(key) ? 1 : 0);
    }
  }
  const cols = Int32Array.from(colsList);
  const ws = Float64Array.from(wsList);
  const isNumeric = Uint8Array.from(numericList);
  const nc = cols.length;
  const totalW = totalIndicatorWeight(weighted);
  out.indicatorsWeighted = weighted.length;
  out.numericWeighted = weighted.filter(([key]) => isNumericIndicator(key)).length;
  const countKnown = (rel: Float64Array, row: number) => {
    let k = 0;
    for (let c = 0; c < nc; c++) if (isNumeric[c] === 1 && rel[row * stride + cols[c]] === rel[row * stride + cols[c]]) k++;
    return k;
  };
  for (let i = i0; i < i1; i++) out.numericKnownX[i] = countKnown(x.relative, i);
  for (let j = j0; j < j1; j++) out.numericKnownY[j] = countKnown(y.relative, j);

  const wS = weights.pillars.similarity;
  const wI = weights.pillars.internationalisation;
  const wY = weights.pillars.synergy;
  const wR = weights.pillars.relationship;
  const pillarWeight = (wS > 0 ? wS : 0) + (wI > 0 ? wI : 0) + (wY > 0 ? wY : 0) + (wR > 0 ? wR : 0);

  const relX = x.relative;
  const relY = y.relative;
  const { similarity, internationalisation, synergy, relationship, overall, adjusted, similarityEvidence } = out;
  const { indicatorsUsed, numericUsed, sectorsCompared, sharedSectors, assessments, links, confidence } = out;

  // Relationship: 0 and no links, except the pairs in the links map.
  for (let i = i0; i < i1; i++) {
    relationship.fill(0, i * nY + j0, i * nY + j1);
    links.fill(0, i * nY + j0, i * nY + j1);
  }
  for (const [p, l] of batch.links) {
    const i = Math.floor(p / nY);
    const j = p - i * nY;
    if (i >= i0 && i < i1 && j >= j0 && j < j1) {
      relationship[p] = l.relationship;
      links[p] = l.count;
    }
  }

  for (let i = i0; i < i1; i++) {
    const baseA = i * stride;
    const na = x.readiness[i];
    const hasA = x.hasSectors[i];
    const sA = i * words;
    for (let j = j0; j < j1; j++) {
      const p = i * nY + j;
      const baseB = j * stride;

      // 1. similarity
      let sw = 0;
      let swd = 0;
      let used = 0;
      let numeric = 0;
      for (let c = 0; c < nc; c++) {
        const col = cols[c];
        const ra = relX[baseA + col];
        const rb = relY[baseB + col];
        if (ra === ra && rb === rb) {
          const w = ws[c];
          let d = Math.abs(ra - rb);
          if (d > 1) d = 1;
          sw += w;
          swd += w * d;
          used++;
          numeric += isNumeric[c];
        }
      }
      const sim = numeric >= MIN_SIMILARITY_INDICATORS ? 1 - swd / sw : NaN;
      const eSim = sim === sim && totalW > 0 ? sw / totalW : 0;

      // 2. internationalisation
      const nb = y.readiness[j];
      const hasIntl = na === na && nb === nb;
      const intl = hasIntl ? 0.5 * (1 - Math.abs(na - nb)) + 0.5 * ((na + nb) / 2) : NaN;

      // 3. synergy: Σ (w_a + w_b)/4 over shared sectors = (2·shared + full_a + full_b) / 4, exactly
      const hasB = y.hasSectors[j];
      let syn = NaN;
      let shared = 0;
      let union = 0;
      if (hasA === 1 && hasB === 1) {
        const sB = j * words;
        let fa = 0;
        let fb = 0;
        for (let w = 0; w < words; w++) {
          const aa = x.sectorActive[sA + w];
          const ab = y.sectorActive[sB + w];
          const s = aa & ab;
          shared += popcount(s);
          union += popcount(aa | ab);
          fa += popcount(s & x.sectorFull[sA + w]);
          fb += popcount(s & y.sectorFull[sB + w]);
        }
        syn = Math.min(1, (2 * shared + fa + fb) / 4 / SYNERGY_SATURATION);
      }

      // 4. relationship (filled above)
      const rel = relationship[p];

      // observed overall, ranking score and confidence (see combinePillars, rankingScore, confidenceOf)
      let sum = 0;
      let wsum = 0;
      let lower = 0;
      let csum = 0;
      if (wS > 0) {
        if (sim === sim) {
          sum += wS * sim;
          wsum += wS;
          lower += wS * eSim * sim;
        }
        csum += wS * eSim;
      }
      if (wI > 0 && intl === intl) {
        sum += wI * intl;
        wsum += wI;
        lower += wI * 1 * intl;
        csum += wI * 1;
      }
      if (wY > 0 && syn === syn) {
        sum += wY * syn;
        wsum += wY;
        lower += wY * 1 * syn;
        csum += wY * 1;
      }
      if (wR > 0) {
        sum += wR * rel;
        wsum += wR;
        lower += wR * 1 * rel;
        csum += wR * 1;
      }
      const ov = wsum > 0 ? Math.min(1, sum / wsum) : 0;
      const adj = pillarWeight > 0 ? Math.min(1, lower / pillarWeight) : 0;
      const nAssess = (na === na ? 1 : 0) + (nb === nb ? 1 : 0);

      similarity[p] = sim;
      internationalisation[p] = intl;
      synergy[p] = syn;
      overall[p] = ov;
      adjusted[p] = adj;
      similarityEvidence[p] = eSim;
      indicatorsUsed[p] = used;
      numericUsed[p] = numeric;
      sectorsCompared[p] = union;
      sharedSectors[p] = shared;
      assessments[p] = nAssess;
      confidence[p] = pillarWeight > 0 ? csum / pillarWeight : 0;
    }
  }
}

/** Scores every pair of a batch, into `out` when given (reuse it to avoid allocating). */
export function scoreBatch(batch: PairingBatch, weights: Weights = REPORT_DEFAULT_WEIGHTS, out: BatchScores = allocateScores(batch)): BatchScores {
  validateWeights(weights);
  if (out.nX !== batch.x.n || out.nY !== batch.y.n) throw new RangeError('Output arrays do not match the batch size.');
  out.cityIdsX = batch.x.cityIds;
  out.cityIdsY = batch.y.cityIds;
  scoreBlock(batch, weights, out, 0, batch.x.n, 0, batch.y.n);
  out.scale = calibrateStars(out, weights);
  return out;
}

/** Choice 9: every pair between two sets of cities (usually two countries). */
export function scoreAllPairs(citiesX: readonly CityEvidence[], citiesY: readonly CityEvidence[], weights: Weights = REPORT_DEFAULT_WEIGHTS): { batch: PairingBatch; scores: BatchScores } {
  const batch = buildBatch(citiesX, citiesY);
  return { batch, scores: scoreBatch(batch, weights) };
}

/**
 * Rescores one city against every city of the other side (nY or nX pairs),
 * in place. Use after updateBatchCity(). The star scale is left as it was:
 * calibrate it again (calibrateStars) once a batch of updates is in.
 */
export function scorePairsForCity(batch: PairingBatch, side: BatchSideKey, cityIndex: number, weights: Weights, out: BatchScores): void {
  validateWeights(weights);
  const n = side === 'x' ? batch.x.n : batch.y.n;
  if (!Number.isInteger(cityIndex) || cityIndex < 0 || cityIndex >= n) throw new RangeError(`City index ${cityIndex} is outside side ${side} (0–${n - 1}).`);
  if (side === 'x') scoreBlock(batch, weights, out, cityIndex, cityIndex + 1, 0, batch.y.n);
  else scoreBlock(batch, weights, out, 0, batch.x.n, cityIndex, cityIndex + 1);
}
