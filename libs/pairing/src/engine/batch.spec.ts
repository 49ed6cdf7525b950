import { applyCityUpdate, BatchScores, buildBatch, pairIndex, readPair, scoreAllPairs, scoreBatch, scorePairsForCity } from './batch';
import { prepareCities } from './prepare';
import { calibrateStars, pairStars } from './stars';
import { comparePairs, rankPairs, topK } from './rank';
import { loadReportCitiesWithTestReadiness, testReadiness } from './report-data.fixture';
import { scorePair } from './score';
import { CityEvidence, Weights } from './types';
import { REPORT_DEFAULT_WEIGHTS } from './weights';

const all = loadReportCitiesWithTestReadiness();
const gb = all.filter((c) => c.countryCode === 'GB');
const kr = all.filter((c) => c.countryCode === 'KR');

const CUSTOM: Weights = {
  pillars: { similarity: 2, internationalisation: 0.5, synergy: 1, relationship: 0 },
  indicators: { ...REPORT_DEFAULT_WEIGHTS.indicators, massTransitScore: 0.5, universityStemGlobalRank: 0.25, coastal: 0 },
  starThresholds: [0.4, 0.7],
};

/** Every pair of the batch equals the single-pair function, number for number. */
function expectBatchEqualsSingle(x: CityEvidence[], y: CityEvidence[], weights: Weights) {
  const { batch, scores } = scoreAllPairs(x, y, weights);
  const prepared = new Map(prepareCities([...x, ...y]).map((c) => [c.cityId, c]));
  for (let i = 0; i < x.length; i++) {
    for (let j = 0; j < y.length; j++) {
      const single = scorePair(prepared.get(x[i].cityId)!, prepared.get(y[j].cityId)!, weights, scores.scale!);
      expect(readPair(batch, scores, pairIndex(scores, i, j), weights)).toEqual(single);
    }
  }
}

function expectSameScores(a: BatchScores, b: BatchScores) {
  for (const k of ['similarity', 'internationalisation', 'synergy', 'relationship', 'overall', 'adjusted', 'similarityEvidence', 'confidence', 'indicatorsUsed', 'numericUsed', 'numericKnownX', 'numericKnownY', 'sectorsCompared', 'sharedSectors', 'assessments', 'links'] as const) {
    expect({ k, v: Array.from(a[k]) }).toEqual({ k, v: Array.from(b[k]) });
  }
  expect(a.indicatorsWeighted).toBe(b.indicatorsWeighted);
}

/** After incremental updates, calibrating again gives the scale a rebuild has. */
function expectSameScale(updated: BatchScores, rebuilt: BatchScores, weights: Weights = REPORT_DEFAULT_WEIGHTS) {
  expect(calibrateStars(updated, weights)).toEqual(rebuilt.scale);
}

describe('batch scoring equals single-pair scoring on the report’s 28 cities', () => {
  it('with the report-default profile, both ways round', () => {
    expectBatchEqualsSingle(gb, kr, REPORT_DEFAULT_WEIGHTS);
    expectBatchEqualsSingle(kr, gb, REPORT_DEFAULT_WEIGHTS);
  });

  it('with a custom profile (added indicators, zero weights, other thresholds)', () => {
    expectBatchEqualsSingle(gb, kr, CUSTOM);
  });

  it('covers every pillar state in the data (null, 0, positive)', () => {
    const { scores } = scoreAllPairs(gb, kr);
    const values = (a: Float64Array) => Array.from(a);
    expect(values(scores.internationalisation).some(Number.isNaN)).toBe(true);
    expect(values(scores.internationalisation).some((v) => v > 0)).toBe(true);
    expect(values(scores.synergy).some(Number.isNaN)).toBe(true);
    expect(values(scores.synergy).some((v) => v === 0)).toBe(true);
    expect(values(scores.relationship).filter((v) => v > 0)).toHaveLength(3); // Belfast–Daejeon, Glasgow–Daegu, Nottingham–Gwangju
  });
});

describe('rankings', () => {
  const { scores } = scoreAllPairs(gb, kr);

  it('ranks by the ranking score descending, then confidence, then pair key', () => {
    const ranked = Array.from(rankPairs(scores));
    const expected = Array.from({ length: scores.overall.length }, (_, p) => p).sort((p, q) => comparePairs(scores, p, q));
    expect(ranked).toEqual(expected);
    for (let k = 1; k < ranked.length; k++) {
      const [p, q] = [ranked[k - 1], ranked[k]];
      expect(scores.adjusted[p]).toBeGreaterThanOrEqual(scores.adjusted[q]);
      if (scores.adjusted[p] === scores.adjusted[q]) expect(scores.confidence[p]).toBeGreaterThanOrEqual(scores.confidence[q]);
    }
  });

  it('topK is the head of the ranking, with or without a filter', () => {
    const ranked = Array.from(rankPairs(scores));
    expect(Array.from(topK(scores, 10))).toEqual(ranked.slice(0, 10));
    expect(Array.from(topK(scores, 1000))).toEqual(ranked);
    expect(Array.from(topK(scores, 0))).toEqual([]);
    const threeStars = (p: number) => pairStars(scores, p).minPillarStars >= 2;
    expect(Array.from(topK(scores, 5, threeStars))).toEqual(ranked.filter(threeStars).slice(0, 5));
  });

  it('is the same whatever the order of the input cities', () => {
    const shuffled = scoreAllPairs([...gb].reverse(), [...kr].reverse()).scores;
    const keys = (s: BatchScores) => Array.from(rankPairs(s), (p) => `${s.cityIdsX[Math.floor(p / s.nY)]}~${s.cityIdsY[p % s.nY]}`);
    expect(keys(shuffled)).toEqual(keys(scores));
  });
});

describe('incremental updates', () => {
  const fresh = (x: CityEvidence[], y: CityEvidence[], w: Weights = REPORT_DEFAULT_WEIGHTS) => scoreAllPairs(x, y, w).scores;
  const replace = (list: CityEvidence[], next: CityEvidence) => list.map((c) => (c.cityId === next.cityId ? next : c));

  it('scorePairsForCity rescores one row or column in place', () => {
    const batch = buildBatch(gb, kr);
    const scores = scoreBatch(batch);
    const copy = scoreBatch(batch);
    scores.overall.fill(-1);
    for (let i = 0; i < batch.x.n; i++) scorePairsForCity(batch, 'x', i, REPORT_DEFAULT_WEIGHTS, scores);
    expectSameScores(scores, copy);
    expect(() => scorePairsForCity(batch, 'y', 99, REPORT_DEFAULT_WEIGHTS, scores)).toThrow(RangeError);
  });

  it('new readiness, sectors and a link: only that city’s pairs, same numbers as a rebuild', () => {
    const batch = buildBatch(gb, kr);
    const scores = scoreBatch(batch);
    const i = gb.findIndex((c) => c.cityId === 'liverpool');
    const liverpool: CityEvidence = {
      ...gb[i],
      readiness: testReadiness(4, 2, 3, 1),
      sectors: [...gb[i].sectors, { sector: 'ai', level: 2, projects: [], source: 'officer', asOf: '2026-05-01', enteredByUserId: 'u1' }],
      links: [
        ...gb[i].links,
        { id: 'new-link', otherCityId: 'busan', kind: 'city-to-city', partners: [], formality: 4, summary: { en: 'Twinning', ko: null }, since: 2026, source: 'officer', asOf: '2026-05-01', enteredByUserId: 'u1' },
      ],
    };
    const { update, pairsRescored } = applyCityUpdate(batch, scores, 'x', i, liverpool);
    expect(update).toEqual({ changedX: [i], changedY: [], scalesChanged: false });
    expect(pairsRescored).toBe(kr.length);
    expectSameScores(scores, fresh(replace(gb, liverpool), kr));
    expectSameScale(scores, fresh(replace(gb, liverpool), kr));
    expect(scores.relationship[pairIndex(scores, i, kr.findIndex((c) => c.cityId === 'busan'))]).toBe(1);
  });

  it('a new national leader moves the whole country', () => {
    const batch = buildBatch(gb, kr);
    const scores = scoreBatch(batch);
    const j = kr.findIndex((c) => c.cityId === 'daegu');
    const daegu: CityEvidence = { ...kr[j], indicators: kr[j].indicators.map((ev) => (ev.key === 'gdpPerCapitaUsdPpp' ? { ...ev, value: 90000 } : ev)) };
    const { update } = applyCityUpdate(batch, scores, 'y', j, daegu);
    expect(update.scalesChanged).toBe(true);
    expect(update.changedY).toHaveLength(kr.length);
    expectSameScores(scores, fresh(gb, replace(kr, daegu)));
    expectSameScale(scores, fresh(gb, replace(kr, daegu)));
  });

  it('removing a link, a new sector key and a new indicator key', () => {
    const batch = buildBatch(gb, kr);
    const scores = scoreBatch(batch, CUSTOM);
    const i = gb.findIndex((c) => c.cityId === 'belfast');
    const belfast: CityEvidence = {
      ...gb[i],
      links: [],
      sectors: [...gb[i].sectors, { sector: 'space', level: 3, projects: [], source: 'officer', asOf: null, enteredByUserId: 'u1' }],
      indicators: [...gb[i].indicators, { key: 'greenSpacePct', value: 30, source: 'officer', asOf: null, enteredByUserId: 'u1' }],
    };
    applyCityUpdate(batch, scores, 'x', i, belfast, CUSTOM);
    // Daejeon still lists the link towards Belfast, so the pair keeps it.
    const daejeon = kr.findIndex((c) => c.cityId === 'daejeon');
    expect(scores.links[pairIndex(scores, i, daejeon)]).toBe(1);
    expectSameScores(scores, fresh(replace(gb, belfast), kr, CUSTOM));

    const j = daejeon;
    const noLink: CityEvidence = { ...kr[j], links: [] };
    applyCityUpdate(batch, scores, 'y', j, noLink, CUSTOM);
    expect(scores.links[pairIndex(scores, i, j)]).toBe(0);
    expectSameScores(scores, fresh(replace(gb, belfast), replace(kr, noLink), CUSTOM));
    expectSameScale(scores, fresh(replace(gb, belfast), replace(kr, noLink), CUSTOM), CUSTOM);
  });

  it('refuses an update for a different city at that index', () => {
    const batch = buildBatch(gb, kr);
    expect(() => applyCityUpdate(batch, scoreBatch(batch), 'x', 0, gb[1])).toThrow(/not at index 0/);
  });
});
