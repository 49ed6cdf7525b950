import fc from 'fast-check';
import { buildBatch, pairIndex, readPair, scoreBatch } from './batch';
import { explainPair } from './explain';
import { prepareCities } from './prepare';
import { REPORT_INDICATOR_KEYS } from './report-data.fixture';
import { confidenceOf, rankingScore, scorePair } from './score';
import { CityEvidence, IndicatorEvidence, LinkEvidence, PillarKey, PILLARS, SectorEvidence, Weights } from './types';
import { computeTypology } from './typology';
import { BINARY_INDICATORS, INVERTED_INDICATORS, REPORT_DEFAULT_WEIGHTS, weightedIndicators } from './weights';
import { rankPairs } from './rank';

const SECTORS = ['hydrogen', 'ai', 'iot', '5g', 'ports', 'water', 'e_mobility'];
const prov = { source: 'property', asOf: null, enteredByUserId: null };

function valueArb(key: string): fc.Arbitrary<IndicatorEvidence['value']> {
  if (key === 'metroGovernance') return fc.constantFrom('nascent', 'emerging', 'established', 'special', null);
  if (key === 'coastal' || key === 'capitalFunction') return fc.option(fc.boolean(), { nil: null });
  if (key.endsWith('Rank')) return fc.option(fc.integer({ min: 1, max: 60 }), { nil: null });
  return fc.option(fc.double({ min: 0, max: 1000, noNaN: true }), { nil: null, freq: 6 });
}

const indicatorsArb: fc.Arbitrary<IndicatorEvidence[]> = fc
  .tuple(...REPORT_INDICATOR_KEYS.map((key) => fc.option(valueArb(key), { nil: undefined, freq: 4 }).map((value) => ({ key, value }))))
  .map((entries) => entries.filter((e) => e.value !== undefined).map((e) => ({ key: e.key, value: e.value as IndicatorEvidence['value'], ...prov })));

const readinessArb = fc.option(
  fc.record({ strategy: fc.integer({ min: 1, max: 5 }), visibleHome: fc.integer({ min: 0, max: 2 }), networks: fc.integer({ min: 0, max: 3 }), collaboration: fc.integer({ min: 0, max: 4 }) }).map((r) => ({ ...r, ...prov })),
  { nil: null },
);

const sectorsArb: fc.Arbitrary<SectorEvidence[]> = fc.uniqueArray(
  fc.record({ sector: fc.constantFrom(...SECTORS), level: fc.constantFrom(1 as const, 2 as const, 3 as const) }).map((s) => ({ ...s, projects: [], ...prov })),
  { selector: (s) => s.sector, maxLength: 5 },
);

interface CityDraft {
  indicators: IndicatorEvidence[];
  readiness: CityEvidence['readiness'];
  sectors: SectorEvidence[];
}
const draftArb: fc.Arbitrary<CityDraft> = fc.record({ indicators: indicatorsArb, readiness: readinessArb, sectors: sectorsArb });

/** Two countries of 1–4 cities each, with a few links between them. */
const worldArb = fc
  .record({
    gb: fc.array(draftArb, { minLength: 1, maxLength: 4 }),
    kr: fc.array(draftArb, { minLength: 1, maxLength: 4 }),
    links: fc.array(fc.record({ i: fc.nat(3), j: fc.nat(3), formality: fc.integer({ min: 0, max: 4 }), onKr: fc.boolean() }), { maxLength: 4 }),
  })
  .map(({ gb, kr, links }) => {
    const make = (d: CityDraft, n: number, country: string): CityEvidence => ({ cityId: `${country.toLowerCase()}${n}`, countryCode: country, peerGroup: null, ...d, links: [] });
    const x = gb.map((d, n) => make(d, n, 'GB'));
    const y = kr.map((d, n) => make(d, n, 'KR'));
    links.forEach((l, n) => {
      const a = x[l.i % x.length];
      const b = y[l.j % y.length];
      const link: LinkEvidence = { id: `l${n}`, otherCityId: l.onKr ? a.cityId : b.cityId, kind: 'research', partners: [], formality: l.formality, summary: { en: 'Link', ko: null }, since: null, ...prov };
      (l.onKr ? b : a).links.push(link);
    });
    return { x, y };
  });

const weightsArb: fc.Arbitrary<Weights> = fc.record({
  pillars: fc
    .record({ similarity: fc.integer({ min: 0, max: 4 }), internationalisation: fc.integer({ min: 0, max: 4 }), synergy: fc.integer({ min: 0, max: 4 }), relationship: fc.integer({ min: 0, max: 4 }) })
    .filter((p) => p.similarity + p.internationalisation + p.synergy + p.relationship > 0),
  indicators: fc.constantFrom(REPORT_DEFAULT_WEIGHTS.indicators, { ...REPORT_DEFAULT_WEIGHTS.indicators, massTransitScore: 0.7, universityStemGlobalRank: 0.2, coastal: 0 }),
  starThresholds: fc.constant([1 / 3, 2 / 3] as [number, number]),
});

const inUnit = (v: number | null) => v === null || (v >= 0 && v <= 1);

/** Scores two cities prepared on their own (each the leader of its country). */
const scoreOf = (a: CityEvidence, b: CityEvidence) => {
  const [pa, pb] = prepareCities([a, b]);
  return scorePair(pa, pb);
};

/** Fisher–Yates driven by the given random numbers. */
function shuffle<T>(items: readonly T[], rnd: readonly number[]): T[] {
  const out = [...items];
  for (let k = out.length - 1; k > 0; k--) {
    const m = rnd[k % rnd.length] % (k + 1);
    [out[k], out[m]] = [out[m], out[k]];
  }
  return out;
}

describe('pairing engine properties', () => {
  it('every score is in [0, 1], and the batch gives the single-pair numbers', () => {
    fc.assert(
      fc.property(worldArb, weightsArb, ({ x, y }, weights) => {
        const prepared = new Map(prepareCities([...x, ...y]).map((c) => [c.cityId, c]));
        const batch = buildBatch(x, y);
        const scores = scoreBatch(batch, weights);
        x.forEach((a, i) =>
          y.forEach((b, j) => {
            const s = scorePair(prepared.get(a.cityId)!, prepared.get(b.cityId)!, weights, scores.scale!);
            for (const p of PILLARS) expect(inUnit(s.pillars[p].score) && inUnit(s.pillars[p].evidence)).toBe(true);
            expect(inUnit(s.overall) && inUnit(s.adjusted) && inUnit(s.potential) && inUnit(s.coverage.confidence)).toBe(true);
            // The ranking score is the low end of what the evidence allows, the potential its high end.
            expect(s.adjusted).toBeLessThanOrEqual(s.overall + 1e-12);
            expect(s.potential).toBeGreaterThanOrEqual(s.adjusted);
            expect(readPair(batch, scores, pairIndex(scores, i, j), weights)).toEqual(s);
          }),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('is symmetric: score(a, b) = score(b, a), explanations too', () => {
    fc.assert(
      fc.property(worldArb, ({ x, y }) => {
        const [a, b] = prepareCities([x[0], y[0]]);
        expect(scorePair(a, b)).toEqual(scorePair(b, a));
        expect(explainPair(a, b)).toEqual(explainPair(b, a));
      }),
      { numRuns: 100 },
    );
  });

  it('adding a shared sector, or raising a level, never lowers synergy', () => {
    fc.assert(
      fc.property(
        draftArb,
        draftArb,
        fc.constantFrom(...SECTORS, 'space'),
        fc.constantFrom(1 as const, 2 as const, 3 as const),
        fc.constantFrom(1 as const, 2 as const, 3 as const),
        (da, db, sector, la, lb) => {
          const a: CityEvidence = { cityId: 'a', countryCode: 'GB', peerGroup: null, ...da, links: [] };
          const b: CityEvidence = { cityId: 'b', countryCode: 'KR', peerGroup: null, ...db, links: [] };
          const before = scoreOf(a, b).pillars.synergy.score;
          const add = (c: CityEvidence, level: 1 | 2 | 3): CityEvidence => ({ ...c, sectors: [...c.sectors, { sector, level, projects: [], ...prov }] });
          const after = scoreOf(add(a, la), add(b, lb)).pillars.synergy.score!;
          expect(after).not.toBeNull();
          if (before !== null) expect(after).toBeGreaterThanOrEqual(before);
          // Raising one city's level in that sector afterwards never lowers it either.
          const raised = scoreOf(add(add(a, la), 3), add(b, lb)).pillars.synergy.score!;
          expect(raised).toBeGreaterThanOrEqual(after);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('removing an indicator lowers coverage and never invents a value', () => {
    fc.assert(
      fc.property(worldArb, fc.nat(), ({ x, y }, pick) => {
        const [a, b] = prepareCities([x[0], y[0]]);
        const shared = weightedIndicators(REPORT_DEFAULT_WEIGHTS)
          .map(([k]) => k)
          .filter((k) => a.relative.has(k) && b.relative.has(k));
        fc.pre(shared.length > 0);
        const key = shared[pick % shared.length];
        const before = scorePair(a, b);
        const lessA: CityEvidence = { ...x[0], indicators: x[0].indicators.filter((ev) => ev.key !== key) };
        const [a2, b2] = prepareCities([lessA, y[0]]);
        const after = scorePair(a2, b2);
        expect(a2.relative.has(key)).toBe(false);
        expect(after.coverage.indicatorsUsed).toBe(before.coverage.indicatorsUsed - 1);
        expect(after.coverage.confidence).toBeLessThanOrEqual(before.coverage.confidence);
        // Strictly, unless similarity counted nothing before (below the minimum of numeric indicators).
        if (before.pillars.similarity.score !== null) expect(after.coverage.confidence).toBeLessThan(before.coverage.confidence);
        const row = explainPair(a2, b2).similarity.indicators.find((i) => i.key === key)!;
        expect(row).toMatchObject({ used: false, relativeA: null, rawA: null, difference: null, contribution: 0, missing: 'a' });
        const batch = buildBatch([lessA], [y[0]]);
        expect(Number.isNaN(batch.x.relative[batch.indicatorKeys.indexOf(key)])).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  // --- The ranking score and evidence (METHOD.md, choice 7) ---------------------------------

  /** A pillar's observed score (null = no score) and the share of its evidence present. */
  const pillarArb = fc.oneof(
    fc.constant({ score: null as number | null, evidence: 0 }),
    fc.record({ score: fc.double({ min: 0, max: 1, noNaN: true }) as fc.Arbitrary<number | null>, evidence: fc.double({ min: 0, max: 1, noNaN: true }) }),
  );
  const observedArb = fc.record({ similarity: pillarArb, internationalisation: pillarArb, synergy: pillarArb, relationship: pillarArb });

  it('with the same observed values, a pair with less evidence never ranks above a pair with more', () => {
    fc.assert(
      fc.property(observedArb, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }), weightsArb, fc.boolean(), (more, cut, weights, lessFirstByKey) => {
        // The pair with less evidence: each pillar's share scaled down (a pillar with no score has none).
        const less = Object.fromEntries(PILLARS.map((p, k) => [p, { score: more[p].score, evidence: more[p].evidence * cut[k] }])) as typeof more;
        const shares = (o: typeof more) => Object.fromEntries(PILLARS.map((p) => [p, o[p].score === null ? 0 : o[p].evidence])) as Record<PillarKey, number>;
        const scoresOf = (o: typeof more) => Object.fromEntries(PILLARS.map((p) => [p, o[p].score])) as Record<PillarKey, number | null>;
        const input = {
          adjusted: Float64Array.from([rankingScore(scoresOf(less), shares(less), weights), rankingScore(scoresOf(more), shares(more), weights)]),
          confidence: Float64Array.from([confidenceOf(shares(less), weights), confidenceOf(shares(more), weights)]),
          nY: 2,
          // Whichever pair the key would put first, evidence decides before it does.
          cityIdsX: ['x'],
          cityIdsY: lessFirstByKey ? ['a', 'b'] : ['b', 'a'],
        };
        const [first] = Array.from(rankPairs(input));
        if (first === 0) {
          // The thinner pair may come first only when the two are indistinguishable on evidence and score.
          expect(input.adjusted[0]).toBe(input.adjusted[1]);
          expect(input.confidence[0]).toBe(input.confidence[1]);
        }
      }),
      { numRuns: 500 },
    );
  });

  /** One piece of a city's evidence taken away, as an officer deleting or clearing it would. */
  const removals: Array<(c: CityEvidence, pick: number) => CityEvidence | null> = [
    (c, pick) => (c.indicators.length ? { ...c, indicators: c.indicators.filter((_, k) => k !== pick % c.indicators.length) } : null),
    (c) => (c.readiness ? { ...c, readiness: null } : null),
    (c, pick) => (c.sectors.length ? { ...c, sectors: c.sectors.filter((_, k) => k !== pick % c.sectors.length) } : null),
    (c) => (c.sectors.length ? { ...c, sectors: [] } : null),
    (c, pick) => (c.links.length ? { ...c, links: c.links.filter((_, k) => k !== pick % c.links.length) } : null),
  ];

  /** The ranking score of every pair of a world, by pair key. */
  const rankingScores = (cities: CityEvidence[], weights: Weights = REPORT_DEFAULT_WEIGHTS) => {
    const prepared = prepareCities(cities);
    const out = new Map<string, number>();
    for (const a of prepared) for (const b of prepared) if (a.countryCode === 'GB' && b.countryCode === 'KR') out.set(`${a.cityId}~${b.cityId}`, scorePair(a, b, weights).adjusted);
    return out;
  };

  it("removing a pillar's evidence never raises a pair's ranking score", () => {
    fc.assert(
      fc.property(worldArb, weightsArb, fc.nat(4), fc.nat(), fc.boolean(), ({ x, y }, weights, kind, pick, onX) => {
        const side = onX ? x : y;
        const city = side[pick % side.length];
        const thinner = removals[kind](city, pick);
        fc.pre(thinner !== null);
        const before = rankingScores([...x, ...y], weights);
        const after = rankingScores([...x, ...y].map((c) => (c.cityId === city.cityId ? thinner! : c)), weights);
        // Every pair of that city: its own evidence shrank (the other pairs may move with a national leader).
        for (const [key, score] of after) if (key.split('~').includes(city.cityId)) expect(score).toBeLessThanOrEqual(before.get(key)! + 1e-12);
      }),
      { numRuns: 300 },
    );
  });

  it('adding agreeing evidence never lowers it: a figure matching the partner, its readiness, its sectors, a link', () => {
    fc.assert(
      fc.property(worldArb, weightsArb, fc.nat(3), fc.nat(), ({ x, y }, weights, kind, pick) => {
        const a = x[0];
        const b = y[pick % y.length];
        const prepared = prepareCities([...x, ...y]);
        const pa = prepared.find((c) => c.cityId === a.cityId)!;
        const pb = prepared.find((c) => c.cityId === b.cityId)!;
        let richer: CityEvidence | null = null;
        if (kind === 0) {
          // A figure B has and A lacks, at A's national leader's level times B's relative value, so A's
          // relative value agrees with B's and no leader moves.
          const key = weightedIndicators(weights)
            .map(([k]) => k)
            .find((k) => !pa.relative.has(k) && pb.relative.has(k) && k !== 'metroGovernance');
          const others = prepared.filter((c) => c.countryCode === 'GB' && c.cityId !== a.cityId && key !== undefined && c.indicators.has(key));
          if (key !== undefined) {
            const r = pb.relative.get(key)!;
            const value = BINARY_INDICATORS.has(key)
              ? r === 1
              : others.length === 0
                ? r === 1 ? 1 : null // A would lead its country: only a full match agrees
                : INVERTED_INDICATORS.has(key)
                  ? r > 0 ? Math.min(...others.map((c) => c.indicators.get(key)!.numeric)) / r : null
                  : r * Math.max(...others.map((c) => c.indicators.get(key)!.numeric));
            if (value !== null && !(typeof value === 'number' && INVERTED_INDICATORS.has(key) && value < 1)) {
              richer = { ...a, indicators: [...a.indicators, { key, value, ...prov }] };
            }
          }
        } else if (kind === 1 && !a.readiness && b.readiness) {
          richer = { ...a, readiness: { ...b.readiness } };
        } else if (kind === 2 && a.sectors.length === 0 && b.sectors.length > 0) {
          richer = { ...a, sectors: b.sectors.map((s) => ({ ...s })) };
        } else if (kind === 3) {
          richer = { ...a, links: [...a.links, { id: 'agreeing', otherCityId: b.cityId, kind: 'research', partners: [], formality: 3, summary: { en: 'Link', ko: null }, since: null, ...prov }] };
        }
        fc.pre(richer !== null);
        const key = `${a.cityId}~${b.cityId}`;
        const before = rankingScores([...x, ...y], weights).get(key)!;
        const after = rankingScores([...x, ...y].map((c) => (c.cityId === a.cityId ? richer! : c)), weights).get(key)!;
        expect(after).toBeGreaterThanOrEqual(before - 1e-12);
      }),
      { numRuns: 400 },
    );
  });

  it('typology ratings do not depend on the order of the input', () => {
    fc.assert(
      fc.property(worldArb, fc.array(fc.nat(), { minLength: 16, maxLength: 16 }), ({ x, y }, rnd) => {
        const cities = [...x, ...y];
        // Shuffle the cities, and each city's indicator list.
        const reordered = shuffle(cities, rnd).map((c, n) => ({ ...c, indicators: shuffle(c.indicators, rnd.map((r) => r + n)) }));
        expect(computeTypology(reordered)).toEqual(computeTypology(cities));
      }),
      { numRuns: 100 },
    );
  });
});
