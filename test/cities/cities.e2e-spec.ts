import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { SearchRank, searchRank } from '@app/cities';
import { startTestApp, TestApp } from '../support/harness';
import { REPORT_SOURCE_START, ValueView } from './cities-support';

const CITIES = `query($filter: CityFilterInput, $first: Int, $after: String) {
  cities(filter: $filter, first: $first, after: $after) {
    totalCount
    nodes { id nameEn nameKo countryCode peerGroup }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface CityPage {
  cities: {
    totalCount: number;
    nodes: Array<{ id: string; nameEn: string; nameKo: string; countryCode: string; peerGroup: number | null }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describe('countries and cities', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ worker: false });
  });
  afterAll(() => app.close());

  describe('reading, without signing in', () => {
    it('lists, searches and gets countries', async () => {
      const all = await app.gqlOk<{ countries: Array<Record<string, string>> }>(
        `query { countries { code nameEn nameKo currency timeZone defaultLanguage } }`,
      );
      expect(all.countries).toEqual([
        { code: 'GB', nameEn: 'United Kingdom', nameKo: '영국', currency: 'GBP', timeZone: 'Europe/London', defaultLanguage: 'en' },
        { code: 'KR', nameEn: 'Republic of Korea', nameKo: '대한민국', currency: 'KRW', timeZone: 'Asia/Seoul', defaultLanguage: 'ko' },
      ]);
      const korean = await app.gqlOk<{ countries: Array<{ code: string }> }>(`query { countries(search: "대한") { code } }`);
      expect(korean.countries).toEqual([{ code: 'KR' }]);
      const one = await app.gqlOk<{ country: { nameEn: string } }>(`query { country(code: "kr") { nameEn } }`);
      expect(one.country.nameEn).toBe('Republic of Korea');
      const missing = await app.gql(`query { country(code: "FR") { code } }`);
      expect(missing.errors?.[0].extensions.code).toBe('NOT_FOUND');
    });

    it('lists all 28 cities by English name, a page at a time, without repeats', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const page: CityPage = await app.gqlOk<CityPage>(CITIES, { first: 10, after });
        expect(page.cities.totalCount).toBe(28);
        seen.push(...page.cities.nodes.map((c) => c.nameEn));
        pages++;
        if (!page.cities.pageInfo.hasNextPage) break;
        after = page.cities.pageInfo.endCursor;
      }
      expect(pages).toBe(3);
      expect(seen).toHaveLength(28);
      expect(new Set(seen).size).toBe(28);
      const all = await app.gqlOk<CityPage>(CITIES, { first: 100 });
      expect(all.cities.nodes.map((c) => c.nameEn)).toEqual(seen);
    });

    it('filters by country and peer group', async () => {
      const korean = await app.gqlOk<CityPage>(CITIES, { filter: { countryCode: 'KR' }, first: 100 });
      expect(korean.cities.totalCount).toBe(14);
      expect(korean.cities.nodes.every((c) => c.countryCode === 'KR')).toBe(true);
      const ukFirst = await app.gqlOk<CityPage>(CITIES, { filter: { countryCode: 'gb', peerGroup: 1 }, first: 100 });
      expect(ukFirst.cities.nodes.map((c) => c.id).sort()).toEqual(
        ['birmingham', 'glasgow', 'leeds', 'liverpool', 'manchester', 'newcastle'].sort(),
      );
      const bad = await app.gql(CITIES, { filter: { countryCode: 'Korea' } });
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'countryCode' }] });
    });

    it.each([
      ['부산', '부산'],
      ['Busan', 'Busan'],
      ['busan', 'busan'],
      ['BUSAN', 'BUSAN'],
      ['"  busan " (spaces)', '  busan '],
      ['부산 typed as separate jamo (NFD)', '부산'.normalize('NFD')],
    ])('finds Busan by %s', async (_label, search) => {
      const res = await app.gqlOk<CityPage>(CITIES, { filter: { search } });
      expect(res.cities.nodes[0]).toMatchObject({ id: 'busan', nameEn: 'Busan', nameKo: '부산' });
      expect(res.cities.totalCount).toBe(1);
    });

    it('puts exact and prefix matches before substrings, across pages', async () => {
      // "an" is in many names; a few cities' names or ids start with it, none equals it.
      const all = await app.gqlOk<CityPage>(CITIES, { filter: { search: 'an' }, first: 100 });
      const ids = all.cities.nodes.map((c) => c.id);
      expect(ids.length).toBeGreaterThan(4);
      const ranks = all.cities.nodes.map((c) => searchRank([c.id, c.nameEn, c.nameKo], 'an'));
      expect(ranks).toEqual([...ranks].sort());
      expect(ranks).toContain(SearchRank.CONTAINS);
      const paged: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: CityPage = await app.gqlOk<CityPage>(CITIES, { filter: { search: 'an' }, first: 2, after });
        paged.push(...page.cities.nodes.map((c) => c.id));
        if (!page.cities.pageInfo.hasNextPage) break;
        after = page.cities.pageInfo.endCursor;
      }
      expect(paged).toEqual(ids);

      const gl = await app.gqlOk<CityPage>(CITIES, { filter: { search: 'gl' }, first: 100 });
      expect(gl.cities.nodes.map((c) => c.id)).toEqual(['glasgow']);
      // Korean substring: 광역시 is inside 맨체스터 광역시.
      const metro = await app.gqlOk<CityPage>(CITIES, { filter: { search: '광역시' } });
      expect(metro.cities.nodes.map((c) => c.id)).toEqual(['manchester']);
      // Exact beats prefix: "daegu" is exact for Daegu; "dae" is a prefix of Daegu and Daejeon.
      const dae = await app.gqlOk<CityPage>(CITIES, { filter: { search: 'dae' } });
      expect(dae.cities.nodes.map((c) => c.id)).toEqual(['daegu', 'daejeon']);
      // % and _ are plain characters, not wildcards.
      expect((await app.gqlOk<CityPage>(CITIES, { filter: { search: '%' } })).cities.totalCount).toBe(0);
    });

    it('ranks an exact name before names that merely start with it', async () => {
      await app.dataSource.query(
        `INSERT INTO city (id, country_code, name_en, name_ko, peer_group) VALUES ('busanjin', 'KR', 'Busanjin', '부산진', NULL)`,
      );
      try {
        const res = await app.gqlOk<CityPage>(CITIES, { filter: { search: '부산' } });
        expect(res.cities.nodes.map((c) => c.id)).toEqual(['busan', 'busanjin']);
        const contains = await app.gqlOk<CityPage>(CITIES, { filter: { search: '산진' } });
        expect(contains.cities.nodes.map((c) => c.id)).toEqual(['busanjin']);
      } finally {
        await app.dataSource.query(`DELETE FROM city WHERE id = 'busanjin'`);
      }
    });

    it('gets a city with its country and every indicator, each with its source', async () => {
      const res = await app.gqlOk<{
        city: {
          id: string;
          notes: string;
          country: { code: string; currency: string };
          indicators: Array<{
            key: string;
            source: string;
            asOf: string;
            enteredByUserId: string | null;
            definition: { labelEn: string; labelKo: string; unitEn: string | null; valueType: string };
            value: ValueView;
            ko: ValueView;
          }>;
        };
      }>(`query {
        city(id: "busan") {
          id notes country { code currency }
          indicators {
            key source asOf enteredByUserId
            definition { labelEn labelKo unitEn valueType }
            value { numberValue booleanValue textValue hasValue displayValue }
            ko: value { displayValue(language: "ko") }
          }
        }
      }`);
      const city = res.city;
      expect(city.country).toEqual({ code: 'KR', currency: 'KRW' });
      expect(city.notes).toMatch(/Liverpool-Busan profile/);
      expect(city.indicators).toHaveLength(12);
      const byKey = Object.fromEntries(city.indicators.map((i) => [i.key, i]));
      expect(byKey.metroPopulationMillions).toMatchObject({
        asOf: '2021-10-01',
        definition: { labelEn: 'Metropolitan population', labelKo: '대도시권 인구', unitEn: 'million', valueType: 'NUMBER' },
        value: { numberValue: 3.4, booleanValue: null, textValue: null, hasValue: true, displayValue: '3.4 million' },
        ko: { displayValue: '340만 명' },
      });
      expect(byKey.metroPopulationMillions.source.startsWith(REPORT_SOURCE_START)).toBe(true);
      expect(byKey.metroGovernance.value).toMatchObject({ textValue: 'established', displayValue: 'Established' });
      expect(byKey.metroGovernance.ko.displayValue).toBe('정착');
      expect(byKey.coastal.value).toMatchObject({ booleanValue: true, displayValue: 'Yes' });
      expect(byKey.gdpPerCapitaUsdPpp.value.displayValue).toBe('31,200 US$ (PPP)');
      expect(byKey.manufacturingSharePct.value.displayValue).toBe('44%');
      // No figure in the report: a row with its source, but no value.
      expect(byKey.universityStemScore.value).toMatchObject({ numberValue: 0.66 });
      const ulsan = await app.gqlOk<{ city: { indicators: Array<{ key: string; source: string; value: ValueView }> } }>(
        `query { city(id: "ulsan") { indicators { key source value { hasValue numberValue displayValue } } } }`,
      );
      const stem = ulsan.city.indicators.find((i) => i.key === 'universityStemScore')!;
      expect(stem.value).toEqual({ hasValue: false, numberValue: null, displayValue: null });
      expect(stem.source.startsWith(REPORT_SOURCE_START)).toBe(true);
      // Who entered a figure is for admins only.
      expect(city.indicators.every((i) => i.enteredByUserId === null)).toBe(true);
    });

    it('answers NOT_FOUND for an unknown city', async () => {
      const res = await app.gql(`query { city(id: "atlantis") { id } }`);
      expect(res.errors?.[0].extensions.code).toBe('NOT_FOUND');
      expect(res.errors?.[0].message).toContain('atlantis');
    });

    it('lists the indicator definitions in the report order, with categories', async () => {
      const res = await app.gqlOk<{ indicatorDefinitions: Array<{ key: string; valueType: string; categories: Array<{ value: string; labelKo: string }> }> }>(
        `query { indicatorDefinitions { key valueType higherIsBetter categories { value labelEn labelKo } } }`,
      );
      expect(res.indicatorDefinitions).toHaveLength(12);
      expect(res.indicatorDefinitions[0].key).toBe('metroPopulationMillions');
      const governance = res.indicatorDefinitions.find((d) => d.key === 'metroGovernance')!;
      expect(governance.valueType).toBe('CATEGORY');
      expect(governance.categories.map((c) => c.value)).toEqual(['nascent', 'emerging', 'established', 'special']);
    });

    it('lists 28 cities with countries and indicators in a handful of queries (DataLoaders)', async () => {
      const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
      try {
        const res = await app.gqlOk<{ cities: { nodes: Array<{ country: { code: string }; indicators: unknown[] }> } }>(
          `query { cities(first: 28) { nodes { id country { code nameEn } indicators { key source value { displayValue } } } } }`,
        );
        expect(res.cities.nodes).toHaveLength(28);
        expect(res.cities.nodes.every((c) => c.indicators.length === 12)).toBe(true);
        // count + page + countries + values + definitions
        expect(spy.mock.calls.length).toBeLessThanOrEqual(6);
      } finally {
        spy.mockRestore();
      }
    });
  });
});
