import { cityEvidenceGaps } from './gaps';
import { prepareCities } from './prepare';
import { loadReportCities } from './report-data.fixture';
import { REPORT_DEFAULT_WEIGHTS } from './weights';

const prepared = prepareCities(loadReportCities());
const city = (id: string) => prepared.find((c) => c.cityId === id)!;

describe('what a city lacks (needs evidence)', () => {
  it('Nottingham: every numeric figure, its sector activity and its readiness, by hand', () => {
    const g = cityEvidenceGaps(city('nottingham'), REPORT_DEFAULT_WEIGHTS);
    expect(g).toMatchObject({ numericKnown: 0, numericWeighted: 8, minimumNumeric: 3 });
    // Four pillars of weight 1: below the minimum, similarity counts nothing yet (1/4); readiness 1/4; sectors 1/4.
    expect(g.headroom).toBe(0.75);
    // Readiness and sectors first (a quarter each), then the full-weight figures (1/7.5 of a quarter), then the half-weight ones.
    expect(g.gaps.slice(0, 2).map((x) => x.kind)).toEqual(['readiness', 'sectors']);
    expect(g.gaps.slice(2, 5).map((x) => x.key)).toEqual(['metroGovernance', 'metroPopulationMillions', 'nationalSizeRank']);
    expect(g.gaps[2].headroom).toBeCloseTo(1 / 7.5 / 4, 14);
    expect(g.gaps.at(-1)!.headroom).toBeCloseTo(0.5 / 7.5 / 4, 14);
    expect(g.gaps.filter((x) => x.kind === 'indicator')).toHaveLength(8);
  });

  it('Liverpool: all its figures and its sectors, so only the readiness assessment is missing', () => {
    const g = cityEvidenceGaps(city('liverpool'), REPORT_DEFAULT_WEIGHTS);
    expect(g.gaps).toEqual([{ kind: 'readiness', key: null, pillar: 'internationalisation', headroom: 0.25 }]);
    expect(g.headroom).toBe(0.25);
  });

  it('nothing missing, nothing to do; a pillar of weight 0 asks for nothing', () => {
    const assessed = { ...city('liverpool'), readinessShare: 0.5 };
    expect(cityEvidenceGaps(assessed, REPORT_DEFAULT_WEIGHTS)).toMatchObject({ gaps: [], headroom: 0 });
    const noReadiness = { ...REPORT_DEFAULT_WEIGHTS, pillars: { ...REPORT_DEFAULT_WEIGHTS.pillars, internationalisation: 0 } };
    expect(cityEvidenceGaps(city('liverpool'), noReadiness)).toMatchObject({ gaps: [], headroom: 0 });
  });

  it('Sejong, with four figures (over the minimum): the known ones already count, the rest is what is left', () => {
    const g = cityEvidenceGaps(city('sejong'), REPORT_DEFAULT_WEIGHTS);
    // Known by weight: population, rank, governance, coastal, capital (5) and GDP (0.5) = 5.5 of 7.5.
    expect(g.numericKnown).toBe(4);
    const similarity = 1 - 5.5 / 7.5;
    const sectors = city('sejong').hasSectorEvidence ? 0 : 1;
    expect(g.headroom).toBeCloseTo((similarity + 1 + sectors) / 4, 14);
  });
});
