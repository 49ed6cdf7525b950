import { DEMO, expect, showIn, test } from './fixtures';
import { fillBoth, localDay } from './support/forms';
import { createConfirmedAccount, restoreLanguage } from './support/api';
import { applicationUnderReview, meetingWith } from './support/board-setup';

/**
 * The secretariat's console for the seed fund (/admin/funds): an admin
 * creates a fund, records each government's contribution in its own currency
 * and sees the ledger reconcile in both, is refused a return larger than what
 * is available and makes one that fits, opens a call (its times shown in both
 * countries' zones, with the applicants' preview), appoints a member and ends
 * the seat, and calls a meeting. The demo admin reads English: in the Korean
 * run the header's switch turns the console Korean.
 */

test.describe('the seed fund in the console', () => {
  test.describe.configure({ timeout: 120_000 });
  // The Korean run switches the demo admin's account to Korean: give it back its English for the tests that follow on this platform.
  test.afterEach(async ({ lang }) => {
    if (lang === 'ko') await restoreLanguage(DEMO.admin);
  });

  test('an admin creates a fund, records both contributions and a return, opens a call, appoints and ends a seat, and calls a meeting', async ({ page, signIn, lang, tr, mail }) => {
    const stamp = String(Date.now());
    const fundName = { en: `Test fund ${stamp}`, ko: `시험 기금 ${stamp}` };
    const seated = tr({ en: `Seat ${stamp}`, ko: `위원 ${stamp}` });
    await createConfirmedAccount(mail, { displayName: seated, preferredLanguage: lang, password: 'a long enough password' });

    await signIn(page, DEMO.admin);
    await showIn(page, lang);
    await page.goto('/admin/funds');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr({ en: 'Seed fund', ko: '시드 기금' }));

    // Create the fund: its page opens, named in the reader's language.
    const create = page.getByRole('region', { name: tr({ en: 'Create a fund', ko: '기금 만들기' }) });
    await fillBoth(create, { en: 'Name', ko: '이름' }, lang, fundName);
    await create.getByRole('button', { name: tr({ en: 'Create the fund', ko: '기금 만들기' }) }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fundName[lang]);
    const fundUrl = page.url();

    // Each government's contribution, in its own currency, confirmed first.
    const record = page.getByRole('region', { name: tr({ en: 'Record a contribution', ko: '출연금 기록' }) });
    const recordMoney = async (country: string, amount: string) => {
      await record.getByLabel(tr({ en: 'Paying government', ko: '납입한 정부' })).selectOption(country);
      await record.getByLabel(new RegExp(tr({ en: '^Amount', ko: '^금액' }))).fill(amount);
      await record.getByRole('button', { name: tr({ en: 'Record the contribution', ko: '출연금 기록하기' }) }).click();
      await record.getByRole('button', { name: tr({ en: 'Yes, record it', ko: '네, 기록합니다' }) }).click();
      await expect(record.getByRole('status')).toHaveText(tr({ en: 'The contribution is recorded.', ko: '출연금을 기록했습니다.' }));
    };
    await recordMoney('GB', '500,000.00');
    await recordMoney('KR', '850,000,000');

    const balances = page.getByRole('table', { name: tr({ en: 'What the fund holds in each currency', ko: '통화별 기금 보유액' }) });
    const row = (currency: string) => balances.getByRole('row').filter({ has: page.getByRole('rowheader', { name: currency }) });
    await expect(row('GBP').getByTestId('available-GBP')).toHaveText('£500,000');
    await expect(row('KRW').getByTestId('available-KRW')).toContainText('850,000,000');
    for (const currency of ['GBP', 'KRW']) await expect(row(currency)).toContainText(tr({ en: 'Reconciles', ko: '일치' }));

    // A return larger than what is available is refused, in words; one that fits is recorded.
    const giveBack = page.getByRole('region', { name: tr({ en: 'Return a contribution', ko: '출연금 반환' }) });
    const returnMoney = async (amount: string) => {
      await giveBack.getByLabel(new RegExp(tr({ en: '^Amount', ko: '^금액' }))).fill(amount);
      await giveBack.getByRole('button', { name: tr({ en: 'Return the money', ko: '반환 기록하기' }) }).click();
      await giveBack.getByRole('button', { name: tr({ en: 'Yes, return it', ko: '네, 반환합니다' }) }).click();
    };
    await returnMoney('600,000');
    await expect(giveBack.getByRole('alert')).toContainText(tr({ en: 'Not enough is available in that currency', ko: '가용 잔액이 부족합니다' }));
    await returnMoney('100,000');
    await expect(giveBack.getByRole('status')).toHaveText(tr({ en: 'The return is recorded.', ko: '반환을 기록했습니다.' }));
    await expect(row('GBP').getByTestId('available-GBP')).toHaveText('£400,000');
    await expect(row('GBP')).toContainText(tr({ en: 'Reconciles', ko: '일치' }));
    const ledger = page.getByRole('table', { name: tr({ en: 'Every movement of the fund’s money, newest first', ko: '기금 자금의 모든 입출 내역(최신순)' }) });
    await expect(ledger.getByRole('row').nth(1)).toContainText(tr({ en: 'Return', ko: '반환' }));
    await expect(ledger.getByRole('row')).toHaveCount(4);

    // Open a call: its times in both countries' zones, and what applicants will see.
    const fundNav = page.getByRole('navigation', { name: tr({ en: 'This fund’s pages', ko: '이 기금의 메뉴' }) });
    await fundNav.getByRole('link', { name: tr({ en: 'Calls', ko: '공모' }) }).click();
    await page.getByRole('link', { name: tr({ en: 'Open a call', ko: '공모 열기' }) }).click();
    const callTitle = { en: `Call ${stamp}`, ko: `공모 ${stamp}` };
    await fillBoth(page, { en: 'Title', ko: '제목' }, lang, callTitle);
    await fillBoth(page, { en: 'Guidance for applicants', ko: '신청 안내' }, lang, { en: 'Apply together.', ko: '함께 신청하세요.' });
    await page.getByLabel(tr({ en: 'Opens', ko: '접수 시작' }), { exact: true }).fill(localDay(1));
    await page.getByLabel(tr({ en: 'Closes', ko: '마감' }), { exact: true }).fill(localDay(30));
    await expect(page.getByText(tr({ en: 'In both countries’ zones:', ko: '양국 시간대로 보면:' }))).toBeVisible();
    await page.getByLabel(tr({ en: 'Largest award (GBP)', ko: '최대 지원금(GBP)' })).fill('20,000');
    await page.getByLabel(tr({ en: 'Largest award (KRW)', ko: '최대 지원금(KRW)' })).fill('34,000,000');
    await fillBoth(page, { en: 'Criterion 1: title', ko: '기준 1: 제목' }, lang, { en: 'Impact', ko: '영향' });
    const preview = page.getByRole('region', { name: tr({ en: 'What applicants will see', ko: '신청자에게 보이는 모습' }) });
    await expect(preview.getByRole('heading', { name: callTitle[lang] })).toBeVisible();
    // Two separate maxima, one per side: joined by “and”, whole pounds without pence.
    await expect(preview).toContainText(tr({ en: '£20,000 and ₩34,000,000', ko: '£20,000 및 ₩34,000,000' }));
    await expect(preview).toContainText(tr({ en: 'KST', ko: '(한국 시간)' }));
    await page.getByRole('button', { name: tr({ en: 'Open the call', ko: '공모 열기' }) }).click();
    const calls = page.getByRole('list', { name: tr({ en: 'Calls', ko: '공모' }) });
    await expect(calls.getByRole('listitem').filter({ hasText: callTitle[lang] })).toContainText(tr({ en: 'Not open yet', ko: '접수 전' }));
    // Until it opens, its rules may still be corrected.
    await calls.getByRole('link', { name: tr({ en: `Edit the call: ${callTitle.en}`, ko: `공모 수정: ${callTitle.ko}` }) }).click();
    const reviews = page.getByLabel(tr({ en: 'Reviews needed before a decision', ko: '결정 전에 필요한 심사 수' }));
    await reviews.fill('3');
    await page.getByRole('button', { name: tr({ en: 'Save the call', ko: '공모 저장' }) }).click();
    await expect(page.getByRole('status').filter({ hasText: tr({ en: 'The call is saved.', ko: '공모를 저장했습니다.' }) })).toBeVisible();
    await expect(reviews).toHaveValue('3');

    // Appoint a member found by name, for Korea; then end the seat, with a reason, once confirmed.
    await fundNav.getByRole('link', { name: tr({ en: 'Board', ko: '운영위원회' }) }).click();
    await page.getByLabel(tr({ en: 'Find a person by name or email', ko: '이름이나 이메일로 사람 찾기' })).fill(seated);
    await page.getByRole('radio', { name: new RegExp(seated) }).check();
    await page.getByLabel(tr({ en: 'Seat for', ko: '대표 국가' })).selectOption('KR');
    await page.getByRole('button', { name: tr({ en: 'Appoint to the board', ko: '위원으로 임명' }) }).click();
    await expect(page.getByRole('status').filter({ hasText: seated })).toBeVisible();
    const korea = page.getByRole('region', { name: tr({ en: 'Members for the Republic of Korea', ko: '대한민국 측 위원' }) });
    await expect(korea.getByRole('article', { name: seated })).toBeVisible();
    const endLabel = tr({ en: `End the seat of ${seated}`, ko: `${seated} 위원의 임기 종료` });
    await korea.getByRole('button', { name: endLabel }).click();
    const confirmEnd = page.getByRole('group', { name: endLabel });
    await confirmEnd.getByLabel(tr({ en: 'Why the seat ends', ko: '임기를 끝내는 사유' })).fill('Moved to another post.');
    await confirmEnd.getByRole('button', { name: tr({ en: 'Yes, end the seat', ko: '네, 임기를 끝냅니다' }) }).click();
    await expect(page.getByRole('status').filter({ hasText: tr({ en: 'The seat has ended.', ko: '임기를 끝냈습니다.' }) })).toBeVisible();
    await expect(korea.getByRole('article', { name: seated })).toHaveCount(0);
    await expect(page.getByRole('region', { name: tr({ en: 'Past members', ko: '전임 위원' }) }).getByRole('article', { name: seated })).toBeVisible();

    // Call a meeting: it is listed, linking to the board's meeting page.
    await fundNav.getByRole('link', { name: tr({ en: 'Meetings', ko: '회의' }) }).click();
    const meetingTitle = { en: `Meeting ${stamp}`, ko: `회의 ${stamp}` };
    await fillBoth(page, { en: 'Title', ko: '제목' }, lang, meetingTitle);
    await page.getByLabel(tr({ en: 'Starts', ko: '시작 시각' }), { exact: true }).fill(localDay(7));
    await page.getByRole('button', { name: tr({ en: 'Create the meeting', ko: '회의 만들기' }) }).click();
    await expect(page.getByRole('status').filter({ hasText: tr({ en: 'The meeting is created.', ko: '회의를 만들었습니다.' }) })).toBeVisible();
    await expect(page.getByTestId('meetings').getByRole('link', { name: meetingTitle[lang] })).toHaveAttribute('href', /^\/board\/meetings\//);

    // The audit log, filtered by action: both contributions, each said in the page's language.
    await fundNav.getByRole('link', { name: tr({ en: 'Audit log', ko: '감사 기록' }) }).click();
    const log = page.getByRole('list', { name: tr({ en: 'Audit log', ko: '감사 기록' }) });
    await page.getByLabel(tr({ en: 'Action', ko: '작업' })).selectOption('ledger.contributed');
    await expect(log.getByRole('listitem')).toHaveCount(2);
    await expect(log).toContainText(tr({ en: 'Recorded a contribution of £500,000 from the United Kingdom.', ko: '영국의 출연금 납입을 기록했습니다: £500,000.' }));
    expect(page.url()).toBe(`${fundUrl}/audit`);
    // Each says who acted and what on, as the page's language writes them: the admin, and the fund by its name.
    const admin = tr({ en: 'Alex Admin', ko: '알렉스 애드민' });
    for (const entry of await log.getByRole('listitem').all()) {
      await expect(entry.getByRole('definition').filter({ hasText: admin })).toHaveCount(1);
      await expect(entry).toContainText(tr({ en: `The fund “${fundName.en}”`, ko: `기금 “${fundName.ko}”` }));
    }
    // The meeting it called links to the meeting's page, by its title.
    await page.getByLabel(tr({ en: 'Action', ko: '작업' })).selectOption('meeting.created');
    await expect(log.getByRole('link', { name: tr({ en: `The meeting “${meetingTitle.en}”`, ko: `회의 “${meetingTitle.ko}”` }) })).toHaveAttribute('href', /^\/board\/meetings\//);
    // The seat that ended: what happened in the page's language, and the admin's reason as they typed it.
    await page.getByLabel(tr({ en: 'Action', ko: '작업' })).selectOption('board.member-ended');
    await expect(log.getByRole('listitem')).toHaveCount(1);
    await expect(log).toContainText(tr({ en: `Ended ${seated}’s seat on the board.`, ko: `${seated} 님의 운영위원 임기를 끝냈습니다.` }));
    await expect(log.getByRole('definition').filter({ hasText: 'Moved to another post.' })).toBeVisible();
    await expect(log.getByRole('link', { name: tr({ en: `Board member ${seated}`, ko: `운영위원 ${seated}` }) })).toHaveAttribute('href', `${new URL(fundUrl).pathname}/board`);
  });

  test('an admin takes an undecided application off a meeting’s agenda, once confirmed, on the board’s meeting page', async ({ page, signIn, lang, tr }) => {
    const app = await applicationUnderReview(`Agenda ${lang}`, [DEMO.boardUk2, DEMO.boardKr]);
    const meetingTitle = { en: `Agenda meeting ${lang} ${Date.now()}`, ko: `안건 회의 ${Date.now()}` };
    const meetingId = await meetingWith(app, meetingTitle);
    await signIn(page, DEMO.admin);
    await showIn(page, lang);
    await page.goto(`/board/meetings/${meetingId}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(meetingTitle[lang]);
    const label = tr({ en: 'Take item 1 off the agenda', ko: '1번 안건 빼기' });
    await page.getByTestId('agenda-item').filter({ hasText: app.title[lang] }).getByRole('button', { name: label }).click();
    const confirm = page.getByRole('group', { name: label });
    await expect(confirm).toContainText(tr({ en: 'deletes the votes cast on it', ko: '표가 모두 영구히 삭제됩니다' }));
    await confirm.getByRole('button', { name: tr({ en: 'Yes, take it off', ko: '네, 안건에서 뺍니다' }) }).click();
    await expect(page.getByTestId('agenda-item')).toHaveCount(0);
    await expect(page.getByText(tr({ en: 'Nothing is on the agenda yet.', ko: '아직 안건이 없습니다.' }))).toBeVisible();
  });
});
