import fc from 'fast-check';
import { buildBatch, pairIndex, readPair, scoreBatch } from './batch';
import { explainPair } from './explain';
import { prepareCities } from './prepare';
import { REPORT_INDICATOR_KEYS } from './report-data.fixture';
import { scorePair } from './score';
import { CityEvidence, IndicatorEvidence, LinkEvidence, PILLARS, SectorEvidence, Weights } from './types';
import { computeTypology } from './typology';
import { REPORT_DEFAULT_WEIGHTS, weightedIndicators } from './weights';

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
      const link: LinkEvidence = { id: `l${n}`, otherCityId: l.onKr ? a.cityId : b.cityId, kind: 'research', partners: [], formality: l.formality, summary: '', since: null, ...prov };
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
            const s = scorePair(prepared.get(a.cityId)!, prepared.get(b.cityId)!, weights);
            for (const p of PILLARS) expect(inUnit(s.pillars[p].score)).toBe(true);
            expect(inUnit(s.overall) && inUnit(s.coverage.confidence)).toBe(true);
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
        expect(after.coverage.confidence).toBeLessThan(before.coverage.confidence);
        const row = explainPair(a2, b2).similarity.indicators.find((i) => i.key === key)!;
        expect(row).toMatchObject({ used: false, relativeA: null, rawA: null, difference: null, contribution: 0, missing: 'a' });
        const batch = buildBatch([lessA], [y[0]]);
        expect(Number.isNaN(batch.x.relative[batch.indicatorKeys.indexOf(key)])).toBe(true);
      }),
      { numRuns: 150 },
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
