import { Client } from 'pg';
import { EvidenceService, seedPairingEvidence } from '@app/pairing';
import { startTestApp, TestApp } from '../support/harness';
import {
  ACTIVITY, Activity, activity, Assessment, assessment, CLEAR_ACTIVITY, CREATE_LINK, CURRENT, DATA_DIR, DELETE_LINK, evidenceChecks,
  firstError, HISTORY, Link, link, LINKS, RECORD, REPORT_SOURCE_START, SET_ACTIVITY, signInEvidenceUsers, UPDATE_LINK,
} from './evidence-support';

describe('pairing evidence', () => {
  let app: TestApp;
  let admin: string;
  let busanOfficer: string;
  let liverpoolOfficer: string;
  let participant: string;
  let adminId: string;
  let busanOfficerId: string;
  let liverpoolOfficerId: string;

  beforeAll(async () => {
    app = await startTestApp({ worker: false });
    ({ admin, busanOfficer, liverpoolOfficer, participant, adminId, busanOfficerId, liverpoolOfficerId } = await signInEvidenceUsers(app));
  });
  afterAll(() => app.close());

  const { recomputeVersions, bumped, auditCount, lastAudit, refused } = evidenceChecks(() => app);

  describe('readiness assessments', () => {
    it('are readable without signing in, with the rubric; none is seeded', async () => {
      const res = await app.gqlOk<{ cityReadiness: Assessment | null; cityReadinessHistory: { totalCount: number }; readinessRubric: Array<{ key: string; min: number; max: number; levels: unknown[] }> }>(
        `query { cityReadiness(cityId: "busan") { id } cityReadinessHistory(cityId: "busan") { totalCount }
                 readinessRubric { key min max levels { score descriptionEn descriptionKo } } }`,
      );
      expect(res.cityReadiness).toBeNull();
      expect(res.cityReadinessHistory.totalCount).toBe(0);
      expect(res.readinessRubric.map((c) => [c.key, c.min, c.max, c.levels.length])).toEqual([
        ['strategy', 1, 5, 5],
        ['visibleHome', 0, 2, 3],
        ['networks', 0, 3, 4],
        ['collaboration', 0, 4, 5],
      ]);
      const [{ n }] = await app.dataSource.query(`SELECT count(*)::int AS n FROM readiness_assessment`);
      expect(n).toBe(0);
    });

    it("lets Busan's officer record one for Busan, audited and queued for recomputation", async () => {
      const versions = await recomputeVersions();
      const audits = await auditCount();
      const res = await app.gqlOk<{ recordReadinessAssessment: Assessment }>(RECORD, { input: assessment('busan') }, { token: busanOfficer });
      expect(res.recordReadinessAssessment).toMatchObject({
        cityId: 'busan',
        strategy: 4,
        visibleHome: 2,
        networks: 2,
        collaboration: 3,
        composite: 11,
        source: 'Test: officer review of city documents',
        asOf: '2024-05-01',
        enteredByUserId: busanOfficerId,
        supersededAt: null,
        current: true,
        city: { id: 'busan' },
      });
      expect(await auditCount()).toBe(audits + 1);
      expect(await lastAudit()).toMatchObject({
        actor_user_id: busanOfficerId,
        action: 'readiness.record',
        entity: 'ReadinessAssessment',
        entity_id: res.recordReadinessAssessment.id,
        city_ids: ['busan'],
        before: null,
        after: expect.objectContaining({ strategy: 4, composite: 11 }),
      });
      expect(bumped(versions, await recomputeVersions())).toEqual(['busan']);

      const read = await app.gqlOk<{ cityReadiness: Assessment }>(CURRENT, { cityId: 'busan' });
      expect(read.cityReadiness.id).toBe(res.recordReadinessAssessment.id);
      // Who entered it is for signed-in users.
      expect(read.cityReadiness.enteredByUserId).toBeNull();
    });

    it('keeps the old assessment in the history when a new one supersedes it', async () => {
      const first = (await app.gqlOk<{ cityReadiness: Assessment }>(CURRENT, { cityId: 'busan' })).cityReadiness;
      const second = (
        await app.gqlOk<{ recordReadinessAssessment: Assessment }>(
          RECORD,
          { input: assessment('busan', { strategy: 5, collaboration: 4 }) },
          { token: busanOfficer },
        )
      ).recordReadinessAssessment;
      expect(second.composite).toBe(13);

      const history = await app.gqlOk<{ cityReadinessHistory: { totalCount: number; nodes: Assessment[] } }>(HISTORY, { cityId: 'busan' });
      expect(history.cityReadinessHistory.totalCount).toBe(2);
      const [newest, older] = history.cityReadinessHistory.nodes;
      expect(newest).toMatchObject({ id: second.id, current: true, supersededAt: null });
      expect(older).toMatchObject({ id: first.id, current: false, supersededById: second.id, strategy: 4, composite: 11 });
      expect(Date.parse(older.supersededAt!)).toBeGreaterThan(0);
      expect((await app.gqlOk<{ cityReadiness: Assessment }>(CURRENT, { cityId: 'busan' })).cityReadiness.id).toBe(second.id);

      // Pages continue where they stopped.
      const page1 = await app.gqlOk<{ cityReadinessHistory: { nodes: Assessment[]; pageInfo: { endCursor: string; hasNextPage: boolean } } }>(HISTORY, { cityId: 'busan', first: 1 });
      expect(page1.cityReadinessHistory.pageInfo.hasNextPage).toBe(true);
      const page2 = await app.gqlOk<{ cityReadinessHistory: { nodes: Assessment[] } }>(HISTORY, {
        cityId: 'busan',
        first: 1,
        after: page1.cityReadinessHistory.pageInfo.endCursor,
      });
      expect(page2.cityReadinessHistory.nodes.map((n) => n.id)).toEqual([first.id]);

      // Sending the current assessment again (a double submit) writes nothing.
      const audits = await auditCount();
      const again = await app.gqlOk<{ recordReadinessAssessment: Assessment }>(
        RECORD,
        { input: assessment('busan', { strategy: 5, collaboration: 4 }) },
        { token: busanOfficer },
      );
      expect(again.recordReadinessAssessment.id).toBe(second.id);
      expect(await auditCount()).toBe(audits);
    });

    it('allows at most one current assessment per city, in the database too', async () => {
      // A plain client, so the expected failure is not logged as an error.
      const client = new Client({ connectionString: app.env.DATABASE_URL });
      await client.connect();
      try {
        await expect(
          client.query(
            `INSERT INTO readiness_assessment (id, city_id, strategy, strategy_evidence, visible_home, visible_home_evidence, networks, networks_evidence,
               collaboration, collaboration_evidence, composite, source, as_of, created_at)
             VALUES (gen_random_uuid(), 'busan', 1, 'x', 0, 'x', 0, 'x', 0, 'x', 1, 'x', '2024-01-01', now())`,
          ),
        ).rejects.toThrow(/readiness_assessment_current_per_city/);
      } finally {
        await client.end();
      }
    });

    it('keeps exactly one current assessment when several are recorded at once', async () => {
      const results = await Promise.all(
        [1, 2, 3, 4].map((strategy) => app.gql(RECORD, { input: assessment('incheon', { strategy }) }, { token: admin })),
      );
      expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
      const rows: Array<{ id: string; superseded_by_id: string | null }> = await app.dataSource.query(
        `SELECT id, superseded_by_id FROM readiness_assessment WHERE city_id = 'incheon' ORDER BY created_at, id`,
      );
      expect(rows).toHaveLength(4);
      expect(rows.filter((r) => r.superseded_by_id === null)).toHaveLength(1);
      // Each superseded assessment names a different successor: one unbroken chain.
      const successors = rows.map((r) => r.superseded_by_id).filter(Boolean);
      expect(new Set(successors).size).toBe(3);
    });

    it("refuses Busan's officer for Liverpool, a participant, and anyone signed out", async () => {
      const other = await refused(() => app.gql(RECORD, { input: assessment('liverpool') }, { token: busanOfficer }));
      expect(other.extensions.code).toBe('FORBIDDEN');
      expect(other.message).toMatch(/^리버풀 시 정부 소속 공무원/); // Busan's officer reads Korean
      const agency = await refused(() => app.gql(RECORD, { input: assessment('busan') }, { token: participant }));
      expect(agency.extensions.code).toBe('FORBIDDEN');
      const anonymous = await refused(() => app.gql(RECORD, { input: assessment('busan') }));
      expect(anonymous.extensions.code).toBe('UNAUTHENTICATED');
    });

    it('lets an admin assess any city', async () => {
      const versions = await recomputeVersions();
      const res = await app.gqlOk<{ recordReadinessAssessment: Assessment }>(
        RECORD,
        { input: assessment('daegu', { strategy: 1, visibleHome: 0, networks: 0, collaboration: 0 }) },
        { token: admin },
      );
      expect(res.recordReadinessAssessment).toMatchObject({ cityId: 'daegu', composite: 1, enteredByUserId: adminId });
      expect(bumped(versions, await recomputeVersions())).toEqual(['daegu']);
    });

    it.each([
      ['strategy', 6, /from 1 to 5.*Internationalisation strategy/],
      ['strategy', 0, /from 1 to 5/],
      ['visibleHome', 3, /from 0 to 2/],
      ['networks', 4, /from 0 to 3/],
      ['collaboration', -1, /from 0 to 4.*other country/],
    ])('refuses %s = %s as BAD_USER_INPUT naming the field and its rubric', async (field, value, message) => {
      // Busan's officer reads Korean; the request asks for English (the Korean is checked with the links).
      const error = await refused(() => app.gql(RECORD, { input: assessment('busan', { [field]: value }) }, { token: busanOfficer, headers: { 'accept-language': 'en' } }));
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.fields).toEqual([{ field, message: expect.stringMatching(message) }]);
    });

    it('refuses a sub-score without evidence, a future date, and an unknown city', async () => {
      const noEvidence = await refused(() => app.gql(RECORD, { input: { ...assessment('busan'), networksEvidence: ' ' } }, { token: busanOfficer }));
      expect(noEvidence.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'networksEvidence' }] });
      const future = await refused(() => app.gql(RECORD, { input: { ...assessment('busan'), asOf: '2999-01-01' } }, { token: busanOfficer }));
      expect(future.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'asOf', message: expect.stringMatching(/^미래 날짜는 쓸 수 없습니다/) }] });
      const unknown = await refused(() => app.gql(RECORD, { input: assessment('atlantis') }, { token: admin }));
      expect(unknown.extensions.code).toBe('NOT_FOUND');
      expect(unknown.message).toContain('atlantis');
      expect(firstError(await app.gql(CURRENT, { cityId: 'atlantis' })).extensions.code).toBe('NOT_FOUND');
    });
  });

  describe('sector activity', () => {
    it('lists the taxonomy: the report’s 14 sectors first, with Korean names', async () => {
      const res = await app.gqlOk<{ sectors: Array<{ key: string; nameEn: string; nameKo: string; inReportTaxonomy: boolean; position: number }> }>(
        `query { sectors { key nameEn nameKo inReportTaxonomy position } }`,
      );
      expect(res.sectors.slice(0, 14).every((s) => s.inReportTaxonomy)).toBe(true);
      expect(res.sectors.slice(0, 3).map((s) => s.key)).toEqual(['hydrogen', 'digital', 'renewables']);
      expect(res.sectors.find((s) => s.key === 'hydrogen')?.nameKo).toBe('수소');
      const extra = res.sectors.filter((s) => !s.inReportTaxonomy).map((s) => s.key).sort();
      expect(extra).toEqual(['districts', 'health', 'ports', 'public_safety', 'water']);
    });

    it("reads Liverpool's seeded activity without signing in", async () => {
      const res = await app.gqlOk<{ citySectorActivity: Activity[] }>(ACTIVITY, { cityId: 'liverpool' });
      const byKey = Object.fromEntries(res.citySectorActivity.map((a) => [a.sectorKey, a]));
      expect(Object.keys(byKey).sort()).toEqual(['5g', 'data_management', 'districts', 'health', 'hydrogen', 'iot', 'ports', 'renewables']);
      expect(byKey.iot).toMatchObject({
        level: 3,
        asOf: '2021-10-01',
        enteredByUserId: null,
        projects: [{ title: 'Sensorcity innovation district', summary: expect.stringMatching(/IoT sensors/) }],
        sector: { key: 'iot', nameEn: 'Internet of things' },
      });
      expect(byKey.iot.source.startsWith(REPORT_SOURCE_START)).toBe(true);
      expect(byKey.ports).toMatchObject({ level: 3, sector: { nameEn: 'Ports and maritime', nameKo: '항만·해양' } });
      // Taxonomy order: the report's sectors before the profile-only ones.
      expect(res.citySectorActivity[0].sectorKey).toBe('hydrogen');
    });

    it("lets Liverpool's officer set a sector, audited and queued", async () => {
      const versions = await recomputeVersions();
      const res = await app.gqlOk<{ setSectorActivity: Activity }>(SET_ACTIVITY, { input: activity('liverpool', 'hydrogen', 3) }, { token: liverpoolOfficer });
      expect(res.setSectorActivity).toMatchObject({
        cityId: 'liverpool',
        sectorKey: 'hydrogen',
        level: 3,
        projects: [{ title: 'Hydrogen valley', summary: 'Production and refuelling network.' }, { title: 'Fuel-cell buses', summary: null }],
        enteredByUserId: liverpoolOfficerId,
        asOf: '2024-04-01',
        sector: { key: 'hydrogen' },
      });
      expect(await lastAudit()).toMatchObject({
        actor_user_id: liverpoolOfficerId,
        action: 'sector.set',
        entity_id: 'liverpool/hydrogen',
        city_ids: ['liverpool'],
        before: expect.objectContaining({ level: 1, enteredByUserId: null }),
        after: expect.objectContaining({ level: 3 }),
      });
      expect(bumped(versions, await recomputeVersions())).toEqual(['liverpool']);
      const read = await app.gqlOk<{ citySectorActivity: Activity[] }>(ACTIVITY, { cityId: 'liverpool' });
      expect(read.citySectorActivity.find((a) => a.sectorKey === 'hydrogen')?.level).toBe(3);
    });

    it.each([
      ['level 4', { level: 4 }, 'level', /1 \(live infrastructure or a testbed\), 2 .* or 3/],
      ['level 0', { level: 0 }, 'level', /1 .* or 3/],
      ['no projects', { projects: [] }, 'projects', /at least one project/],
      ['a project without a title', { projects: [{ title: '' }] }, 'projects.0.title', /name/],
      ['21 projects', { projects: Array.from({ length: 21 }, (_, i) => ({ title: `P${i}` })) }, 'projects', /20 projects or fewer/],
      ['an unknown sector', { sector: 'space' }, 'sector', /no sector "space".*hydrogen/],
      ['a missing source', { source: '' }, 'source', /where the evidence comes from/],
    ])('refuses %s as BAD_USER_INPUT', async (_what, change, field, message) => {
      const error = await refused(() => app.gql(SET_ACTIVITY, { input: { ...activity('liverpool', 'ai'), ...change } }, { token: liverpoolOfficer }));
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.fields).toContainEqual({ field, message: expect.stringMatching(message) });
    });

    it('refuses other cities’ officers, and answers NOT_FOUND for an unknown city', async () => {
      expect((await refused(() => app.gql(SET_ACTIVITY, { input: activity('busan', 'ai') }, { token: liverpoolOfficer }))).extensions.code).toBe('FORBIDDEN');
      expect((await refused(() => app.gql(SET_ACTIVITY, { input: activity('busan', 'ai') }, { token: participant }))).extensions.code).toBe('FORBIDDEN');
      expect((await refused(() => app.gql(SET_ACTIVITY, { input: activity('busan', 'ai') }))).extensions.code).toBe('UNAUTHENTICATED');
      expect((await refused(() => app.gql(SET_ACTIVITY, { input: activity('atlantis', 'ai') }, { token: admin }))).extensions.code).toBe('NOT_FOUND');
      expect(firstError(await app.gql(ACTIVITY, { cityId: 'atlantis' })).extensions.code).toBe('NOT_FOUND');
    });

    it('clears a sector once, audited; clearing nothing writes nothing', async () => {
      const versions = await recomputeVersions();
      const cleared = await app.gqlOk<{ clearSectorActivity: boolean }>(CLEAR_ACTIVITY, { input: { cityId: 'busan', sector: 'ar_vr' } }, { token: busanOfficer });
      expect(cleared.clearSectorActivity).toBe(true);
      expect(await lastAudit()).toMatchObject({ action: 'sector.clear', entity_id: 'busan/ar_vr', after: null, before: expect.objectContaining({ level: 1 }) });
      expect(bumped(versions, await recomputeVersions())).toEqual(['busan']);
      const audits = await auditCount();
      const again = await app.gqlOk<{ clearSectorActivity: boolean }>(CLEAR_ACTIVITY, { input: { cityId: 'busan', sector: 'ar_vr' } }, { token: busanOfficer });
      expect(again.clearSectorActivity).toBe(false);
      expect(await auditCount()).toBe(audits);
      const read = await app.gqlOk<{ citySectorActivity: Activity[] }>(ACTIVITY, { cityId: 'busan' });
      expect(read.citySectorActivity.map((a) => a.sectorKey)).not.toContain('ar_vr');
    });
  });

  describe('links', () => {
    it('reads the seeded links without signing in (Belfast–Daejeon, formality 3)', async () => {
      const belfast = await app.gqlOk<{ cityLinks: Link[] }>(LINKS, { cityId: 'belfast' });
      expect(belfast.cityLinks).toHaveLength(1);
      expect(belfast.cityLinks[0]).toMatchObject({
        cityAId: 'belfast',
        cityBId: 'daejeon',
        otherPlace: null,
        kind: 'research',
        formality: 3,
        partners: ["CSIT, Queen's University Belfast", 'ETRI'],
        since: null,
        cityA: { id: 'belfast', countryCode: 'GB' },
        cityB: { id: 'daejeon', countryCode: 'KR' },
        enteredByUserId: null,
      });
      expect(belfast.cityLinks[0].source.startsWith(REPORT_SOURCE_START)).toBe(true);
      const daejeon = await app.gqlOk<{ cityLinks: Link[] }>(LINKS, { cityId: 'daejeon' });
      expect(daejeon.cityLinks.map((l) => l.id)).toEqual([belfast.cityLinks[0].id]);

      // The other end need not be one of our cities.
      const glasgow = await app.gqlOk<{ cityLinks: Link[] }>(LINKS, { cityId: 'glasgow' });
      expect(glasgow.cityLinks.map((l) => [l.cityBId, l.otherPlace, l.otherPlaceCountryCode, l.formality])).toEqual([
        [null, 'Seoul', 'KR', 3],
        ['daegu', null, null, 1],
      ]);
      const busan = await app.gqlOk<{ cityLinks: Link[] }>(LINKS, { cityId: 'busan' });
      expect(busan.cityLinks).toEqual([
        expect.objectContaining({ cityAId: 'busan', cityB: null, otherPlace: 'Rolls-Royce', otherPlaceCountryCode: 'GB', formality: 4, since: 2005 }),
      ]);
    });

    let created: Link;

    it("lets Busan's officer link Busan with Liverpool, audited and queued for both cities", async () => {
      const versions = await recomputeVersions();
      const res = await app.gqlOk<{ createCityLink: Link }>(CREATE_LINK, { input: link('liverpool', 'busan') }, { token: busanOfficer });
      created = res.createCityLink;
      expect(created).toMatchObject({ cityAId: 'liverpool', cityBId: 'busan', formality: 2, since: 2023, enteredByUserId: busanOfficerId });
      expect(await lastAudit()).toMatchObject({ action: 'link.create', entity: 'CityLink', entity_id: created.id, city_ids: ['liverpool', 'busan'] });
      expect(bumped(versions, await recomputeVersions())).toEqual(['busan', 'liverpool']);
      const liverpool = await app.gqlOk<{ cityLinks: Link[] }>(LINKS, { cityId: 'liverpool' });
      expect(liverpool.cityLinks.map((l) => l.id)).toContain(created.id);
    });

    it('refuses a link within one country, naming the rule', async () => {
      const cities = await refused(() => app.gql(CREATE_LINK, { input: link('liverpool', 'manchester') }, { token: admin }));
      expect(cities.extensions.code).toBe('BAD_USER_INPUT');
      expect(cities.message).toMatch(/a link joins cities of two countries/);
      expect(cities.extensions.fields).toEqual([{ field: 'cityBId', message: expect.stringMatching(/Liverpool and Greater Manchester are both in the United Kingdom/) }]);
      const place = await refused(() =>
        app.gql(CREATE_LINK, { input: link('busan', null, { otherPlace: 'Seoul', otherPlaceCountryCode: 'KR' }) }, { token: busanOfficer, headers: { 'accept-language': 'en' } }),
      );
      expect(place.extensions.code).toBe('BAD_USER_INPUT');
      expect(place.message).toMatch(/a link joins cities of two countries/);
      // Busan's officer reads it in Korean, the account's language, with the same code and field.
      const placeKo = await refused(() => app.gql(CREATE_LINK, { input: link('busan', null, { otherPlace: 'Seoul', otherPlaceCountryCode: 'KR' }) }, { token: busanOfficer }));
      expect(placeKo).toMatchObject({
        message: 'otherPlaceCountryCode: 연계는 두 나라의 도시를 잇습니다. 부산과 Seoul은 둘 다 대한민국에 있습니다.',
        extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'otherPlaceCountryCode' }] },
      });
      // An input's own check gives its own Korean.
      const formalityKo = await refused(() => app.gql(CREATE_LINK, { input: { ...link('liverpool', 'busan'), formality: 5 } }, { token: admin, headers: { 'accept-language': 'ko' } }));
      expect(formalityKo.extensions.fields).toContainEqual({ field: 'formality', message: expect.stringMatching(/^0에서 4 사이의 정수여야 합니다: 0 없음, 1 비공식/) });
    });

    it.each([
      ['formality 5', { formality: 5 }, 'formality', /0 to 4/],
      ['both a city and another place', { otherPlace: 'Seoul', otherPlaceCountryCode: 'KR' }, 'cityBId', /exactly one other end/],
      ['a kind with spaces', { kind: 'City To City' }, 'kind', /lower-case/],
      ['a year in the future', { since: 2999 }, 'since', /year the link began/],
      ['a summary in neither language', { summary: { en: ' ' } }, 'summary', /an English or a Korean version/],
      ['a one-letter Korean summary', { summary: { ko: '항' } }, 'summary.ko', /2 to 2000 characters/],
    ])('refuses %s as BAD_USER_INPUT', async (_what, change, field, message) => {
      const error = await refused(() => app.gql(CREATE_LINK, { input: { ...link('liverpool', 'busan'), ...change } }, { token: admin }));
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.fields).toContainEqual({ field, message: expect.stringMatching(message) });
    });

    it('answers NOT_FOUND for an unknown city, and FORBIDDEN for a link not involving your city', async () => {
      const unknown = await refused(() => app.gql(CREATE_LINK, { input: link('liverpool', 'atlantis') }, { token: admin }));
      expect(unknown.extensions.code).toBe('NOT_FOUND');
      expect(unknown.message).toContain('atlantis');
      const notMine = await refused(() => app.gql(CREATE_LINK, { input: link('glasgow', 'daegu') }, { token: busanOfficer }));
      expect(notMine.extensions.code).toBe('FORBIDDEN');
      expect((await refused(() => app.gql(CREATE_LINK, { input: link('liverpool', 'busan') }, { token: participant }))).extensions.code).toBe('FORBIDDEN');
      expect((await refused(() => app.gql(CREATE_LINK, { input: link('liverpool', 'busan') }))).extensions.code).toBe('UNAUTHENTICATED');
    });

    it("lets either city's officer update the link; others may not", async () => {
      const versions = await recomputeVersions();
      const res = await app.gqlOk<{ updateCityLink: Link }>(
        UPDATE_LINK,
        { input: { id: created.id, formality: 3, source: 'Test: joint project started' } },
        { token: liverpoolOfficer },
      );
      expect(res.updateCityLink).toMatchObject({ id: created.id, formality: 3, summary: created.summary, cityBId: 'busan', enteredByUserId: liverpoolOfficerId });
      expect(await lastAudit()).toMatchObject({
        action: 'link.update',
        before: expect.objectContaining({ formality: 2 }),
        after: expect.objectContaining({ formality: 3 }),
      });
      expect(bumped(versions, await recomputeVersions())).toEqual(['busan', 'liverpool']);
      expect((await refused(() => app.gql(UPDATE_LINK, { input: { id: created.id, formality: 1 } }, { token: participant }))).extensions.code).toBe('FORBIDDEN');
      // Moving the link away from the officer's own city is not theirs to do.
      const away = await refused(() => app.gql(UPDATE_LINK, { input: { id: created.id, cityAId: 'glasgow', cityBId: 'daegu' } }, { token: liverpoolOfficer }));
      expect(away.extensions.code).toBe('FORBIDDEN');
      const within = await refused(() => app.gql(UPDATE_LINK, { input: { id: created.id, cityBId: 'manchester' } }, { token: admin }));
      expect(within.message).toMatch(/a link joins cities of two countries/);
    });

    it('keeps both of two simultaneous edits of different fields', async () => {
      const [a, b] = await Promise.all([
        app.gql(UPDATE_LINK, { input: { id: created.id, summary: { en: 'Hydrogen ports partnership, renewed', ko: '수소 항만 협력, 갱신' } } }, { token: liverpoolOfficer }),
        app.gql(UPDATE_LINK, { input: { id: created.id, partners: ['Busan Port Authority', 'Peel Ports'] } }, { token: busanOfficer }),
      ]);
      expect([a.errors, b.errors]).toEqual([undefined, undefined]);
      const links = await app.gqlOk<{ cityLinks: Link[] }>(LINKS, { cityId: 'busan' });
      expect(links.cityLinks.find((l) => l.id === created.id)).toMatchObject({
        summary: { en: 'Hydrogen ports partnership, renewed', ko: '수소 항만 협력, 갱신' },
        partners: ['Busan Port Authority', 'Peel Ports'],
      });
    });

    it('feeds the engine the links between our cities, seen from each end', async () => {
      const evidence = await app.api.get(EvidenceService).loadCityEvidence(['belfast', 'daejeon', 'busan', 'liverpool', 'leeds']);
      expect(evidence.get('belfast')!.links).toEqual([
        expect.objectContaining({ otherCityId: 'daejeon', formality: 3, kind: 'research', enteredByUserId: null, asOf: '2021-10-01' }),
      ]);
      expect(evidence.get('daejeon')!.links[0].otherCityId).toBe('belfast');
      expect(evidence.get('busan')!.links.map((l) => [l.otherCityId, l.formality])).toEqual([['liverpool', 3]]);
      expect(evidence.get('busan')!.readiness).toMatchObject({ strategy: 5, visibleHome: 2, networks: 2, collaboration: 4 });
      expect(evidence.get('liverpool')!.sectors.find((s) => s.sector === 'iot')).toMatchObject({ level: 3, projects: [{ title: 'Sensorcity innovation district' }] });
      expect(evidence.get('leeds')).toEqual({ readiness: null, sectors: [], links: [] });
      const all = await app.api.get(EvidenceService).loadCityEvidence();
      expect(all.size).toBe(28);
    });

    it('deletes a link (officers of either city), audited; it is gone from reads', async () => {
      const versions = await recomputeVersions();
      const res = await app.gqlOk<{ deleteCityLink: boolean }>(DELETE_LINK, { id: created.id }, { token: busanOfficer });
      expect(res.deleteCityLink).toBe(true);
      expect(await lastAudit()).toMatchObject({ action: 'link.delete', entity_id: created.id, after: null });
      expect(bumped(versions, await recomputeVersions())).toEqual(['busan', 'liverpool']);
      const busan = await app.gqlOk<{ cityLinks: Link[] }>(LINKS, { cityId: 'busan' });
      expect(busan.cityLinks.map((l) => l.id)).not.toContain(created.id);
      expect(firstError(await app.gql(DELETE_LINK, { id: created.id }, { token: busanOfficer })).extensions.code).toBe('NOT_FOUND');
      // Soft delete: the row stays for the record.
      const [{ n }] = await app.dataSource.query(`SELECT count(*)::int AS n FROM city_link WHERE id = $1 AND deleted_at IS NOT NULL`, [created.id]);
      expect(n).toBe(1);
    });
  });


  describe('the audit', () => {
    it('shows admins every change to a city’s evidence, newest first; nobody else', async () => {
      type AuditPage = { pairingEvidenceAudit: { totalCount: number; nodes: Array<{ action: string; actorUserId: string; cityIds: string[]; before: string | null; after: string | null }> } };
      const res = await app.gqlOk<AuditPage>(
        `query { pairingEvidenceAudit(cityId: "busan", first: 50) { totalCount nodes { action actorUserId cityIds before after at } } }`,
        {},
        { token: admin },
      );
      const actions = res.pairingEvidenceAudit.nodes.map((n) => n.action);
      expect(actions).toEqual(['link.delete', 'link.update', 'link.update', 'link.update', 'link.create', 'sector.clear', 'readiness.record', 'readiness.record']);
      expect(JSON.parse(res.pairingEvidenceAudit.nodes[0].before!)).toMatchObject({ formality: 3 });
      const officer = await app.gql(`query { pairingEvidenceAudit { totalCount } }`, {}, { token: busanOfficer });
      expect(firstError(officer).extensions.code).toBe('FORBIDDEN');
    });
  });

  describe('seeding', () => {
    it('writes nothing when run again, and keeps what people entered, cleared or deleted', async () => {
      const [audits, versions] = [await auditCount(), await recomputeVersions()];
      // A seeded link deleted by an officer stays deleted.
      const [seeded] = await app.dataSource.query(`SELECT id FROM city_link WHERE seed_key = 'uk-kr-links:glasgow~daegu~city-to-city'`);
      await app.gqlOk(DELETE_LINK, { id: seeded.id }, { token: admin });
      const afterDelete = await recomputeVersions();

      const summary = await seedPairingEvidence(app.dataSource.manager, DATA_DIR);
      expect(summary.sectors).toEqual({ inserted: 0, updated: 0, unchanged: 19 });
      expect(summary.sectorActivity).toMatchObject({ inserted: 0, updated: 0 });
      // Liverpool hydrogen (set) and Busan AR/VR (cleared) are the officers'.
      expect(summary.sectorActivity.keptOfficerEntries).toBe(2);
      expect(summary.links).toEqual({ inserted: 0, updated: 0, unchanged: 7, keptOfficerEntries: 1 });
      expect(summary.weightProfiles).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
      expect(summary.recomputeRequestedFor).toEqual([]);
      expect(await auditCount()).toBe(audits + 1);
      expect(await recomputeVersions()).toEqual(afterDelete);
      expect(bumped(versions, afterDelete)).toEqual(['daegu', 'glasgow']);

      const busan = await app.gqlOk<{ citySectorActivity: Activity[] }>(ACTIVITY, { cityId: 'busan' });
      expect(busan.citySectorActivity.map((a) => a.sectorKey)).not.toContain('ar_vr');
      const liverpool = await app.gqlOk<{ citySectorActivity: Activity[] }>(ACTIVITY, { cityId: 'liverpool' });
      expect(liverpool.citySectorActivity.find((a) => a.sectorKey === 'hydrogen')?.level).toBe(3);
      const glasgow = await app.gqlOk<{ cityLinks: Link[] }>(LINKS, { cityId: 'glasgow' });
      expect(glasgow.cityLinks.map((l) => l.cityBId)).toEqual([null]);
    });

    it('restores a seeded row changed behind its back, and asks for a recompute', async () => {
      await app.dataSource.query(`UPDATE sector_activity SET level = 2 WHERE city_id = 'ulsan' AND sector_key = 'hydrogen'`);
      const summary = await seedPairingEvidence(app.dataSource.manager, DATA_DIR);
      expect(summary.sectorActivity).toMatchObject({ inserted: 0, updated: 1 });
      expect(summary.recomputeRequestedFor).toEqual(['ulsan']);
      const [row] = await app.dataSource.query(`SELECT level FROM sector_activity WHERE city_id = 'ulsan' AND sector_key = 'hydrogen'`);
      expect(row.level).toBe(3);
    });
  });
});
