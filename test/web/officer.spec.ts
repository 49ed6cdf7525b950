import { formatInstant, withParticle } from '@app/rules';
import type { Page } from '@playwright/test';
import { DEMO, expect, Mailbox, test, type Lang } from './fixtures';
import { createConfirmedAccount, createProjectApi, ensureLiverpoolBusanWorkspace, gql, koreanTitleOf, tokenFor } from './support/api';
import { applicationApi, createDraftApi, editApplicationApi, findProjectsApi, openCallApi, pendingInvitationsApi, projectApi } from './support/officer-api';

/**
 * The officer's journey, as the Liverpool officer Sam Taylor in English and
 * the Busan officer 박서준 in Korean: both lead the Liverpool–Busan workspace.
 */
const officerFor = (lang: Lang) => (lang === 'ko' ? DEMO.busan : DEMO.liverpool);
const zoneFor = (lang: Lang) => (lang === 'ko' ? 'Asia/Seoul' : 'Europe/London');

/** A time as the <Time> component writes it: the shared rule, the zone named (15:00 BST, 오후 11:00 (한국 시간)). */
const formatted = (iso: string, lang: Lang, timeZone: string) => formatInstant(iso, timeZone, lang);

async function addMilestonesApi(projectId: string, count: number): Promise<void> {
  const token = await tokenFor(DEMO.liverpool);
  for (let i = 1; i <= count; i++) {
    await gql(
      `mutation($input: AddMilestoneInput!) { addMilestone(input: $input) { id } }`,
      { input: { projectId, dueDate: `2027-0${1 + (i % 9)}-1${i % 9}`, title: { en: `Step ${i}`, ko: `${i}단계` } } },
      token,
    );
  }
}

/** The field for the reader's own language of a bilingual text, e.g. "Title in English" or "제목(한국어)". */
const ownLanguage = (lang: Lang, label: { en: string; ko: string }) => (lang === 'ko' ? `${label.ko}(한국어)` : `${label.en} in English`);

async function signInOfficer(page: Page, signIn: (page: Page, email: string) => Promise<void>, lang: Lang) {
  await signIn(page, officerFor(lang));
}

test.describe('officer: twin workspace, joint projects, seed-fund applications', () => {
  test('the workspace page shows its members, the time in both cities and the activity feed, newest first', async ({ page, signIn, lang, tr }) => {
    const { workspaceId } = await ensureLiverpoolBusanWorkspace();
    const title = `Feed check ${lang} ${Date.now()}`;
    const projectId = await createProjectApi(workspaceId, title);
    // Ten later entries push the project's creation onto the feed's second page.
    await addMilestonesApi(projectId, 10);

    await signInOfficer(page, signIn, lang);
    await page.goto(`/workspaces/${workspaceId}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr({ en: 'Liverpool · Busan twin workspace', ko: '리버풀·부산 트윈 워크스페이스' }));

    // The members, named as the page's language writes them.
    const members = page.getByRole('table');
    await expect(members.getByRole('row', { name: tr({ en: /Sam Taylor/, ko: /샘 테일러/ }) })).toContainText(tr({ en: 'Lead', ko: '리더' }));
    await expect(members.getByRole('row', { name: tr({ en: /Park Seo-jun/, ko: /박서준/ }) })).toContainText(tr({ en: 'Busan', ko: '부산' }));
    await expect(members.getByRole('row', { name: tr({ en: /Park Seo-jun/, ko: /박서준/ }) })).toContainText(tr({ en: 'Lead', ko: '리더' }));
    // The health panel counts people in words: "Busan: 1 person (1 lead)", "부산: 1명(리더 1명)".
    const busanHealth = page.getByRole('listitem').filter({ hasText: tr({ en: /^Busan: /, ko: /^부산: / }) });
    await expect(busanHealth).toHaveText(tr({ en: /^Busan: (1 person \((no lead|1 lead)\)|\d+ people \((no lead|1 lead|\d+ leads)\))$/, ko: /^부산: \d+명\((리더 없음|리더 \d+명)\)$/ }));

    const clocks = page.locator('.city-clocks > li');
    await expect(clocks).toHaveCount(2);
    await expect(clocks.nth(0)).toContainText(tr({ en: 'Liverpool', ko: '리버풀' }));
    await expect(clocks.nth(0)).toContainText(/UTC\+0[01]:00/);
    await expect(clocks.nth(1)).toContainText(tr({ en: 'Busan', ko: '부산' }));
    await expect(clocks.nth(1)).toContainText('UTC+09:00');
    await expect(clocks.nth(1).locator('time')).toHaveText(tr({ en: /^\d{2}:\d{2}$/, ko: /^오[전후] \d{1,2}:\d{2}$/ }));
    // Each zone by its name, in the page's language: GMT in winter and BST in summer for the UK.
    await expect(clocks.nth(0)).toContainText(tr({ en: /Greenwich Mean Time \(GMT\)|British Summer Time \(BST\)/, ko: /영국 표준시 \(GMT\)|영국 서머타임 \(BST\)/ }));
    await expect(clocks.nth(1)).toContainText(tr({ en: 'Korea Standard Time (KST)', ko: '한국 표준시 (KST)' }));

    const feed = page.getByRole('list', { name: tr({ en: 'Activity', ko: '활동 내역' }) });
    await expect(feed.getByRole('listitem').first()).toContainText(tr({ en: 'Step 10', ko: '10단계' }));
    const creation = page.locator('.feed').getByText(tr({ en: `created the project “${title}”`, ko: `프로젝트 ${withParticle(`“${koreanTitleOf(title)}”`, '을/를')} 만들었습니다` }));
    await expect(creation).toHaveCount(0);
    await page.getByRole('button', { name: tr({ en: 'Show more activity', ko: '활동 더 보기' }) }).click();
    await expect(creation).toBeVisible();
  });

  test('a joint project started from the workspace page is listed there and recorded', async ({ page, signIn, lang, tr }) => {
    const { workspaceId } = await ensureLiverpoolBusanWorkspace();
    const title = tr({ en: `Quay sensors ${lang} ${Date.now()}`, ko: `부두 센서 ${Date.now()}` });
    await signInOfficer(page, signIn, lang);
    await page.goto(`/workspaces/${workspaceId}`);

    await page.getByText(tr({ en: 'Start a joint project', ko: '공동 프로젝트 시작' }), { exact: true }).click();
    const form = page.getByRole('form', { name: tr({ en: 'Start a joint project', ko: '공동 프로젝트 시작' }) });
    await form.getByRole('button', { name: tr({ en: 'Create project', ko: '프로젝트 만들기' }) }).click();
    await expect(form.getByText(tr({ en: 'Write it in English or Korean (or both).', ko: '영어나 한국어 중 하나 이상으로 작성해 주세요.' })).first()).toBeVisible();
    await expect(form.getByText(tr({ en: 'Choose at least one sector (up to 10).', ko: '분야를 1개 이상(최대 10개) 선택해 주세요.' }))).toBeVisible();

    await form.getByLabel(ownLanguage(lang, { en: 'Title', ko: '제목' }), { exact: true }).fill(title);
    await form.getByLabel(ownLanguage(lang, { en: 'Summary', ko: '개요' }), { exact: true }).fill(tr({ en: 'Sensors on both ports’ quays.', ko: '두 항만의 부두에 센서를 설치합니다.' }));
    await form.getByLabel(tr({ en: 'Internet of things', ko: '사물인터넷(IoT)' })).check();
    await form.getByLabel(tr({ en: 'Type', ko: '유형' })).selectOption({ label: tr({ en: 'Lighthouse', ko: '선도 사업' }) });
    await form.getByLabel(tr({ en: 'Starting stage', ko: '시작 단계' })).selectOption({ label: tr({ en: 'Feasibility', ko: '타당성 검토' }) });
    // Each side's own lead is chosen already; the other city's is picked here.
    await form
      .getByLabel(tr({ en: 'Lead in Busan', ko: '리버풀 책임자' }))
      .selectOption({ label: tr({ en: 'Park Seo-jun (Lead)', ko: '샘 테일러 (리더)' }) });
    await form.getByRole('button', { name: tr({ en: 'Create project', ko: '프로젝트 만들기' }) }).click();

    await expect(page.getByRole('status').filter({ hasText: tr({ en: 'Project created', ko: '프로젝트를 만들었습니다' }) })).toContainText(title);
    await expect(page.locator('section[aria-labelledby="projects-heading"]').getByRole('link', { name: title })).toBeVisible();

    const [recorded] = await findProjectsApi(workspaceId, title);
    expect(recorded.stage).toBe('FEASIBILITY');
    expect(lang === 'ko' ? recorded.title.ko : recorded.title.en).toBe(title);

    await page.getByRole('link', { name: tr({ en: 'Open the project', ko: '프로젝트 열기' }) }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  });

  test('on the project page a milestone is added and completed, and the stage changes with a reason', async ({ page, signIn, lang, tr }) => {
    const { workspaceId } = await ensureLiverpoolBusanWorkspace();
    const title = `Stage moves ${lang} ${Date.now()}`;
    const projectId = await createProjectApi(workspaceId, title);
    await signInOfficer(page, signIn, lang);
    // The project may arrive before the sectors' names do: its sectors never show their keys (iot) meanwhile.
    let release = () => {};
    const namesHeld = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('SectorNames')) await namesHeld;
      await route.continue();
    });
    await page.goto(`/projects/${projectId}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr({ en: title, ko: koreanTitleOf(title) }));
    await expect(page.getByTestId('project-stage')).toHaveText(tr({ en: 'Feasibility', ko: '타당성 검토' }));
    const sectors = page.locator('dt', { hasText: tr({ en: 'Sectors', ko: '분야' }) }).locator('+ dd');
    await expect(sectors).toHaveText('…');
    release();
    await expect(sectors).toHaveText(tr({ en: 'Internet of things', ko: '사물인터넷(IoT)' }));

    const add = page.getByRole('form', { name: tr({ en: 'Add a milestone', ko: '주요 일정 추가' }) });
    const milestone = tr({ en: 'Sensors installed', ko: '센서 설치 완료' });
    await add.getByLabel(ownLanguage(lang, { en: 'Title', ko: '제목' }), { exact: true }).fill(milestone);
    // Named in both languages: buttons name it in the page's.
    await add.getByLabel(tr({ en: 'Title in Korean', ko: '제목(영어)' }), { exact: true }).fill(tr({ en: '센서 설치 완료', ko: 'Sensors installed' }));
    const due = add.getByLabel(tr({ en: 'Due date', ko: '기한' }));
    await due.fill('2026-12-01');
    await due.blur();
    await expect(add.getByText(tr({ en: 'Choose a date on or after the project’s start, 2027-01-01.', ko: '프로젝트 시작일(2027-01-01) 이후의 날짜를 선택해 주세요.' }))).toBeVisible();
    await due.fill('2027-03-01');
    await add.getByRole('button', { name: tr({ en: 'Add milestone', ko: '일정 추가' }) }).click();

    const row = page.getByRole('row', { name: new RegExp(milestone) });
    await expect(row).toContainText(tr({ en: 'Planned', ko: '예정' }));
    const named = (action: { en: string; ko: string }) => new RegExp(`^${tr(action)}\\s?: ${milestone}$`);
    await expect(row.getByRole('button', { name: tr({ en: 'Edit', ko: '수정' }) })).toHaveAccessibleName(named({ en: 'Edit', ko: '수정' }));
    await row.getByRole('button', { name: named({ en: 'Mark done', ko: '완료로 표시' }) }).click();
    await expect(row).toContainText(tr({ en: 'Done', ko: '완료' }));

    const reason = tr({ en: 'Feasibility study signed off by both councils.', ko: '두 시의 타당성 검토 결과 승인' });
    await page.getByLabel(tr({ en: 'New stage', ko: '변경할 단계' })).selectOption({ label: tr({ en: 'Demonstrator', ko: '실증' }) });
    await page.getByLabel(tr({ en: 'Why', ko: '변경 사유' }), { exact: true }).fill(reason);
    await page.getByRole('button', { name: tr({ en: 'Change stage', ko: '단계 변경' }), exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: tr({ en: 'The project is now at Demonstrator.', ko: '프로젝트가 실증 단계로 변경되었습니다.' }) })).toBeVisible();
    await expect(page.getByTestId('project-stage')).toHaveText(tr({ en: 'Demonstrator', ko: '실증' }));
    await expect(page.locator('.stage-history li').first()).toContainText(tr({ en: 'Feasibility → Demonstrator', ko: '타당성 검토 → 실증' }));
    await expect(page.locator('.stage-history li').first()).toContainText(reason);

    const recorded = await projectApi(projectId);
    expect(recorded.stage).toBe('DEMONSTRATOR');
    expect(recorded.stageHistory.at(-1)).toMatchObject({ fromStage: 'FEASIBILITY', toStage: 'DEMONSTRATOR', reason });
    expect(recorded.milestones).toEqual([expect.objectContaining({ dueDate: '2027-03-01', status: 'DONE' })]);
  });

  test('an application: a draft for the open call, checked as it is typed, kept over a reload, saved and submitted', async ({ page, signIn, lang, tr }) => {
    const { workspaceId } = await ensureLiverpoolBusanWorkspace();
    const call = await openCallApi();
    // One application per project and call: each run applies with its own project.
    const title = `Harbour twin ${lang} ${Date.now()}`;
    const projectId = await createProjectApi(workspaceId, title);
    await signInOfficer(page, signIn, lang);

    await page.goto(`/applications/new?callId=${call.id}&projectId=${projectId}`);
    await page.getByRole('button', { name: tr({ en: 'Start the draft', ko: '초안 만들기' }) }).click();
    await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
    const applicationId = page.url().split('/').pop()!;
    await expect(page.getByRole('heading', { level: 1 })).toContainText(tr({ en: title, ko: koreanTitleOf(title) }));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(tr({ en: 'Draft', ko: '작성 중' }));

    const liverpool = tr({ en: 'Liverpool', ko: '리버풀' });
    const busan = tr({ en: 'Busan', ko: '부산' });
    const line = (city: string) => page.getByRole('group', { name: `${city} · ${tr({ en: 'Line 1', ko: '1번 항목' })}` });
    const description = tr({ en: 'What it pays for', ko: '사용 내역' });

    await page.getByRole('button', { name: tr({ en: 'Add a budget line for Liverpool', ko: '리버풀 예산 항목 추가' }) }).click();
    await line(liverpool).getByLabel(description).fill(tr({ en: 'Sensor kits', ko: '센서 키트' }));
    const gbp = line(liverpool).getByLabel(tr({ en: 'Amount (GBP)', ko: '금액(GBP)' }));
    await gbp.fill('20000.505');
    await gbp.blur();
    await expect(line(liverpool).getByText(tr({ en: 'Use at most 2 decimal places, e.g. 25,000.50.', ko: '소수점 이하는 2자리까지만 입력할 수 있습니다. 예: 25,000.50' }))).toBeVisible();
    await gbp.fill('20000');
    await gbp.blur();
    await expect(gbp).toHaveValue('20,000.00');

    // Only one side asks: the match rule fails, saying by how much.
    const matchRule = page.locator('[data-rule="MATCH_RATIO"]');
    await expect(matchRule).toHaveAttribute('data-passed', 'false');
    await expect(matchRule).toContainText(tr({ en: 'now it is 0%', ko: '지금은 0%' }));

    await page.getByRole('button', { name: tr({ en: 'Add a budget line for Busan', ko: '부산 예산 항목 추가' }) }).click();
    await line(busan).getByLabel(description).fill(tr({ en: 'Port data platform', ko: '항만 데이터 플랫폼' }));
    const krw = line(busan).getByLabel(tr({ en: 'Amount (KRW)', ko: '금액(KRW)' }));
    await krw.fill('10,000,000');
    await krw.blur();
    // ₩10,000,000 at ₩1,700 per £1 is £5,882.35: 29.41% of £20,000, under the call's 80%.
    await expect(matchRule).toContainText(tr({ en: 'at least 80% of the larger side; now it is 29.41%', ko: '80% 이상이어야 합니다. 지금은 29.41%' }));
    await expect(page.getByText(tr({ en: '1 rule is not met yet.', ko: '충족하지 못한 요건이 1개 있습니다.' }))).toBeVisible();

    // Nothing typed is lost on a reload.
    await page.reload();
    await expect(line(liverpool).getByLabel(tr({ en: 'Amount (GBP)', ko: '금액(GBP)' }))).toHaveValue('20,000.00');
    await expect(line(busan).getByLabel(tr({ en: 'Amount (KRW)', ko: '금액(KRW)' }))).toHaveValue('10,000,000');
    await expect(page.getByText(tr({ en: 'You have changes that are not saved yet', ko: '아직 저장하지 않은 변경 사항이 있습니다' }))).toBeVisible();

    // ₩34,000,000 is £20,000: the two sides are equal.
    await line(busan).getByLabel(tr({ en: 'Amount (KRW)', ko: '금액(KRW)' })).fill('34000000');
    await expect(matchRule).toHaveAttribute('data-passed', 'true');
    // Busan's total is also given in pounds, as a conversion at the call's rate; Liverpool's, in the reference currency, needs none.
    await expect(page.getByTestId('budget-total').filter({ hasText: busan })).toHaveText(
      tr({ en: 'Total for Busan: ₩34,000,000 (≈ £20,000 at the call’s rate)', ko: '부산 합계: ₩34,000,000(공모 환율 기준 약 £20,000)' }),
    );
    await expect(page.getByTestId('budget-total').filter({ hasText: liverpool })).toHaveText(tr({ en: 'Total for Liverpool: £20,000', ko: '리버풀 합계: £20,000' }));
    await expect(page.getByText(tr({ en: 'All the call’s rules are met: you can submit.', ko: '공모 요건을 모두 충족했습니다. 제출할 수 있습니다.' }))).toBeVisible();
    await page.getByRole('button', { name: tr({ en: 'Save draft', ko: '임시 저장' }) }).click();
    await expect(page.getByRole('status').filter({ hasText: tr({ en: 'Draft saved.', ko: '임시 저장했습니다.' }) })).toBeVisible();

    const saved = await applicationApi(applicationId);
    expect(saved.status).toBe('DRAFT');
    expect(saved.budgetLines.map((l) => [l.countryCode, l.currency, l.amountMinor]).sort()).toEqual([
      ['GB', 'GBP', '2000000'],
      ['KR', 'KRW', '34000000'],
    ]);

    // Once the page has read the saved draft back: a press in those milliseconds was once lost in CI, with no request sent.
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: tr({ en: 'Submit the application', ko: '신청서 제출' }) }).click();
    await expect(page.getByRole('status').filter({ hasText: tr({ en: 'Application submitted.', ko: '신청서를 제출했습니다.' }) })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(tr({ en: 'Submitted', ko: '제출 완료' }));
    expect((await applicationApi(applicationId)).status).toBe('SUBMITTED');

    // The deadline in the reader's zone and in the other country's.
    const deadline = page.getByTestId('deadline');
    await expect(deadline).toContainText(formatted(call.closesAt, lang, zoneFor(lang)));
    await expect(deadline).toContainText(formatted(call.closesAt, lang, lang === 'ko' ? 'Europe/London' : 'Asia/Seoul'));
    await expect(page.getByText(tr({ en: /Closes in \d+ days/, ko: /마감까지 \d+일/ }))).toBeVisible();

    // The account page lists it with its status.
    await page.goto('/me');
    const mine = page.locator('section[aria-labelledby="my-applications-heading"]');
    await expect(mine.getByRole('listitem').filter({ hasText: tr({ en: title, ko: koreanTitleOf(title) }) })).toContainText(tr({ en: 'Submitted', ko: '제출 완료' }));

    // Starting another for the same project and call says once, plainly, where the first one stands.
    await page.goto(`/applications/new?callId=${call.id}&projectId=${projectId}`);
    await page.getByRole('button', { name: tr({ en: 'Start the draft', ko: '초안 만들기' }) }).click();
    const alerts = page.getByRole('alert');
    await expect(alerts).toHaveCount(1);
    await expect(alerts).toContainText(
      tr({ en: 'This project has already applied to this call, and the application is with the fund.', ko: '이 프로젝트로 이 공모에 이미 신청했으며, 신청서는 기금에서 처리 중입니다.' }),
    );
    await expect(page.getByText(tr({ en: /changed since you opened it/, ko: /최신 내용/ }))).toHaveCount(0);
    await alerts.getByRole('link', { name: tr({ en: 'Open it', ko: '신청서 열기' }) }).click();
    await expect(page).toHaveURL(new RegExp(`/applications/${applicationId}$`));
  });

  test('an API refusal is explained in the page’s language and what was typed stays', async ({ page, signIn, lang, tr }) => {
    const { workspaceId } = await ensureLiverpoolBusanWorkspace();
    const call = await openCallApi();
    const title = `Conflict ${lang} ${Date.now()}`;
    const draft = await createDraftApi(call.id, await createProjectApi(workspaceId, title), title);
    await signInOfficer(page, signIn, lang);
    await page.goto(`/applications/${draft.id}`);

    const typed = `${tr({ en: 'My new title', ko: '새로 쓴 제목' })} ${Date.now()}`;
    const titleField = page.getByLabel(ownLanguage(lang, { en: 'Title', ko: '제목' }), { exact: true });
    await titleField.fill(typed);
    // Meanwhile the other city's lead saves the application.
    await editApplicationApi(draft.id, draft.version, 'Changed in Busan.');

    await page.getByRole('button', { name: tr({ en: 'Save draft', ko: '임시 저장' }) }).click();
    await expect(page.getByRole('alert').filter({ hasText: tr({ en: 'That did not work', ko: '요청을 처리하지 못했습니다' }) })).toBeVisible();
    await expect(page.getByText(tr({ en: 'Someone else saved this application after you opened it.', ko: '신청서를 연 뒤 다른 사람이 먼저 저장했습니다.' }))).toBeVisible();
    await expect(titleField).toHaveValue(typed);
    expect((await applicationApi(draft.id)).title).toEqual({ en: title, ko: koreanTitleOf(title) });

    // The latest version replaces the local copy on request.
    await page.getByRole('button', { name: tr({ en: 'Load the latest version (your changes here are discarded)', ko: '최신 버전 불러오기(여기서 고친 내용은 사라집니다)' }) }).click();
    await expect(page.getByLabel('Summary in English', { exact: true }).or(page.getByLabel('개요(영어)', { exact: true }))).toHaveValue('Changed in Busan.');
    await expect(titleField).toHaveValue(tr({ en: title, ko: koreanTitleOf(title) }));
  });

  test('a lead invites someone to the workspace by email', async ({ page, signIn, lang, tr, mail }) => {
    const { workspaceId } = await ensureLiverpoolBusanWorkspace();
    const address = `invitee.${lang}.${Date.now()}@example.org`;
    await signInOfficer(page, signIn, lang);
    await page.goto(`/workspaces/${workspaceId}`);

    const form = page.getByRole('form', { name: tr({ en: 'Invite someone', ko: '구성원 초대' }) });
    const email = form.getByLabel(tr({ en: 'Email address', ko: '이메일 주소' }));
    await email.fill('not-an-address');
    await email.blur();
    await expect(form.getByText(tr({ en: 'Enter an email address, like name@example.org.', ko: 'name@example.org와 같은 형식으로 이메일 주소를 입력해 주세요.' }))).toBeVisible();
    await email.fill(address);
    await form.getByLabel(tr({ en: 'Role', ko: '역할' })).selectOption({ label: tr({ en: 'Member', ko: '멤버' }) });
    await form.getByRole('button', { name: tr({ en: 'Send invitation', ko: '초대장 보내기' }) }).click();
    await expect(form.getByRole('status')).toHaveText(tr({ en: `Invitation sent to ${address}.`, ko: `${address}로 초대장을 보냈습니다.` }));
    await expect(page.locator('section[aria-labelledby="invitations-heading"]').getByRole('listitem').filter({ hasText: address })).toContainText(
      tr({ en: 'Member', ko: '멤버' }),
    );

    expect(await pendingInvitationsApi(workspaceId)).toContainEqual(expect.objectContaining({ email: address, role: 'MEMBER', status: 'PENDING' }));
    // Someone new is written to in the inviting city's language.
    const message = await mail.waitFor(address, tr({ en: /Sam Taylor invited you to the .* twin workspace/, ko: /박서준님이 .* 트윈 워크스페이스에 초대했습니다/ }));
    const link = Mailbox.link(message, `${process.env.WEB_BASE_URL}/join-workspace?token=`);
    expect(link).toMatch(/token=.+&lang=(en|ko)$/);

    // Opened while the lead is still signed in: the page says the link is for someone else and offers to switch.
    await page.goto(link);
    const joinPage = page.getByRole('main');
    await expect(joinPage).toContainText(tr({ en: /(Liverpool · Busan|Busan · Liverpool) twin workspace as Member/, ko: /(리버풀 · 부산|부산 · 리버풀) 트윈 워크스페이스에 멤버 역할로/ }));
    await expect(joinPage).toContainText(tr({ en: `This link is for ${address}, but you are signed in as`, ko: `이 링크는 ${address} 계정용인데` }));
    await joinPage.getByRole('button', { name: tr({ en: `Sign out and continue as ${address}`, ko: `로그아웃하고 ${address} 계정으로 계속하기` }) }).click();

    // The invitee, new here, chooses a name and password on the same page, joins, signs in and lands in the workspace.
    await page.getByLabel(tr({ en: 'Your name', ko: '이름' })).fill(tr({ en: 'Ivy Invitee', ko: '초대받은 사람' }));
    await page.getByLabel(tr({ en: 'Password', ko: '비밀번호' }), { exact: true }).fill('invitee-password-123');
    await page.getByLabel(tr({ en: 'Language for emails', ko: '이메일 언어' })).selectOption(lang);
    await page.getByRole('button', { name: tr({ en: 'Join the workspace', ko: '워크스페이스 참여' }) }).click();
    await expect(page.getByRole('status')).toContainText(tr({ en: 'Your account is ready and you have joined.', ko: '계정이 만들어졌고 워크스페이스에 참여했습니다.' }));
    await joinPage.getByRole('link', { name: tr({ en: 'Sign in', ko: '로그인' }) }).click();
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    await page.getByLabel(tr({ en: 'Email address', ko: '이메일 주소' })).fill(address);
    await page.getByLabel(tr({ en: 'Password', ko: '비밀번호' }), { exact: true }).fill('invitee-password-123');
    await page.locator('form').getByRole('button', { name: tr({ en: 'Sign in', ko: '로그인' }) }).click();
    await expect(page).toHaveURL(new RegExp(`/workspaces/${workspaceId}$`));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

    // Someone with an account, signed in as the invited address, joins with one press: no password again.
    const colleague = await createConfirmedAccount(mail, { displayName: tr({ en: 'Existing Colleague', ko: '기존 동료' }), preferredLanguage: lang, password: 'colleague-password-123' });
    await gql(`mutation($input: InviteToWorkspaceInput!) { inviteToWorkspace(input: $input) { id } }`, { input: { workspaceId, email: colleague, role: 'OBSERVER' } }, await tokenFor(officerFor(lang)));
    const invited = await mail.waitFor(colleague, tr({ en: /invited you to the .* twin workspace/, ko: /트윈 워크스페이스에 초대했습니다/ }));
    const colleagueLink = Mailbox.link(invited, `${process.env.WEB_BASE_URL}/join-workspace?token=`);
    await page.getByRole('banner').getByRole('button', { name: tr({ en: 'Sign out', ko: '로그아웃' }), exact: true }).click();
    await signIn(page, colleague, 'colleague-password-123');
    await page.goto(colleagueLink);
    await expect(page.getByRole('main')).toContainText(tr({ en: 'as Observer', ko: '참관인 역할로' }));
    await expect(page.getByLabel(tr({ en: 'Password', ko: '비밀번호' }), { exact: true })).toHaveCount(0);
    await page.getByRole('button', { name: tr({ en: 'Join the workspace', ko: '워크스페이스 참여' }) }).click();
    await expect(page).toHaveURL(new RegExp(`/workspaces/${workspaceId}$`));
    // Used, the link says so in words and what to do next.
    await page.goto(colleagueLink);
    await expect(page.locator('[data-link-state="LINK_USED"]')).toHaveText(
      tr({ en: 'This link has already been used.Ask a lead of the workspace to invite you again.', ko: '이미 사용한 링크입니다.워크스페이스 리더에게 다시 초대해 달라고 요청해 주세요.' }),
    );
  });
});
