import { loadReportCities, testReadiness } from './report-data.fixture';
import { CityEvidence, IndicatorEvidence } from './types';
import { archetypeLabel, computeTypology, typologyBenchmarks } from './typology';

const ind = (key: string, value: IndicatorEvidence['value']): IndicatorEvidence => ({ key, value, source: 'test', asOf: null, enteredByUserId: null });
const cityOf = (cityId: string, countryCode: string, indicators: IndicatorEvidence[], readiness: CityEvidence['readiness'] = null): CityEvidence => ({
  cityId,
  countryCode,
  peerGroup: null,
  indicators,
  readiness,
  sectors: [],
  links: [],
});

describe('City Typology Index', () => {
  it('one benchmark of three cities, by hand', () => {
    // All start at 1500, so every expected score is 0.5. a > b > c on start-ups:
    // a: 16 × (1 − 0.5) × 2 = +16; b: +8 − 8 = 0; c: −16.
    const t = computeTypology([
      cityOf('c', 'GB', [ind('startupHqIndex', 1)]),
      cityOf('a', 'GB', [ind('startupHqIndex', 9)]),
      cityOf('b', 'GB', [ind('startupHqIndex', 5)]),
    ]);
    expect(t.cities.map((c) => c.domains.ecosystem.rating)).toEqual([1516, 1500, 1484]);
    expect(t.cities.map((c) => c.domains.ecosystem.label)).toEqual(['Non-converter', 'Non-converter', 'Non-converter']); // 1516 and 1484 sit inside 1500 ± 20
    expect(t.cities[0].domains.ecosystem).toMatchObject({ benchmarks: 1, comparisons: 2 });
    expect(t.cities[0].domains.systems).toEqual({ rating: null, label: 'Unrated', benchmarks: 0, comparisons: 0 });
  });

  it('second benchmark starts from the first’s ratings; draws score a half', () => {
    // ecosystem|GB|gdpPerCapitaUsdPpp runs before ecosystem|GB|startupHqIndex (key order).
    // GDP: x beats y: x 1508, y 1492. Start-ups: equal → draw; expected for x = 1/(1 + 10^(−16/400)).
    const t = computeTypology([cityOf('x', 'GB', [ind('gdpPerCapitaUsdPpp', 50000), ind('startupHqIndex', 3)]), cityOf('y', 'GB', [ind('gdpPerCapitaUsdPpp', 40000), ind('startupHqIndex', 3)])]);
    const ex = 1 / (1 + Math.pow(10, -16 / 400));
    expect(t.cities[0].domains.ecosystem.rating).toBeCloseTo(1508 + 16 * (0.5 - ex), 12);
    expect(t.cities[1].domains.ecosystem.rating).toBeCloseTo(1492 + 16 * (0.5 - (1 - ex)), 12);
  });

  it('compares cities only within their country for indicators, across countries for readiness', () => {
    const cities = [
      cityOf('gb1', 'GB', [ind('metroPopulationMillions', 2)], testReadiness(5, 2, 3, 4)),
      cityOf('gb2', 'GB', [ind('metroPopulationMillions', 1)], null),
      cityOf('kr1', 'KR', [ind('metroPopulationMillions', 3)], testReadiness(1, 0, 0, 0)),
    ];
    const keys = typologyBenchmarks(cities).map((b) => `${b.key}:${b.participants.length}`);
    expect(keys).toEqual([
      'strategy|*|collaboration:2',
      'strategy|*|networks:2',
      'strategy|*|strategy:2',
      'strategy|*|visibleHome:2',
      'systems|GB|metroPopulationMillions:2',
      'systems|KR|metroPopulationMillions:1',
    ]);
    const t = computeTypology(cities);
    const kr1 = t.cities.find((c) => c.cityId === 'kr1')!;
    expect(kr1.domains.systems.rating).toBeNull(); // alone in its benchmark: never compared
    expect(kr1.domains.strategy.label).toBe('Aspirer');
    expect(t.cities.find((c) => c.cityId === 'gb1')!.domains.strategy.label).toBe('Strategist');
    expect(typologyBenchmarks(cities, { readinessScope: 'national' }).map((b) => b.key)).toContain('strategy|KR|strategy');
  });

  it('labels by the documented bands', () => {
    expect(['systems', 'ecosystem', 'strategy'].map((d) => archetypeLabel(d as 'systems', 1520))).toEqual(['Innovator', 'Mobiliser', 'Strategist']);
    expect(['systems', 'ecosystem', 'strategy'].map((d) => archetypeLabel(d as 'systems', 1480))).toEqual(['Prospector', 'Non-converter', 'Catalyser']);
    expect(['systems', 'ecosystem', 'strategy'].map((d) => archetypeLabel(d as 'systems', 1479.99))).toEqual(['Prospector', 'Embryonic', 'Aspirer']);
    expect(archetypeLabel('strategy', null)).toBe('Unrated');
  });

  it('on the report’s 28 cities: ratings are conserved and the national leaders lead', () => {
    const t = computeTypology(loadReportCities());
    for (const d of ['systems', 'ecosystem'] as const) {
      const rated = t.cities.filter((c) => c.domains[d].rating !== null);
      const sum = rated.reduce((s, c) => s + c.domains[d].rating!, 0);
      expect(sum).toBeCloseTo(1500 * rated.length, 6); // each game moves as much up as down
    }
    const systems = (id: string) => t.cities.find((c) => c.cityId === id)!.domains.systems;
    expect(systems('busan').rating!).toBeGreaterThan(systems('jeju').rating!);
    expect(systems('busan').label).toBe('Innovator');
    expect(systems('nottingham').benchmarks).toBe(1); // only its capital-function flag is known
    expect(t.cities.every((c) => c.domains.strategy.label === 'Unrated')).toBe(true); // the data has no readiness
  });
});
