import fc from 'fast-check';
import { scoreAllPairs } from './batch';
import { loadReportCities } from './report-data.fixture';
import { readPair } from './batch-read';
import { starCut, starCutsOf } from './stars';
import { PILLARS } from './types';
import { JUDGED_CONFIDENCE, RELATIONSHIP_STAR_CUTS, starsFor } from './weights';

/** The cut point by its definition: the lowest score with at least ⌈q·N⌉ scores of the set strictly below it. */
function cutByDefinition(values: number[], share: number): number {
  const kept = values.filter((v) => !Number.isNaN(v));
  const need = Math.ceil(share * kept.length);
  if (need === 0) return 0;
  const candidates = [...new Set(kept)].sort((a, b) => a - b).filter((v) => kept.filter((w) => w < v).length >= need);
  return candidates.length ? candidates[0] : Infinity;
}

describe('calibrated stars', () => {
  it('cut where the definition says, with ties, gaps smaller than a histogram bin and missing scores', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(0, 0.25, 0.5, 1, NaN, 0.3, 0.3 + 2 ** -30), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 300 }),
        fc.constantFrom(0, 0.2, 1 / 3, 0.5, 2 / 3, 1),
        (values, share) => {
          expect(starCut(Float64Array.from(values), share)).toBe(cutByDefinition(values, share));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('count only the kept scores when asked (the judged pairs for the ranking score)', () => {
    const values = Float64Array.from([0.1, 0.2, 0.3, 0.9, 0.8]);
    const confidence = Float64Array.from([0.2, 0.9, 0.9, 0.3, 0.9]);
    // Kept: 0.2, 0.3, 0.8 — a third below 0.3, two thirds below 0.8.
    expect(starCutsOf([{ values, keep: confidence, keepFrom: 0.5 }], [1 / 3, 2 / 3])).toEqual([[0.3, 0.8]]);
  });

  it("a mass of equal scores at the bottom stays at one star: a rating nobody earns by ties", () => {
    const values = Float64Array.from([...Array(90).fill(0), 0.5, 0.5, 0.75, 1, 1, 1, 1, 1, 1, 1]);
    const [c1, c2] = starCutsOf([{ values }], [1 / 3, 2 / 3])[0];
    expect(starsFor(0, [c1, c2])).toBe(1);
    expect(starsFor(0.5, [c1, c2])).toBe(3); // 90 of 100 score strictly lower
  });

  it('spread the ten best-evidenced pairs of the report over at least two levels on every calibrated pillar with data', () => {
    const cities = loadReportCities();
    const { batch, scores } = scoreAllPairs(
      cities.filter((c) => c.countryCode === 'GB'),
      cities.filter((c) => c.countryCode === 'KR'),
    );
    const pairs = Array.from({ length: scores.overall.length }, (_, p) => readPair(batch, scores, p));
    const best = [...pairs].sort((a, b) => b.coverage.confidence - a.coverage.confidence || (a.pairKey < b.pairKey ? -1 : 1)).slice(0, 10);
    expect(best.every((p) => p.coverage.confidence >= JUDGED_CONFIDENCE)).toBe(true);
    for (const pillar of PILLARS) {
      const scored = best.filter((p) => p.pillars[pillar].score !== null);
      if (scored.length === 0) continue; // no readiness assessment in the report's data
      if (pillar === 'relationship') {
        // Read from the rubric, not calibrated: the ten have no link or a soft one (formality 0–1), one star each.
        for (const p of scored) expect(p.pillars.relationship.stars).toBe(starsFor(p.pillars.relationship.score!, RELATIONSHIP_STAR_CUTS));
        continue;
      }
      expect(new Set(scored.map((p) => p.pillars[pillar].stars)).size).toBeGreaterThanOrEqual(2);
    }
    expect(best.filter((p) => p.pillars.similarity.score !== null && p.pillars.synergy.score !== null)).toHaveLength(10);
    // Overall stars too, among the judged pairs.
    const judged = pairs.filter((p) => p.coverage.confidence >= JUDGED_CONFIDENCE);
    expect(new Set(judged.map((p) => p.overallStars))).toEqual(new Set([1, 2, 3]));
    expect(scores.scale!.relationship).toEqual(RELATIONSHIP_STAR_CUTS);
  });

  it('similarity stars cut the scored pairs of the report in thirds, give or take ties at a cut', () => {
    const cities = loadReportCities();
    const { batch, scores } = scoreAllPairs(
      cities.filter((c) => c.countryCode === 'GB'),
      cities.filter((c) => c.countryCode === 'KR'),
    );
    const stars = Array.from({ length: scores.overall.length }, (_, p) => readPair(batch, scores, p).pillars.similarity.stars).filter((s) => s !== null);
    const share = (k: number) => stars.filter((s) => s === k).length / stars.length;
    // Thirds of the scored pairs, give or take ties at a cut.
    for (const k of [1, 2, 3]) expect(share(k)).toBeGreaterThan(0.25);
  });
});
