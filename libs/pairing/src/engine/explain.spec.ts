import { explainPair, indicatorLabel, sectorLabel } from './explain';
import { nationalLeaders, prepareCities, PreparedCity } from './prepare';
import { loadReportCities, testReadiness } from './report-data.fixture';
import { scorePair } from './score';

const cities = loadReportCities();
const prepared = prepareCities(cities);
const city = (id: string): PreparedCity => prepared.find((c) => c.cityId === id)!;

describe('explainPair', () => {
  const cityNames: Record<string, { en: string; ko: string }> = { busan: { en: 'Busan', ko: '부산' }, liverpool: { en: 'Liverpool', ko: '리버풀' } };
  const names = {
    city: (id: string) => cityNames[id] ?? { en: id, ko: id },
    indicator: (key: string) => ({ en: indicatorLabel(key), ko: key === 'gdpPerCapitaUsdPpp' ? '1인당 GDP' : key }),
    sector: (key: string) => ({ en: sectorLabel(key), ko: key === 'ports' ? '항만' : key }),
  };
  const e = explainPair(city('liverpool'), city('busan'), undefined, { names });

  it('gives each indicator’s raw and relative values, difference, weight and contribution', () => {
    expect(e.score).toEqual(scorePair(city('liverpool'), city('busan')));
    expect(e.similarity.indicators).toHaveLength(10);
    const pop = e.similarity.indicators.find((i) => i.key === 'metroPopulationMillions')!;
    // Cities come out in id order: A = Busan, B = Liverpool.
    expect(pop).toMatchObject({ rawA: 3.4, rawB: 2.2, relativeA: 1, weight: 1, used: true, missing: null });
    expect(pop.relativeB).toBeCloseTo(2.2 / 2.9, 12);
    expect(pop.difference).toBeCloseTo(1 - 2.2 / 2.9, 12);
    expect(pop.contribution).toBeCloseTo((1 - 2.2 / 2.9) / 7.5, 12);
    expect(pop.provenanceA).toEqual({ source: expect.stringContaining('UK-Korea Innovation Twins'), asOf: null, enteredByUserId: null });
    const total = e.similarity.indicators.reduce((s, i) => s + i.contribution, 0);
    expect(1 - total).toBeCloseTo(e.similarity.score!, 12);
  });

  it('lists the shared sectors with both cities’ projects, and the sectors only one has', () => {
    expect(e.synergy.shared.map((s) => [s.sector, s.levelA, s.levelB, s.contribution])).toEqual([
      ['data_management', 1, 1, 0.5],
      ['hydrogen', 1, 1, 0.5],
      ['ports', 3, 3, 1],
      ['renewables', 3, 3, 1],
    ]);
    const ports = e.synergy.shared.find((s) => s.sector === 'ports')!;
    expect(ports.evidenceA[0].projects[0].title).toBe('Busan port IoT testbed');
    expect(ports.evidenceB[0].projects[0].title).toBe('Freeport bid and Liverpool2');
    expect(e.synergy.onlyA).toEqual(['advanced_manufacturing', 'ai', 'ar_vr']);
    expect(e.synergy.total).toBe(3);
    expect(e.synergy.saturation).toBe(4);
  });

  it('names what would raise and lower the rating most, rescored with the same function', () => {
    // Moves of the ranking score (four pillars, readiness unknown counts 0). Raise: a formal link
    // (relationship 0 → 0.75, +0.75/4); Busan at level 3 in IoT, where Liverpool is at 3 (synergy 3 → 4 of 4,
    // +1/16); then the +0.75 sector additions, ties by id ('5g' sorts first).
    expect(e.whatWouldChange.raise.map((c) => c.id)).toEqual(['add-link:3', 'add-sector:iot:busan', 'add-sector:5g:busan']);
    // Lower: losing ports or renewables (−1 of 4 synergy), then data management (−0.5 of 4; ties by id).
    expect(e.whatWouldChange.lower.map((c) => c.id)).toEqual(['drop-sector:ports:busan', 'drop-sector:renewables:busan', 'drop-sector:data_management:busan']);
    const link = e.whatWouldChange.raise[0];
    expect(link.overall).toBeCloseTo((e.similarity.score! + 0.75 + 0.75) / 3, 12);
    expect(link.adjusted).toBeCloseTo((e.similarity.score! + 0 + 0.75 + 0.75) / 4, 12);
    expect(link.delta).toBeCloseTo(0.75 / 4, 12);
    expect(link.overallStars).toBe(2); // on [0, 1] in thirds: no comparison set given
    expect(link.change).toEqual({ kind: 'add-link', a: 'busan', b: 'liverpool', formality: 3 });
    expect(link.description.en).toMatch(/Busan and Liverpool formalised a partnership/);
    expect(link.description.ko).toBe('부산–리버풀 두 도시의 기관들이 공식 협력(MOU, 현지 거점, 공동 프로젝트: 공식성 3단계)을 맺는다면');
    expect(e.whatWouldChange.raise[1].pillarScore).toBe(1);
    expect(e.whatWouldChange.lower[0].description).toEqual({
      en: "If Busan's activity in ports ended, so the sector was no longer shared",
      ko: '부산의 항만 분야 활동이 끝나 더는 공통 분야가 아니게 된다면',
    });
  });

  it('fills a missing indicator, offers a readiness assessment, and can remove a link', () => {
    const [bel, sej] = prepareCities(cities.map((c) => (c.cityId === 'sejong' ? { ...c, readiness: testReadiness(5, 2, 2, 1) } : c))).filter(
      (c) => c.cityId === 'belfast' || c.cityId === 'sejong',
    );
    const x = explainPair(sej, bel);
    const ids = [...x.whatWouldChange.raise, ...x.whatWouldChange.lower].map((c) => c.id);
    expect(x.score.cityAId).toBe('belfast');
    expect(x.internationalisation.a).toBeNull();
    expect(x.internationalisation.b).toMatchObject({ composite: 10, share: 10 / 14, provenance: { source: 'test fixture' } });
    expect(ids).toContain('assess-readiness:belfast');
    // Belfast–Daejeon has the report's cyber security link; removing it is the biggest loss.
    const d = explainPair(city('daejeon'), city('belfast'));
    expect(d.relationship.links.map((l) => l.partners)).toEqual([['CSIT, Queen\'s University Belfast', 'ETRI']]);
    expect(d.relationship.maxFormality).toBe(3);
    expect(d.whatWouldChange.lower[0].id).toBe('remove-link:report-link-0');
    // The link is quoted in each language it is written in; its kind is the glossary's.
    expect(d.whatWouldChange.lower[0].description.en).toMatch(/^Without the research link "Cyber security research partnership/);
    expect(d.whatWouldChange.lower[0].description.ko).toMatch(/^공식성 3단계인 연구 협력 “IoT 기기 보안을 주제로 한 .*이어 왔다.”가 없다면$/);
    expect(d.whatWouldChange.raise.map((c) => c.id)).toContain('add-link:4');
    // Liverpool–Sejong: Sejong has no start-up figure; filling it with Liverpool's relative value is a candidate.
    const ls = explainPair(city('liverpool'), city('sejong'), undefined, { counterfactuals: 50 });
    const startups = ls.similarity.indicators.find((i) => i.key === 'startupHqIndex')!;
    expect(startups).toMatchObject({ used: false, missing: 'b', relativeB: null, rawB: null, contribution: 0, difference: null });
    expect(ls.whatWouldChange.raise.map((c) => c.id)).toContain('fill:startupHqIndex:sejong');
  });

  it("names each city's national leader beside a gap, and never for a yes/no flag", () => {
    const x = explainPair(city('liverpool'), city('busan'), undefined, { leaders: nationalLeaders(prepared) });
    const gdp = x.similarity.indicators.find((i) => i.key === 'gdpPerCapitaUsdPpp')!;
    // Busan's GDP per capita is read against Ulsan's (77,300), Liverpool's against Belfast's (42,700).
    expect(gdp).toMatchObject({ numeric: true, leaderA: { cityId: 'ulsan', numeric: 77300 }, leaderB: { cityId: 'belfast', numeric: 42700 } });
    expect(x.similarity.indicators.find((i) => i.key === 'nationalSizeRank')).toMatchObject({ leaderA: { cityId: 'busan', numeric: 2 }, leaderB: { cityId: 'birmingham', numeric: 2 } });
    expect(x.similarity.indicators.find((i) => i.key === 'coastal')).toMatchObject({ numeric: false, leaderA: null, leaderB: null });
  });

  it('says what the evidence a thin pair lacks would do: all the missing figures, the sector activity', () => {
    const x = explainPair(city('nottingham'), city('gwangju'), undefined, { counterfactuals: 50 });
    expect(x.score.pillars.similarity.score).toBeNull();
    const fillAll = x.whatWouldChange.raise.find((c) => c.id === 'fill-all:nottingham')!;
    expect(fillAll.description.en).toMatch(/reported the 8 figures it lacks/);
    expect(fillAll.description.ko).toBe('nottingham에 없는 수치 8개가 보고되어 gwangju의 수치와 같다면');
    expect(fillAll.pillarScore).toBe(1);
    expect(fillAll.adjusted).toBeGreaterThan(x.score.adjusted);
    // Gwangju has sector activity, Nottingham none: recording Nottingham's, matching, would make a synergy.
    const gwangjuActive = city('gwangju').hasSectorEvidence;
    expect(x.whatWouldChange.raise.some((c) => c.id === 'record-sectors:nottingham')).toBe(gwangjuActive);
  });

  it('is the same whichever way round the pair is asked for', () => {
    expect(explainPair(city('busan'), city('liverpool'))).toEqual(explainPair(city('liverpool'), city('busan')));
  });
});
