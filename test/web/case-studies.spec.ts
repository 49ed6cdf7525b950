import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO, expect, test, type Lang } from './fixtures';
import { createProjectApi, ensureLiverpoolBusanWorkspace, koreanTitleOf, tokenFor } from './support/api';
import { caseStudyApi, createCaseStudyApi, submitCaseStudyApi, writeCaseStudyTextApi } from './support/case-studies-api';

/** The seeded case study the public tests read (data/case-studies.json). */
const ULSAN = {
  slug: 'ulsan-offshore-wind',
  title: { en: 'Offshore wind turbines for Ulsan', ko: '울산 해상풍력 터빈 개발 및 배치' },
  bodyHeading: { en: 'What made it work', ko: '성공 요인' },
};
const GLASGOW = { en: '5G AR infotainment on the Glasgow Subway and Seoul Metro', ko: '글래스고 지하철·서울메트로 5G AR 인포테인먼트' };

/** Someone who writes case studies in the project's language (signing in switches the interface to theirs). */
const writerFor = (lang: Lang) => (lang === 'ko' ? DEMO.busan : DEMO.participant);

const labels = (lang: Lang, of: Lang) => {
  const name = { en: { en: 'English', ko: 'Korean' }, ko: { en: '영어', ko: '한국어' } }[lang][of];
  return lang === 'ko'
    ? { title: `제목(${name})`, summary: `요약(${name})`, body: `본문 마크다운(${name})`, preview: `미리 보기(${name})` }
    : { title: `Title (${name})`, summary: `Summary (${name})`, body: `Text in Markdown (${name})`, preview: `Preview (${name})` };
};

async function countShown(page: Page): Promise<number> {
  const status = page.locator('.case-studies__count');
  await expect(status).toHaveText(/\d/);
  return Number((await status.textContent())!.replace(/[^\d]/g, ''));
}

test.describe('case studies', () => {
  test('search finds a seeded case study by an English word and by a Korean word, with the matches highlighted', async ({ page, tr }) => {
    await page.goto('/case-studies');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr({ en: 'Case studies', ko: '우수 사례' }));
    const box = page.getByRole('searchbox', { name: tr({ en: 'Search case studies', ko: '우수 사례 검색' }) });
    const searchButton = page.getByRole('search').getByRole('button', { name: tr({ en: 'Search', ko: '검색' }) });

    await box.fill('turbines');
    await searchButton.click();
    await expect(page).toHaveURL(/[?&]q=turbines/);
    const results = page.locator('.case-studies__results');
    await expect(results.getByRole('link', { name: tr(ULSAN.title) })).toBeVisible();
    await expect(results.locator('mark').first()).toHaveText(/turbines/i);
    await expect(page.getByRole('status').filter({ hasText: tr({ en: 'for “turbines”', ko: '‘turbines’ 검색 결과' }) })).toBeVisible();

    // Part of a Korean word is enough: the word the hint suggests (풍력 for 해상풍력) finds a seeded case study.
    await expect(box).toHaveAccessibleDescription(tr({ en: /\(풍력 finds 해상풍력\)/, ko: /‘풍력’으로 ‘해상풍력’ 검색/ }));
    await box.fill('풍력');
    await searchButton.click();
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent('풍력')}`));
    await expect(results.getByRole('link', { name: tr(ULSAN.title) })).toBeVisible();
    await expect(results.locator('mark', { hasText: '풍력' }).first()).toBeVisible();

    // The words live in the address: a reload (or a shared link) shows the same search. Its results may arrive
    // before the names of cities and sectors do: they never show their keys (ulsan, renewables) meanwhile.
    let release = () => {};
    const namesHeld = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('CaseStudyVocabulary')) await namesHeld;
      await route.continue();
    });
    await page.reload();
    await expect(box).toHaveValue('풍력');
    await expect(results.getByRole('link', { name: tr(ULSAN.title) })).toBeVisible();
    const facts = results.locator('.case-studies__item', { hasText: tr(ULSAN.title) }).locator('.case-studies__facts');
    await expect(facts).not.toContainText(/ulsan|renewables/);
    release();
    await expect(facts).toContainText(tr({ en: 'Ulsan', ko: '울산' }));
    await expect(facts).toContainText(tr({ en: 'Renewable energy', ko: '재생에너지' }));
  });

  test('filters narrow the list and stay in the address', async ({ page, tr }) => {
    await page.goto('/case-studies');
    const all = await countShown(page);

    await page.getByLabel(tr({ en: 'Country', ko: '국가' }), { exact: true }).selectOption('KR');
    await expect(page).toHaveURL(/[?&]country=KR/);
    await expect.poll(() => countShown(page)).toBeLessThan(all);
    const korean = await countShown(page);
    // Glasgow's case study names only a UK city.
    await expect(page.getByRole('link', { name: tr(GLASGOW) })).toHaveCount(0);

    await page.getByLabel(tr({ en: 'Sector', ko: '분야' }), { exact: true }).selectOption('renewables');
    await expect(page).toHaveURL(/[?&]sector=renewables/);
    await expect.poll(() => countShown(page)).toBeLessThan(korean);
    await expect(page.getByRole('link', { name: tr(ULSAN.title) })).toBeVisible();

    await page.reload();
    await expect(page.getByLabel(tr({ en: 'Country', ko: '국가' }), { exact: true })).toHaveValue('KR');
    await expect(page.getByLabel(tr({ en: 'Sector', ko: '분야' }), { exact: true })).toHaveValue('renewables');
    await expect(page.getByRole('link', { name: tr(ULSAN.title) })).toBeVisible();

    await page.getByRole('button', { name: tr({ en: 'Clear search and filters', ko: '검색어와 조건 지우기' }) }).click();
    await expect(page).toHaveURL(/\/case-studies$/);
    await expect.poll(() => countShown(page)).toBe(all);
  });

  test('a case study shows its body in the reader’s language and switches to the other version', async ({ page, tr, lang }) => {
    const other: Lang = lang === 'en' ? 'ko' : 'en';
    await page.goto(`/case-studies/${ULSAN.slug}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ULSAN.title[lang]);
    const body = page.locator('.case-study__body');
    await expect(body.getByRole('heading', { name: ULSAN.bodyHeading[lang] })).toBeVisible();
    await expect(page.getByRole('heading', { name: tr({ en: 'At a glance', ko: '한눈에 보기' }) })).toBeVisible();
    await expect(page.getByText(tr({ en: 'Ulsan', ko: '울산' }), { exact: true })).toBeVisible();

    await page.getByRole('link', { name: tr({ en: 'Read it in Korean', ko: '영어판 보기' }) }).click();
    await expect(page).toHaveURL(new RegExp(`lang=${other}`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ULSAN.title[other]);
    await expect(page.locator('article')).toHaveAttribute('lang', other);
    await expect(body.getByRole('heading', { name: ULSAN.bodyHeading[other] })).toBeVisible();

    // The address emails use: /case-studies/<slug>?lang=<language>.
    await page.goto(`/case-studies/${ULSAN.slug}?lang=${lang}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ULSAN.title[lang]);
  });

  test('a participant writes in both languages with a preview, saves a draft, reloads, sends it for review and follows its status', async ({ page, tr, lang, signIn }) => {
    const writer = writerFor(lang);
    const stamp = Date.now();
    const titles = { en: `Quay sensors that paid off ${stamp}`, ko: `성과를 낸 부두 센서 ${stamp}` };
    await signIn(page, writer);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);

    // From the account page's panel, once every panel has loaded: those above it arrive one by one and move it.
    await page.goto('/me');
    await page.waitForLoadState('networkidle');
    await page.getByRole('link', { name: tr({ en: 'Write a case study', ko: '우수 사례 작성' }) }).click();
    await expect(page).toHaveURL(/\/case-studies\/new$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr({ en: 'Write a case study', ko: '우수 사례 작성' }));

    const en = labels(lang, 'en');
    const ko = labels(lang, 'ko');
    await page.getByLabel(en.title, { exact: true }).fill(titles.en);
    await page.getByLabel(en.summary, { exact: true }).fill('Sensors on the quays cut berth waiting times.');
    await page.getByLabel(en.body, { exact: true }).fill('## Findings\n\n- **Sensors** on every quay\n- Shared dashboards');
    const enPreview = page.locator('details', { hasText: en.preview });
    await expect(enPreview.getByRole('heading', { name: 'Findings' })).toBeVisible();
    await expect(enPreview.locator('strong')).toHaveText('Sensors');

    await page.getByLabel(ko.title, { exact: true }).fill(titles.ko);
    await page.getByLabel(ko.summary, { exact: true }).fill('부두 센서로 선석 대기 시간을 줄였습니다.');
    await page.getByLabel(ko.body, { exact: true }).fill('## 결과\n\n- 모든 부두에 **센서** 설치\n- 대시보드 공유');
    const koPreview = page.locator('details', { hasText: ko.preview });
    await expect(koPreview.getByRole('heading', { name: '결과' })).toBeVisible();

    await page.getByRole('checkbox', { name: tr({ en: 'Liverpool', ko: '리버풀' }) }).check();
    await page.getByRole('checkbox', { name: tr({ en: 'Busan', ko: '부산' }) }).check();
    await page.getByRole('checkbox', { name: tr({ en: 'Internet of things', ko: '사물인터넷(IoT)' }) }).check();
    await page.getByRole('button', { name: tr({ en: 'Add a lesson', ko: '교훈 추가' }) }).click();
    await expect(page.getByLabel(tr({ en: 'Lesson 1 · In English', ko: '교훈 1 · 영어' }))).toBeFocused();
    await page.keyboard.type('Start with one quay.');

    await page.getByRole('button', { name: tr({ en: 'Save draft', ko: '임시 저장' }) }).click();
    await expect(page).toHaveURL(/\/case-studies\/[a-z0-9-]+\/edit$/);
    await expect(page.getByRole('status').filter({ hasText: tr({ en: 'Draft saved.', ko: '초안을 저장했습니다.' }) })).toBeVisible();
    const slug = new URL(page.url()).pathname.split('/')[2];
    const token = await tokenFor(writer);
    const saved = await caseStudyApi(slug, token);
    expect(saved.versions.map((v) => [v.language, v.title, v.status])).toEqual([
      ['en', titles.en, 'DRAFT'],
      ['ko', titles.ko, 'DRAFT'],
    ]);

    // A reload keeps both what the server has and what was typed since.
    await page.getByLabel(en.summary, { exact: true }).fill('Sensors on the quays cut berth waiting times by a third.');
    await page.reload();
    await expect(page.getByLabel(en.title, { exact: true })).toHaveValue(titles.en);
    await expect(page.getByLabel(ko.title, { exact: true })).toHaveValue(titles.ko);
    await expect(page.getByLabel(en.summary, { exact: true })).toHaveValue('Sensors on the quays cut berth waiting times by a third.');
    await expect(page.getByLabel(tr({ en: 'Lesson 1 · In English', ko: '교훈 1 · 영어' }))).toHaveValue('Start with one quay.');
    await expect(page.getByText(tr({ en: 'You have changes that are not saved yet.', ko: '아직 저장하지 않은 변경 사항이 있습니다.' }))).toBeVisible();

    // Sending a version for review saves the change first.
    await page.getByRole('button', { name: tr({ en: 'Send the English version for review', ko: '영어판 검토 요청' }) }).click();
    await expect(page.getByRole('status').filter({ hasText: tr({ en: 'Sent the English version for review.', ko: '영어판 검토를 요청했습니다.' }) })).toBeVisible();
    const submitted = await caseStudyApi(slug, token);
    expect(submitted.versions.find((v) => v.language === 'en')).toMatchObject({ status: 'IN_REVIEW', summary: 'Sensors on the quays cut berth waiting times by a third.' });
    expect(submitted.versions.find((v) => v.language === 'ko')?.status).toBe('DRAFT');
    await expect(page.getByLabel(en.title, { exact: true })).toHaveAttribute('readonly', '');

    await page.goto('/me/case-studies');
    const item = page.locator('li.case-studies__item', { hasText: titles[lang] });
    await expect(item).toBeVisible();
    await expect(item.getByText(tr({ en: 'English: In review', ko: '영어: 검토 중' }))).toBeVisible();
    await expect(item.getByText(tr({ en: 'Korean: Draft', ko: '한국어: 작성 중' }))).toBeVisible();
  });

  test('a workspace lead reviews: publishes one version, sends the other back with a note, and the published one is found in search', async ({ page, tr, lang, signIn }) => {
    // A lead of the Liverpool–Busan workspace reviews what the other lead wrote (nobody publishes their own).
    const author = lang === 'ko' ? DEMO.liverpool : DEMO.busan;
    const reviewer = lang === 'ko' ? DEMO.busan : DEMO.liverpool;
    const { workspaceId } = await ensureLiverpoolBusanWorkspace();
    const word = `lagoon${Date.now()}`;
    const authorToken = await tokenFor(author);
    const study = await createCaseStudyApi(authorToken, {
      workspaceId,
      cityIds: ['liverpool', 'busan'],
      sectors: ['water'],
      en: { title: `Tidal ${word} for two ports`, summary: 'Two ports share tide data.', body: '## Tides\n\nShared tide gauges.' },
      ko: { title: `두 항만의 조수 ${word}`, summary: '두 항만이 조수 데이터를 공유합니다.', body: '## 조수\n\n조위계를 함께 씁니다.' },
    });
    await submitCaseStudyApi(authorToken, study.id, 'en');
    await submitCaseStudyApi(authorToken, study.id, 'ko');

    // Not public while in review.
    await page.goto(`/case-studies?q=${word}`);
    await expect(page.getByText(tr({ en: `Nothing matches “${word}”`, ko: `‘${word}’에 맞는 사례가 없습니다` }))).toBeVisible();

    await signIn(page, reviewer);
    await page.goto(`/case-studies/${study.slug}`);
    const panel = page.getByRole('region', { name: tr({ en: 'Review', ko: '검토' }) });
    await expect(panel).toBeVisible();

    // Sending back needs a note: the page says so before asking the API.
    const koCard = panel.locator('.case-study__review-card', { hasText: tr({ en: 'Korean version', ko: '한국어판' }) });
    await koCard.getByRole('button', { name: tr({ en: 'Send back to the authors', ko: '작성자에게 돌려보내기' }) }).click();
    await expect(koCard.getByText(tr({ en: 'Tell the authors what to change before sending it back.', ko: '돌려보내기 전에 작성자가 고칠 점을 적어 주세요.' }))).toBeVisible();
    const note = tr({ en: 'Add the gauge locations, please.', ko: '측정기 위치를 넣어 주세요.' });
    await koCard.getByLabel(tr({ en: 'Note to the authors', ko: '작성자에게 전할 의견' })).fill(note);
    await koCard.getByRole('button', { name: tr({ en: 'Send back to the authors', ko: '작성자에게 돌려보내기' }) }).click();
    await expect(panel.getByRole('status')).toHaveText(tr({ en: 'Sent the Korean version back to its authors with your note.', ko: '의견과 함께 한국어판을 작성자에게 돌려보냈습니다.' }));

    await panel.getByRole('button', { name: tr({ en: 'Publish the English version', ko: '영어판 게시' }) }).click();
    await expect(panel.getByRole('status')).toHaveText(tr({ en: 'Published the English version. Its authors have been emailed.', ko: '영어판을 게시했습니다. 작성자에게 이메일로 알렸습니다.' }));

    const recorded = await caseStudyApi(study.slug, authorToken);
    expect(recorded.versions.map((v) => [v.language, v.status, v.reviewNote])).toEqual([
      ['en', 'PUBLISHED', null],
      ['ko', 'DRAFT', note],
    ]);

    // Public search finds the published version (in English: the Korean one went back to draft).
    await page.goto(`/case-studies?q=${word}`);
    const hit = page.locator('.case-studies__results').getByRole('link', { name: `Tidal ${word} for two ports` });
    await expect(hit).toBeVisible();
    if (lang === 'ko') await expect(hit).toHaveAttribute('lang', 'en');
  });

  test('an API validation error shows in the page’s language beside the field, and the typed text stays', async ({ page, tr, lang, signIn }) => {
    await signIn(page, writerFor(lang));
    await page.goto('/case-studies/new');
    const en = labels(lang, 'en');
    const save = page.getByRole('button', { name: tr({ en: 'Save draft', ko: '임시 저장' }) });

    // As you type: nothing written yet, then a title left empty.
    await save.click();
    await expect(page.getByRole('alert').filter({ hasText: tr({ en: 'Write the title, summary and text in at least one language.', ko: '적어도 한 언어로 제목, 요약, 본문을 작성해 주세요.' }) })).toBeVisible();
    await page.getByLabel(en.summary, { exact: true }).fill('A summary with no title yet.');
    await page.getByLabel(en.summary, { exact: true }).blur();
    await expect(page.getByText(tr({ en: 'Give a title of 1 to 200 characters.', ko: '제목을 1~200자로 입력해 주세요.' }))).toBeVisible();

    const title = `Ports that talk ${Date.now()}`;
    await page.getByLabel(en.title, { exact: true }).fill(title);
    await page.getByLabel(en.body, { exact: true }).fill('Some **text**.');
    await expect(page.getByText(tr({ en: 'Give a title of 1 to 200 characters.', ko: '제목을 1~200자로 입력해 주세요.' }))).toHaveCount(0);

    // The page checks the API's rules as you type, so a person cannot send this; the request is
    // altered on its way to stand for a rule only the server knows. The API answers BAD_USER_INPUT.
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as { operationName?: string; variables?: { input?: { versions?: Array<{ title: string }> } } } | null;
      if (body?.operationName !== 'CaseStudyCreate' || !body.variables?.input?.versions) return route.continue();
      body.variables.input.versions[0].title = 'x'.repeat(201);
      return route.continue({ postData: JSON.stringify(body) });
    });
    await save.click();
    const notice = page.locator('[data-error-code="BAD_USER_INPUT"]');
    await expect(notice).toContainText(tr({ en: 'Some details need another look.', ko: '입력한 내용 중 확인이 필요한 항목이 있습니다.' }));
    const titleField = page.getByLabel(en.title, { exact: true });
    await expect(titleField).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText(tr({ en: 'Give a title of 1 to 200 characters.', ko: '제목을 1~200자로 입력해 주세요.' }))).toBeVisible();
    await expect(titleField).toHaveValue(title);
    await expect(page.getByLabel(en.body, { exact: true })).toHaveValue('Some **text**.');
    await expect(page).toHaveURL(/\/case-studies\/new$/);
  });

  test('with the database away for a moment, saving says to wait and keeps what was typed; it saves once the database is back', async ({ page, tr, lang, signIn }) => {
    await signIn(page, writerFor(lang));
    await page.goto('/case-studies/new');
    // Written in the page's own language.
    const own = labels(lang, lang);
    const title = tr({ en: `Saved after an outage ${Date.now()}`, ko: `장애 뒤에 저장한 사례 ${Date.now()}` });
    const body = tr({ en: 'It was kept.', ko: '입력한 내용이 남아 있었습니다.' });
    await page.getByLabel(own.title, { exact: true }).fill(title);
    await page.getByLabel(own.summary, { exact: true }).fill(tr({ en: 'Written while the database restarted.', ko: '데이터베이스가 다시 시작되는 동안 작성했습니다.' }));
    await page.getByLabel(own.body, { exact: true }).fill(body);

    // What the API answers while PostgreSQL restarts (test/core/service-restarts.e2e-spec.ts): 503, a wait, the code.
    await page.route('**/graphql', (route) =>
      route.request().postData()?.includes('CaseStudyCreate')
        ? route.fulfill({
            status: 503,
            headers: { 'retry-after': '5' },
            contentType: 'application/json',
            body: JSON.stringify({ errors: [{ message: 'The platform cannot reach its database or queue for a moment.', extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 } }] }),
          })
        : route.fallback(),
    );
    const save = page.getByRole('button', { name: tr({ en: 'Save draft', ko: '임시 저장' }) });
    await save.click();
    await expect(page.locator('[data-error-code="SERVICE_UNAVAILABLE"]')).toContainText(
      tr({
        en: 'The platform cannot reach its database for a moment. Try again in 5 seconds; what you typed is kept.',
        ko: '플랫폼이 잠시 데이터베이스에 연결하지 못하고 있습니다. 5초 뒤에 다시 시도해 주세요. 입력한 내용은 그대로 있습니다.',
      }),
    );
    await expect(page.getByLabel(own.title, { exact: true })).toHaveValue(title);
    await expect(page.getByLabel(own.body, { exact: true })).toHaveValue(body);
    await expect(page).toHaveURL(/\/case-studies\/new$/);

    await page.unroute('**/graphql');
    await save.click();
    await expect(page).toHaveURL(/\/case-studies\/[a-z0-9-]+\/edit$/);
    await expect(page.getByRole('status').filter({ hasText: tr({ en: 'Draft saved.', ko: '초안을 저장했습니다.' }) })).toBeVisible();
    await expect(page.locator('[data-error-code]')).toHaveCount(0);
  });

  test('an edit that meets someone else’s newer save is told so, keeps the text, and can be saved over it', async ({ page, tr, lang, signIn }) => {
    const writer = writerFor(lang);
    const token = await tokenFor(writer);
    const stamp = Date.now();
    const study = await createCaseStudyApi(token, {
      en: { title: `Shared depots ${stamp}`, summary: 'Depots shared by two cities.', body: 'First text.' },
      ko: { title: `공동 차고지 ${stamp}`, summary: '두 도시가 차고지를 함께 씁니다.', body: '첫 본문.' },
    });
    await signIn(page, writer);
    await page.goto(`/case-studies/${study.slug}/edit`);
    const en = labels(lang, 'en');
    const mine = `Shared depots, our version ${stamp}`;
    await page.getByLabel(en.title, { exact: true }).fill(mine);

    // Meanwhile, a co-author (another tab) saves the English version.
    await writeCaseStudyTextApi(token, study.id, 'en', { title: `Shared depots, their version ${stamp}`, summary: 'Theirs.', body: 'Their text.' }, 1);

    await page.getByRole('button', { name: tr({ en: 'Save draft', ko: '임시 저장' }) }).click();
    const conflict = page.getByRole('alert').filter({ hasText: tr({ en: 'Someone else saved this case study while you were editing', ko: '수정하는 동안 다른 사람이 이 사례를 저장했습니다' }) });
    await expect(conflict).toBeVisible();
    await expect(page.getByLabel(en.title, { exact: true })).toHaveValue(mine);

    await conflict.getByRole('button', { name: tr({ en: 'Save mine over the latest', ko: '내 내용으로 저장' }) }).click();
    await expect(page.getByRole('status').filter({ hasText: tr({ en: 'Saved.', ko: '저장했습니다.' }) })).toBeVisible();
    const recorded = await caseStudyApi(study.slug, token);
    expect(recorded.versions.find((v) => v.language === 'en')).toMatchObject({ title: mine, revision: 3 });
  });

  test('the emailed link from a project prefills the project, and can start a draft from its details', async ({ page, tr, lang, signIn }) => {
    const { workspaceId } = await ensureLiverpoolBusanWorkspace();
    const title = `Quay data pilot ${Date.now()}`;
    const projectId = await createProjectApi(workspaceId, title);
    // The other lead of the project in the project's language.
    const member = lang === 'ko' ? DEMO.busan : DEMO.liverpool;
    await signIn(page, member);
    await page.goto(`/case-studies/new?projectId=${projectId}`);
    const projectTitle = tr({ en: title, ko: koreanTitleOf(title) });
    await expect(page.getByText(tr({ en: `About the joint project “${projectTitle}”`, ko: `공동 프로젝트 ‘${projectTitle}’에 관한 사례로` }))).toBeVisible();
    await expect(page.getByLabel(labels(lang, 'en').title, { exact: true })).toHaveValue(title);
    await expect(page.getByRole('checkbox', { name: tr({ en: 'Liverpool', ko: '리버풀' }) })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: tr({ en: 'Busan', ko: '부산' }) })).toBeChecked();

    await page.getByRole('button', { name: tr({ en: 'Start from the project’s details', ko: '프로젝트 정보로 시작하기' }) }).click();
    await expect(page).toHaveURL(/\/case-studies\/[a-z0-9-]+\/edit$/);
    await expect(page.getByLabel(labels(lang, 'en').body, { exact: true })).toHaveValue(/## What we set out to do/);
    await expect(page.getByLabel(labels(lang, 'ko').body, { exact: true })).toHaveValue(/## 목표/);
  });

  for (const viewport of [
    { name: 'a wide screen', width: 1280, height: 900 },
    { name: 'a phone', width: 375, height: 800 },
  ]) {
    test(`the list, a case study, the editor and your case studies pass WCAG AA checks on ${viewport.name}`, async ({ page, signIn, lang }) => {
      test.slow();
      await page.setViewportSize(viewport);
      await signIn(page, writerFor(lang));
      for (const path of ['/case-studies?q=wind', `/case-studies/${ULSAN.slug}`, '/case-studies/new', '/me/case-studies']) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await page.waitForLoadState('networkidle');
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), path).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${path} scrolls sideways at ${viewport.width}px`).toBeLessThanOrEqual(0);
      }
    });
  }
});
