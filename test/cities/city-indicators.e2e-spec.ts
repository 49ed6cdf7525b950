import { join } from 'node:path';
import { seedCountriesAndCities } from '@app/cities';
import { startTestApp, TestApp } from '../support/harness';
import { REPORT_SOURCE_START, ValueView } from './cities-support';

const DATA_DIR = join(__dirname, '..', '..', 'data');

const SET = `mutation($input: SetCityIndicatorInput!) {
  setCityIndicator(input: $input) {
    cityId key source asOf updatedAt enteredByUserId
    value { numberValue booleanValue textValue hasValue displayValue }
    definition { key labelEn unitEn }
    city { id }
  }
}`;
const HISTORY = `query($id: ID!, $key: String, $first: Int, $after: String) {
  city(id: $id) {
    id
    indicatorHistory(key: $key, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id key source asOf changedByUserId changedAt
        oldValue { numberValue booleanValue textValue hasValue displayValue }
        newValue { numberValue booleanValue textValue hasValue displayValue }
      }
    }
  }
}`;

interface HistoryPage {
  city: {
    id: string;
    indicatorHistory: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: Array<{
        id: string;
        key: string;
        source: string;
        asOf: string;
        changedByUserId: string | null;
        changedAt: string;
        oldValue: ValueView;
        newValue: ValueView;
      }>;
    } | null;
  };
}

describe('countries and cities', () => {
  let app: TestApp;
  let admin: string;
  let adminId: string;
  let officer: string;

  beforeAll(async () => {
    app = await startTestApp({ worker: false });
    admin = await app.signIn('admin@demo.twins.test');
    officer = await app.signIn('officer.liverpool@demo.twins.test');
    adminId = (await app.gqlOk<{ me: { id: string } }>(`query { me { id } }`, {}, { token: admin })).me.id;
  });
  afterAll(() => app.close());

  const changeCount = async (cityId: string): Promise<number> =>
    Number((await app.dataSource.query(`SELECT count(*) AS n FROM city_indicator_change WHERE city_id = $1`, [cityId]))[0].n);

  describe('editing indicators', () => {
    it('lets an admin set a figure, keeping the old one, who, when and the source in the history', async () => {
      const before = await changeCount('busan');
      const started = Date.now();
      const res = await app.gqlOk<{ setCityIndicator: Record<string, unknown> }>(
        SET,
        { input: { cityId: 'busan', key: 'metroPopulationMillions', numberValue: 3.3, source: 'Statistics Korea, 2023 census', asOf: '2023-11-01' } },
        { token: admin },
      );
      expect(res.setCityIndicator).toMatchObject({
        cityId: 'busan',
        key: 'metroPopulationMillions',
        source: 'Statistics Korea, 2023 census',
        asOf: '2023-11-01',
        enteredByUserId: adminId,
        value: { numberValue: 3.3, hasValue: true, displayValue: '3.3 million' },
        definition: { key: 'metroPopulationMillions', unitEn: 'million' },
        city: { id: 'busan' },
      });

      const [stored] = await app.dataSource.query(
        `SELECT number_value, source, as_of::text AS as_of, entered_by_user_id FROM city_indicator_value WHERE city_id = 'busan' AND indicator_key = 'metroPopulationMillions'`,
      );
      expect(stored).toEqual({ number_value: 3.3, source: 'Statistics Korea, 2023 census', as_of: '2023-11-01', entered_by_user_id: adminId });
      expect(await changeCount('busan')).toBe(before + 1);

      const history = await app.gqlOk<HistoryPage>(HISTORY, { id: 'busan', key: 'metroPopulationMillions' }, { token: admin });
      const [newest, seeded] = history.city.indicatorHistory!.nodes;
      expect(newest).toMatchObject({
        key: 'metroPopulationMillions',
        source: 'Statistics Korea, 2023 census',
        asOf: '2023-11-01',
        changedByUserId: adminId,
        oldValue: { numberValue: 3.4, hasValue: true, displayValue: '3.4 million' },
        newValue: { numberValue: 3.3, hasValue: true },
      });
      expect(Date.parse(newest.changedAt)).toBeGreaterThanOrEqual(started - 1000);
      expect(Date.parse(newest.changedAt)).toBeLessThanOrEqual(Date.now() + 1000);
      // The figure's history starts with the seed: no one, the report as source, no old value.
      expect(seeded).toMatchObject({ changedByUserId: null, oldValue: { hasValue: false }, newValue: { numberValue: 3.4 } });
      expect(seeded.source.startsWith(REPORT_SOURCE_START)).toBe(true);

      // Everyone reads the new figure and its source; only admins see who entered it.
      const READ = `query { city(id: "busan") { indicators { key source enteredByUserId value { numberValue } } } }`;
      type Read = { city: { indicators: Array<{ key: string; source: string; enteredByUserId: string | null; value: { numberValue: number } }> } };
      const pick = (r: Read) => r.city.indicators.find((i) => i.key === 'metroPopulationMillions');
      expect(pick(await app.gqlOk<Read>(READ))).toEqual({
        key: 'metroPopulationMillions',
        source: 'Statistics Korea, 2023 census',
        enteredByUserId: null,
        value: { numberValue: 3.3 },
      });
      expect(pick(await app.gqlOk<Read>(READ, {}, { token: officer }))?.enteredByUserId).toBeNull();
      expect(pick(await app.gqlOk<Read>(READ, {}, { token: admin }))?.enteredByUserId).toBe(adminId);
    });

    it('sets booleans and categories, clears figures, and lists the history newest first', async () => {
      await app.gqlOk(SET, { input: { cityId: 'daegu', key: 'coastal', booleanValue: true, source: 'Test: a correction' } }, { token: admin });
      await app.gqlOk(SET, { input: { cityId: 'daegu', key: 'metroGovernance', textValue: 'Special', source: 'Test: status change' } }, { token: admin });
      const cleared = await app.gqlOk<{ setCityIndicator: { value: ValueView } }>(
        SET,
        { input: { cityId: 'daegu', key: 'coastal', clear: true, source: 'Test: withdrawn' } },
        { token: admin },
      );
      expect(cleared.setCityIndicator.value).toMatchObject({ hasValue: false, booleanValue: null, displayValue: null });

      const all = await app.gqlOk<HistoryPage>(HISTORY, { id: 'daegu', first: 3 }, { token: admin });
      expect(all.city.indicatorHistory!.nodes.map((n) => [n.key, n.source])).toEqual([
        ['coastal', 'Test: withdrawn'],
        ['metroGovernance', 'Test: status change'],
        ['coastal', 'Test: a correction'],
      ]);
      const [clear, category, correction] = all.city.indicatorHistory!.nodes;
      expect(clear.oldValue).toMatchObject({ booleanValue: true, displayValue: 'Yes' });
      expect(clear.newValue).toMatchObject({ hasValue: false });
      expect(category.oldValue.textValue).toBe('established');
      expect(category.newValue).toMatchObject({ textValue: 'special', displayValue: 'Special status' });
      expect(correction.oldValue).toMatchObject({ booleanValue: false, displayValue: 'No' });

      // Pages continue where they stopped, newest to oldest, through the 12 seeded rows.
      const total = all.city.indicatorHistory!.totalCount;
      expect(total).toBe(15);
      const ids: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: HistoryPage = await app.gqlOk<HistoryPage>(HISTORY, { id: 'daegu', first: 4, after }, { token: admin });
        ids.push(...page.city.indicatorHistory!.nodes.map((n) => n.id));
        if (!page.city.indicatorHistory!.pageInfo.hasNextPage) break;
        after = page.city.indicatorHistory!.pageInfo.endCursor;
      }
      expect(ids).toHaveLength(total);
      expect(new Set(ids).size).toBe(total);
      expect(ids.map(Number)).toEqual([...ids.map(Number)].sort((a, b) => b - a));
    });

    it('writes nothing when the figure, source and date are unchanged', async () => {
      const input = { cityId: 'gwangju', key: 'startupHqIndex', numberValue: 1.5, source: 'Test: unchanged', asOf: '2024-01-01' };
      await app.gqlOk(SET, { input }, { token: admin });
      const count = await changeCount('gwangju');
      await app.gqlOk(SET, { input }, { token: admin });
      expect(await changeCount('gwangju')).toBe(count);
    });

    it('keeps the history exact when two admins change the same figure at once', async () => {
      const before = await changeCount('incheon');
      const values = [3.0, 3.1, 3.2, 3.3, 3.5];
      const results = await Promise.all(
        values.map((numberValue) =>
          app.gql(SET, { input: { cityId: 'incheon', key: 'metroPopulationMillions', numberValue, source: `Test: race ${numberValue}` } }, { token: admin }),
        ),
      );
      expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
      expect(await changeCount('incheon')).toBe(before + values.length);
      const rows: Array<{ old_value: number; new_value: number }> = await app.dataSource.query(
        `SELECT old_value, new_value FROM city_indicator_change WHERE city_id = 'incheon' AND indicator_key = 'metroPopulationMillions' ORDER BY id`,
      );
      // Each change's old value is the value before it: the chain is unbroken.
      for (let i = 1; i < rows.length; i++) expect(rows[i].old_value).toBe(rows[i - 1].new_value);
      const [current] = await app.dataSource.query(
        `SELECT number_value FROM city_indicator_value WHERE city_id = 'incheon' AND indicator_key = 'metroPopulationMillions'`,
      );
      expect(current.number_value).toBe(rows[rows.length - 1].new_value);
    });

    it('refuses people who are not admins, and writes nothing', async () => {
      const before = await changeCount('liverpool');
      const input = { cityId: 'liverpool', key: 'coastal', booleanValue: false, source: 'Test: not allowed' };
      const forbidden = await app.gql(SET, { input }, { token: officer });
      expect(forbidden.errors?.[0].extensions.code).toBe('FORBIDDEN');
      const anonymous = await app.gql(SET, { input });
      expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(await changeCount('liverpool')).toBe(before);
    });

    it('shows the history to admins only (others read null, as for every restricted field)', async () => {
      const asOfficer = await app.gql<HistoryPage>(HISTORY, { id: 'busan' }, { token: officer });
      expect(asOfficer.errors).toBeUndefined();
      expect(asOfficer.data?.city).toEqual({ id: 'busan', indicatorHistory: null });
      const anonymous = await app.gql<HistoryPage>(HISTORY, { id: 'busan' });
      expect(anonymous.errors).toBeUndefined();
      expect(anonymous.data?.city).toEqual({ id: 'busan', indicatorHistory: null });
    });

    describe('bad input', () => {
      const set = (input: Record<string, unknown>) =>
        app.gql(SET, { input: { cityId: 'busan', key: 'coastal', source: 'Test: bad input', ...input } }, { token: admin });

      it.each([
        ['a number where a boolean is expected', { numberValue: 1 }, 'numberValue', /true or false/],
        ['a boolean where a number is expected', { key: 'metroPopulationMillions', booleanValue: true }, 'booleanValue', /number/],
        ['an unknown category', { key: 'metroGovernance', textValue: 'mature' }, 'textValue', /one of: nascent, emerging, established, special/],
        ['a number out of range', { key: 'manufacturingSharePct', numberValue: 140 }, 'numberValue', /at most 100/],
        ['a fraction for a rank', { key: 'nationalSizeRank', numberValue: 2.5 }, 'numberValue', /whole number/],
        ['no value at all', {}, 'booleanValue', /clear: true/],
        ['two values', { booleanValue: true, textValue: 'yes' }, 'textValue', /only one/],
        ['an unknown indicator', { key: 'happiness', numberValue: 7 }, 'key', /no indicator "happiness"/],
        ['an empty source', { booleanValue: true, source: '' }, 'source', /2 to 500/],
        ['a blank source', { booleanValue: true, source: '    ' }, 'source', /2 to 500/],
        ['a source that is too long', { booleanValue: true, source: 'x'.repeat(501) }, 'source', /2 to 500/],
        ['a date in the future', { booleanValue: true, asOf: '2999-01-01' }, 'asOf', /future/],
        ['an impossible date', { booleanValue: true, asOf: '2023-02-30' }, 'asOf', /YYYY-MM-DD/],
      ])('refuses %s, naming the field', async (_what, input, field, message) => {
        const before = await changeCount('busan');
        const res = await set(input);
        expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
        const fields = res.errors?.[0].extensions.fields ?? [];
        expect(fields.map((f) => f.field)).toContain(field);
        expect(fields.find((f) => f.field === field)?.message).toMatch(message);
        expect(await changeCount('busan')).toBe(before);
      });

      it('refuses a missing source before anything runs', async () => {
        const res = await app.gql(SET, { input: { cityId: 'busan', key: 'coastal', booleanValue: true } }, { token: admin });
        expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
        expect(res.errors?.[0].message).toMatch(/source/);
      });

      it('answers NOT_FOUND for an unknown city', async () => {
        const res = await set({ cityId: 'atlantis', booleanValue: true });
        expect(res.errors?.[0].extensions.code).toBe('NOT_FOUND');
      });

      it('says each problem in Korean when the request asks for it', async () => {
        const ko = { token: admin, headers: { 'accept-language': 'ko' } };
        const category = await app.gql(SET, { input: { cityId: 'busan', key: 'metroGovernance', textValue: 'mature', source: 'Test: bad input' } }, ko);
        expect(category.errors?.[0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'textValue', message: '"metroGovernance" 지표의 값은 "mature"가 아니라 nascent, emerging, established, special 중 하나여야 합니다.' }],
        });
        const source = await app.gql(SET, { input: { cityId: 'busan', key: 'coastal', booleanValue: true, source: 'x'.repeat(501) } }, ko);
        expect(source.errors?.[0].extensions.fields).toEqual([{ field: 'source', message: '수치의 출처(간행물, 표, 연도)를 2~500자로 써 주세요.' }]);
        const unknown = await app.gql(HISTORY, { id: 'busan', key: 'happiness' }, ko);
        expect(unknown.errors?.[0].extensions.fields).toEqual([{ field: 'key', message: expect.stringMatching(/^"happiness" 지표는 없습니다\. 있는 지표: .*coastal/) }]);
        const forbidden = await app.gql(SET, { input: { cityId: 'busan', key: 'coastal', booleanValue: true, source: 'Test: not allowed' } }, { token: officer, headers: { 'accept-language': 'ko' } });
        expect(forbidden.errors?.[0]).toMatchObject({ message: '이 작업을 할 권한이 없습니다.', extensions: { code: 'FORBIDDEN' } });
      });

      it('names the key when the history is asked for an unknown indicator', async () => {
        const res = await app.gql(HISTORY, { id: 'busan', key: 'happiness' }, { token: admin });
        expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'key' }] });
      });
    });
  });

  describe('seeding', () => {
    it('changes nothing when run again, and never overwrites an admin’s figure', async () => {
      const [{ n: changesBefore }] = await app.dataSource.query(`SELECT count(*)::int AS n FROM city_indicator_change`);
      const summary = await seedCountriesAndCities(app.dataSource.manager, DATA_DIR);
      expect(summary.countries).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
      expect(summary.indicatorDefinitions).toEqual({ inserted: 0, updated: 0, unchanged: 12 });
      expect(summary.cities).toEqual({ inserted: 0, updated: 0, unchanged: 28 });
      expect(summary.indicatorValues.inserted + summary.indicatorValues.updated).toBe(0);
      // The figures admins entered in the tests above are kept.
      expect(summary.indicatorValues.keptAdminValues).toBeGreaterThanOrEqual(5);
      expect(summary.indicatorValues.unchanged + summary.indicatorValues.keptAdminValues).toBe(28 * 12);
      const [{ n: changesAfter }] = await app.dataSource.query(`SELECT count(*)::int AS n FROM city_indicator_change`);
      expect(changesAfter).toBe(changesBefore);
      const [busan] = await app.dataSource.query(
        `SELECT number_value FROM city_indicator_value WHERE city_id = 'busan' AND indicator_key = 'metroPopulationMillions'`,
      );
      expect(busan.number_value).toBe(3.3);
    });

    it('restores a seeded figure changed behind its back, with a history row', async () => {
      await app.dataSource.query(
        `UPDATE city_indicator_value SET number_value = 9.9 WHERE city_id = 'leeds' AND indicator_key = 'metroPopulationMillions'`,
      );
      const before = await changeCount('leeds');
      const summary = await seedCountriesAndCities(app.dataSource.manager, DATA_DIR);
      expect(summary.indicatorValues.updated).toBe(1);
      expect(await changeCount('leeds')).toBe(before + 1);
      const [row] = await app.dataSource.query(
        `SELECT old_value, new_value, changed_by_user_id FROM city_indicator_change WHERE city_id = 'leeds' ORDER BY id DESC LIMIT 1`,
      );
      expect(row).toEqual({ old_value: 9.9, new_value: 2.1, changed_by_user_id: null });
    });

    it('takes a third country and its cities as data, with no code change', async () => {
      await app.dataSource.query(
        `INSERT INTO country (code, name_en, name_ko, currency, time_zone, default_language) VALUES ('JP', 'Japan', '일본', 'JPY', 'Asia/Tokyo', 'ja')`,
      );
      await app.dataSource.query(`INSERT INTO city (id, country_code, name_en, name_ko) VALUES ('osaka', 'JP', 'Osaka', '오사카')`);
      const res = await app.gqlOk<{ country: { currency: string }; cities: { nodes: Array<{ id: string; country: { code: string }; indicators: Array<{ value: ValueView }> }> } }>(
        `query { country(code: "JP") { currency } cities(filter: { search: "오사카" }) { nodes { id country { code } indicators { value { hasValue } } } } }`,
      );
      expect(res.country.currency).toBe('JPY');
      expect(res.cities.nodes).toHaveLength(1);
      expect(res.cities.nodes[0].country.code).toBe('JP');
      expect(res.cities.nodes[0].indicators.every((i) => !i.value.hasValue)).toBe(true);
      await app.gqlOk(SET, { input: { cityId: 'osaka', key: 'coastal', booleanValue: true, source: 'Test: geography' } }, { token: admin });
    });
  });
});
