import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO, expect, test, type Lang } from './fixtures';
import { createConfirmedAccount, gql, tokenFor, userIdOf } from './support/api';
import { acceptedAward, submittedApplication } from './support/board-setup';

/**
 * The secretariat's applications pipeline (/admin/applications) and one
 * application's page: eligibility, reviewers with their conflicts and load,
 * and an award going into delivery. The secretariat officer is a new admin
 * who reads the run's language (the demo admin reads English).
 */

const PASSWORD = 'console-applications-2026';

/** A new account in the run's language, made an admin by the demo admin. */
async function newAdmin(mail: Parameters<typeof createConfirmedAccount>[0], lang: Lang): Promise<string> {
  const email = await createConfirmedAccount(mail, { displayName: lang === 'en' ? 'Morgan Secretariat' : '한서연', preferredLanguage: lang, password: PASSWORD });
  await tokenFor(email, PASSWORD);
  await gql(`mutation($input: UserRoleInput!) { grantRole(input: $input) { id } }`, { input: { userId: await userIdOf(email), role: 'ADMIN' } }, await tokenFor(DEMO.admin));
  return email;
}

const statusSaying = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });

/**
 * The application's page passes WCAG AA checks at a width, and on a phone does
 * not scroll sideways (the list's are in accessibility.spec.ts). Each journey
 * checks one width, of the page in another state.
 */
async function expectAccessibleAt(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 800 });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  if (width < 500) expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

test.describe('the secretariat’s applications', () => {
  test.describe.configure({ timeout: 120_000 });

  test('an admin filters the pipeline, confirms eligibility, assigns two unconflicted reviewers with a due date and takes one off', async ({ page, signIn, lang, tr, mail }) => {
    const [app, admin] = await Promise.all([submittedApplication(`Console ${lang}`), newAdmin(mail, lang)]);
    const title = app.title[lang];
    await signIn(page, admin, PASSWORD);

    await page.goto('/admin/applications');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr({ en: 'Applications', ko: '신청서' }));
    await page.getByLabel(tr({ en: 'Applying city', ko: '신청 도시' })).selectOption({ label: tr({ en: 'Liverpool', ko: '리버풀' }) });
    await page.getByLabel(tr({ en: 'Status', ko: '상태' })).selectOption({ label: tr({ en: 'Submitted', ko: '제출 완료' }) });
    await page.getByLabel(tr({ en: 'Search titles and summaries', ko: '제목과 요약에서 검색' })).fill(title.split(' ').pop()!);
    // The search is asked for once typing pauses, and kept in the address with the other filters.
    await expect(page).toHaveURL(/[?&]q=\d/);
    await expect(page.getByText(tr({ en: '1 application', ko: '신청서 1건' }))).toBeVisible();
    const row = page.getByRole('article', { name: title });
    await expect(row).toContainText(tr({ en: 'The secretariat to confirm eligibility', ko: '사무국의 자격 확인을 기다리는 중' }));
    await expect(row).toContainText(tr({ en: 'Liverpool · Busan', ko: '리버풀 · 부산' }));
    await expect(row).toContainText(tr({ en: '£20,000 and ₩34,000,000', ko: '£20,000 및 ₩34,000,000' }));
    await row.getByRole('link', { name: title }).click();

    await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
    await page.getByRole('button', { name: tr({ en: 'Confirm eligibility', ko: '자격 확인' }) }).click();
    // It cannot be undone, so it is confirmed in a second step.
    await page.getByRole('group', { name: tr({ en: 'Confirm eligibility', ko: '자격 확인' }) }).getByRole('button', { name: tr({ en: 'Confirm it is eligible', ko: '자격 확인 완료하기' }) }).click();
    await expect(statusSaying(page, tr({ en: 'Eligibility confirmed.', ko: '자격을 확인했습니다.' }))).toBeVisible();

    // Priya Shah (University of Liverpool) is conflicted on a Liverpool application: shown why, and she cannot be chosen.
    const reviewers = page.getByRole('region', { name: tr({ en: 'Reviewers', ko: '심사위원' }) });
    const priya = reviewers.getByRole('row', { name: tr({ en: /Priya Shah/, ko: /프리야 샤/ }) });
    await expect(priya).toContainText(tr({ en: 'Conflicted: cannot review', ko: '이해충돌로 심사 불가' }));
    await expect(priya).toContainText(tr({ en: 'Affiliated with an organisation in Liverpool', ko: '리버풀' }));
    await expect(priya.getByRole('checkbox')).toBeDisabled();
    // Each member's open reviews, as the API counts them.
    const board = await gql<{ fund: { board: { members: Array<{ id: string; displayName: string; openReviews: number }> } } }>(
      `query($id: ID!) { fund(id: $id) { board { members { id displayName openReviews } } } }`,
      { id: app.fund.fundId },
      await tokenFor(DEMO.admin),
    );
    for (const member of board.fund.board.members) {
      await expect(reviewers.locator(`tr[data-member-id="${member.id}"] td`).last()).toHaveText(String(member.openReviews));
    }

    await reviewers.getByRole('checkbox', { name: tr({ en: 'Choose Oliver Hughes', ko: '올리버 휴스 위원 선택' }) }).check();
    await reviewers.getByRole('checkbox', { name: tr({ en: 'Choose Kim Ji-hyun', ko: '김지현 위원 선택' }) }).check();
    const due = reviewers.getByLabel(tr({ en: 'Due date', ko: '심사 마감일' }));
    const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await due.fill(day);
    await reviewers.getByRole('button', { name: tr({ en: 'Assign the chosen members', ko: '선택한 위원 배정' }) }).click();
    await expect(statusSaying(page, tr({ en: 'Reviewers assigned.', ko: '심사위원을 배정하고' }))).toBeVisible();
    await mail.waitFor(DEMO.boardUk2, new RegExp(`Please review “${app.title.en}”`));
    // The history says each step as the API words it, in the page's language.
    const history = page.getByRole('region', { name: tr({ en: 'History', ko: '처리 이력' }) });
    await expect(history).toContainText(tr({ en: 'Eligibility confirmed.', ko: '지원 자격을 확인했습니다.' }));
    await expect(history.getByRole('listitem').last()).toContainText(tr({ en: '2 reviewers assigned.', ko: '심사위원 2명을 배정했습니다.' }));

    const reviews = reviewers.getByRole('list', { name: tr({ en: 'Reviews', ko: '심사 현황' }) });
    await expect(reviews.getByRole('listitem')).toHaveCount(2);
    const kim = reviews.getByRole('listitem').filter({ hasText: tr({ en: 'Kim Ji-hyun', ko: '김지현' }) });
    await expect(kim).toContainText(tr({ en: 'Pending', ko: '작성 대기' }));
    // Due at 17:00 UK time on the chosen day, shown in both countries' zones.
    await expect(kim.locator('time').first()).toHaveAttribute('datetime', new RegExp(`^${day}T1[67]:00:00`));
    await expect(kim).toContainText(tr({ en: 'KST', ko: '(영국 시간)' }));

    await kim.getByRole('button', { name: tr({ en: 'Take Kim Ji-hyun off', ko: '김지현 위원 제외' }) }).click();
    await kim.getByRole('group').getByRole('button', { name: tr({ en: 'Take them off', ko: '제외하기' }) }).click();
    await expect(statusSaying(page, tr({ en: 'The reviewer has been taken off', ko: '심사위원을 이 신청서에서 제외했습니다.' }))).toBeVisible();
    await expect(reviews.getByRole('listitem')).toHaveCount(1);
    await expect(reviews).toContainText(tr({ en: 'Oliver Hughes', ko: '올리버 휴스' }));
    await expectAccessibleAt(page, 375);

    // Back on the pipeline, the filters are as they were.
    await page.goBack();
    await expect(page.getByLabel(tr({ en: 'Search titles and summaries', ko: '제목과 요약에서 검색' }))).toHaveValue(title.split(' ').pop()!);
    await expect(page.getByLabel(tr({ en: 'Status', ko: '상태' }))).toHaveValue('SUBMITTED');
    await expect(page.getByLabel(tr({ en: 'Applying city', ko: '신청 도시' }))).toHaveValue('liverpool');
    // It is under review now, so a submitted one it no longer is.
    await expect(page.getByText(tr({ en: 'No application matches these filters.', ko: '이 조건에 맞는 신청서가 없습니다.' }))).toBeVisible();
  });

  test('an accepted award goes into delivery, with what the fund committed in both currencies', async ({ page, signIn, lang, tr, mail }) => {
    const [app, admin] = await Promise.all([acceptedAward(`Award ${lang}`), newAdmin(mail, lang)]);
    await signIn(page, admin, PASSWORD);
    await page.goto(`/admin/applications?status=AWARD_ACCEPTED`);
    const row = page.getByRole('article', { name: app.title[lang] });
    await expect(row).toContainText(tr({ en: 'The secretariat to start delivery', ko: '사무국의 사업 수행 시작을 기다리는 중' }));
    // Narrowed to its project, named by its title.
    await row.getByRole('button', { name: tr({ en: 'Only this project’s applications', ko: '이 프로젝트의 신청서만 보기' }) }).click();
    await expect(page).toHaveURL(/[?&]project=[0-9a-f-]{36}/);
    await expect(page.getByText(tr({ en: 'Showing the applications of one project:', ko: '한 프로젝트의 신청서만 보는 중:' }))).toContainText(tr({ en: `Award ${lang} project`, ko: '시험 프로젝트' }));
    await expect(page.getByText(tr({ en: '1 application', ko: '신청서 1건' }))).toBeVisible();
    await row.getByRole('link', { name: app.title[lang] }).click();

    const award = page.getByRole('region', { name: tr({ en: 'Decision and award', ko: '결정과 지원금' }) });
    await expect(award).toContainText(tr({ en: 'Approved', ko: '승인' }));
    await expect(award.getByTestId('award-committed')).toHaveText(tr({ en: '£20,000 and ₩34,000,000', ko: '£20,000 및 ₩34,000,000' }));
    await expect(award.getByRole('link', { name: tr({ en: 'The public decision page', ko: '공개 결정 페이지' }) })).toHaveAttribute('href', /^\/decisions\/[0-9a-f-]{36}$/);
    await award.getByRole('button', { name: tr({ en: 'Start delivery', ko: '사업 수행 시작' }) }).click();
    await award.getByRole('group', { name: tr({ en: 'Start delivery', ko: '사업 수행 시작' }) }).getByRole('button', { name: tr({ en: 'Start delivery now', ko: '지금 사업 수행 시작' }) }).click();
    await expect(statusSaying(page, tr({ en: 'The award is now in delivery.', ko: '지원 사업 수행을 시작했습니다.' }))).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(tr({ en: 'In delivery', ko: '수행 중' }));
    await expect(award.getByRole('button', { name: tr({ en: 'Close the award', ko: '지원 종료' }) })).toBeVisible();
    await expectAccessibleAt(page, 1280);
  });
});
