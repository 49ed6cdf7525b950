import { startTestApp, TestApp } from '../support/harness';
import { DEMO_PEOPLE } from '../support/constants';

/** The API answers each caller in their language: Accept-Language first, then the account's, then English. */
describe('the language the API answers in', () => {
  let app: TestApp;
  let officer: string;
  const missing = '00000000-0000-4000-8000-000000000000';
  const project = `query Project($id: ID!) { project(id: $id) { id } }`;

  beforeAll(async () => {
    app = await startTestApp({ worker: false });
    officer = await app.signIn(DEMO_PEOPLE.busan);
  });
  afterAll(() => app.close());

  it('says NOT_FOUND in Korean, with the same code, when the request asks for Korean', async () => {
    const english = await app.gql(project, { id: missing }, { token: officer, headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    const korean = await app.gql(project, { id: missing }, { token: officer, headers: { 'accept-language': 'ko-KR,ko;q=0.9,en;q=0.5' } });
    expect(english.errors?.[0]).toMatchObject({ message: `No project with id "${missing}" was found.`, extensions: { code: 'NOT_FOUND' } });
    expect(korean.errors?.[0]).toMatchObject({ message: `ID가 "${missing}"인 프로젝트를 찾을 수 없습니다.`, extensions: { code: 'NOT_FOUND' } });
  });

  it("answers in the account's language when the request names none of the platform's", async () => {
    await app.gqlOk(`mutation { updateMyProfile(input: { preferredLanguage: "ko" }) { id } }`, {}, { token: officer });
    const res = await app.gql(project, { id: missing }, { token: officer, headers: { 'accept-language': 'fr-FR' } });
    expect(res.errors?.[0].message).toBe(`ID가 "${missing}"인 프로젝트를 찾을 수 없습니다.`);
    await app.gqlOk(`mutation { updateMyProfile(input: { preferredLanguage: "en" }) { id } }`, {}, { token: officer });
    const english = await app.gql(project, { id: missing }, { token: officer, headers: { 'accept-language': 'fr-FR' } });
    expect(english.errors?.[0].message).toBe(`No project with id "${missing}" was found.`);
    const anonymous = await app.gql(project, { id: missing }, { headers: { 'accept-language': 'fr-FR' } });
    expect(anonymous.errors?.[0].message).toBe(`No project with id "${missing}" was found.`);
  });

  it('says each field problem in Korean, with the limits the check declares', async () => {
    const query = `query Cities($first: Int) { cities(first: $first) { totalCount } }`;
    // first is 1 to 100.
    const res = await app.gql(query, { first: 1000 }, { headers: { 'accept-language': 'ko' } });
    const error = res.errors?.[0];
    expect(error?.extensions.code).toBe('BAD_USER_INPUT');
    const fields = error?.extensions.fields as Array<{ field: string; message: string }>;
    expect(fields[0].field).toBe('first');
    expect(fields[0].message).toMatch(/^\d+ 이하여야 합니다\.$/);
    expect(error?.message).toMatch(/^입력한 내용을 고쳐 주세요\. first: \d+ 이하여야 합니다\.$/);
    const english = await app.gql(query, { first: 1000 }, { headers: { 'accept-language': 'en' } });
    expect(english.errors?.[0].message).toMatch(/^Please correct the input: first must not be greater than \d+\.$/);
  });

  it('says a whole-request refusal (before anything runs) in Korean too', async () => {
    const query = `query Cities($filter: CityFilterInput) { cities(filter: $filter) { totalCount } }`;
    const res = await app.gql(query, { filter: { search: 'a\u0000b' } }, { headers: { 'accept-language': 'ko' } });
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toContain('NUL 문자(U+0000)를 쓸 수 없습니다');
  });
});
