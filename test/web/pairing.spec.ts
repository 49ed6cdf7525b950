import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { DEMO, expect, Mailbox, test, type Lang } from './fixtures';
import { ensureLiverpoolBusanWorkspace } from './support/api';
import {
  clearLivePair,
  livePartnersOf,
  newCityOfficer,
  nextPairsApi,
  pairDetailApi,
  partnerIdsApi,
  partnerNeedsApi,
  partnerScoresApi,
  proposeApi,
  referenceApi,
  twinningApi,
  type CityNeedView,
  type ScoreView,
} from './support/pairing-setup';

/** City names as the pages show them, by language (the demo data's 28 cities). */
const NAMES: Record<string, Record<Lang, string>> = {
  liverpool: { en: 'Liverpool', ko: '리버풀' },
  busan: { en: 'Busan', ko: '부산' },
  daegu: { en: 'Daegu', ko: '대구' },
  manchester: { en: 'Greater Manchester', ko: '맨체스터 광역시' },
  ulsan: { en: 'Ulsan', ko: '울산' },
  glasgow: { en: 'Glasgow', ko: '글래스고' },
  daejeon: { en: 'Daejeon', ko: '대전' },
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
    await expect(page.getByRole('table', { name: tr({ en: /Twinned pairs, newest first/, ko: /자매 도시 목록/ }) })).toHaveCount(0);
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
    // Busan and Liverpool may already be twinned here (other journeys twin them), so the change offered is a sector's.
    await expect(
      first.getByText(tr({ en: /If Busan had both live infrastructure and a business-cluster priority in/, ko: /부산도 실증 인프라와 산업 클러스터 육성 우선순위를 모두 갖춘다면/ })).first(),
    ).toBeVisible();
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
    const email = await mail.waitFor(officer.email, lang === 'ko' ? /자매결연을 제안했습니다/ : /proposes twinning with/);
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
    const twinned = page.getByRole('table', { name: tr({ en: /Twinned pairs, newest first/, ko: /자매 도시 목록/ }) });
    await expect(twinned.getByRole('link', { name: pairName(lang, ...sidesOf(city, partner)) })).toHaveAttribute('href', `/twinnings/${twinningId}`);
  });

  test('the proposer withdraws a proposal before it is answered; until then it is not public', async ({ page, browser, tr, lang, signIn, baseURL }) => {
    const pairs: Record<Lang, { proposer: string; city: string; partner: string }> = {
      en: { proposer: DEMO.liverpool, city: 'liverpool', partner: 'ulsan' },
      ko: { proposer: DEMO.busan, city: 'busan', partner: 'glasgow' },
    };
    const { proposer, city, partner } = pairs[lang];
    await clearLivePair(city, partner, [DEMO.liverpool, DEMO.busan]);
    const twinningId = await proposeApi(proposer, city, partner, `${tr({ en: 'Withdraw test', ko: '철회 시험' })} ${Date.now()}`);

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
    const own = cityNameOf(city, lang);
    await expect(refusal).toContainText(tr({ en: `Only officers of ${own}'s city government`, ko: `${own} 시 정부 소속 공무원만` }));
    await expect(page).toHaveURL(new RegExp(`/explorer\\?city=${city}$`));
    expect(await livePartnersOf(city)).toEqual(live);
  });
});

test.describe('how much evidence a score rests on', () => {
  test('the explorer leads each partner with its ranking score, the observed score and confidence, and lists the partners that cannot be judged yet', async ({
    page,
    tr,
    lang,
  }) => {
    const ranked = await partnerScoresApi('liverpool');
    const needs = await partnerNeedsApi('liverpool');
    const { cities } = await referenceApi();
    await page.goto('/explorer?city=liverpool');
    // Ranked by the ranking score, as the API ranks them.
    await expect.poll(() => rankedNames(page)).toEqual(ranked.map((r) => cities.get(r.partnerId)![lang]));

    const [{ partnerId, score }] = ranked;
    expect(score.adjusted).toBeLessThanOrEqual(score.overall);
    const card = page.locator(`.partner-card[data-partner-id="${partnerId}"]`);
    await expect(card.locator('.partner-card__ranking')).toContainText(
      tr({ en: `Ranking score ${pts(score.adjusted)} / 100`, ko: `순위 점수 ${pts(score.adjusted)}점` }),
    );
    await expect(card.locator('.partner-card__observed')).toHaveText(tr({ en: `observed ${pts(score.overall)} / 100`, ko: `관측 점수 ${pts(score.overall)}점` }));
    await expectConfidence(card.locator('.partner-card__confidence'), score, tr, lang);
    await expect(card.locator('.partner-card__potential')).toHaveText(
      tr({ en: `could reach ${pts(score.potential)} with the missing evidence`, ko: `빠진 근거가 채워지면 최고 ${pts(score.potential)}점` }),
    );

    // Below: Liverpool's own missing evidence, then the partners that cannot be judged yet, best potential first.
    const section = page.getByRole('region', { name: tr({ en: 'Needs evidence', ko: '근거가 더 필요한 곳' }), exact: true });
    await expect(section.getByRole('heading', { name: tr({ en: 'Evidence missing for Liverpool', ko: '리버풀에 빠진 근거' }) })).toBeVisible();
    await expect(section.getByRole('heading', { name: tr({ en: 'Partners that cannot be judged yet', ko: '아직 평가할 수 없는 파트너 도시' }) })).toBeVisible();
    await expect(section).toContainText(
      tr({ en: `${needs.pairCount} ${needs.pairCount === 1 ? 'pair' : 'pairs'} cannot be judged yet.`, ko: `${needs.pairCount}쌍은 아직 평가할 수 없습니다.` }),
    );
    const unjudged = needs.pairs[0];
    const other = unjudged.cityAId === 'liverpool' ? unjudged.cityBId : unjudged.cityAId;
    const item = section.locator(`li[data-partner-id="${other}"]`);
    await expect(item.getByRole('link', { name: cities.get(other)![lang] })).toBeVisible();
    await expect(item).toContainText(
      tr({
        en: `ranking score ${pts(unjudged.adjusted)} / 100 now, could reach ${pts(unjudged.potential)}`,
        ko: `현재 순위 점수 ${pts(unjudged.adjusted)}점, 최고 ${pts(unjudged.potential)}점까지 가능`,
      }),
    );
    await expectConfidence(item, unjudged, tr, lang);
    await expect(item).toContainText(tr({ en: 'What would lift it:', ko: '점수를 올릴 근거:' }));
    // A pair that cannot be judged is never among the ranked ones.
    await expect(page.locator(`.partner-card[data-partner-id="${other}"]`)).toHaveCount(0);
  });

  test('a city no partner can be judged for says so, and lists the evidence it lacks in the page’s language', async ({ page, tr, lang }) => {
    expect(await partnerIdsApi('nottingham')).toEqual([]);
    const needs = await partnerNeedsApi('nottingham');
    const own = needs.cities.find((c) => c.cityId === 'nottingham')!;
    const { cities, indicators } = await referenceApi();
    await page.goto('/explorer?city=nottingham');

    await expect(
      page.getByText(tr({ en: 'No partner can be judged yet: see what evidence is needed below.', ko: '아직 평가할 수 있는 파트너 도시가 없습니다. 필요한 근거는 아래에서 확인하세요.' })),
    ).toBeVisible();
    await expect(page.locator('.partner-card')).toHaveCount(0);

    // Its own to-do: how many figures it reports, and each missing one by name, then sector activity and readiness.
    const todo = page.getByRole('region', { name: tr({ en: 'Evidence missing for Nottingham', ko: '노팅엄에 빠진 근거' }) });
    await expect(todo).toContainText(figuresText(own, tr));
    const missing = own.gaps.filter((g) => g.kind === 'INDICATOR').map((g) => indicators.get(g.indicator!)![lang]);
    expect(missing.length).toBeGreaterThan(0);
    for (const label of missing) await expect(todo).toContainText(label);
    if (own.gaps.some((g) => g.kind === 'SECTORS')) await expect(todo).toContainText(tr({ en: 'Sector activity', ko: '분야별 활동' }));
    if (own.gaps.some((g) => g.kind === 'READINESS')) await expect(todo).toContainText(tr({ en: 'A readiness assessment', ko: '국제화 준비도 평가' }));

    const section = page.getByRole('region', { name: tr({ en: 'Needs evidence', ko: '근거가 더 필요한 곳' }), exact: true });
    await expect(section.locator('.needs-pairs > li')).toHaveCount(needs.pairs.length);
    // A Korean page shows no English words.
    if (lang === 'ko') expect(await section.innerText()).not.toMatch(/[a-z]{2,}/);

    // Each partner that cannot be judged explains itself: similarity has no score until Nottingham reports enough figures.
    const pair = needs.pairs[0];
    const partner = pair.cityAId === 'nottingham' ? pair.cityBId : pair.cityAId;
    const item = section.locator(`li[data-partner-id="${partner}"]`);
    await expect(item.getByRole('link', { name: cities.get(partner)![lang] })).toBeVisible();
    await item.getByText(tr({ en: 'Why this score', ko: '점수 근거 보기' })).click();
    const known = String(own.numericKnown);
    const total = String(own.numericWeighted);
    const minimum = String(own.numericMinimum);
    await expect(item.locator('.explanation__missing')).toContainText(
      tr({
        en: `Needs evidence: ${known} of ${total} figures known for Nottingham (${minimum} needed).`,
        ko: `근거 부족: 노팅엄의 수치 ${total}개 중 ${known}개만 확인됨(최소 ${minimum}개 필요).`,
      }),
    );
    await expect(item.locator('.explanation__scores')).toContainText(
      tr({ en: 'Too little evidence to rank this pair yet', ko: '근거가 너무 적어 아직 순위에 올릴 수 없습니다' }),
    );
  });

  test('the explanation names each city’s national leader, marks history as not scored, and measures changes on the ranking score', async ({
    page,
    tr,
    lang,
  }) => {
    // A proposal Liverpool withdrew is history between Liverpool and Ulsan: shown, never scored.
    await clearLivePair('liverpool', 'ulsan', [DEMO.liverpool, DEMO.busan]);
    await proposeApi(DEMO.liverpool, 'liverpool', 'ulsan', `History of a pair ${Date.now()}`);
    await clearLivePair('liverpool', 'ulsan', [DEMO.liverpool, DEMO.busan]);
    const { score, indicators } = await pairDetailApi('liverpool', 'ulsan');
    const reference = await referenceApi();
    // A figure for which Liverpool is not the UK's leader, so the page names who is.
    const row = indicators.find((r) => r.leaderA && r.leaderB && r.leaderA.cityId !== 'liverpool' && r.relativeA !== null && r.relativeB !== null)!;
    expect(row).toBeTruthy();

    await page.goto('/explorer?city=liverpool');
    const card = page.locator('.partner-card[data-partner-id="ulsan"]');
    await card.getByText(tr({ en: 'Why this score', ko: '점수 근거 보기' })).click();
    await expect(card.locator('.explanation__scores')).toContainText(
      tr({ en: `Ranking score ${pts(score.adjusted)} / 100`, ko: `순위 점수 ${pts(score.adjusted)}점` }),
    );
    await expect(card.locator('.explanation__scores')).toContainText(tr({ en: `observed ${pts(score.overall)} / 100`, ko: `관측 점수 ${pts(score.overall)}점` }));

    const table = card.getByRole('table', { name: tr({ en: 'Similarity: the figures compared', ko: '도시 유사성: 비교한 지표' }) });
    const label = reference.indicators.get(row.key)![lang];
    const notes = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) }).locator('.leader-note');
    const leaderText = (cityId: string, country: 'GB' | 'KR', relative: number, leaderId: string) => {
      if (leaderId === cityId) return tr({ en: country === 'GB' ? 'the UK’s leader' : 'Korea’s leader', ko: country === 'GB' ? '영국 1위' : '한국 1위' });
      const leader = reference.cities.get(leaderId)!;
      const value = String(Math.round(relative * 100));
      return tr({
        en: `${value}% of ${country === 'GB' ? 'the UK’s' : 'Korea’s'} leader, ${leader.en}`,
        ko: `${country === 'GB' ? '영국' : '한국'} 1위 ${leader.ko}의 ${value}%`,
      });
    };
    await expect(notes.nth(0)).toHaveText(leaderText('liverpool', 'GB', row.relativeA!, row.leaderA!.cityId));
    await expect(notes.nth(1)).toHaveText(leaderText('ulsan', 'KR', row.relativeB!, row.leaderB!.cityId));
    await expect(card.getByText(tr({ en: /^Figures are relative to each country’s leader/, ko: /^수치는 나라별 1위 도시 대비 비율입니다/ }))).toBeVisible();

    const history = card.locator('.explanation__body li[data-live="false"]').first();
    await expect(history).toContainText(
      tr({
        en: 'A proposal to twin Liverpool and Ulsan on the Innovation Twins platform was withdrawn.',
        ko: '이노베이션 트윈스 플랫폼에서 리버풀과 울산의 자매결연 제안이 철회되었습니다.',
      }),
    );
    await expect(history).toContainText(tr({ en: 'history: not scored', ko: '지난 협력: 점수에 반영 안 함' }));

    await expect(
      card.getByText(
        tr({
          en: 'Each change is measured on the ranking score: the points it would move it by, and where it would end.',
          ko: '각 변화는 순위 점수 기준입니다. 괄호 안은 오르내리는 점수와 바뀐 뒤의 순위 점수입니다.',
        }),
      ),
    ).toBeVisible();

    // The API said it in the page's language: switched, the page asks again and says it in the other.
    await page.getByRole('button', { name: tr({ en: 'Switch to Korean', ko: '영어로 보기' }) }).click();
    await expect(card.locator('.explanation__body li[data-live="false"]').first()).toContainText(
      tr({
        en: '이노베이션 트윈스 플랫폼에서 리버풀과 울산의 자매결연 제안이 철회되었습니다.',
        ko: 'A proposal to twin Liverpool and Ulsan on the Innovation Twins platform was withdrawn.',
      }),
    );
  });

  test('the pairs page answers who could twin next, and which pairs need evidence before they can be judged', async ({ page, tr, lang }) => {
    const { ranked, needs } = await nextPairsApi();
    const { cities } = await referenceApi();
    const ukFirst = (p: ScoreView) => (cities.get(p.cityAId)!.country === 'GB' ? [p.cityAId, p.cityBId] : [p.cityBId, p.cityAId]);
    const named = (a: string, b: string) => (lang === 'ko' ? `${cities.get(a)!.ko}–${cities.get(b)!.ko}` : `${cities.get(a)!.en} and ${cities.get(b)!.en}`);

    await page.goto('/pairs');
    await expect(page.getByRole('heading', { level: 2, name: tr({ en: 'Who could twin next', ko: '다음 자매결연 후보' }) })).toBeVisible();
    const table = page.getByRole('table', { name: tr({ en: /best-ranked pairs of UK and Korean cities/, ko: /순위가 가장 높은 영국–한국 도시 짝/ }) });
    await expect(table.locator('tbody tr')).toHaveCount(ranked.length);
    const [top] = ranked;
    const [uk, kr] = ukFirst(top);
    const row = table.locator('tbody tr').first();
    const link = row.getByRole('link', { name: named(uk, kr) });
    await expect(link).toHaveAttribute('href', `/explorer?city=${uk}`);
    await expect(row).toContainText(tr({ en: `${pts(top.adjusted)} / 100`, ko: `${pts(top.adjusted)}점` }));
    await expect(row).toContainText(tr({ en: `${pts(top.overall)} / 100`, ko: `${pts(top.overall)}점` }));
    await expect(row).toContainText(tr({ en: `${top.overallStars} of 3 stars`, ko: `별 3개 중 ${top.overallStars}개` }));
    await expectConfidence(row, top, tr, lang, { compact: true });

    // The pairs that cannot be judged yet: how many, and the cities whose evidence would help most.
    const needsRegion = page.getByRole('region', { name: tr({ en: 'Needs evidence before it can be judged', ko: '평가하려면 근거가 더 필요한 짝' }) });
    await expect(needsRegion).toContainText(
      tr({ en: `${needs.pairCount} pairs cannot be judged yet`, ko: `${needs.pairCount}쌍은 도시에 관한 근거가 부족해 아직 평가할 수 없습니다.` }),
    );
    const citiesTable = needsRegion.getByRole('table', { name: tr({ en: /Cities whose missing evidence would help most/, ko: /빠진 근거를 채우면 가장 도움이 되는 도시/ }) });
    const [first] = needs.cities;
    const cityRow = citiesTable.locator(`tr[data-city-id="${first.cityId}"]`);
    await expect(cityRow.getByRole('link', { name: cities.get(first.cityId)![lang] })).toHaveAttribute('href', `/explorer?city=${first.cityId}`);
    await expect(cityRow).toContainText(figuresText(first, tr));
    await expect(needsRegion.locator('.needs-pairs > li')).toHaveCount(needs.pairs.length);

    // A pair leads to the explorer for its UK city, where its partner is ranked.
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/explorer\\?city=${uk}$`));
    await expect(page.locator(`.partner-card[data-partner-id="${kr}"]`)).toBeVisible();
  });
});

/** A 0–1 score as the pages write it, out of 100. */
const pts = (score: number) => String(Math.round(score * 100));

const CONFIDENCE: Record<ScoreView['coverage']['confidenceLabel'], Record<Lang, string>> = {
  HIGH: { en: 'high', ko: '높음' },
  MEDIUM: { en: 'medium', ko: '보통' },
  LOW: { en: 'low', ko: '낮음' },
};

/** Confidence at a glance: its label in words and the share of the evidence in (in a table's column, just the label and the share). */
async function expectConfidence(
  scope: Locator,
  score: ScoreView,
  tr: <T>(texts: Record<Lang, T>) => T,
  lang: Lang,
  { compact = false }: { compact?: boolean } = {},
): Promise<void> {
  const meter = scope.locator('.confidence').first();
  await expect(meter).toHaveAttribute('data-confidence', score.coverage.confidenceLabel);
  const label = CONFIDENCE[score.coverage.confidenceLabel][lang];
  const share = pts(score.coverage.confidence);
  if (compact) {
    await expect(meter).toHaveText(`${label} (${share}%)`);
    return;
  }
  await expect(meter).toContainText(tr({ en: `Confidence: ${label}`, ko: `신뢰도 ${label}` }));
  await expect(meter).toContainText(tr({ en: `${share}% of the evidence in`, ko: `근거 ${share}% 확보` }));
}

/** "0 of 8 figures known, 3 needed", as a city's to-do says it. */
function figuresText(need: CityNeedView, tr: <T>(texts: Record<Lang, T>) => T): string {
  const [known, total, minimum] = [need.numericKnown, need.numericWeighted, need.numericMinimum].map(String);
  return need.numericKnown < need.numericMinimum
    ? tr({ en: `${known} of ${total} figures known, ${minimum} needed`, ko: `수치 ${total}개 중 ${known}개 확인(최소 ${minimum}개 필요)` })
    : tr({ en: `${known} of ${total} figures known`, ko: `수치 ${total}개 중 ${known}개 확인` });
}

test('the pairing pages pass WCAG AA checks and fit a phone', async ({ page, tr }) => {
  const { twinningId } = await ensureLiverpoolBusanWorkspace();
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of ['/pairs', '/explorer?city=busan', '/explorer?city=nottingham', `/twinnings/${twinningId}`]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.waitForLoadState('networkidle');
      if (path.startsWith('/explorer')) {
        // A ranked partner's explanation; Nottingham has none, so that of a partner that cannot be judged yet.
        const item = path.endsWith('nottingham') ? page.locator('.needs-pairs > li').first() : page.locator('.partner-card').first();
        await item.getByText(tr({ en: 'Why this score', ko: '점수 근거 보기' })).click();
        await expect(item.locator('.explanation__body')).toBeVisible();
        await page.waitForLoadState('networkidle');
      }
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), path).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
      // The diagram's country headings fit inside it ("REPUBLIC OF / KOREA", never "REPUBLIC OF KOR"),
      const cut = await page.locator('.pairs-diagram__svg').evaluateAll((svgs) =>
        svgs.flatMap((svg) => {
          const box = svg.getBoundingClientRect();
          return [...svg.querySelectorAll('.pairs-diagram__country')].map((t) => t.getBoundingClientRect()).filter((r) => r.left < box.left - 1 || r.right > box.right + 1).map((r) => `${r.left}–${r.right} outside ${box.left}–${box.right}`);
        }),
      );
      expect(cut, `${path} at ${width} px`).toEqual([]);
      // and no Korean word in a table breaks across two lines ("트/랙터").
      const split = await page.evaluate(() => {
        const words: string[] = [];
        for (const cell of document.querySelectorAll('td, th')) {
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const match of (node.textContent ?? '').matchAll(/[가-힣]+/g)) {
              const range = document.createRange();
              range.setStart(node, match.index);
              range.setEnd(node, match.index + match[0].length);
              if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) words.push(match[0]);
            }
          }
        }
        return words;
      });
      expect(split, `${path} at ${width} px`).toEqual([]);
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
