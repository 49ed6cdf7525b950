import { join } from 'node:path';
import { IndicatorValueType } from '../entities/indicator-definition.entity';
import { checkIndicatorValue, IndicatorScalar } from '../indicator-value';
import { readCitiesFile } from './cities.seed';
import { SEED_COUNTRIES, SEED_INDICATOR_DEFINITIONS } from './seed-data';

const DATA_FILE = join(__dirname, '../../../../data/cities.json');

describe('seed data', () => {
  const file = readCitiesFile(DATA_FILE);

  it('defines the twelve indicators of the founding report, in order, with both languages', () => {
    expect(SEED_INDICATOR_DEFINITIONS.map((d) => d.key)).toEqual([
      'metroPopulationMillions',
      'nationalSizeRank',
      'metroGovernance',
      'coastal',
      'capitalFunction',
      'gdpPerCapitaUsdPpp',
      'universityStemScore',
      'universityStemGlobalRank',
      'scaleupHqIndex',
      'startupHqIndex',
      'manufacturingSharePct',
      'massTransitScore',
    ]);
    expect(SEED_INDICATOR_DEFINITIONS.map((d) => d.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const d of SEED_INDICATOR_DEFINITIONS) {
      for (const text of [d.labelEn, d.labelKo, d.descriptionEn, d.descriptionKo]) expect(text.trim().length).toBeGreaterThan(1);
      expect(/[가-힣]/.test(d.labelKo)).toBe(true);
      expect(d.categories.length > 0).toBe(d.valueType === IndicatorValueType.CATEGORY);
      expect(!!d.unitEn).toBe(!!d.unitKo);
    }
  });

  it('lists the categories cities.json describes for metroGovernance', () => {
    const governance = SEED_INDICATOR_DEFINITIONS.find((d) => d.key === 'metroGovernance')!;
    expect(governance.categories.map((c) => c.value)).toEqual(['nascent', 'emerging', 'established', 'special']);
  });

  it('seeds GB and KR with their currency, time zone and language', () => {
    expect(SEED_COUNTRIES.map((c) => [c.code, c.currency, c.timeZone, c.defaultLanguage])).toEqual([
      ['GB', 'GBP', 'Europe/London', 'en'],
      ['KR', 'KRW', 'Asia/Seoul', 'ko'],
    ]);
  });

  it('reads 28 cities whose every figure fits its definition', () => {
    expect(file.cities).toHaveLength(28);
    expect(new Set(file.cities.map((c) => c.country))).toEqual(new Set(SEED_COUNTRIES.map((c) => c.code)));
    for (const city of file.cities) {
      for (const definition of SEED_INDICATOR_DEFINITIONS) {
        expect(Object.hasOwn(city, definition.key)).toBe(true);
        expect(() => checkIndicatorValue(definition, city[definition.key] as IndicatorScalar)).not.toThrow();
      }
    }
    const busan = file.cities.find((c) => c.id === 'busan')!;
    expect(busan.name).toEqual({ en: 'Busan', ko: '부산' });
  });
});
