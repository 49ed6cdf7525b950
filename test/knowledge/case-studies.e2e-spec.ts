import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { xml2js } from 'xml-js';
import { writeSeededCaseStudiesInKorean } from '../../migrations/1796658353910-SeededCaseStudiesInKorean';
import { createProject, joinAsMember, twinLiverpoolAndBusan } from '../funding/funding-support';
import { startTestApp, TestApp } from '../support/harness';

const CS = `id slug workspaceId cityIds countryCodes sectors sdgs authorNames myAccess { author reviewer }
  versions { language status revision title summary body bodyHtml needsTranslationCheck reviewNote publishedAt }`;
const CREATE = `mutation($input: CreateCaseStudyInput!) { createCaseStudy(input: $input) { ${CS} } }`;
const GET = `query($idOrSlug: String!) { caseStudy(idOrSlug: $idOrSlug) { ${CS} } }`;
const SUBMIT = `mutation($input: CaseStudyStepInput!) { submitCaseStudyForReview(input: $input) { language status } }`;
const REVIEW = `mutation($input: ReviewCaseStudyInput!) { reviewCaseStudy(input: $input) { language status reviewNote } }`;
const WRITE = `mutation($input: WriteCaseStudyTextInput!) { writeCaseStudyText(input: $input) { language status revision title } }`;
const ARCHIVE = `mutation($input: CaseStudyStepInput!) { archiveCaseStudy(input: $input) { status } }`;
const REPUBLISH = `mutation($input: CaseStudyStepInput!) { republishCaseStudy(input: $input) { status } }`;
const CONFIRM = `mutation($input: CaseStudyStepInput!) { confirmCaseStudyTranslation(input: $input) { needsTranslationCheck } }`;
const SEARCH = `query($query: String!, $filter: CaseStudyFilter, $first: Int, $after: String) { searchCaseStudies(query: $query, filter: $filter, first: $first, after: $after) {
  totalCount endCursor hits { language title snippet rank caseStudy { slug } } } }`;

type Version = { language: string; status: string; revision: number; title: string; body: string; bodyHtml: string; needsTranslationCheck: boolean; reviewNote: string | null };
type Study = { id: string; slug: string; versions: Version[]; authorNames: string[]; countryCodes: string[]; myAccess: { author: boolean; reviewer: boolean } };
/** Requests asking for Korean answers, or English ones (else a Korean account is answered in Korean). */
const KOREAN = { 'accept-language': 'ko' };
const ENGLISH = { 'accept-language': 'en' };
const codeOf = (res: { errors?: Array<{ extensions: { code: string } }> }) => res.errors?.[0]?.extensions.code ?? 'OK';

type InBoth = { en: string; ko: string };
/** The report's example case studies, as the seed reads them. */
const SEEDS = (
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'data', 'case-studies.json'), 'utf8')) as {
    caseStudies: Array<{ slug: string; summary: InBoth; successFactors: InBoth[]; lessons: InBoth[] }>;
  }
).caseStudies;
const SEEDED = `query($idOrSlug: String!) { caseStudy(idOrSlug: $idOrSlug) { id version successFactors { en ko } lessons { en ko }
  versions { language revision body } revisions(language: "ko") { revision } } }`;
type Seeded = { id: string; version: number; successFactors: InBoth[]; lessons: InBoth[]; versions: Array<{ language: string; revision: number; body: string }>; revisions: Array<{ revision: number }> };

/**
 * The Liverpool–Busan story: written by a participant in both languages,
 * reviewed by the workspace's leads, found by searching in Korean and in
 * English, and published as open data and in the Atom feed.
 */
describe('case studies', () => {
  let app: TestApp;
  const t: Record<string, string> = {};
  const id: Record<string, string> = {};
  let workspaceId: string;
  let study: Study;
  const search = async (query: string, filter: Record<string, unknown> = {}, token?: string) =>
    (await app.gqlOk<{ searchCaseStudies: { totalCount: number; endCursor: string | null; hits: Array<{ language: string; title: string; snippet: string; rank: number; caseStudy: { slug: string } }> } }>(SEARCH, { query, filter }, { token }))
      .searchCaseStudies;
  const read = async (token?: string) => (await app.gqlOk<{ caseStudy: Study }>(GET, { idOrSlug: study.slug }, { token })).caseStudy;

  beforeAll(async () => {
    app = await startTestApp();
    await app.signInDemo(t, id);
    workspaceId = await twinLiverpoolAndBusan(app, t);
    await joinAsMember(app, t, workspaceId);
  });
  afterAll(() => app.close());

  it('a participant writes the story in English and Korean; bad input is refused, naming the field', async () => {
    const input = {
      workspaceId,
      cityIds: ['liverpool', 'busan'],
      sectors: ['hydrogen'],
      sdgs: [7, 9, 11],
      partners: [{ name: { en: 'Busan Technopark', ko: '부산테크노파크' } }],
      successFactors: [{ en: 'Both ports shared their data', ko: '두 항만이 데이터를 공유했습니다' }],
      lessons: [{ en: 'Start with one berth', ko: '선석 하나부터 시작하세요' }],
      versions: [
        {
          language: 'en',
          title: 'Hydrogen ports for Liverpool and Busan',
          summary: 'Two port cities trialled hydrogen for harbour vehicles.',
          body: '## What we did\n\nWe ran **hydrogen** tugs in both ports.\n\n<script>alert(1)</script><img src="https://x.test/a.png" onerror="alert(2)">',
        },
        {
          language: 'ko',
          title: '리버풀과 부산의 수소 항만',
          summary: '두 항만 도시가 항만 차량에 수소를 시범 적용했습니다.',
          body: '## 추진 내용\n\n두 항만에서 수소예인선을 운항했습니다.',
          needsTranslationCheck: true,
        },
      ],
    };
    const badSdg = await app.gql(CREATE, { input: { ...input, sdgs: [7, 18] } }, { token: t.participant });
    expect(badSdg.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'sdgs' }] });
    const badSector = await app.gql(CREATE, { input: { ...input, sectors: ['teleportation'] } }, { token: t.participant });
    expect(badSector.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'sectors' }] });
    // The same refusals in Korean: the goal's check gives its own Korean, the service composes its own.
    const badSdgKo = await app.gql(CREATE, { input: { ...input, sdgs: [7, 18] } }, { token: t.participant, headers: KOREAN });
    expect(badSdgKo.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'sdgs', message: '1부터 17까지 번호가 붙은 유엔 지속가능발전목표(SDG)여야 합니다.' }] });
    const badSectorKo = await app.gql(CREATE, { input: { ...input, sectors: ['teleportation'] } }, { token: t.participant, headers: KOREAN });
    expect(badSectorKo.errors?.[0]).toMatchObject({
      message: 'sectors: 분류에 없는 분야입니다: teleportation(sectors 조회를 보세요).',
      extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'sectors', message: '분류에 없는 분야입니다: teleportation(sectors 조회를 보세요).' }] },
    });
    expect(codeOf(await app.gql(CREATE, { input }, { token: t.organiser }))).toBe('NOT_FOUND');
    study = (await app.gqlOk<{ createCaseStudy: Study }>(CREATE, { input }, { token: t.participant })).createCaseStudy;
    expect(study.slug).toBe('hydrogen-ports-for-liverpool-and-busan');
    expect(study.countryCodes).toEqual(['GB', 'KR']);
    expect(study.versions.map((v) => [v.language, v.status, v.revision, v.needsTranslationCheck])).toEqual([
      ['en', 'DRAFT', 1, false],
      ['ko', 'DRAFT', 1, true],
    ]);
    // Markdown renders; the script and the event handler do not survive.
    const en = study.versions.find((v) => v.language === 'en')!;
    expect(en.bodyHtml).toContain('<strong>hydrogen</strong>');
    expect(en.bodyHtml).not.toMatch(/<script|onerror|alert\(1\)/);
    // A draft is for its authors and reviewers only.
    expect(codeOf(await app.gql(GET, { idOrSlug: study.slug }))).toBe('NOT_FOUND');
    expect(codeOf(await app.gql(GET, { idOrSlug: study.slug }, { token: t.organiser }))).toBe('NOT_FOUND');
    expect((await read(t.busan)).myAccess).toEqual({ author: false, reviewer: true });
  });

  it('each language version goes through review on its own; the workspace’s leads publish', async () => {
    const step = (query: string, language: string, token: string, extra: Record<string, unknown> = {}) => app.gql(query, { input: { caseStudyId: study.id, language, ...extra } }, { token });
    expect((await step(REVIEW, 'en', t.busan, { approve: true })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION', status: 'DRAFT' });
    const tooEarlyKo = await app.gql(REVIEW, { input: { caseStudyId: study.id, language: 'en', approve: true } }, { token: t.busan, headers: KOREAN });
    expect(tooEarlyKo.errors?.[0]).toMatchObject({
      message: '이 버전은 ‘작성 중’ 상태라서 게시할 수 없습니다. 지금 할 수 있는 것은 검토 요청입니다.',
      extensions: { code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION', status: 'DRAFT' },
    });
    const notAuthorKo = await app.gql(SUBMIT, { input: { caseStudyId: study.id, language: 'en' } }, { token: t.busan, headers: KOREAN });
    expect(notAuthorKo.errors?.[0]).toMatchObject({ message: '우수 사례의 검토는 저자만 요청할 수 있습니다.', extensions: { code: 'FORBIDDEN' } });
    expect(codeOf(await step(SUBMIT, 'en', t.busan))).toBe('FORBIDDEN');
    await step(SUBMIT, 'en', t.participant);
    await step(SUBMIT, 'ko', t.participant);
    const request = await app.mail.waitFor((m) => m.to === 'officer.busan@demo.twins.test' && m.subject === '우수 사례 검토 요청: “리버풀과 부산의 수소 항만”');
    expect(request.text).toContain('리버풀과 부산의 수소 항만');
    // Authors do not publish their own work; a lead sends the English back with a note, then publishes it.
    expect(codeOf(await step(REVIEW, 'en', t.participant, { approve: true }))).toBe('FORBIDDEN');
    expect(codeOf(await step(REVIEW, 'en', t.liverpool, { approve: false }))).toBe('BAD_USER_INPUT');
    const back = await app.gqlOk<{ reviewCaseStudy: { status: string; reviewNote: string } }>(REVIEW, { input: { caseStudyId: study.id, language: 'en', approve: false, note: 'Add the tonnage figures' } }, { token: t.liverpool });
    expect(back.reviewCaseStudy).toEqual({ language: 'en', status: 'DRAFT', reviewNote: 'Add the tonnage figures' });
    expect((await app.mail.waitFor((m) => m.to === 'participant@demo.twins.test' && m.subject.includes('needs changes'))).text).toContain('Add the tonnage figures');
    await app.gqlOk(WRITE, { input: { caseStudyId: study.id, language: 'en', title: 'Hydrogen ports for Liverpool and Busan', summary: 'Two port cities trialled hydrogen for harbour vehicles.', body: '## What we did\n\nWe ran **hydrogen** tugs in both ports, moving 12,000 tonnes.' } }, { token: t.participant });
    await step(SUBMIT, 'en', t.participant);
    await step(REVIEW, 'en', t.liverpool, { approve: true });
    // The Korean version is published while still marked as a translation nobody has checked; then a person checks it.
    await step(REVIEW, 'ko', t.busan, { approve: true });
    const published = await read();
    expect(published.versions.map((v) => [v.language, v.status, v.needsTranslationCheck])).toEqual([
      ['en', 'PUBLISHED', false],
      ['ko', 'PUBLISHED', true],
    ]);
    await app.gqlOk(CONFIRM, { input: { caseStudyId: study.id, language: 'ko' } }, { token: t.busan });
    expect((await read()).versions.find((v) => v.language === 'ko')!.needsTranslationCheck).toBe(false);
    expect((await read()).authorNames).toEqual(['Jordan Lee']);
  });

  it('a version sent back and sent again unchanged reaches its reviewers again', async () => {
    const other = (await app.gqlOk<{ createCaseStudy: Study }>(CREATE, { input: { workspaceId, versions: [{ language: 'en', title: 'Quay lighting', summary: 'Lights.', body: 'Lights on quays.' }] } }, { token: t.participant })).createCaseStudy;
    const requests = () => app.mail.to('officer.liverpool@demo.twins.test').filter((m) => m.subject === 'Please review the case study “Quay lighting”').length;
    await app.gqlOk(SUBMIT, { input: { caseStudyId: other.id, language: 'en' } }, { token: t.participant });
    await app.mail.waitFor((m) => m.to === 'officer.liverpool@demo.twins.test' && m.subject === 'Please review the case study “Quay lighting”');
    await app.gqlOk(REVIEW, { input: { caseStudyId: other.id, language: 'en', approve: false, note: 'Which quays?' } }, { token: t.liverpool });
    await app.gqlOk(SUBMIT, { input: { caseStudyId: other.id, language: 'en' } }, { token: t.participant });
    const deadline = Date.now() + 15_000;
    while (requests() < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(requests()).toBe(2);
  });

  it('a Korean-speaking officer finds it searching in Korean; English finds the English version', async () => {
    const ko = await search('수소', {}, t.busan);
    expect(ko.hits.map((h) => [h.caseStudy.slug, h.language])).toEqual([[study.slug, 'ko']]);
    expect(ko.hits[0].snippet).toContain('<mark>수소</mark>');
    // Part of a word: 수소예인선 (hydrogen tug) is found by 수소예인.
    expect((await search('수소예인')).hits.map((h) => h.language)).toEqual(['ko']);
    const en = await search('hydrogen');
    expect(en.hits.map((h) => [h.caseStudy.slug, h.language])).toEqual([[study.slug, 'en']]);
    expect(en.hits[0].snippet).toContain('<mark>hydrogen</mark>');
    // Stemmed English: "tug" finds "tugs"; the title ranks above the body.
    expect((await search('tug')).hits.map((h) => h.language)).toEqual(['en']);
    // The report's examples are there too, and filters narrow them.
    const wind = await search('wind');
    expect(wind.hits.map((h) => h.caseStudy.slug)).toContain('ulsan-offshore-wind');
    expect((await search('wind', { cityId: 'busan' })).totalCount).toBe(0);
    expect((await search('hydrogen', { sector: 'hydrogen', sdg: 7, countryCode: 'KR', year: app.clock.now().getUTCFullYear() })).totalCount).toBe(1);
    expect((await search('hydrogen', { sdg: 3 })).totalCount).toBe(0);
    expect((await search('hydrogen', { language: 'ko' })).totalCount).toBe(0);
    // Pages follow endCursor.
    const first = await app.gqlOk<{ searchCaseStudies: { hits: unknown[]; endCursor: string } }>(SEARCH, { query: 'e', first: 2 });
    const second = await app.gqlOk<{ searchCaseStudies: { hits: Array<{ title: string }> } }>(SEARCH, { query: 'e', first: 2, after: first.searchCaseStudies.endCursor });
    expect(first.searchCaseStudies.hits).toHaveLength(2);
    expect(second.searchCaseStudies.hits.length).toBeGreaterThan(0);
    expect(codeOf(await app.gql(SEARCH, { query: '   ' }))).toBe('BAD_USER_INPUT');
  });

  it('editing a published version makes a new revision and keeps the history', async () => {
    const stale = await app.gql(WRITE, { input: { caseStudyId: study.id, language: 'en', revision: 1, title: 'Old', summary: 'Old', body: 'Old' } }, { token: t.participant });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION', currentRevision: 2 });
    const edited = await app.gqlOk<{ writeCaseStudyText: { status: string; revision: number } }>(
      WRITE,
      { input: { caseStudyId: study.id, language: 'en', revision: 2, title: 'Hydrogen ports for Liverpool and Busan', summary: 'Two port cities trialled hydrogen for harbour vehicles and buses.', body: 'Tugs and buses.' } },
      { token: t.participant },
    );
    expect(edited.writeCaseStudyText).toMatchObject({ status: 'PUBLISHED', revision: 3 });
    expect((await read()).versions.find((v) => v.language === 'en')!.body).toBe('Tugs and buses.');
    const history = await app.gqlOk<{ caseStudy: { revisions: Array<{ revision: number; body: string }> } }>(
      `query($idOrSlug: String!) { caseStudy(idOrSlug: $idOrSlug) { revisions(language: "en") { revision body } } }`,
      { idOrSlug: study.slug },
      { token: t.participant },
    );
    expect(history.caseStudy.revisions.map((r) => r.revision)).toEqual([3, 2, 1]);
    const badLanguage = await app.gql(`query($idOrSlug: String!) { caseStudy(idOrSlug: $idOrSlug) { revisions(language: "fr") { revision } } }`, { idOrSlug: study.slug }, { token: t.participant });
    expect(badLanguage.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'language', message: 'must be en or ko' }] });
    expect(history.caseStudy.revisions[2].body).toContain('<script>');
    // Someone else may read it but not edit it, nor its history.
    expect(codeOf(await app.gql(WRITE, { input: { caseStudyId: study.id, language: 'en', title: 'x', summary: 'x', body: 'x' } }, { token: t.organiser }))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(`query($idOrSlug: String!) { caseStudy(idOrSlug: $idOrSlug) { revisions(language: "en") { revision } } }`, { idOrSlug: study.slug }, { token: t.organiser }))).toBe('NOT_FOUND');
    await expect(app.asOwner(`UPDATE case_study_revision SET body = 'rewritten' WHERE case_study_id = $1`, [study.id])).rejects.toThrow(/append-only/);
    await expect(app.dataSource.query(`UPDATE case_study_revision SET body = 'rewritten' WHERE case_study_id = $1`, [study.id])).rejects.toThrow(/permission denied/);
  });

  it('archiving takes a version out of search; a reviewer publishes it again', async () => {
    await app.gqlOk(ARCHIVE, { input: { caseStudyId: study.id, language: 'ko' } }, { token: t.participant });
    expect((await search('수소')).totalCount).toBe(0);
    expect(codeOf(await app.gql(REPUBLISH, { input: { caseStudyId: study.id, language: 'ko' } }, { token: t.participant }))).toBe('FORBIDDEN');
    await app.gqlOk(REPUBLISH, { input: { caseStudyId: study.id, language: 'ko' } }, { token: t.busan });
    expect((await search('수소')).totalCount).toBe(1);
  });

  it('from project to case study: a draft prefilled from the project', async () => {
    const projectId = await createProject(app, t, id, workspaceId, 'Smart quays');
    const started = await app.gqlOk<{ startCaseStudyFromProject: Study & { sectors: string[]; cityIds: string[]; workspaceId: string } }>(
      `mutation($projectId: ID!) { startCaseStudyFromProject(projectId: $projectId) { ${CS} } }`,
      { projectId },
      { token: t.busan },
    );
    expect(started.startCaseStudyFromProject).toMatchObject({ workspaceId, cityIds: ['liverpool', 'busan'], sectors: ['iot'], authorNames: ['박서준'] });
    expect(started.startCaseStudyFromProject.versions.map((v) => [v.language, v.status, v.title])).toEqual([
      ['en', 'DRAFT', 'Smart quays'],
      ['ko', 'DRAFT', 'Smart quays (한국어)'],
    ]);
    expect(codeOf(await app.gql(`mutation($projectId: ID!) { startCaseStudyFromProject(projectId: $projectId) { id } }`, { projectId }, { token: t.organiser }))).toBe('NOT_FOUND');
    // Asked again, the same draft comes back.
    const again = await app.gqlOk<{ startCaseStudyFromProject: { id: string } }>(`mutation($projectId: ID!) { startCaseStudyFromProject(projectId: $projectId) { id } }`, { projectId }, { token: t.busan });
    expect(again.startCaseStudyFromProject.id).toBe(started.startCaseStudyFromProject.id);
    // A lead who wrote it does not publish it: the other city's lead does.
    const draftId = started.startCaseStudyFromProject.id;
    await app.gqlOk(SUBMIT, { input: { caseStudyId: draftId, language: 'en' } }, { token: t.busan });
    const own = await app.gql(REVIEW, { input: { caseStudyId: draftId, language: 'en', approve: true } }, { token: t.busan, headers: ENGLISH });
    expect(own.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringContaining('another reviewer') });
    await app.gqlOk(REVIEW, { input: { caseStudyId: draftId, language: 'en', approve: true } }, { token: t.liverpool });
  });

  it('open data: published case studies, decisions, cities and pair scores as JSON and CSV, licensed and dated', async () => {
    const index = (await (await fetch(`${app.url}/open-data`)).json()) as { licence: { id: string }; datasets: Array<{ name: string; json: string; csv: string }> };
    expect(index.licence.id).toBe('CC-BY-4.0');
    expect(index.datasets.map((d) => d.name)).toEqual(['case-studies', 'events', 'decisions', 'cities', 'pair-scores']);

    const json = await fetch(`${app.url}/open-data/case-studies.json`);
    expect(json.headers.get('link')).toBe('<https://creativecommons.org/licenses/by/4.0/>; rel="license"');
    const body = (await json.json()) as { licence: { id: string }; generatedAt: string; count: number; data: Array<{ slug: string; language: string; title: string; sdgs: number[] }> };
    expect(body.licence.id).toBe('CC-BY-4.0');
    expect(Date.parse(body.generatedAt)).not.toBeNaN();
    expect(body.count).toBe(body.data.length);
    const ours = body.data.filter((r) => r.slug === study.slug).sort((a, b) => a.language.localeCompare(b.language));
    expect(ours.map((r) => [r.language, r.title])).toEqual([
      ['en', 'Hydrogen ports for Liverpool and Busan'],
      ['ko', '리버풀과 부산의 수소 항만'],
    ]);
    expect(ours[0].sdgs).toEqual([7, 9, 11]);
    // Drafts never leave: of the prefilled study only the published English version is there, not the Korean draft.
    expect(body.data.filter((r) => r.title.startsWith('Smart quays')).map((r) => [r.language, r.title])).toEqual([['en', 'Smart quays']]);

    const csv = await fetch(`${app.url}/open-data/case-studies.csv`);
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="case-studies-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = parse(Buffer.from(await csv.arrayBuffer()), { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(body.count);
    const koRow = rows.find((r) => r.slug === study.slug && r.language === 'ko')!;
    expect(koRow.title).toBe('리버풀과 부산의 수소 항만');
    expect(JSON.parse(koRow.sectors)).toEqual(['hydrogen']);

    const cities = (await (await fetch(`${app.url}/open-data/cities.json`)).json()) as { data: Array<{ city_id: string; indicator_key: string | null }> };
    expect(new Set(cities.data.map((r) => r.city_id)).size).toBe(28);
    const cityRows = parse(Buffer.from(await (await fetch(`${app.url}/open-data/cities.csv`)).arrayBuffer()), { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(cityRows).toHaveLength(cities.data.length);
    const decisions = (await (await fetch(`${app.url}/open-data/decisions.json`)).json()) as { count: number };
    expect(decisions.count).toBe(0);
    const scores = (await (await fetch(`${app.url}/open-data/pair-scores.json`)).json()) as { count: number; data: Array<{ pair_key: string }> };
    const [{ stored }] = await app.dataSource.query(`SELECT count(*)::int AS stored FROM pair_score`);
    expect(scores.count).toBe(stored);
    // The demo's published events, without their joining links (those are for people holding a place).
    const events = (await (await fetch(`${app.url}/open-data/events.json`)).json()) as { licence: { id: string }; count: number; data: Array<Record<string, unknown>> };
    const [{ published }] = await app.dataSource.query(`SELECT count(*)::int AS published FROM programme_event WHERE status = 'PUBLISHED'`);
    expect([events.licence.id, events.count]).toEqual(['CC-BY-4.0', published]);
    expect(events.data.map((e) => e.title_ko)).toContain('수소 항만 세미나');
    expect(events.data.every((e) => !('join_url' in e))).toBe(true);
    const eventRows = parse(Buffer.from(await (await fetch(`${app.url}/open-data/events.csv`)).arrayBuffer()), { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(eventRows.map((r) => r.title_en).sort()).toEqual(events.data.map((e) => e.title_en as string).sort());
    expect((await fetch(`${app.url}/open-data/reviews.json`)).status).toBe(404);
  });

  it('an Atom feed of new case studies', async () => {
    // A title with markup and CDATA ends stays text, and the feed stays valid XML.
    const hostile = '<img src=x onerror=alert(1)> ]]> and ]]> again';
    const sneaky = (await app.gqlOk<{ createCaseStudy: Study }>(CREATE, { input: { workspaceId, versions: [{ language: 'en', title: hostile, summary: '<b>bold</b> ]]>', body: 'Text.' }] } }, { token: t.participant })).createCaseStudy;
    await app.gqlOk(SUBMIT, { input: { caseStudyId: sneaky.id, language: 'en' } }, { token: t.participant });
    await app.gqlOk(REVIEW, { input: { caseStudyId: sneaky.id, language: 'en', approve: true } }, { token: t.liverpool });
    const res = await fetch(`${app.url}/feeds/case-studies.atom`);
    expect(res.headers.get('content-type')).toContain('application/atom+xml');
    const doc = xml2js(await res.text(), { compact: true }) as unknown as {
      feed: { entry: Array<{ title: { _text?: string; _cdata?: string }; link: { _attributes: { href: string } }; content: { _cdata?: string; _text?: string } }> };
    };
    const entries = doc.feed.entry.map((e) => ({ title: e.title._text ?? e.title._cdata, href: e.link._attributes.href, content: e.content._cdata ?? e.content._text ?? '' }));
    const ko = entries.find((e) => e.href === `${app.url}/case-studies/${study.slug}?lang=ko`)!;
    expect(ko.title).toBe('리버풀과 부산의 수소 항만');
    expect(entries.find((e) => e.href.endsWith(`${study.slug}?lang=en`))!.content).toBe('<p>Tugs and buses.</p>\n');
    // The title reaches a feed reader escaped: shown as the text it is, never as an image with a handler.
    expect(entries.find((e) => e.href.endsWith(`${sneaky.slug}?lang=en`))!.title).toBe('&lt;img src=x onerror=alert(1)&gt; ]]&gt; and ]]&gt; again');
  });

  it('the report’s examples are seeded in both languages: success factors, lessons and each body in its own language', async () => {
    const seeded = async (slug: string) => (await app.gqlOk<{ caseStudy: Seeded }>(SEEDED, { idOrSlug: slug }, { token: t.admin })).caseStudy;
    expect(SEEDS).toHaveLength(8);
    for (const seed of SEEDS) {
      const study = await seeded(seed.slug);
      expect([study.successFactors, study.lessons]).toEqual([seed.successFactors, seed.lessons]);
      const body = (language: string) => study.versions.find((v) => v.language === language)!.body;
      for (const item of [...seed.successFactors, ...seed.lessons]) {
        // Written in Korean, not quoted: no Latin word in the Korean text, and the English stays out of the Korean body.
        expect(item.ko).toMatch(/^[^A-Za-z]*[가-힣][^A-Za-z]*$/);
        expect(body('ko')).toContain(`- ${item.ko}\n`);
        expect(body('ko')).not.toContain(item.en);
        expect(body('en')).toContain(`- ${item.en}\n`);
      }
      expect(body('ko')).toMatch(/\n## 성공 요인\n[^]*\n## 교훈\n/);
      expect(body('ko')).not.toContain('영어 원문');
    }
    expect((await seeded('ulsan-offshore-wind')).successFactors[0]).toEqual({ en: 'Made full use of the local supply chain', ko: '지역 공급망을 최대한 활용' });
  });

  it('a data migration gives case studies seeded before the Korean lists their Korean, as a new revision, and leaves alone one a person has edited', async () => {
    const seeded = async (slug: string) => (await app.gqlOk<{ caseStudy: Seeded }>(SEEDED, { idOrSlug: slug }, { token: t.admin })).caseStudy;
    const ulsan = await seeded('ulsan-offshore-wind');
    // Two seeded case studies put back as the earlier seed left them: English-only lists, quoted in English in the Korean body.
    const putBack = async (slug: string) => {
      const seed = SEEDS.find((s) => s.slug === slug)!;
      const englishOnly = (items: InBoth[]) => JSON.stringify(items.map(({ en }) => ({ en, ko: null })));
      const quoted = (items: InBoth[]) => items.map((i) => `- ${i.en}`).join('\n');
      const body = `${seed.summary.ko}\n\n## 성공 요인 (영어 원문)\n\n${quoted(seed.successFactors)}\n\n## 교훈 (영어 원문)\n\n${quoted(seed.lessons)}\n`;
      await app.dataSource.query(`UPDATE case_study SET success_factors = $2, lessons = $3 WHERE slug = $1`, [slug, englishOnly(seed.successFactors), englishOnly(seed.lessons)]);
      await app.dataSource.query(`UPDATE case_study_version v SET body = $2 FROM case_study c WHERE c.id = v.case_study_id AND c.slug = $1 AND v.language = 'ko'`, [slug, body]);
      return body;
    };
    await putBack('ulsan-offshore-wind');
    const quotedBelfast = await putBack('belfast-daejeon-cyber');
    // Belfast's English text has since been edited by a person: the case study is theirs now.
    const belfast = await seeded('belfast-daejeon-cyber');
    await app.gqlOk(WRITE, { input: { caseStudyId: belfast.id, language: 'en', revision: 1, title: 'IoT security between Belfast and Daejeon', summary: 'A long partnership.', body: 'Edited.' } }, { token: t.admin });

    expect(await writeSeededCaseStudiesInKorean((sql, parameters) => app.asOwner(sql, parameters))).toEqual(['ulsan-offshore-wind']);
    // Ulsan reads as the seed now writes it, the Korean text as a second revision kept beside the first.
    const migrated = await seeded('ulsan-offshore-wind');
    expect([migrated.successFactors, migrated.lessons]).toEqual([ulsan.successFactors, ulsan.lessons]);
    expect(migrated.versions.map((v) => [v.language, v.revision, v.body])).toEqual(ulsan.versions.map((v) => [v.language, v.language === 'ko' ? 2 : 1, v.body]));
    expect(migrated.revisions.map((r) => r.revision)).toEqual([2, 1]);
    expect(migrated.version).toBe(2);
    // Belfast stays as it was, English quotes and all.
    const untouched = await seeded('belfast-daejeon-cyber');
    expect(untouched.successFactors.every((f) => f.ko === null)).toBe(true);
    expect(untouched.versions.find((v) => v.language === 'ko')!.body).toBe(quotedBelfast);
    // Nothing is written twice.
    expect(await writeSeededCaseStudiesInKorean((sql, parameters) => app.asOwner(sql, parameters))).toEqual([]);
  });

  it('a disabled account is sent nothing: the review request goes to the leads whose accounts are active', async () => {
    await app.dataSource.query(`UPDATE user_account SET disabled_at = now() WHERE id = $1`, [id.busan]);
    const study = (await app.gqlOk<{ createCaseStudy: Study }>(CREATE, { input: { workspaceId, versions: [{ language: 'en', title: 'Berth sharing', summary: 'Berths.', body: 'Berths.' }] } }, { token: t.participant })).createCaseStudy;
    await app.gqlOk(SUBMIT, { input: { caseStudyId: study.id, language: 'en' } }, { token: t.participant });
    const queued: Array<{ recipient_email: string }> = await app.dataSource.query(
      `SELECT recipient_email FROM outbox_message WHERE template = 'knowledge.review-requested' AND idempotency_key LIKE $1 ORDER BY recipient_email`,
      [`knowledge.review:${study.id}:%`],
    );
    expect(queued.map((q) => q.recipient_email)).toEqual(['officer.liverpool@demo.twins.test']);
  });
});
