import { prepareCities, PreparedCity } from './prepare';
import { loadReportCities, testReadiness } from './report-data.fixture';
import { allLinksBetween, internationalisationPillar, pairKey, relationshipPillar, scorePair, similarityPillar, synergyPillar } from './score';
import { CityEvidence, Weights } from './types';
import { RELATIONSHIP_STAR_CUTS, REPORT_DEFAULT_WEIGHTS, starsFor, validateWeights, weightedIndicators } from './weights';

const cities = loadReportCities();
const prepared = prepareCities(cities);
const city = (id: string): PreparedCity => prepared.find((c) => c.cityId === id)!;

describe('relative indicators (national leader = 1)', () => {
  it('divides by the country maximum, inverts ranks, maps governance, keeps 0/1 flags', () => {
    // UK leaders among the 14 UK cities: population Birmingham 2.9, best rank 2, governance established (Manchester),
    // GDP Belfast 42,700, STEM Manchester 0.9, scale-ups 4.1, start-ups 6.9, manufacturing Newcastle 15.
    const liverpool = city('liverpool').relative;
    expect(liverpool.get('metroPopulationMillions')).toBeCloseTo(2.2 / 2.9, 12);
    expect(liverpool.get('nationalSizeRank')).toBe(2 / 4);
    expect(liverpool.get('metroGovernance')).toBe(2 / 3);
    expect(liverpool.get('coastal')).toBe(1);
    expect(liverpool.get('capitalFunction')).toBe(0);
    expect(liverpool.get('gdpPerCapitaUsdPpp')).toBe(32900 / 42700);
    expect(liverpool.get('manufacturingSharePct')).toBe(12 / 15);
    expect(city('birmingham').relative.get('metroPopulationMillions')).toBe(1);
    // Korea: Sejong's "special" status counts as established (3/3), its rank 34 against Busan's 2.
    expect(city('sejong').relative.get('metroGovernance')).toBe(1);
    expect(city('sejong').relative.get('nationalSizeRank')).toBe(2 / 34);
  });

  it('leaves missing figures out instead of reading them as 0', () => {
    const nottingham = city('nottingham');
    expect(nottingham.relative.has('metroPopulationMillions')).toBe(false); // null in the data
    expect(nottingham.relative.has('metroGovernance')).toBe(false);
    expect(nottingham.relative.get('coastal')).toBe(0); // false is a value
    expect(city('sheffield').relative.has('gdpPerCapitaUsdPpp')).toBe(false);
  });

  it('takes the latest figure when an indicator was entered twice', () => {
    const base: CityEvidence = { cityId: 'x', countryCode: 'GB', peerGroup: null, indicators: [], readiness: null, sectors: [], links: [] };
    const ev = (value: number, asOf: string | null) => ({ key: 'metroPopulationMillions', value, source: 's', asOf, enteredByUserId: null });
    const [x] = prepareCities([
      { ...base, indicators: [ev(3, '2024-01-01'), ev(2, '2020-01-01'), ev(1, null)] },
      { ...base, cityId: 'y', indicators: [ev(6, null)] },
    ]);
    expect(x.indicators.get('metroPopulationMillions')!.raw).toBe(3);
    expect(x.relative.get('metroPopulationMillions')).toBe(0.5);
  });
});

describe('pillar 1: similarity', () => {
  it('Liverpool–Busan, by hand', () => {
    // relative (Liverpool | Busan), weight, |difference|
    //   population       2.2/2.9 = 0.7586 | 3.4/3.4 = 1        w 1    d 0.2414
    //   national rank    2/4     = 0.5    | 2/2     = 1        w 1    d 0.5
    //   governance       2/3 (emerging)   | 3/3 (established)  w 1    d 0.3333
    //   coastal          1                | 1                  w 1    d 0
    //   capital          0                | 0                  w 1    d 0
    //   GDP per capita   32900/42700 = 0.7705 | 31200/77300 = 0.4036  w 0.5  d 0.3669
    //   start-ups        1.7/6.9 = 0.2464 | 4.7/6.4 = 0.7344   w 0.5  d 0.4880
    //   scale-ups        0.9/4.1 = 0.2195 | 1.2/3.4 = 0.3529   w 0.5  d 0.1334
    //   manufacturing    12/15   = 0.8    | 44/44   = 1        w 0.5  d 0.2
    //   university STEM  0.72/0.9 = 0.8   | 0.66/0.84 = 0.7857 w 0.5  d 0.0143
    // Σw = 5 + 5 × 0.5 = 7.5; Σ w·d = 1.0747 + 0.5 × 1.2026 = 1.6760; similarity = 1 − 1.6760 / 7.5 = 0.7765
    const inherited = Math.abs(2.2 / 2.9 - 1) + Math.abs(2 / 4 - 1) + Math.abs(2 / 3 - 1) + 0 + 0;
    const performance =
      Math.abs(32900 / 42700 - 31200 / 77300) +
      Math.abs(1.7 / 6.9 - 4.7 / 6.4) +
      Math.abs(0.9 / 4.1 - 1.2 / 3.4) +
      Math.abs(12 / 15 - 44 / 44) +
      Math.abs(0.72 / 0.9 - 0.66 / 0.84);
    const expected = 1 - (inherited + 0.5 * performance) / 7.5;
    const s = scorePair(city('liverpool'), city('busan'));
    expect(expected).toBeCloseTo(0.7765, 4);
    expect(s.pillars.similarity.score).toBeCloseTo(expected, 12);
    expect(s.pillars.similarity.stars).toBe(3);
    expect(s.coverage.indicatorsUsed).toBe(10);
    expect(s.coverage.indicatorsWeighted).toBe(10);
  });

  it('Liverpool–Sejong uses only the six indicators both have', () => {
    // Sejong has population, rank, governance, coastal, capital and GDP; the four other performance figures are missing.
    // Σw = 5 + 0.5 = 5.5
    const inherited = Math.abs(2.2 / 2.9 - 0.4 / 3.4) + Math.abs(2 / 4 - 2 / 34) + Math.abs(2 / 3 - 1) + Math.abs(1 - 0) + Math.abs(0 - 1);
    const expected = 1 - (inherited + 0.5 * Math.abs(32900 / 42700 - 43200 / 77300)) / 5.5;
    const s = scorePair(city('liverpool'), city('sejong'));
    expect(s.pillars.similarity.score).toBeCloseTo(expected, 12);
    expect(s.coverage.indicatorsUsed).toBe(6);
    expect(s.coverage.indicatorsWeighted).toBe(10);
  });

  it('needs three numeric indicators known for both: yes/no flags alone never make a similarity', () => {
    const w = weightedIndicators(REPORT_DEFAULT_WEIGHTS);
    expect(similarityPillar(new Map(), new Map([['coastal', 1]]), w)).toEqual({ score: null, indicatorsUsed: 0, numericUsed: 0, weightUsed: 0 });
    const flags = new Map([
      ['coastal', 1],
      ['capitalFunction', 0],
    ]);
    expect(similarityPillar(flags, flags, w)).toEqual({ score: null, indicatorsUsed: 2, numericUsed: 0, weightUsed: 2 });
    const two = new Map([...flags, ['metroPopulationMillions', 0.5], ['gdpPerCapitaUsdPpp', 0.7]]);
    expect(similarityPillar(two, two, w).score).toBeNull();
    const three = new Map([...two, ['nationalSizeRank', 0.5]]);
    expect(similarityPillar(three, three, w)).toEqual({ score: 1, indicatorsUsed: 5, numericUsed: 3, weightUsed: 4.5 });
    expect(similarityPillar(three, new Map([...three, ['coastal', 0]]), w).score).toBeCloseTo(1 - 1 / 4.5, 14);
  });

  it('Nottingham, with only its two yes/no indicators, has no similarity with anyone, and says how much it knows', () => {
    for (const other of ['gwangju', 'suwon', 'jeonju', 'daegu']) {
      const s = scorePair(city('nottingham'), city(other));
      expect(s.pillars.similarity).toEqual({ score: null, stars: null, evidence: 0 });
      expect(s.coverage.numericUsed).toBe(0);
      expect(s.cityAId === 'nottingham' ? s.coverage.numericKnownA : s.coverage.numericKnownB).toBe(0);
      expect(s.coverage.numericWeighted).toBe(8);
    }
  });

  it('follows the profile: an unweighted indicator is ignored, a profile may add one', () => {
    const withTransit: Weights = { ...REPORT_DEFAULT_WEIGHTS, indicators: { ...REPORT_DEFAULT_WEIGHTS.indicators, massTransitScore: 0.5 } };
    const a = scorePair(city('busan'), city('glasgow'));
    const b = scorePair(city('busan'), city('glasgow'), withTransit);
    expect(a.coverage.indicatorsUsed).toBe(10);
    expect(b.coverage.indicatorsUsed).toBe(11);
    expect(b.coverage.indicatorsWeighted).toBe(11);
  });
});

describe('pillar 2: internationalisation', () => {
  it('half closeness, half level, by hand', () => {
    // n_a = (3 + 1 + 2 + 1) / 14 = 1/2, n_b = (4 + 2 + 2 + 2) / 14 = 10/14
    // 0.5 × (1 − 3/14) + 0.5 × (17/14) / 2 = 22/56 + 17/56 = 39/56
    expect(internationalisationPillar(7 / 14, 10 / 14)).toBeCloseTo(39 / 56, 14);
    expect(internationalisationPillar(1, 1)).toBe(1);
    expect(internationalisationPillar(0.5, null)).toBeNull();
  });

  it('reads readiness from the evidence, clamped to the rubric', () => {
    const [a, b] = prepareCities([
      { ...cities[0], readiness: testReadiness(3, 1, 2, 1) },
      { ...cities[14], readiness: testReadiness(9, 2, 2, 2) }, // strategy 9 is clamped to 5
    ]);
    expect(b.readinessShare).toBe(11 / 14);
    expect(scorePair(a, b).pillars.internationalisation.score).toBeCloseTo(0.5 * (1 - 4 / 14) + 0.5 * (18 / 14 / 2), 14);
    expect(scorePair(a, b).coverage.assessments).toBe(2);
    expect(scorePair(city('liverpool'), city('busan')).pillars.internationalisation).toEqual({ score: null, stars: null, evidence: 0 });
  });
});

describe('pillar 3: synergy', () => {
  it('Liverpool–Busan, by hand', () => {
    // shared: data_management (1, 1) → 0.5; ports (3, 3) → 1; renewables (3, 3) → 1; hydrogen (1, 1) → 0.5
    // Σ = 3, synergy = 3 / 4 = 0.75; compared = Liverpool's 8 + Busan's ar_vr, advanced_manufacturing, ai = 11
    const s = scorePair(city('liverpool'), city('busan'));
    expect(s.pillars.synergy).toEqual({ score: 0.75, stars: 3, evidence: 1 });
    expect(s.sharedSectors).toEqual(['data_management', 'hydrogen', 'ports', 'renewables']);
    expect(s.coverage.sectorsCompared).toBe(11);
    expect(s.coverage.sharedSectors).toBe(4);
  });

  it('Glasgow–Daegu: levels 2+2 and 3+3, by hand', () => {
    // shared: civic_social_economy (2, 2) → 0.5, advanced_manufacturing (3, 3) → 1, water (1, 3) → 0.75; Σ = 2.25 → 0.5625
    expect(scorePair(city('glasgow'), city('daegu')).pillars.synergy.score).toBe(2.25 / 4);
  });

  it('is null without sector evidence, 0 when none is shared, and saturates at 1', () => {
    const lv = (pairs: Array<[string, 1 | 2 | 3]>) => ({ sectorLevels: new Map(pairs), hasSectorEvidence: pairs.length > 0 });
    expect(synergyPillar(lv([]), lv([['ai', 3]])).score).toBeNull();
    expect(synergyPillar(lv([['ai', 3]]), lv([['iot', 3]])).score).toBe(0);
    const five: Array<[string, 3]> = ['a', 'b', 'c', 'd', 'e'].map((s) => [s, 3]);
    expect(synergyPillar(lv(five), lv(five)).score).toBe(1);
    expect(scorePair(city('leeds'), city('busan')).pillars.synergy.score).toBeNull();
  });
});

describe('pillar 4: relationship', () => {
  it('is the highest formality / 4 and 0 without a link, never null', () => {
    expect(scorePair(city('belfast'), city('daejeon')).pillars.relationship).toEqual({ score: 0.75, stars: 3, evidence: 1 });
    expect(scorePair(city('belfast'), city('daejeon')).coverage.links).toBe(1); // listed on both cities, counted once
    expect(scorePair(city('glasgow'), city('daegu')).pillars.relationship).toEqual({ score: 0.25, stars: 1, evidence: 1 });
    expect(scorePair(city('liverpool'), city('busan')).pillars.relationship).toEqual({ score: 0, stars: 1, evidence: 1 });
    expect(relationshipPillar([1, 4, 2])).toBe(1);
    expect(relationshipPillar([7])).toBe(1);
  });

  it("reads its stars from the report's rubric: formality 0–1 one star, 2 two, 3–4 three", () => {
    expect([0, 1, 2, 3, 4].map((f) => starsFor(relationshipPillar([f]), RELATIONSHIP_STAR_CUTS))).toEqual([1, 1, 2, 3, 3]);
  });

  it('scores live links only: a declined or closed twinning is history, shown but not scored', () => {
    const [a, b] = prepareCities([
      { ...cities.find((c) => c.cityId === 'liverpool')!, links: [] },
      {
        ...cities.find((c) => c.cityId === 'busan')!,
        links: [
          { id: 'old', otherCityId: 'liverpool', kind: 'twinning', partners: [], formality: 4, summary: { en: 'Closed twinning', ko: null }, since: 2020, live: false, source: 'platform', asOf: null, enteredByUserId: null },
          { id: 'visit', otherCityId: 'liverpool', kind: 'delegation', partners: [], formality: 1, summary: { en: 'Visit', ko: null }, since: 2024, source: 'officer', asOf: null, enteredByUserId: null },
        ],
      },
    ]);
    const s = scorePair(a, b);
    expect(s.pillars.relationship.score).toBe(0.25);
    expect(s.coverage.links).toBe(1);
    expect(allLinksBetween(a, b).map((l) => l.id)).toEqual(['old', 'visit']);
  });
});

describe('stars and overall', () => {
  it('cuts at the thresholds: below the first 1, below the second 2, else 3', () => {
    const t: [number, number] = [1 / 3, 2 / 3];
    expect(starsFor(0, t)).toBe(1);
    expect(starsFor(0.3333, t)).toBe(1);
    expect(starsFor(1 / 3, t)).toBe(2);
    expect(starsFor(0.6666, t)).toBe(2);
    expect(starsFor(2 / 3, t)).toBe(3);
    expect(starsFor(1, t)).toBe(3);
    expect(starsFor(0.5, [0.5, 0.9])).toBe(2);
  });

  it('averages the pillars that have a score, with their weights (the observed score)', () => {
    const s = scorePair(city('liverpool'), city('busan'));
    const sim = s.pillars.similarity.score!;
    expect(s.overall).toBeCloseTo((sim + 0.75 + 0) / 3, 14); // internationalisation null: left out
    expect(s.minPillarStars).toBe(0);
    const w: Weights = { ...REPORT_DEFAULT_WEIGHTS, pillars: { similarity: 2, internationalisation: 5, synergy: 1, relationship: 0 } };
    expect(scorePair(city('liverpool'), city('busan'), w).overall).toBeCloseTo((2 * sim + 0.75) / 3, 14);
  });

  it('reports confidence as the pillar-weighted share of evidence', () => {
    // similarity 10/10 indicators, no readiness, both with sectors, relationship 1 → (1 + 0 + 1 + 1) / 4
    const s = scorePair(city('liverpool'), city('busan'));
    expect(s.coverage.confidence).toBe(0.75);
    expect(s.coverage.confidenceLabel).toBe('medium');
    // Nottingham–Jeju: no similarity (below the minimum), no readiness, no sectors; relationship 1
    const n = scorePair(city('nottingham'), city('jeju'));
    expect(n.coverage.confidence).toBe(1 / 4);
    expect(n.coverage.confidenceLabel).toBe('low');
    // Liverpool–Sejong: 6 indicators used of weight 5.5/7.5
    expect(scorePair(city('liverpool'), city('sejong')).pillars.similarity.evidence).toBeCloseTo(5.5 / 7.5, 14);
  });

  it('ranks by the ranking score: each pillar in proportion to its evidence, by hand', () => {
    // Liverpool–Sejong: similarity s over 5.5/7.5 of the weight; no readiness; synergy y; no link
    const s = scorePair(city('liverpool'), city('sejong'));
    const sim = s.pillars.similarity.score!;
    const syn = s.pillars.synergy.score!;
    expect(s.adjusted).toBeCloseTo(((5.5 / 7.5) * sim + 0 + syn + 0) / 4, 14);
    expect(s.overall).toBeCloseTo((sim + syn + 0) / 3, 14);
    expect(s.adjusted).toBeLessThan(s.overall);
    // The most it could reach: every missing share at full marks.
    expect(s.potential).toBeCloseTo(s.adjusted + (1 - s.coverage.confidence), 14);
    // A pair's missing pillar no longer lifts it: Liverpool–Incheon (no sector evidence for Incheon)
    // now ranks below Liverpool–Daegu, which shares sectors.
    expect(scorePair(city('liverpool'), city('incheon')).pillars.synergy.score).toBeNull();
    expect(scorePair(city('liverpool'), city('daegu')).adjusted).toBeGreaterThan(scorePair(city('liverpool'), city('incheon')).adjusted);
  });
});

describe('pair identity', () => {
  it('pairKey sorts the ids; scores are symmetric', () => {
    expect(pairKey('liverpool', 'busan')).toBe('busan~liverpool');
    expect(pairKey('busan', 'liverpool')).toBe('busan~liverpool');
    expect(scorePair(city('liverpool'), city('busan'))).toEqual(scorePair(city('busan'), city('liverpool')));
  });

  it('rejects a city paired with itself and bad weights', () => {
    expect(() => scorePair(city('busan'), city('busan'))).toThrow(RangeError);
    expect(() => validateWeights({ ...REPORT_DEFAULT_WEIGHTS, pillars: { similarity: 0, internationalisation: 0, synergy: 0, relationship: 0 } })).toThrow(/At least one/);
    expect(() => validateWeights({ ...REPORT_DEFAULT_WEIGHTS, indicators: { coastal: -1 } })).toThrow(/coastal/);
    expect(() => validateWeights({ ...REPORT_DEFAULT_WEIGHTS, starThresholds: [0.8, 0.2] })).toThrow(/thresholds/);
  });
});
