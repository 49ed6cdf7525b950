import { DEMO, expect, test } from './fixtures';
import { gql, tokenFor } from './support/api';
import { applicationUnderReview } from './support/board-setup';

/**
 * A board member's own reviews across funds (/board/reviews): what is still
 * to write, when it is due, the way to the review form, and the submitted
 * ones; and the header's way to the board, shown only to board members.
 * In English the reviewer is Oliver Hughes (UK), in Korean 김지현 (Korea).
 */
test.describe('my reviews', () => {
  test.describe.configure({ timeout: 180_000 });

  test('a reviewer finds an assigned review with its due date, writes it, and then finds it among the submitted', async ({ page, signIn, lang, tr }) => {
    const reviewer = lang === 'en' ? DEMO.boardUk2 : DEMO.boardKr;
    const otherReviewer = lang === 'en' ? DEMO.boardKr : DEMO.boardUk2;
    const app = await applicationUnderReview(`Mine ${lang}`, [reviewer, otherReviewer]);
    const title = app.title[lang];
    const onRecord = await gql<{ myReviewAssignments: { nodes: Array<{ applicationId: string; dueAt: string }> } }>(
      `query { myReviewAssignments(filter: { pending: true }, first: 100) { nodes { applicationId dueAt } } }`,
      {},
      await tokenFor(reviewer),
    );
    const dueAt = onRecord.myReviewAssignments.nodes.find((r) => r.applicationId === app.applicationId)!.dueAt;

    await signIn(page, reviewer);
    // The header leads a board member to the board, whose page leads to their reviews with how many wait.
    await page.getByRole('navigation').getByRole('link', { name: tr({ en: 'Board', ko: '운영위원회' }) }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr({ en: 'Board', ko: '운영위원회' }));
    const link = page.getByTestId('my-reviews-link');
    await expect(link).toContainText(tr({ en: 'My reviews', ko: '내 심사' }));
    await expect(link).toContainText(tr({ en: 'to write', ko: '작성할 심사' }));
    await link.click();

    await expect(page).toHaveURL(/\/board\/reviews$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr({ en: 'My reviews', ko: '내 심사' }));
    await expect(page.getByRole('status').filter({ hasText: tr({ en: 'to write', ko: '작성할 심사' }) })).toBeVisible();
    const pending = page.getByRole('region', { name: tr({ en: 'To write', ko: '작성할 심사' }) });
    const row = pending.getByRole('listitem').filter({ hasText: title });
    await expect(row).toContainText(tr({ en: 'Call:', ko: '공모:' }));
    await expect(row).toContainText(tr({ en: 'Fund:', ko: '기금:' }));
    // The due date in the reader's zone, then in both countries' zones.
    const due = row.getByTestId('due');
    await expect(due).toContainText(tr({ en: 'Due', ko: '마감' }));
    await expect(due.locator('time').first()).toHaveAttribute('datetime', dueAt);
    await expect(due).toContainText(tr({ en: 'KST', ko: '(영국 시간)' }));
    await expect(row).not.toContainText(tr({ en: 'Overdue', ko: '마감 지남' }));

    // "Write the review" opens the application's board page with the review form.
    await row.getByRole('link', { name: tr({ en: 'Write the review', ko: '심사 작성하기' }) }).click();
    await expect(page).toHaveURL(new RegExp(`/board/applications/${app.applicationId}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    const scoreLabel = tr({ en: `Score (1 to ${app.fund.scoreScaleMax})`, ko: `점수(1~${app.fund.scoreScaleMax}점)` });
    for (const criterion of app.fund.criteria) {
      await page.getByRole('group', { name: new RegExp(criterion.title[lang]) }).getByLabel(scoreLabel).fill('4');
    }
    await page.getByRole('radio', { name: tr({ en: 'Fund with conditions', ko: '조건부 지원 권고' }) }).check();
    await page.getByRole('button', { name: tr({ en: 'Submit review', ko: '심사 제출' }) }).click();
    await expect(page.getByTestId('my-submitted-review')).toContainText(tr({ en: 'Your review is submitted.', ko: '심사를 제출했습니다.' }));

    // Back on my reviews: no longer to write; shown among the submitted ones with my recommendation.
    await page.goto('/board/reviews');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr({ en: 'My reviews', ko: '내 심사' }));
    await expect(page.getByRole('region', { name: tr({ en: 'To write', ko: '작성할 심사' }) })).toBeVisible();
    await expect(page.getByRole('region', { name: tr({ en: 'To write', ko: '작성할 심사' }) }).getByRole('listitem').filter({ hasText: title })).toHaveCount(0);
    await page.getByRole('radio', { name: tr({ en: 'All, with the submitted ones', ko: '제출한 심사까지 모두' }) }).check();
    await expect(page).toHaveURL(/\/board\/reviews\?show=all$/);
    const submitted = page.getByRole('region', { name: tr({ en: 'Submitted', ko: '제출한 심사' }) }).getByRole('listitem').filter({ hasText: title });
    await expect(submitted).toContainText(tr({ en: 'Your recommendation: Fund with conditions', ko: '내 권고: 조건부 지원 권고' }));
    await expect(submitted.getByRole('link', { name: tr({ en: 'Write the review', ko: '심사 작성하기' }) })).toHaveCount(0);
  });

  test('the header shows the board to a board member and not to a city officer, who is told the page is not for them', async ({ page, signIn, lang, tr }) => {
    // The pages follow each account's language: an officer and a member who read the run's language.
    const officer = lang === 'en' ? DEMO.liverpool : DEMO.busan;
    const member = lang === 'en' ? DEMO.boardUk : DEMO.boardKr2;
    const nav = page.getByRole('navigation');
    await signIn(page, officer);
    await page.goto('/');
    await expect(nav.getByRole('link', { name: tr({ en: 'Events', ko: '행사' }) })).toBeVisible();
    await expect(nav.getByRole('link', { name: tr({ en: 'Board', ko: '운영위원회' }) })).toHaveCount(0);
    await page.goto('/board/reviews');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr({ en: 'My reviews', ko: '내 심사' }));
    await expect(page.getByText(tr({ en: 'You do not sit on a fund’s board', ko: '기금 운영위원회 위원이 아니어서' }))).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);

    await page.getByRole('button', { name: tr({ en: 'Sign out', ko: '로그아웃' }) }).click();
    await expect(page.getByRole('link', { name: tr({ en: 'Sign in', ko: '로그인' }) }).first()).toBeVisible();
    await signIn(page, member);
    await page.goto('/');
    await expect(nav.getByRole('link', { name: tr({ en: 'Board', ko: '운영위원회' }) })).toBeVisible();
  });
});
