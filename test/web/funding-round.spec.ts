import type { Locator, Page } from '@playwright/test';
import { DEMO, expect, Mailbox, showIn, test, type Lang } from './fixtures';
import { fillBoth, localDay } from './support/forms';

/**
 * One whole funding round, played in the web app from a programme that has
 * not started (the demo people and organisations only: no fund, call,
 * twinning or project), in English and in Korean: everyone reads the
 * project's language, whatever their account said before.
 *
 * The secretariat (the demo admin) creates a fund, records both
 * governments' contributions, opens a call and appoints a board of two
 * members per country. Two newcomers sign up and are approved into
 * Liverpool's and Busan's city governments; they twin, start a project and
 * apply. The secretariat confirms eligibility and assigns reviewers (Priya
 * Shah, of the University of Liverpool, is conflicted and cannot be chosen);
 * the reviewers review before their due date; the secretariat puts the
 * application on a meeting's agenda; the board votes and records the
 * decision; the applicants accept the award, the secretariat starts its
 * delivery, and the fund's ledger reconciles on the console.
 */
test.use({ platformData: 'empty' });

type Tr = <T>(texts: Record<Lang, T>) => T;
type SignIn = (page: Page, email: string, password?: string) => Promise<void>;

const NAMES = {
  liverpool: { en: 'Liverpool', ko: '리버풀' },
  busan: { en: 'Busan', ko: '부산' },
  council: { en: 'Liverpool City Council', ko: '리버풀 시의회' },
  metropolitan: { en: 'Busan Metropolitan City', ko: '부산광역시' },
};

/** Signs out whoever is signed in, signs `email` in, and shows the pages in the project's language. */
async function actAs(page: Page, lang: Lang, signIn: SignIn, email: string, password?: string): Promise<void> {
  const signOut = page.getByRole('banner').getByRole('button', { name: /^(Sign out|로그아웃)$/ });
  if (await signOut.count()) {
    await signOut.click();
    await expect(page.getByRole('banner').getByRole('link', { name: /^(Sign in|로그인)$/ })).toBeVisible();
  }
  await signIn(page, email, password);
  await showIn(page, lang);
}

/** The status line saying `text`. */
function statusSaying(scope: Page | Locator, text: string | RegExp): Locator {
  return scope.getByRole('status').filter({ hasText: text });
}

/** A newcomer signs up on the sign-up page and confirms their address from the email. */
async function signUp(page: Page, lang: Lang, tr: Tr, mail: Mailbox, person: { name: string; email: string; password: string }): Promise<void> {
  const signOut = page.getByRole('banner').getByRole('button', { name: /^(Sign out|로그아웃)$/ });
  if (await signOut.count()) await signOut.click();
  await page.goto('/sign-up');
  await page.getByLabel(tr({ en: 'Your name', ko: '이름' })).fill(person.name);
  await page.getByLabel(tr({ en: 'Email address', ko: '이메일 주소' })).fill(person.email);
  await page.getByLabel(tr({ en: 'Password', ko: '비밀번호' })).fill(person.password);
  await page.getByRole('button', { name: tr({ en: 'Create account', ko: '계정 만들기' }) }).click();
  await expect(page.getByRole('status')).toContainText(tr({ en: 'we emailed you a link', ko: '확인 링크를 이메일로 보내 드렸으니' }));
  const message = await mail.waitFor(person.email, tr({ en: /Confirm your email address/, ko: /이메일 주소를 확인해 주세요/ }));
  await page.goto(Mailbox.link(message, `${process.env.WEB_BASE_URL}/confirm-email?token=`));
  await page.getByRole('button', { name: tr({ en: 'Confirm my email address', ko: '이메일 주소 확인' }) }).click();
  await expect(page.getByRole('status')).toHaveText(tr({ en: 'Your email address is confirmed. You can now sign in.', ko: '이메일 주소를 확인했습니다. 이제 로그인할 수 있습니다.' }));
}

/** On their account page, a person finds their city's government by part of its name and asks to join it. */
async function askToJoin(page: Page, tr: Tr, organisation: { en: string; ko: string }, lang: Lang): Promise<void> {
  await page.goto('/me');
  const panel = page.getByRole('region', { name: tr({ en: 'Your organisation', ko: '내 소속 기관' }) });
  await panel.getByLabel(tr({ en: 'Organisation name', ko: '기관 이름' })).fill(organisation[lang].slice(0, -2));
  const found = panel
    .getByRole('list', { name: tr({ en: /Organisations matching/, ko: /에 맞는 기관/ }) })
    .getByRole('listitem')
    .filter({ hasText: organisation[lang] });
  await found.getByRole('button', { name: tr({ en: `Ask to join: ${organisation.en}`, ko: `가입 요청: ${organisation.ko}` }) }).click();
  await panel.getByRole('button', { name: tr({ en: 'Send the request', ko: '요청 보내기' }) }).click();
  await expect(statusSaying(panel, tr({ en: 'Your request is sent.', ko: '요청을 보냈습니다.' }))).toBeVisible();
}

/** A reviewer opens their assigned review from their list and submits it. */
async function review(page: Page, tr: Tr, title: string, score: string): Promise<void> {
  await page.goto('/board/reviews');
  await page.getByRole('link', { name: title }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await page.getByRole('group', { name: new RegExp(tr({ en: 'Impact', ko: '영향' })) }).getByLabel(tr({ en: 'Score (1 to 5)', ko: '점수(1~5점)' })).fill(score);
  await page.getByRole('radio', { name: tr({ en: 'Fund', ko: '지원 권고' }), exact: true }).check();
  await page.getByRole('button', { name: tr({ en: 'Submit review', ko: '심사 제출' }) }).click();
  await expect(page.getByTestId('my-submitted-review')).toContainText(tr({ en: 'Your review is submitted.', ko: '심사를 제출했습니다.' }));
}

test.describe('a whole funding round in the web app', () => {
  // Nine people and about thirty pages: far more than one page needs.
  test.describe.configure({ timeout: 420_000 });

  test('from an empty programme to an award in delivery, with the ledger reconciled', async ({ page, lang, tr, mail, signIn, baseURL }) => {
    const stamp = Date.now();
    const liverpoolOfficer = { name: tr({ en: 'Morgan Price', ko: '윤다은' }), email: `round-liverpool-${lang}-${stamp}@example.test`, password: 'round-liverpool-1' };
    const busanOfficer = { name: tr({ en: 'Min-jun Kang', ko: '강민준' }), email: `round-busan-${lang}-${stamp}@example.test`, password: 'round-busan-1' };


    let fundUrl = '';
    const fundName = { en: `Seed fund ${stamp}`, ko: `시드 기금 ${stamp}` };
    const callTitle = { en: `Smart ports call ${stamp}`, ko: `스마트 항만 공모 ${stamp}` };
    const fundNav = page.getByRole('navigation', { name: tr({ en: 'This fund’s pages', ko: '이 기금의 메뉴' }) });
    await test.step('the secretariat creates a fund and records both governments’ contributions', async () => {
      await actAs(page, lang, signIn, DEMO.admin);
      await page.getByRole('banner').getByRole('link', { name: tr({ en: 'Console', ko: '관리 콘솔' }) }).click();
      await page.getByRole('navigation', { name: tr({ en: 'Console sections', ko: '관리 콘솔 메뉴' }) }).getByRole('link', { name: tr({ en: 'Seed fund', ko: '시드 기금' }) }).click();
      await expect(page.getByText(tr({ en: 'No funds yet', ko: '아직 기금이 없습니다' }))).toBeVisible();
      const create = page.getByRole('region', { name: tr({ en: 'Create a fund', ko: '기금 만들기' }) });
      await fillBoth(create, { en: 'Name', ko: '이름' }, lang, fundName);
      await create.getByRole('button', { name: tr({ en: 'Create the fund', ko: '기금 만들기' }) }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(fundName[lang]);
      fundUrl = new URL(page.url()).pathname;
      const record = page.getByRole('region', { name: tr({ en: 'Record a contribution', ko: '출연금 기록' }) });
      for (const [country, amount] of [['GB', '200,000.00'], ['KR', '340,000,000']]) {
        await record.getByLabel(tr({ en: 'Paying government', ko: '납입한 정부' })).selectOption(country);
        await record.getByLabel(new RegExp(tr({ en: '^Amount', ko: '^금액' }))).fill(amount);
        await record.getByRole('button', { name: tr({ en: 'Record the contribution', ko: '출연금 기록하기' }) }).click();
        await record.getByRole('button', { name: tr({ en: 'Yes, record it', ko: '네, 기록합니다' }) }).click();
        await expect(record.getByRole('status')).toHaveText(tr({ en: 'The contribution is recorded.', ko: '출연금을 기록했습니다.' }));
      }
    });

    await test.step('the secretariat opens a call and appoints a board of two members per country', async () => {
      await fundNav.getByRole('link', { name: tr({ en: 'Calls', ko: '공모' }) }).click();
      await page.getByRole('link', { name: tr({ en: 'Open a call', ko: '공모 열기' }) }).click();
      await fillBoth(page, { en: 'Title', ko: '제목' }, lang, callTitle);
      await fillBoth(page, { en: 'Guidance for applicants', ko: '신청 안내' }, lang, { en: 'Two cities, one project.', ko: '두 도시가 함께하는 하나의 프로젝트.' });
      await page.getByLabel(tr({ en: 'Opens', ko: '접수 시작' }), { exact: true }).fill(localDay(-1));
      await page.getByLabel(tr({ en: 'Closes', ko: '마감' }), { exact: true }).fill(localDay(30));
      await page.getByLabel(tr({ en: 'Largest award (GBP)', ko: '최대 지원금(GBP)' })).fill('20,000');
      await page.getByLabel(tr({ en: 'Largest award (KRW)', ko: '최대 지원금(KRW)' })).fill('34,000,000');
      await fillBoth(page, { en: 'Criterion 1: title', ko: '기준 1: 제목' }, lang, { en: 'Impact', ko: '영향' });
      await page.getByRole('button', { name: tr({ en: 'Open the call', ko: '공모 열기' }) }).click();
      const calls = page.getByRole('list', { name: tr({ en: 'Calls', ko: '공모' }) });
      await expect(calls.getByRole('listitem').filter({ hasText: callTitle[lang] })).toBeVisible();

      await fundNav.getByRole('link', { name: tr({ en: 'Board', ko: '운영위원회' }) }).click();
      // Each found and named as the page's language writes them.
      const [priya, oliver, kim, jung] = [tr({ en: 'Priya Shah', ko: '프리야 샤' }), tr({ en: 'Oliver Hughes', ko: '올리버 휴스' }), tr({ en: 'Kim Ji-hyun', ko: '김지현' }), tr({ en: 'Jung Ha-neul', ko: '정하늘' })];
      for (const [name, country] of [[priya, 'GB'], [oliver, 'GB'], [kim, 'KR'], [jung, 'KR']]) {
        await page.getByLabel(tr({ en: 'Find a person by name or email', ko: '이름이나 이메일로 사람 찾기' })).fill(name);
        await page.getByRole('radio', { name: new RegExp(name) }).check();
        await page.getByLabel(tr({ en: 'Seat for', ko: '대표 국가' })).selectOption(country);
        await page.getByRole('button', { name: tr({ en: 'Appoint to the board', ko: '위원으로 임명' }) }).click();
        await expect(page.getByRole('status').filter({ hasText: name })).toBeVisible();
      }
      for (const [region, names] of [[tr({ en: 'Members for the United Kingdom', ko: '영국 측 위원' }), [priya, oliver]], [tr({ en: 'Members for the Republic of Korea', ko: '대한민국 측 위원' }), [kim, jung]]] as const) {
        for (const name of names) await expect(page.getByRole('region', { name: region }).getByRole('article', { name })).toBeVisible();
      }
    });

    await test.step('two newcomers sign up and ask to join their city governments', async () => {
      await signUp(page, lang, tr, mail, liverpoolOfficer);
      await actAs(page, lang, signIn, liverpoolOfficer.email, liverpoolOfficer.password);
      await askToJoin(page, tr, NAMES.council, lang);
      await signUp(page, lang, tr, mail, busanOfficer);
      await actAs(page, lang, signIn, busanOfficer.email, busanOfficer.password);
      await askToJoin(page, tr, NAMES.metropolitan, lang);
    });

    await test.step('the secretariat approves both', async () => {
      await actAs(page, lang, signIn, DEMO.admin);
      await page.goto('/admin/organisation-requests');
      for (const person of [liverpoolOfficer, busanOfficer]) {
        const request = page.getByRole('article', { name: new RegExp(person.name) });
        await request.getByRole('button', { name: tr({ en: `Approve: ${person.name}`, ko: `승인: ${person.name}` }) }).click();
        await request.getByRole('button', { name: tr({ en: 'Yes, approve', ko: '승인하기' }) }).click();
        await expect(page.getByRole('article', { name: new RegExp(person.name) })).toHaveCount(0);
      }
    });

    let workspaceUrl = '';
    await test.step('Liverpool’s new officer proposes twinning with Busan; Busan’s accepts from the email', async () => {
      await actAs(page, lang, signIn, liverpoolOfficer.email, liverpoolOfficer.password);
      await page.goto('/explorer?city=liverpool');
      const card = page.locator('.partner-card[data-partner-id="busan"]');
      await card.getByRole('button', { name: tr({ en: 'Propose twinning with Busan', ko: '부산에 자매결연 제안하기' }) }).click();
      await card.getByLabel(tr({ en: 'Your message to Busan', ko: '부산에 보낼 메시지' })).fill(tr({ en: 'Shall we twin on smart ports?', ko: '스마트 항만 분야에서 자매결연을 제안합니다.' }));
      await card.getByRole('button', { name: tr({ en: 'Send the proposal', ko: '제안 보내기' }) }).click();
      await expect(page).toHaveURL(/\/twinnings\/[0-9a-f-]{36}$/);

      const proposal = await mail.waitFor(busanOfficer.email, /자매결연을 제안했습니다|proposes twinning with/);
      const link = Mailbox.link(proposal, `${baseURL}/twinnings/`);
      await actAs(page, lang, signIn, busanOfficer.email, busanOfficer.password);
      await page.goto(link);
      const answer = page.getByRole('region', { name: tr({ en: 'Answer this proposal', ko: '이 제안에 답변하기' }) });
      await answer.getByRole('textbox').fill(tr({ en: 'Gladly.', ko: '기꺼이 함께하겠습니다.' }));
      await answer.getByRole('button', { name: tr({ en: 'Accept and start the twinning', ko: '수락하고 자매결연 시작' }) }).click();
      const open = page.getByRole('status').getByRole('link', { name: tr({ en: 'Open the twin workspace', ko: '공동 워크스페이스 열기' }) });
      workspaceUrl = (await open.getAttribute('href'))!;
    });


    const projectTitle = { en: `Smart quays ${stamp}`, ko: `스마트 부두 ${stamp}` };
    let applicationUrl = '';
    await test.step('they start a joint project and apply to the call', async () => {
      await actAs(page, lang, signIn, liverpoolOfficer.email, liverpoolOfficer.password);
      await page.goto(workspaceUrl);
      await page.getByText(tr({ en: 'Start a joint project', ko: '공동 프로젝트 시작' }), { exact: true }).click();
      const form = page.getByRole('form', { name: tr({ en: 'Start a joint project', ko: '공동 프로젝트 시작' }) });
      await fillBoth(form, { en: 'Title', ko: '제목' }, lang, projectTitle);
      await fillBoth(form, { en: 'Summary', ko: '개요' }, lang, { en: 'Sensors on both ports’ quays.', ko: '두 항만의 부두에 센서를 설치합니다.' });
      await form.getByLabel(tr({ en: 'Internet of things', ko: '사물인터넷(IoT)' })).check();
      await form.getByLabel(tr({ en: 'Starting stage', ko: '시작 단계' })).selectOption({ label: tr({ en: 'Feasibility', ko: '타당성 검토' }) });
      await form.getByLabel(tr({ en: 'Lead in Busan', ko: '부산 책임자' })).selectOption({ label: tr({ en: `${busanOfficer.name} (Lead)`, ko: `${busanOfficer.name} (리더)` }) });
      await form.getByRole('button', { name: tr({ en: 'Create project', ko: '프로젝트 만들기' }) }).click();
      await page.getByRole('link', { name: tr({ en: 'Open the project', ko: '프로젝트 열기' }) }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(projectTitle[lang]);

      const call = page.getByRole('region', { name: tr({ en: 'Open calls', ko: '접수 중인 공모' }) }).getByRole('listitem').filter({ hasText: callTitle[lang] });
      await call.getByRole('link', { name: tr({ en: 'Apply with this project', ko: '이 프로젝트로 신청' }) }).click();
      await page.getByRole('button', { name: tr({ en: 'Start the draft', ko: '초안 만들기' }) }).click();
      await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
      applicationUrl = new URL(page.url()).pathname;
      const line = (city: string) => page.getByRole('group', { name: `${city} · ${tr({ en: 'Line 1', ko: '1번 항목' })}` });
      for (const [city, currency, what, amount] of [
        [tr(NAMES.liverpool), 'GBP', tr({ en: 'Sensor kits', ko: '센서 키트' }), '20000'],
        [tr(NAMES.busan), 'KRW', tr({ en: 'Port data platform', ko: '항만 데이터 플랫폼' }), '34000000'],
      ]) {
        await page.getByRole('button', { name: tr({ en: `Add a budget line for ${city}`, ko: `${city} 예산 항목 추가` }) }).click();
        await line(city).getByLabel(tr({ en: 'What it pays for', ko: '사용 내역' })).fill(what);
        await line(city).getByLabel(tr({ en: `Amount (${currency})`, ko: `금액(${currency})` })).fill(amount);
      }
      await expect(page.getByText(tr({ en: 'All the call’s rules are met: you can submit.', ko: '공모 요건을 모두 충족했습니다. 제출할 수 있습니다.' }))).toBeVisible();
      // Submitting saves what was typed first.
      await page.getByRole('button', { name: tr({ en: 'Submit the application', ko: '신청서 제출' }) }).click();
      await expect(statusSaying(page, tr({ en: 'Application submitted.', ko: '신청서를 제출했습니다.' }))).toBeVisible();
      // The history, as the API says it in the page's language.
      const history = page.getByRole('region', { name: tr({ en: 'History', ko: '처리 이력' }) });
      await expect(history.getByRole('listitem')).toHaveText([
        new RegExp(tr({ en: 'Application started\\.', ko: '신청서 작성을 시작했습니다\\.' })),
        new RegExp(tr({ en: 'Submitted\\.', ko: '제출했습니다\\.' })),
      ]);
    });

    await test.step('the secretariat confirms eligibility and assigns reviewers; the conflicted member cannot be chosen', async () => {
      await actAs(page, lang, signIn, DEMO.admin);
      await page.goto('/admin/applications');
      const row = page.getByRole('article', { name: projectTitle[lang] });
      await expect(row).toContainText(tr({ en: 'The secretariat to confirm eligibility', ko: '사무국의 자격 확인을 기다리는 중' }));
      await row.getByRole('link', { name: projectTitle[lang] }).click();
      await page.getByRole('button', { name: tr({ en: 'Confirm eligibility', ko: '자격 확인' }) }).click();
      await page.getByRole('group', { name: tr({ en: 'Confirm eligibility', ko: '자격 확인' }) }).getByRole('button', { name: tr({ en: 'Confirm it is eligible', ko: '자격 확인 완료하기' }) }).click();
      await expect(statusSaying(page, tr({ en: 'Eligibility confirmed.', ko: '자격을 확인했습니다.' }))).toBeVisible();
      const reviewers = page.getByRole('region', { name: tr({ en: 'Reviewers', ko: '심사위원' }) });
      const priya = reviewers.getByRole('row', { name: tr({ en: /Priya Shah/, ko: /프리야 샤/ }) });
      await expect(priya).toContainText(tr({ en: 'Conflicted: cannot review', ko: '이해충돌로 심사 불가' }));
      await expect(priya.getByRole('checkbox')).toBeDisabled();
      await reviewers.getByRole('checkbox', { name: tr({ en: 'Choose Oliver Hughes', ko: '올리버 휴스 위원 선택' }) }).check();
      await reviewers.getByRole('checkbox', { name: tr({ en: 'Choose Kim Ji-hyun', ko: '김지현 위원 선택' }) }).check();
      await reviewers.getByRole('button', { name: tr({ en: 'Assign the chosen members', ko: '선택한 위원 배정' }) }).click();
      await expect(statusSaying(page, tr({ en: 'Reviewers assigned.', ko: '심사위원을 배정하고' }))).toBeVisible();
      await expect(reviewers.getByRole('list', { name: tr({ en: 'Reviews', ko: '심사 현황' }) }).getByRole('listitem')).toHaveCount(2);
    });

    await test.step('the reviewers review before their due date', async () => {
      for (const [who, score] of [[DEMO.boardUk2, '4'], [DEMO.boardKr, '5']]) {
        await mail.waitFor(who, /Please review|심사/);
        await actAs(page, lang, signIn, who);
        await page.goto('/board/reviews');
        await expect(page.getByRole('listitem').filter({ hasText: projectTitle[lang] })).not.toContainText(tr({ en: 'Overdue', ko: '기한 지남' }));
        await review(page, tr, projectTitle[lang], score);
      }
    });

    let meetingUrl = '';
    await test.step('the secretariat calls a meeting with the application on its agenda', async () => {
      await actAs(page, lang, signIn, DEMO.admin);
      await page.goto(`${fundUrl}/meetings`);
      const meetingTitle = { en: `Board meeting ${stamp}`, ko: `운영위원회 회의 ${stamp}` };
      await fillBoth(page, { en: 'Title', ko: '제목' }, lang, meetingTitle);
      await page.getByLabel(tr({ en: 'Starts', ko: '시작 시각' }), { exact: true }).fill(localDay(7));
      await page.getByRole('button', { name: tr({ en: 'Create the meeting', ko: '회의 만들기' }) }).click();
      await page.getByTestId('meetings').getByRole('link', { name: meetingTitle[lang] }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(meetingTitle[lang]);
      meetingUrl = new URL(page.url()).pathname;
      await page.getByRole('button', { name: tr({ en: 'Add to agenda', ko: '안건에 추가' }) }).click();
      await expect(page.getByTestId('agenda-item').filter({ hasText: projectTitle[lang] })).toBeVisible();
    });

    await test.step('the board votes and records its decision', async () => {
      for (const who of [DEMO.boardKr, DEMO.boardUk2]) {
        await actAs(page, lang, signIn, who);
        await page.goto(meetingUrl);
        const item = page.getByTestId('agenda-item').filter({ hasText: projectTitle[lang] });
        await item.getByRole('button', { name: tr({ en: 'For', ko: '찬성' }), exact: true }).click();
        await expect(item.getByRole('status').filter({ hasText: tr({ en: 'Your vote is recorded: For.', ko: '투표가 기록되었습니다: 찬성.' }) })).toBeVisible();
      }
      const item = page.getByTestId('agenda-item').filter({ hasText: projectTitle[lang] });
      await expect(item.getByTestId('quorum')).toHaveAttribute('data-met', 'true');
      await item.getByLabel(tr({ en: 'Award in GBP', ko: '지원 금액(GBP)' })).fill('20000.00');
      await item.getByLabel(tr({ en: 'Award in KRW', ko: '지원 금액(KRW)' })).fill('34000000');
      await item.getByLabel(tr({ en: 'Rationale in English', ko: '영어 결정 사유' })).fill('A strong partnership with a clear route to business as usual.');
      await item.getByLabel(tr({ en: 'Rationale in Korean', ko: '한국어 결정 사유' })).fill('상시 운영으로 가는 경로가 분명하고 파트너십이 견고합니다.');
      await item.getByRole('button', { name: tr({ en: 'Check the decision', ko: '결정 내용 확인' }) }).click();
      await item.getByTestId('decision-confirm').getByRole('button', { name: tr({ en: 'Record the decision', ko: '결정 기록하기' }) }).click();
      await expect(item.getByTestId('decision-record')).toContainText(tr({ en: 'Approved', ko: '승인' }));
    });

    await test.step('the applicants accept the award and the secretariat starts its delivery', async () => {
      await actAs(page, lang, signIn, liverpoolOfficer.email, liverpoolOfficer.password);
      await page.goto(applicationUrl);
      await page.getByRole('button', { name: tr({ en: 'Accept the award and its conditions', ko: '지원 및 조건 수락' }) }).click();
      await expect(statusSaying(page, tr({ en: 'You accepted the award.', ko: '지원을 수락했습니다.' }))).toBeVisible();

      await actAs(page, lang, signIn, DEMO.admin);
      await page.goto('/admin/applications');
      await page.getByRole('article', { name: projectTitle[lang] }).getByRole('link', { name: projectTitle[lang] }).click();
      const award = page.getByRole('region', { name: tr({ en: 'Decision and award', ko: '결정과 지원금' }) });
      await award.getByRole('button', { name: tr({ en: 'Start delivery', ko: '사업 수행 시작' }) }).click();
      await award.getByRole('group', { name: tr({ en: 'Start delivery', ko: '사업 수행 시작' }) }).getByRole('button', { name: tr({ en: 'Start delivery now', ko: '지금 사업 수행 시작' }) }).click();
      await expect(statusSaying(page, tr({ en: 'The award is now in delivery.', ko: '지원 사업 수행을 시작했습니다.' }))).toBeVisible();
    });

    await test.step('the fund’s ledger reconciles on the console', async () => {
      await page.goto(fundUrl);
      const balances = page.getByRole('table', { name: tr({ en: 'What the fund holds in each currency', ko: '통화별 기금 보유액' }) });
      const row = (currency: string) => balances.getByRole('row').filter({ has: page.getByRole('rowheader', { name: currency }) });
      await expect(row('GBP').getByTestId('available-GBP')).toHaveText('£180,000');
      await expect(row('KRW').getByTestId('available-KRW')).toContainText('306,000,000');
      for (const currency of ['GBP', 'KRW']) await expect(row(currency)).toContainText(tr({ en: 'Reconciles', ko: '일치' }));
    });
  });
});
