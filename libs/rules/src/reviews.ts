/**
 * A board review's weighted score, and the one rounding every screen shows:
 * the API computes each review's score and the mean of them with these, and
 * the review form previews the reviewer's own score with them, so the same
 * scores never read as two numbers.
 */

/** One review's score: Σ weight × score / Σ weight over the criteria the call weights; 0 when none was scored. */
export function weightedScore(scores: ReadonlyArray<{ criterionKey: string; score: number }>, weights: ReadonlyMap<string, number>): number {
  let total = 0;
  let weight = 0;
  for (const s of scores) {
    const w = weights.get(s.criterionKey) ?? 0;
    total += w * s.score;
    weight += w;
  }
  return weight ? total / weight : 0;
}

/** Scores and their means to two decimal places, half away from zero on the decimal value (3.705 → 3.71, not 3.7). */
export function roundScore(value: number): number {
  return Math.round(Number((value * 100).toPrecision(12))) / 100;
}
