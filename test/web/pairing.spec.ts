import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO, expect, Mailbox, test, type Lang } from './fixtures';
import { ensureLiverpoolBusanWorkspace } from './support/api';
import { clearLivePair, livePartnersOf, newCityOfficer, partnerIdsApi, proposeApi, twinningApi } from './support/pairing-setup';

/** City names as the pages show them, by language (the demo data's 28 cities). */
const NAMES: Record<string, Record<Lang, string>> = {
  liverpool: { en: 'Liverpool', ko: '리버풀' },
  busan: { en: 'Busan', ko: '부산' },
  daegu: { en: 'Daegu', ko: '대구' },
  manchester: { en: 'Greater Manchester', ko: '맨체스터 광역시' },
  ulsan: { en: 'Ulsan', ko: '울산' },
  glasgow: { en: 'Glasgow', ko: '글래스고' },
};
const pairName = (lang: Lang, a: string, b: string) => (lang === 'ko' ? `${NAMES[a].ko}–${NAMES[b].ko}` : `${NAMES[a].en} and ${NAMES[b].en}`);

/** The names of the ranked partners as the explorer lists them, best first. */
async function rankedNames(page: Page): Promise<string[]> {
  return page.locator('.partner-card .partner-card__name').allTextContents();
}

test.describe('twinned pairs', () => {
  test('the pairs page draws each twinning between the two countries’ cities and lists it in a table', async ({ page, tr, lang }) => {
    const { twinningId } = await ensureLiverpoolBusanWorkspace();
    await page.goto('/pairs');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr({ en: 'Twinned cities', ko: '자매 도시' }));

    // The diagram: an image named for the two countries, with a line for the Liverpool–Busan twinning.
    const diagram = page.getByRole('img', { name: tr({ en: 'Twinned pairs: United Kingdom and Republic of Korea', ko: '영국–대한민국 자매 도시 연결도' }) });
    await expect(diagram).toBeVisible();
    await expect(diagram.locator(`path[data-twinning-id="${twinningId}"]`)).toHaveClass(/pairs-diagram__twin--active/);
    await expect(diagram.locator('[data-city-id="liverpool"]')).toContainText(NAMES.liverpool[lang]);
    await expect(diagram.locator('[data-city-id="busan"]')).toContainText(NAMES.busan[lang]);

    // The same as a table: the pair, its status and since when.
    const table = page.getByRole('table', { name: tr({ en: /Twinned pairs, newest first/, ko: /자매 도시 목록/ }) });
    const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: pairName(lang, 'liverpool', 'busan') }) });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('cell').nth(0)).toHaveText(tr({ en: 'Active', ko: '활동 중' }));
    await expect(row.locator('time')).toHaveText(tr({ en: /\d{1,2} \w+ \d{4}/, ko: /\d{4}년 \d{1,2}월 \d{1,2}일/ }));

    // The founding report's links can be drawn too (Glasgow and Daegu have one).
    await page.getByLabel(tr({ en: /Also show existing links/, ko: /기존 협력\(기초 보고서\)도 함께 보기/ })).check();
    await expect(diagram.locator('.pairs-diagram__link').first()).toBeAttached();
    await expect(page.getByText(tr({ en: 'Existing link (founding report)', ko: '기존 협력(기초 보고서)' }), { exact: true })).toBeVisible();

    // Each pair leads to its twinning's public page.
    await row.getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/twinnings/${twinningId}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(pairName(lang, 'liverpool', 'busan'));
    await expect(page.locator('[data-status]')).toHaveText(tr({ en: 'Active', ko: '활동 중' }));
    // The proposal is for the two cities' officers only.
    await expect(page.getByRole('heading', { name: tr({ en: 'The proposal', ko: '제안 내용' }) })).toHaveCount(0);
  });

  test('with nothing twinned yet, the pairs page says so and points to the explorer', async ({ page, tr }) => {
    // Other journeys twin cities in this database: the API's answer is replaced by an empty one.
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as { operationName?: string } | null;
      if (body?.operationName !== 'PairsTwinnings') return route.continue();
      await route.fulfill({
        json: { data: { twinnings: { __typename: 'TwinningConnection', totalCount: 0, pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false }, nodes: [] } } },
      });
    });
    await page.goto('/pairs');
    await expect(page.getByRole('status').filter({ hasText: tr({ en: 'No twinned pairs yet — explore pairings to propose one.', ko: '아직 자매결연을 맺은 도시가 없습니다' }) })).toBeVisible();
    await expect(page.getByRole('img')).toHaveCount(0);
    await expect(page.getByRole('table')).toHaveCount(0);
    await page.getByRole('main').getByRole('link', { name: tr({ en: 'Explore pairings', ko: '도시 매칭 살펴보기' }) }).click();
    await expect(page).toHaveURL(/\/explorer$/);
  });

  test('an anonymous visitor to an unknown twinning sees that it cannot be found', async ({ page, tr }) => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-twinning']) {
      await page.goto(`/twinnings/${id}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr({ en: 'Twinning not found', ko: '자매결연을 찾을 수 없습니다' }));
      await expect(page.getByText(tr({ en: /There is no twinning at this address/, ko: /이 주소의 자매결연이 없거나/ }))).toBeVisible();
    }
  });
});

test.describe('pairing explorer', () => {
  test('pick a city by name, see its partners ranked with a chart and the reasons, and keep the city in the address', async ({ page, tr, lang }) => {
    await page.goto('/explorer');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr({ en: 'Pairing explorer', ko: '도시 매칭 탐색' }));
    // Search in the reader's language (English finds "Busan", Korean "부산").
    await page.getByRole('searchbox', { name: tr({ en: 'Search for a city', ko: '도시 검색' }) }).fill(NAMES.busan[lang]);
    const results = page.getByRole('list', { name: tr({ en: `Cities matching “${NAMES.busan.en}”`, ko: `“${NAMES.busan.ko}” 검색 결과` }) });
    await results.getByRole('link', { name: new RegExp(`^${NAMES.busan[lang]}`) }).click();
    await expect(page).toHaveURL(/\/explorer\?city=busan$/);

    await expect(page.getByRole('heading', { level: 2, name: tr({ en: 'Best partners for Busan', ko: '부산의 추천 파트너 도시' }) })).toBeVisible();
    // The ranking is the API's, best first.
    const expected = (await partnerIdsApi('busan')).slice(0, 3);
    await expect.poll(async () => (await rankedNames(page)).slice(0, 3)).toEqual(expected.map((id) => cityNameOf(id, lang)));

    const first = page.locator('.partner-card').first();
    await expect(first.getByRole('heading', { level: 3 })).toContainText(NAMES.liverpool[lang]);
    // A chart per partner, named, its values written beside the bars.
    const chart = first.getByRole('img', { name: tr({ en: 'Pillar scores for Busan and Liverpool', ko: '부산–리버풀 평가 항목별 점수' }) });
    await expect(chart).toBeVisible();
    await expect(chart.locator('[data-pillar="similarity"]')).toContainText(/\d+/);
    await expect(chart.locator('[data-pillar="internationalisation"]')).toContainText(tr({ en: 'no data', ko: '자료 없음' }));

    // Why: the explanation, pillar by pillar, with the evidence and what would change it.
    await first.getByText(tr({ en: 'Why this score', ko: '점수 근거 보기' })).click();
    await expect(first.getByRole('table').first()).toContainText(tr({ en: 'Project synergy', ko: '프로젝트 시너지' }));
    await expect(first.getByRole('heading', { name: tr({ en: 'Similarity: the figures compared', ko: '도시 유사성: 비교한 지표' }) })).toBeVisible();
    await expect(first.getByRole('heading', { name: tr({ en: 'What would raise the score most', ko: '점수를 가장 많이 올릴 수 있는 변화' }) })).toBeVisible();
    await expect(first.getByText(tr({ en: /If institutions in Busan and Liverpool formalised a partnership/, ko: /부산와\(과\) 리버풀의 기관들이 공식 협력/ }))).toBeVisible();
    await expect(first.getByText(tr({ en: 'Ports and maritime', ko: '항만·해양' })).first()).toBeVisible();

    // The address is shareable: opened afresh, it shows the same city.
    await page.reload();
    await expect(page.getByText(tr({ en: 'Chosen city: Busan', ko: '선택한 도시: 부산' }))).toBeVisible();
    await expect(page.locator('.partner-card').first().getByRole('heading', { level: 3 })).toContainText(NAMES.liverpool[lang]);
  });

  test('choosing another weighting re-ranks the partners as the API does, and the address keeps both', async ({ page, tr, lang }) => {
    const byDefault = await partnerIdsApi('busan');
    const bySimilarity = await partnerIdsApi('busan', { similarity: 3 });
    // The demo data ranks Busan's partners differently when similarity counts three times.
    expect(bySimilarity).not.toEqual(byDefault);

    await page.goto('/explorer?city=busan');
    await expect.poll(() => rankedNames(page)).toEqual(byDefault.map((id) => cityNameOf(id, lang)));
    await page.getByLabel(tr({ en: 'Weighting', ko: '가중치' })).selectOption({ label: tr({ en: 'Similarity counts three times', ko: '도시 유사성 비중 3배' }) });
    await expect(page).toHaveURL(/city=busan/);
    await expect(page).toHaveURL(/focus=similarity/);
    await expect.poll(() => rankedNames(page)).toEqual(bySimilarity.map((id) => cityNameOf(id, lang)));
    await expect(page.getByText(tr({ en: /Weights used: similarity 3, readiness 1/, ko: /적용한 가중치: 유사성 3, 국제화 준비도 1/ }))).toBeVisible();

    // Back to the founding report's weights.
    await page.getByLabel(tr({ en: 'Weighting', ko: '가중치' })).selectOption({ label: tr({ en: 'Founding report (all pillars equal)', ko: '기초 보고서 기준(네 항목 동일 비중)' }) });
    await expect(page).not.toHaveURL(/focus=/);
    await expect.poll(() => rankedNames(page)).toEqual(byDefault.map((id) => cityNameOf(id, lang)));
  });
});

test.describe('proposing a twinning', () => {
  // One pair per language project, so the two runs never meet; Liverpool–Busan belongs to other journeys.
  const PAIRS: Record<Lang, { proposer: string; city: string; partner: string }> = {
    en: { proposer: DEMO.liverpool, city: 'liverpool', partner: 'daegu' },
    ko: { proposer: DEMO.busan, city: 'busan', partner: 'manchester' },
  };

  test('an officer proposes from a suggestion; the partner city’s new officer accepts from the email and reaches the workspace', async ({
    page,
    tr,
    lang,
    mail,
    signIn,
    baseURL,
  }) => {
    const { proposer, city, partner } = PAIRS[lang];
    await clearLivePair(city, partner, [DEMO.liverpool, DEMO.busan]);
    const officer = await newCityOfficer(partner, lang, mail);

    // The proposer's explorer offers proposing to each suggested partner of their own city.
    await signIn(page, proposer);
    await page.goto(`/explorer?city=${city}`);
    const card = page.locator(`.partner-card[data-partner-id="${partner}"]`);
    await card.getByRole('button', { name: tr({ en: `Propose twinning with ${NAMES[partner].en}`, ko: `${NAMES[partner].ko}에 자매결연 제안하기` }) }).click();
    const message = `${tr({ en: 'Shall we twin on ports and hydrogen?', ko: '항만과 수소 분야에서 자매결연을 제안합니다.' })} ${Date.now()}`;
    const send = card.getByRole('button', { name: tr({ en: 'Send the proposal', ko: '제안 보내기' }) });
    // Nothing is sent without a message.
    await send.click();
    await expect(card.getByText(tr({ en: 'Write a message: the other city will read it.', ko: '메시지를 적어 주세요. 상대 도시에 전달됩니다.' }))).toBeVisible();
    await card.getByLabel(tr({ en: `Your message to ${NAMES[partner].en}`, ko: `${NAMES[partner].ko}에 보낼 메시지` })).fill(message);
    await send.click();

    await expect(page).toHaveURL(/\/twinnings\/[0-9a-f-]{36}$/);
    const twinningId = page.url().split('/').pop()!;
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(pairName(lang, city, partner));
    await expect(page.locator('[data-status]')).toHaveText(tr({ en: 'Proposed, awaiting an answer', ko: '제안됨(답변 대기)' }));
    await expect(page.getByText(message)).toBeVisible();
    const proposed = await twinningApi(twinningId);
    expect(proposed.status).toBe('PROPOSED');
    expect(proposed.proposal).toMatchObject({ message, fromSuggestion: true });

    // The partner city's officer follows the link in the email and accepts.
    const email = await mail.waitFor(officer.email, lang === 'ko' ? /트윈 도시 협력을 제안했습니다/ : /proposes twinning with/);
    const link = Mailbox.link(email, `${baseURL}/twinnings/`);
    expect(link).toBe(`${baseURL}/twinnings/${twinningId}`);
    await page.getByRole('button', { name: tr({ en: 'Sign out', ko: '로그아웃' }) }).click();
    await expect(page.getByRole('link', { name: tr({ en: 'Sign in', ko: '로그인' }) })).toBeVisible();
    await signIn(page, officer.email, officer.password);
    await page.goto(link);
    const answer = page.getByRole('region', { name: tr({ en: 'Answer this proposal', ko: '이 제안에 답변하기' }) });
    // A reason is needed, whatever the answer.
    await answer.getByRole('button', { name: tr({ en: 'Accept and start the twinning', ko: '수락하고 자매결연 시작' }) }).click();
    await expect(answer.getByText(tr({ en: 'Give a reason: the other city will read it.', ko: '사유를 적어 주세요. 상대 도시에 전달됩니다.' }))).toBeVisible();
    const reason = tr({ en: 'Gladly: our ports have much to share.', ko: '기꺼이 함께하겠습니다.' });
    await answer.getByRole('textbox').fill(reason);
    await answer.getByRole('button', { name: tr({ en: 'Accept and start the twinning', ko: '수락하고 자매결연 시작' }) }).click();

    const done = page.getByRole('status').filter({ hasText: tr({ en: 'You accepted.', ko: '수락했습니다.' }) });
    await expect(done).toBeVisible();
    const accepted = await twinningApi(twinningId);
    expect(accepted.status).toBe('ACTIVE');
    expect(accepted.proposal?.decisionReason).toBe(reason);
    await expect(done.getByRole('link', { name: tr({ en: 'Open the twin workspace', ko: '공동 워크스페이스 열기' }) })).toHaveAttribute(
      'href',
      `/workspaces/${accepted.workspaceId}`,
    );
    await expect(page.locator('[data-status]')).toHaveText(tr({ en: 'Active', ko: '활동 중' }));

    // The new pair is on the public pairs page.
    await page.goto('/pairs');
    await expect(page.locator(`.pairs-diagram path[data-twinning-id="${twinningId}"]`)).toBeAttached();
    await expect(page.getByRole('link', { name: pairName(lang, ...sidesOf(city, partner)) })).toHaveAttribute('href', `/twinnings/${twinningId}`);
  });

  test('the proposer withdraws a proposal before it is answered; until then it is not public', async ({ page, browser, tr, lang, signIn, baseURL }) => {
    const pairs: Record<Lang, { proposer: string; city: string; partner: string }> = {
      en: { proposer: DEMO.liverpool, city: 'liverpool', partner: 'ulsan' },
      ko: { proposer: DEMO.busan, city: 'busan', partner: 'glasgow' },
    };
    const { proposer, city, partner } = pairs[lang];
    await clearLivePair(city, partner, [DEMO.liverpool, DEMO.busan]);
    const twinningId = await proposeApi(proposer, city, partner, `Withdraw test ${Date.now()}`);

    // An anonymous visitor cannot see a proposal.
    const anonymous = await browser.newPage({ baseURL, locale: lang === 'ko' ? 'ko-KR' : 'en-GB' });
    await anonymous.goto(`/twinnings/${twinningId}`);
    await expect(anonymous.getByRole('heading', { level: 1 })).toHaveText(tr({ en: 'Twinning not found', ko: '자매결연을 찾을 수 없습니다' }));
    await anonymous.close();

    await signIn(page, proposer);
    await page.goto(`/twinnings/${twinningId}`);
    const withdraw = page.getByRole('region', { name: tr({ en: 'Withdraw your proposal', ko: '제안 철회' }) });
    await withdraw.getByLabel(tr({ en: 'Why you are withdrawing (optional)', ko: '철회 사유(선택)' })).fill(tr({ en: 'We will propose again next year.', ko: '내년에 다시 제안하겠습니다.' }));
    await withdraw.getByRole('button', { name: tr({ en: 'Withdraw the proposal', ko: '제안 철회하기' }) }).click();
    await expect(page.getByRole('status').filter({ hasText: tr({ en: 'Your proposal was withdrawn.', ko: '제안을 철회했습니다.' }) })).toBeVisible();
    await expect(page.locator('[data-status]')).toHaveText(tr({ en: 'Withdrawn', ko: '철회됨' }));
    await expect(page.getByRole('region', { name: tr({ en: 'Withdraw your proposal', ko: '제안 철회' }) })).toHaveCount(0);
    expect((await twinningApi(twinningId)).status).toBe('WITHDRAWN');
  });

  test('someone of the city who is not its officer is offered proposing, and sees the API refuse', async ({ page, tr, lang, signIn }) => {
    // Jordan Lee works at Busan Technopark, 김지현 at KAIST in Daejeon: of the city, but not its government.
    const { email, city } = { en: { email: DEMO.participant, city: 'busan' }, ko: { email: DEMO.boardKr, city: 'daejeon' } }[lang];
    const live = await livePartnersOf(city);
    const partner = (await partnerIdsApi(city)).find((id) => !live.has(id))!;
    await signIn(page, email);
    await page.goto(`/explorer?city=${city}`);
    const card = page.locator(`.partner-card[data-partner-id="${partner}"]`);
    const name = cityNameOf(partner, lang);
    await card.getByRole('button', { name: tr({ en: `Propose twinning with ${name}`, ko: `${name}에 자매결연 제안하기` }) }).click();
    await card.getByLabel(tr({ en: `Your message to ${name}`, ko: `${name}에 보낼 메시지` })).fill('Shall we twin? · 자매결연을 제안합니다.');
    await card.getByRole('button', { name: tr({ en: 'Send the proposal', ko: '제안 보내기' }) }).click();
    const refusal = card.getByRole('alert');
    await expect(refusal).toHaveAttribute('data-error-code', 'FORBIDDEN');
    await expect(refusal).toContainText(tr({ en: 'Your account may not do this.', ko: '이 작업을 할 수 있는 권한이 없습니다.' }));
    await expect(page).toHaveURL(new RegExp(`/explorer\\?city=${city}$`));
    expect(await livePartnersOf(city)).toEqual(live);
  });
});

test('the pairing pages pass WCAG AA checks and fit a phone', async ({ page, tr }) => {
  const { twinningId } = await ensureLiverpoolBusanWorkspace();
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of ['/pairs', '/explorer?city=busan', `/twinnings/${twinningId}`]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.waitForLoadState('networkidle');
      if (path.startsWith('/explorer')) {
        await page.locator('.partner-card').first().getByText(tr({ en: 'Why this score', ko: '점수 근거 보기' })).click();
        await expect(page.locator('.explanation__body').first()).toBeVisible();
      }
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), path).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
    }
  }
});

const ALL_NAMES: Record<string, Record<Lang, string>> = {
  ...NAMES,
  birmingham: { en: 'Birmingham / West Midlands', ko: '버밍엄/웨스트미들랜즈' },
  leeds: { en: 'Leeds', ko: '리즈' },
  newcastle: { en: 'Newcastle & Tees Valley', ko: '뉴캐슬 및 티스밸리' },
  sheffield: { en: 'Sheffield', ko: '셰필드' },
  southampton: { en: 'Southampton', ko: '사우샘프턴' },
  edinburgh: { en: 'Edinburgh', ko: '에든버러' },
  cardiff: { en: 'Cardiff', ko: '카디프' },
  bristol: { en: 'Bristol', ko: '브리스틀' },
  belfast: { en: 'Belfast', ko: '벨파스트' },
  leicester: { en: 'Leicester', ko: '레스터' },
  nottingham: { en: 'Nottingham', ko: '노팅엄' },
};

function cityNameOf(id: string, lang: Lang): string {
  const names = ALL_NAMES[id];
  if (!names) throw new Error(`No display name known for ${id}: add it to the test's list.`);
  return names[lang];
}

/** The pairs page names a pair UK city first. */
function sidesOf(city: string, partner: string): [string, string] {
  return ['liverpool', 'manchester'].includes(city) ? [city, partner] : [partner, city];
}
