import { minPillarStarsOf } from './score';
import { PillarKey, PILLARS, PillarResult, StarCuts, Stars, StarScale, Weights } from './types';
import { JUDGED_CONFIDENCE, RELATIONSHIP_STAR_CUTS, starsFor } from './weights';
import type { BatchScores } from './batch-types';

/**
 * Stars calibrated on the comparison set (choice 6). A rating a pair earns
 * only by being compared: `***` when at least two thirds of the set's pairs
 * with a score in that pillar score strictly lower, `**` from one third,
 * else `*` (the profile's thresholds are those shares). Overall stars rate the
 * ranking score among the judged pairs. Ties share a rating,
 * and a mass of equal scores at the bottom stays at one star. Relationship
 * reads the report's formality rubric instead (RELATIONSHIP_STAR_CUTS).
 *
 * The ranking never depends on stars, so a city's update rescores its pairs
 * only (rank order exact at once) and the scale is calibrated again once per
 * batch of updates (the worker: once per recompute job).
 */

/** The scores a scale is calibrated on: one value per pair, NaN = no score. */
export interface CalibrationInput {
  similarity: Float64Array;
  internationalisation: Float64Array;
  synergy: Float64Array;
  /** The ranking score, and the confidence that says whether the pair is judged. */
  adjusted: Float64Array;
  confidence: Float64Array;
}

const BINS = 1 << 16;

/** One set of scores to cut: NaN skipped; with `keep`, a value counts only where keep[p] >= keepFrom. */
export interface CutColumn {
  values: Float64Array;
  keep?: Float64Array;
  keepFrom?: number;
}

/**
 * The cut point for a share q of a set of scores in [0, 1]: the lowest score
 * that at least ⌈q·N⌉ scores of the set lie strictly below. Infinity when no
 * score reaches it; q·N = 0 gives 0.
 */
export function starCut(values: Float64Array, share: number): number {
  return starCutsOf([{ values }], [share])[0][0];
}

/**
 * Cut points of several sets at once, in O(N) over all of them together: one
 * pass builds a histogram per set, which finds the bins holding each order
 * statistic; a second pass reads those bins' lowest and highest values (a
 * bin of equal scores, the usual case for pillars with few possible values,
 * needs nothing more); only a bin of unequal scores is collected and sorted.
 */
export function starCutsOf(columns: readonly CutColumn[], shares: readonly number[]): number[][] {
  const k = columns.length;
  const n = columns.reduce((m, c) => Math.max(m, c.values.length), 0);
  const counts = columns.map(() => new Uint32Array(BINS));
  const sizes = new Array<number>(k).fill(0);
  const binOf = (v: number) => {
    const b = v * BINS;
    return b < 0 ? 0 : b >= BINS ? BINS - 1 : b | 0;
  };
  for (let c = 0; c < k; c++) {
    const { values, keep } = columns[c];
    const from = columns[c].keepFrom ?? 0;
    const count = counts[c];
    let size = 0;
    for (let p = 0; p < n; p++) {
      const v = values[p];
      if (v === v && (keep === undefined || keep[p] >= from)) {
        count[binOf(v)]++;
        size++;
      }
    }
    sizes[c] = size;
  }
  // Per set and share: the bin of the order statistic m − 1 (0-based) and the scores below it; the next non-empty bin.
  const slots = columns.map(() => new Int16Array(BINS).fill(-1));
  const wanted: number[][] = columns.map(() => []);
  const located = columns.map((_, c) =>
    shares.map((q) => {
      const m = Math.ceil(q * sizes[c]);
      if (m <= 0 || m > sizes[c]) return { m, bin: -1, below: 0 };
      const count = counts[c];
      let seen = 0;
      for (let b = 0; b < BINS; b++) {
        if (seen + count[b] >= m) {
          for (const w of [b, nextBin(count, b)]) {
            if (w < BINS && slots[c][w] < 0) {
              slots[c][w] = wanted[c].length;
              wanted[c].push(w);
            }
          }
          return { m, bin: b, below: seen };
        }
        seen += count[b];
      }
      return { m, bin: -1, below: 0 };
    }),
  );
  const low = wanted.map((w) => new Float64Array(w.length).fill(Infinity));
  const high = wanted.map((w) => new Float64Array(w.length).fill(-Infinity));
  const collected = wanted.map((w) => w.map((): number[] => []));
  for (const collect of [false, true]) {
    for (let c = 0; c < k; c++) {
      if (wanted[c].length === 0) continue;
      if (collect && !wanted[c].some((_, at) => low[c][at] < high[c][at])) continue;
      const { values, keep } = columns[c];
      const from = columns[c].keepFrom ?? 0;
      const slot = slots[c];
      const lo = low[c];
      const hi = high[c];
      for (let p = 0; p < n; p++) {
        const v = values[p];
        if (v === v && (keep === undefined || keep[p] >= from)) {
          const at = slot[binOf(v)];
          if (at < 0) continue;
          if (!collect) {
            if (v < lo[at]) lo[at] = v;
            if (v > hi[at]) hi[at] = v;
          } else if (lo[at] < hi[at]) collected[c][at].push(v);
        }
      }
      if (collect) for (const list of collected[c]) list.sort((x, y) => x - y);
    }
  }
  return columns.map((_, c) =>
    located[c].map(({ m, bin, below }) => {
      if (m <= 0) return 0;
      if (bin < 0) return Infinity;
      const at = slots[c][bin];
      const constant = low[c][at] === high[c][at];
      const value = constant ? low[c][at] : collected[c][at][m - 1 - below];
      // The lowest score strictly above the order statistic: in its bin, or the next non-empty one.
      if (!constant) for (const v of collected[c][at]) if (v > value) return v;
      const next = nextBin(counts[c], bin);
      return next < BINS ? low[c][slots[c][next]] : Infinity;
    }),
  );
}

function nextBin(count: Uint32Array, bin: number): number {
  let next = bin + 1;
  while (next < BINS && count[next] === 0) next++;
  return next;
}

/** A scale calibrated on a set of pairs, with the profile's thresholds as shares of the set. */
export function calibrateStarsOf(input: CalibrationInput, weights: Weights): StarScale {
  // Overall stars compare a pair's ranking score with the judged pairs' (those ranked), not with the
  // many a lack of evidence holds near 0; with every pair when none is judged.
  let judged = false;
  for (let p = 0; p < input.confidence.length && !judged; p++) judged = input.confidence[p] >= JUDGED_CONFIDENCE;
  const [similarity, internationalisation, synergy, overall] = starCutsOf(
    [
      { values: input.similarity },
      { values: input.internationalisation },
      { values: input.synergy },
      judged ? { values: input.adjusted, keep: input.confidence, keepFrom: JUDGED_CONFIDENCE } : { values: input.adjusted },
    ],
    weights.starThresholds,
  ).map(([c1, c2]): StarCuts => [c1, c2]);
  return { similarity, internationalisation, synergy, relationship: RELATIONSHIP_STAR_CUTS, overall };
}

/** The scale of a scored batch: every pair of it is the comparison set. */
export function calibrateStars(scores: BatchScores, weights: Weights): StarScale {
  return calibrateStarsOf(scores, weights);
}

/**
 * The stars of pair p of a batch on a scale (the batch's own by default): of
 * its ranking score, and the lowest of its pillars (0 when one has no score).
 */
export function pairStars(scores: BatchScores, p: number, scale: StarScale = scores.scale!): { overallStars: Stars; minPillarStars: 0 | Stars } {
  const rate = (v: number, cuts: StarCuts): Stars => (v < cuts[0] ? 1 : v < cuts[1] ? 2 : 3);
  const overallStars = rate(scores.adjusted[p], scale.overall);
  const values = [scores.similarity[p], scores.internationalisation[p], scores.synergy[p], scores.relationship[p]];
  if (values.some((v) => v !== v)) return { overallStars, minPillarStars: 0 };
  const stars = [rate(values[0], scale.similarity), rate(values[1], scale.internationalisation), rate(values[2], scale.synergy), rate(values[3], scale.relationship)];
  return { overallStars, minPillarStars: Math.min(...stars) as Stars };
}

/** Stars of pillar results on a scale (e.g. stored scores read with their set's scale). */
export function ratePillars(pillars: Record<PillarKey, { score: number | null; evidence: number }>, scale: StarScale): { pillars: Record<PillarKey, PillarResult>; minPillarStars: 0 | 1 | 2 | 3 } {
  const out = {} as Record<PillarKey, PillarResult>;
  for (const p of PILLARS) {
    const score = pillars[p].score;
    out[p] = { score, stars: score === null ? null : starsFor(score, scale[p]), evidence: pillars[p].evidence };
  }
  return { pillars: out, minPillarStars: minPillarStarsOf(out) };
}
