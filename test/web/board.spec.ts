import type { Page } from '@playwright/test';
import { DEMO, expect, test, type Lang } from './fixtures';
import { applicationUnderReview, castVoteApi, decisionsOf, meetingWith, reviewsOnRecord, submitReviewApi } from './support/board-setup';

/**
 * The board's journey: reviewing an assigned application, conflicts of
 * interest, a meeting's votes and quorum, and the decision, which is
 * recorded once, never rewritten, and public.
 *
 * In English the reviewer and voter is Oliver Hughes (UK); in Korean 김지현
 * (Korea). Priya Shah (UK) sits for the University of Liverpool, so she is
 * conflicted on every Liverpool application; 정하늘 declares a conflict in
 * the Korean run.
 */


async function signOut(page: Page, lang: Lang): Promise<void> {
  await page.getByRole('button', { name: lang === 'ko' ? '로그아웃' : 'Sign out' }).click();
  await expect(page.getByRole('link', { name: lang === 'ko' ? '로그인' : 'Sign in' }).first()).toBeVisible();
}

test.describe('board', () => {
  // Long journeys through several pages and accounts (sign-ins hash passwords): more time than a single page needs.
  test.describe.configure({ timeout: 180_000 });

  test('a reviewer scores an assigned application; a conflicted member cannot review it', async ({ page, signIn, lang, tr }) => {
    const reviewer = lang === 'en' ? DEMO.boardUk2 : DEMO.boardKr;
    const otherReviewer = lang === 'en' ? DEMO.boardKr : DEMO.boardUk2;
    const app = await applicationUnderReview(`Review ${lang}`, [reviewer, otherReviewer]);
    const title = app.title[lang];

    // The account page lists what I must review, and when.
    await signIn(page, reviewer);
    await page.goto('/me');
    const panel = page.getByRole('region', { name: tr({ en: 'Your board work', ko: '운영위원회 업무' }) });
    const row = panel.getByRole('listitem').filter({ hasText: title });
    // Due on the review's own date, as /board/reviews and the count of overdue reviews say.
    await expect(row.getByTestId('due')).toContainText(tr({ en: 'Due', ko: '마감' }));
    await expect(row.getByTestId('due')).not.toContainText(tr({ en: 'Overdue', ko: '마감 지남' }));
    await panel.getByRole('link', { name: tr({ en: 'Go to the board area', ko: '운영위원회 화면으로 가기' }) }).click();

    // The board area lists it too; the application opens with its content.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr({ en: 'Board', ko: '운영위원회' }));
    await page.getByRole('region', { name: tr({ en: 'Applications assigned to you', ko: '나에게 배정된 신청서' }) }).getByRole('link', { name: title }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByText(tr({ en: 'A feasibility study of sensors on both ports’ quays.', ko: '두 항만 부두에 센서를 설치하는 타당성 검토입니다.' }))).toBeVisible();
    // Priya Shah's automatic conflict is listed for the board, her name as the page's language writes it.
    await expect(page.getByTestId('conflicts')).toContainText(tr({ en: 'Priya Shah', ko: '프리야 샤' }));

    // The review form: every criterion of the call with its weight, scored on the call's scale.
    const submit = page.getByRole('button', { name: tr({ en: 'Submit review', ko: '심사 제출' }) });
    await expect(submit).toBeVisible();
    const scoreLabel = tr({ en: `Score (1 to ${app.fund.scoreScaleMax})`, ko: `점수(1~${app.fund.scoreScaleMax}점)` });
    const [first, second, third] = app.fund.criteria;
    const group = (criterion: (typeof app.fund.criteria)[number]) => page.getByRole('group', { name: new RegExp(criterion.title[lang]) });
    await expect(group(first)).toContainText(tr({ en: `Weight ${first.weight}%`, ko: `가중치 ${first.weight}%` }));

    // A score outside the scale is caught as you leave the field, in the page's language.
    await group(first).getByLabel(scoreLabel).fill(String(app.fund.scoreScaleMax + 2));
    await group(first).getByLabel(scoreLabel).blur();
    await expect(group(first).getByText(tr({ en: `Give a whole number from 1 to ${app.fund.scoreScaleMax}.`, ko: `1에서 ${app.fund.scoreScaleMax} 사이의 정수를 입력해 주세요.` }))).toBeVisible();
    await group(first).getByLabel(scoreLabel).fill('4');
    await group(second).getByLabel(scoreLabel).fill('5');
    await group(third).getByLabel(scoreLabel).fill('3');
    await group(second).getByRole('textbox').fill(tr({ en: 'Both councils committed staff.', ko: '양 시 모두 전담 인력을 배정했습니다.' }));
    await page.getByRole('radio', { name: tr({ en: 'Fund with conditions', ko: '조건부 지원 권고' }) }).check();
    await expect(page.getByText(tr({ en: 'Your weighted score so far: 4 out of 5', ko: '지금까지의 내 가중 점수: 5점 만점에 4점' }))).toBeVisible();

    // The draft survives a reload.
    await page.reload();
    await expect(group(second).getByLabel(scoreLabel)).toHaveValue('5');
    await expect(page.getByRole('radio', { name: tr({ en: 'Fund with conditions', ko: '조건부 지원 권고' }) })).toBeChecked();

    await submit.click();
    await expect(page.getByTestId('my-submitted-review')).toContainText(tr({ en: 'Your review is submitted.', ko: '심사를 제출했습니다.' }));
    await expect(submit).toHaveCount(0);

    // The reviews section tells one story: the count above is the list below, and each review says whose it is.
    const reviewsSection = page.getByRole('region', { name: tr({ en: 'Reviews', ko: '심사' }), exact: true });
    await expect(reviewsSection.getByTestId('review-aggregate')).toContainText(tr({ en: '1 of 2 reviews submitted · Mean weighted score: 4 out of 5', ko: '필요한 심사 2건 중 1건 제출 · 심사 점수 평균: 5점 만점에 4점' }));
    await expect(reviewsSection.getByTestId('review')).toHaveCount(1);
    await expect(reviewsSection.getByTestId('review').getByRole('heading')).toHaveText(tr({ en: 'Your review', ko: '내 심사' }));
    await expect(reviewsSection).not.toContainText(tr({ en: 'No reviews have been submitted yet.', ko: '아직 제출된 심사가 없습니다.' }));
    // The other reviewer's comes in: named by its reviewer, never “your”, with its own score beside the mean they make together.
    await submitReviewApi(otherReviewer, app, 5, 'FUND');
    await page.reload();
    await expect(reviewsSection.getByTestId('review-aggregate')).toContainText(tr({ en: '2 of 2 reviews submitted · Mean weighted score: 4.5 out of 5', ko: '필요한 심사 2건 중 2건 제출 · 심사 점수 평균: 5점 만점에 4.5점' }));
    const otherName = lang === 'en' ? 'Kim Ji-hyun' : '올리버 휴스';
    const theirs = reviewsSection.getByTestId('review').filter({ has: page.getByRole('heading', { name: tr({ en: `Review by ${otherName}`, ko: `${otherName} 위원의 심사` }) }) });
    await expect(theirs).toContainText(tr({ en: 'Weighted score: 5 out of 5', ko: '가중 점수: 5점 만점에 5점' }));
    await expect(theirs).toContainText(tr({ en: 'Recommendation: Fund', ko: '권고 의견: 지원 권고' }));
    await expect(theirs).not.toContainText(tr({ en: 'Your recommendation', ko: '내 권고' }));
    await expect(reviewsSection.getByTestId('review')).toHaveCount(2);
    const seat = app.fund.seats[reviewer].memberId;
    const recorded = (await reviewsOnRecord(app.applicationId)).reviews.find((r) => r.memberId === seat);
    expect(recorded?.submittedAt).toBeTruthy();
    expect(recorded?.recommendation).toBe('FUND_WITH_CONDITIONS');
    expect(Object.fromEntries(recorded!.scores.map((s) => [s.criterionKey, s.score]))).toEqual({ [first.key]: 4, [second.key]: 5, [third.key]: 3 });

    // A conflicted member: the page says why, and there is no review form.
    await signOut(page, lang);
    if (lang === 'en') {
      await signIn(page, DEMO.boardUk);
      await page.goto(`/board/applications/${app.applicationId}`);
      const conflict = page.getByTestId('my-conflict');
      await expect(conflict.getByRole('heading')).toHaveText('You have a conflict of interest');
      await expect(conflict).toContainText('You are affiliated with an organisation in Liverpool.');
      await expect(conflict).toContainText('You will not review it, read its reviews or vote on it.');
    } else {
      // 정하늘 is not conflicted until she declares it.
      await signIn(page, DEMO.boardKr2);
      await page.goto(`/board/applications/${app.applicationId}`);
      await expect(page.getByText('이 신청서의 심사위원으로 배정되지 않았습니다. 이해충돌 신고는 할 수 있습니다.')).toBeVisible();
      await page.getByText('이해충돌 신고', { exact: true }).click();
      const declare = page.getByRole('button', { name: '이해충돌 신고하기' });
      await declare.click();
      await expect(page.getByText('이해관계의 내용을 적어 주세요.')).toBeVisible();
      const reason = `부산 소재 협력 기관 자문 ${Date.now()}`;
      await page.getByLabel('어떤 이해관계가 있습니까?').fill(reason);
      await declare.click();
      const conflict = page.getByTestId('my-conflict');
      await expect(conflict.getByRole('heading')).toHaveText('이 신청서에 이해충돌이 있습니다');
      await expect(conflict).toContainText(`신고 사유: ${reason}`);
      await expect(declare).toHaveCount(0);
      const onRecord = await reviewsOnRecord(app.applicationId);
      expect(onRecord.conflicts.find((c) => c.member.id === app.fund.seats[DEMO.boardKr2].memberId)?.declaredReason).toBe(reason);
    }
    await expect(page.getByRole('button', { name: tr({ en: 'Submit review', ko: '심사 제출' }) })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: tr({ en: 'Your review', ko: '내 심사' }) })).toHaveCount(0);
  });

  test('the board votes to a quorum and records a decision once; the public record shows it in the reader’s language', async ({ page, signIn, lang, tr, browser, baseURL }) => {
    const member = lang === 'en' ? DEMO.boardUk2 : DEMO.boardKr;
    const otherMember = lang === 'en' ? DEMO.boardKr : DEMO.boardUk2;
    const app = await applicationUnderReview(`Decision ${lang}`, [member, otherMember]);
    await submitReviewApi(member, app, 4, 'FUND');
    await submitReviewApi(otherMember, app, 5, 'FUND');
    const meetingTitle = { en: `Board meeting ${lang} ${Date.now()}`, ko: `운영위원회 회의 ${Date.now()}` };
    const meetingId = await meetingWith(app, meetingTitle);

    await signIn(page, member);
    await page.goto('/board');
    await page.getByRole('region', { name: tr({ en: 'Meetings', ko: '회의' }) }).getByRole('link', { name: meetingTitle[lang] }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(meetingTitle[lang]);
    // Bilingual meetings: the start in the viewer's zone and in the other country's.
    await expect(page.getByTestId('meeting-when')).toContainText(tr({ en: 'KST', ko: '(영국 시간)' }));

    const item = page.getByTestId('agenda-item').filter({ hasText: app.title[lang] });
    await expect(item.getByTestId('review-aggregate')).toContainText(tr({ en: '2 of 2 reviews submitted', ko: '필요한 심사 2건 중 2건 제출' }));
    await expect(item.getByTestId('item-conflicts')).toContainText(tr({ en: 'Priya Shah', ko: '프리야 샤' }));
    await expect(item.getByTestId('item-conflicts')).toContainText(tr({ en: 'cannot vote', ko: '표결 불가' }));
    const quorum = item.getByTestId('quorum');
    await expect(quorum).toHaveAttribute('data-met', 'false');
    // The API explains the quorum in the page's language: what is missing, country by country.
    await expect(quorum).toContainText(
      tr({
        en: 'No quorum yet: 0 of 3 eligible members voted; 2 needed. 2 more members must vote, including 1 from the United Kingdom and 1 from the Republic of Korea.',
        ko: '아직 의결정족수에 미달합니다: 표결할 수 있는 위원 3명 중 0명이 투표했고, 2명이 투표해야 합니다. 위원 2명이 더 투표해야 하며, 그중 영국 위원이 1명 이상, 대한민국 위원이 1명 이상이어야 합니다.',
      }),
    );

    // Before the quorum there is no decision form: the item says what the decision waits for.
    await expect(item.getByTestId('decision-waits')).toContainText(tr({ en: 'There is no quorum yet: see above who still needs to vote.', ko: '아직 의결정족수에 미달합니다.' }));
    await expect(item.getByRole('button', { name: tr({ en: 'Check the decision', ko: '결정 내용 확인' }) })).toHaveCount(0);

    // My vote; the quorum still lacks the other country.
    await item.getByRole('button', { name: tr({ en: 'For', ko: '찬성' }), exact: true }).click();
    await expect(item.getByRole('status').filter({ hasText: tr({ en: 'Your vote is recorded: For.', ko: '투표가 기록되었습니다: 찬성.' }) })).toBeVisible();
    await expect(quorum).toContainText(tr({ en: '1 of 3 eligible members voted', ko: '표결할 수 있는 위원 3명 중 1명이 투표했고' }));
    await expect(quorum).toContainText(tr({ en: '1 more member from the Republic of Korea must vote.', ko: '영국 위원 1명이 더 투표해야 합니다.' }));
    await expect(item.getByRole('button', { name: tr({ en: 'For', ko: '찬성' }), exact: true })).toHaveAttribute('aria-pressed', 'true');

    // A member from the other country votes too: the quorum is met.
    await castVoteApi(otherMember, meetingId, app, 'FOR');
    await page.reload();
    await expect(quorum).toHaveAttribute('data-met', 'true');
    await expect(quorum).toContainText(
      tr({ en: 'Quorum met: 2 of 3 eligible members voted, including members from every contributing country.', ko: '의결정족수를 채웠습니다: 표결할 수 있는 위원 3명 중 2명이 투표했고, 모든 참여국의 위원이 투표했습니다.' }),
    );
    await expect(item.getByTestId('decision-waits')).toHaveCount(0);
    await expect(item.getByTestId('votes')).toContainText(tr({ en: 'For', ko: '찬성' }));

    if (lang === 'en') {
      // Priya, conflicted on it, has the meeting open meanwhile: nothing tells her how the vote stands.
      const priya = await browser.newContext({ baseURL, locale: 'en-GB', timezoneId: 'Europe/London' });
      const priyaPage = await priya.newPage();
      await signIn(priyaPage, DEMO.boardUk);
      await priyaPage.goto(`/board/meetings/${meetingId}`);
      const hers = priyaPage.getByTestId('agenda-item').filter({ hasText: app.title.en });
      await expect(hers.getByTestId('quorum-hidden')).toHaveText('The quorum is not shown to members with a conflict of interest: it would tell how many members have voted.');
      await expect(hers.getByTestId('quorum')).toHaveCount(0);
      await expect(hers).not.toContainText(/\d+ of \d+ eligible members/);
      await expect(hers).toContainText('Votes are not shown to members with a conflict of interest.');
      await priya.close();
    }

    // Another tab (another member's screen, say) has the meeting open with the decision form, before the decision.
    const stale = await page.context().newPage();
    await stale.goto(`/board/meetings/${meetingId}`);
    await expect(stale.getByRole('button', { name: tr({ en: 'Check the decision', ko: '결정 내용 확인' }) })).toBeVisible();

    // Recording the decision: validated, then confirmed, then permanent.
    const check = item.getByRole('button', { name: tr({ en: 'Check the decision', ko: '결정 내용 확인' }) });
    await check.click();
    await expect(item.getByText(tr({ en: 'Give the rationale in this language: it is published in both.', ko: '이 언어로 결정 사유를 입력해 주세요. 사유는 두 언어로 모두 공개됩니다.' })).first()).toBeVisible();
    await item.getByRole('radio', { name: tr({ en: 'Approved with conditions', ko: '조건부 승인' }) }).check();
    const conditions = { en: `Publish the quay sensor data openly (${lang}).`, ko: `부두 센서 데이터를 공개할 것(${lang === 'ko' ? '한국어' : '영어'} 실행).` };
    await item.getByLabel(tr({ en: 'Conditions in English', ko: '영어 조건' })).fill(conditions.en);
    await item.getByLabel(tr({ en: 'Conditions in Korean', ko: '한국어 조건' })).fill(conditions.ko);
    await item.getByLabel(tr({ en: 'Award in GBP', ko: '지원 금액(GBP)' })).fill('10000.00');
    await item.getByLabel(tr({ en: 'Award in KRW', ko: '지원 금액(KRW)' })).fill('17000000');
    const rationale = { en: `A strong partnership with a clear route to business as usual (${lang}).`, ko: `상시 운영으로 가는 경로가 분명하고 파트너십이 견고합니다(${lang === 'ko' ? '한국어' : '영어'} 실행).` };
    await item.getByLabel(tr({ en: 'Rationale in English', ko: '영어 결정 사유' })).fill(rationale.en);
    await item.getByLabel(tr({ en: 'Rationale in Korean', ko: '한국어 결정 사유' })).fill(rationale.ko);
    await check.click();
    const confirm = item.getByTestId('decision-confirm');
    await expect(confirm.getByRole('heading')).toHaveText(tr({ en: 'Record this decision permanently?', ko: '이 결정을 확정해서 기록하시겠습니까?' }));
    await expect(confirm).toContainText(tr({ en: 'A recorded decision can never be edited or deleted.', ko: '기록된 결정은 수정하거나 삭제할 수 없습니다.' }));
    // Two awards, one per side: joined by “and”, never “+”.
    await expect(confirm).toContainText(tr({ en: '£10,000 and ₩17,000,000', ko: '£10,000 및 ₩17,000,000' }));
    await confirm.getByRole('button', { name: tr({ en: 'Record the decision', ko: '결정 기록하기' }) }).click();

    const record = item.getByTestId('decision-record');
    await expect(record.getByRole('heading')).toHaveText(tr({ en: 'Decision recorded', ko: '결정이 기록되었습니다' }));
    await expect(record).toContainText(tr({ en: 'Approved with conditions', ko: '조건부 승인' }));
    await expect(record).toContainText(tr({ en: '£10,000 and ₩17,000,000', ko: '£10,000 및 ₩17,000,000' }));
    await expect(record).toContainText(tr({ en: '2 for · 0 against · 0 abstaining, of 3 eligible members', ko: '찬성 2 · 반대 0 · 기권 0 (표결 가능 위원 3명)' }));
    await expect(record).toContainText(rationale.en);
    await expect(record).toContainText(rationale.ko);
    await expect(item.getByRole('button', { name: tr({ en: 'Check the decision', ko: '결정 내용 확인' }) })).toHaveCount(0);
    await expect(item.getByRole('button', { name: tr({ en: 'For', ko: '찬성' }), exact: true })).toHaveCount(0);

    const decisions = await decisionsOf(app.applicationId);
    expect(decisions).toHaveLength(1);
    expect(decisions[0].outcome).toBe('APPROVED_WITH_CONDITIONS');
    expect(Object.fromEntries(decisions[0].amounts.map((a) => [a.currency, a.amountMinor]))).toEqual({ GBP: '1000000', KRW: '17000000' });
    expect(decisions[0].rationale).toEqual(rationale);

    // The other tab tries to record a second decision on the same item: the API refuses, and the page says why.
    const staleItem = stale.getByTestId('agenda-item').filter({ hasText: app.title[lang] });
    await staleItem.getByRole('radio', { name: tr({ en: 'Deferred', ko: '보류' }) }).check();
    await staleItem.getByLabel(tr({ en: 'Rationale in English', ko: '영어 결정 사유' })).fill('Second thoughts.');
    await staleItem.getByLabel(tr({ en: 'Rationale in Korean', ko: '한국어 결정 사유' })).fill('재검토 의견.');
    await staleItem.getByRole('button', { name: tr({ en: 'Check the decision', ko: '결정 내용 확인' }) }).click();
    await staleItem.getByRole('button', { name: tr({ en: 'Record the decision', ko: '결정 기록하기' }) }).click();
    const refusal = staleItem.getByRole('alert');
    await expect(refusal).toHaveAttribute('data-reason', 'DECIDED');
    await expect(refusal).toContainText(
      tr({
        en: 'The board’s decision on this item has already been recorded at this meeting, and a decision can never be rewritten.',
        ko: '이 안건에 대한 결정은 이미 이번 회의에서 기록되었으며, 기록된 결정은 수정할 수 없습니다.',
      }),
    );
    await stale.close();
    expect(await decisionsOf(app.applicationId)).toHaveLength(1);

    // The public record, in the reader's language.
    await record.getByRole('link', { name: tr({ en: 'Public decision record', ko: '공개 결정문 보기' }) }).click();
    await expect(page).toHaveURL(new RegExp(`/decisions/${decisions[0].id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(app.title[lang]);
    await expect(page.getByTestId('decision-outcome')).toHaveText(tr({ en: 'Approved with conditions', ko: '조건부 승인' }));
    await expect(page.getByTestId('decision-award')).toHaveText(tr({ en: '£10,000 and ₩17,000,000', ko: '£10,000 및 ₩17,000,000' }));
    // The conditions are part of the public record, in the reader's language.
    await expect(page.getByTestId('decision-conditions')).toContainText(tr({ en: 'Conditions', ko: '지원 조건' }));
    await expect(page.getByTestId('decision-conditions')).toContainText(conditions[lang]);
    await expect(page.getByText(rationale[lang])).toBeVisible();
    await expect(page.getByText(rationale[lang === 'en' ? 'ko' : 'en'])).toHaveCount(0);
    await expect(page.getByRole('term').filter({ hasText: tr({ en: 'Decided', ko: '결정일' }) })).toBeVisible();

    // It is public: signed out, the same record still reads.
    await signOut(page, lang);
    await page.goto(`/decisions/${decisions[0].id}`);
    await expect(page.getByTestId('decision-outcome')).toHaveText(tr({ en: 'Approved with conditions', ko: '조건부 승인' }));
    await expect(page.getByTestId('decision-conditions')).toContainText(conditions[lang]);
    await expect(page.getByText(rationale[lang])).toBeVisible();
  });

  test('an unknown decision record says there is none', async ({ page, tr }) => {
    await page.goto('/decisions/00000000-0000-4000-8000-000000000000');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr({ en: 'Board decision', ko: '운영위원회 결정' }));
    await expect(page.getByText(tr({ en: 'There is no decision with this address.', ko: '해당 주소의 결정이 없습니다.' }))).toBeVisible();
  });
});
