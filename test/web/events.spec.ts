import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { DEMO, expect, Mailbox, test, type Lang } from './fixtures';
import { gqlRaw, tokenFor } from './support/api';
import { createConfirmedPerson, createOrganiser, myRegistrationOf, type EventsPerson } from './support/events-api';

async function signOut(page: Page, lang: Lang): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: lang === 'ko' ? '로그아웃' : 'Sign out', exact: true }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: lang === 'ko' ? '로그인' : 'Sign in' })).toBeVisible();
}

/** The demo data's seminar and showcase, both by the demo organiser. */
const SEMINAR = { en: 'Hydrogen ports seminar', ko: '수소 항만 세미나' };
const SHOWCASE = { en: 'Innovation Twins annual showcase', ko: '이노베이션 트윈 연례 쇼케이스' };

test.describe('events', () => {
  test('the public list shows upcoming events with times in both countries’ zones and filters by kind and words', async ({ page, tr }) => {
    await page.goto('/events');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr({ en: 'Upcoming events', ko: '예정된 행사' }));
    const seminar = page.locator('.events-card', { has: page.getByRole('link', { name: tr(SEMINAR) }) });
    await expect(seminar).toBeVisible();
    await expect(seminar).toContainText(tr({ en: 'Seminar', ko: '세미나' }));
    await expect(seminar).toContainText(tr({ en: 'In person and online', ko: '현장·온라인 병행' }));
    // The viewer's zone first (London for the en project, Seoul for ko), then the other country's, each named.
    await expect(seminar).toContainText(tr({ en: /\d\d:\d\d (BST|GMT) · .+ \d\d:\d\d KST/, ko: /오[전후] \d+:\d\d \(한국 시간\) · .+ 오[전후] \d+:\d\d \(영국 시간\)/ }));
    await expect(seminar).toContainText(tr({ en: 'of 40', ko: '정원 40명 중' }));
    // Its organiser, named as the page's language writes her.
    await expect(seminar).toContainText(tr({ en: 'Lee Su-min', ko: '이수민' }));
    await expect(page.getByRole('link', { name: tr(SHOWCASE) })).toBeVisible();
    // The programme's calendar in the page's language; the address without it (already subscribed to) still answers, in English.
    await expect(page.getByRole('link', { name: tr({ en: 'Subscribe to the programme calendar (.ics)', ko: '프로그램 행사 일정 구독(.ics)' }) })).toHaveAttribute(
      'href',
      tr({ en: '/calendars/programme.ics?lang=en', ko: '/calendars/programme.ics?lang=ko' }),
    );
    const calendar = await fetch(`${process.env.WEB_BASE_URL}/calendars/programme.ics`);
    expect(calendar.headers.get('content-type')).toContain('text/calendar');
    expect(await calendar.text()).toContain('Hydrogen ports seminar');
    const inPageLanguage = await (await fetch(`${process.env.WEB_BASE_URL}${tr({ en: '/calendars/programme.ics?lang=en', ko: '/calendars/programme.ics?lang=ko' })}`)).text();
    expect(inPageLanguage).toContain(`SUMMARY:${tr(SEMINAR)}\r\n`);
    expect(inPageLanguage).toContain(`X-WR-CALNAME:${tr({ en: 'Innovation Twins events', ko: '이노베이션 트윈스 행사' })}\r\n`);

    // By kind: kept in the address, so a reload (or a shared link) shows the same.
    await page.getByLabel(tr({ en: 'Kind of event', ko: '행사 유형' })).selectOption('ANNUAL_SHOWCASE');
    await expect(page).toHaveURL(/kind=ANNUAL_SHOWCASE/);
    await expect(page.getByRole('link', { name: tr(SHOWCASE) })).toBeVisible();
    await expect(page.getByRole('link', { name: tr(SEMINAR) })).toHaveCount(0);
    await page.getByRole('button', { name: tr({ en: 'Clear filters', ko: '조건 지우기' }) }).click();
    await expect(page).not.toHaveURL(/kind=/);

    // By words, in the reader's language.
    await page.getByLabel(tr({ en: 'Words', ko: '검색어' })).fill(tr({ en: 'hydrogen', ko: '수소' }));
    await page.getByRole('button', { name: tr({ en: 'Search', ko: '검색' }), exact: true }).click();
    await expect(page).toHaveURL(/q=/);
    await expect(page.getByRole('link', { name: tr(SEMINAR) })).toBeVisible();
    await expect(page.getByRole('link', { name: tr(SHOWCASE) })).toHaveCount(0);
    await page.reload();
    await expect(page.getByLabel(tr({ en: 'Words', ko: '검색어' }))).toHaveValue(tr({ en: 'hydrogen', ko: '수소' }));
    await expect(page.getByRole('link', { name: tr(SEMINAR) })).toBeVisible();
    await expect(page.getByRole('link', { name: tr(SHOWCASE) })).toHaveCount(0);

    // Words nothing matches: an empty state that says what to do.
    await page.getByLabel(tr({ en: 'Words', ko: '검색어' })).fill(`zz-no-such-event-${Date.now()}`);
    await page.getByRole('button', { name: tr({ en: 'Search', ko: '검색' }), exact: true }).click();
    await expect(page.getByText(tr({ en: 'No event matches these filters.', ko: '조건에 맞는 행사가 없습니다.' }))).toBeVisible();

    // Past events are a tab away.
    await page.getByRole('link', { name: tr({ en: 'Past', ko: '지난 행사' }), exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr({ en: 'Past events', ko: '지난 행사' }));
    await expect(page).toHaveURL(/past=1/);
  });

  test('an event page shows its details, times in zones and calendar file; a visitor signs in to register and comes back', async ({ page, tr, lang, demoPassword }) => {
    await page.goto('/events');
    await page.getByRole('link', { name: tr(SEMINAR) }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr(SEMINAR));
    const eventPath = new URL(page.url()).pathname;
    await expect(page.getByText(tr({ en: 'Liverpool and Busan share what their hydrogen trials', ko: '리버풀과 부산이 항만 차량 수소 실증에서' }))).toBeVisible();
    await expect(page.getByText('BEXCO, Busan')).toBeVisible();
    // Its times on each country's clocks, the zone named as each language names it, never as an offset.
    const facts = page.locator('.events-facts');
    await expect(facts).toContainText(tr({ en: /\d\d:\d\d (BST|GMT)/, ko: /오[전후] \d+:\d\d \(한국 시간\)/ }));
    await expect(facts).toContainText(tr({ en: /\d\d:\d\d KST/, ko: /오[전후] \d+:\d\d \(영국 시간\)/ }));
    await expect(facts).not.toContainText('GMT+');
    await expect(facts).not.toContainText(/\b[AP]M\b/);
    // The organiser is named as the page's language writes her, not only in her own script.
    await expect(facts.locator('div').filter({ hasText: tr({ en: 'Organiser', ko: '주최' }) }).getByRole('definition')).toHaveText(tr({ en: 'Lee Su-min', ko: '이수민' }));
    // The joining link is for people holding a place.
    await expect(page.getByText(tr({ en: 'The joining link is shown here to people who hold a place.', ko: '온라인 참여 링크는 참가가 확정된 분께 이곳에 표시됩니다.' }))).toBeVisible();
    const ics = page.getByRole('link', { name: tr({ en: 'Add to my calendar (.ics)', ko: '내 캘린더에 추가(.ics)' }) });
    const href = await ics.getAttribute('href');
    // In the page's language: a Korean officer's calendar shows the Korean title.
    expect(href).toMatch(tr({ en: /\/events\/[0-9a-f-]+\.ics\?lang=en$/, ko: /\/events\/[0-9a-f-]+\.ics\?lang=ko$/ }));
    const file = await fetch(new URL(href!, process.env.WEB_BASE_URL).toString());
    expect(file.status).toBe(200);
    const text = await file.text();
    expect(text).toContain('BEGIN:VEVENT');
    expect(text).toContain(`SUMMARY:${tr(SEMINAR)}\r\n`);
    expect(text).toContain(`X-WR-CALNAME:${tr(SEMINAR)}\r\n`);

    // Signing in from the event brings the person back to it, ready to register.
    await page.getByRole('link', { name: tr({ en: 'Sign in to register', ko: '로그인하고 참가 신청하기' }) }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.getByLabel(tr({ en: 'Email address', ko: '이메일 주소' })).fill(lang === 'ko' ? DEMO.busan : DEMO.participant);
    await page.getByLabel(tr({ en: 'Password', ko: '비밀번호' }), { exact: true }).fill(demoPassword);
    await page.locator('form').getByRole('button', { name: tr({ en: 'Sign in', ko: '로그인' }) }).click();
    await expect(page).toHaveURL(new RegExp(`${eventPath}$`));
    await expect(page.getByRole('heading', { level: 2, name: tr({ en: 'Your place', ko: '참가 신청' }) })).toBeVisible();
    const registerButton = page.getByRole('button', { name: tr({ en: 'Register', ko: '참가 신청' }), exact: true });
    const alreadyIn = page.locator('[data-registration-status]');
    await expect(registerButton.or(alreadyIn)).toBeVisible();
  });

  test('an organiser creates and publishes a one-place event; the waiting list promotes the next person when the first cancels', async ({ page, tr, lang, mail, signIn }) => {
    test.setTimeout(150_000);
    const stamp = `${Date.now()}`;
    const title = { en: `Tide sensor clinic ${stamp}`, ko: `조수 센서 클리닉 ${stamp}` };
    const organiser = await createOrganiser(mail, lang, tr({ en: 'Morgan Ellis', ko: '최유진' }));
    const first: EventsPerson = await createConfirmedPerson(mail, lang, 'first', tr({ en: 'Alex Morgan', ko: '김민재' }));
    const second: EventsPerson = await createConfirmedPerson(mail, lang, 'second', tr({ en: 'Robin Park', ko: '이하은' }));

    // The organiser writes a draft, told about problems as they type.
    await signIn(page, organiser.email, organiser.password);
    await page.goto('/events');
    await page.getByRole('link', { name: tr({ en: 'Create an event', ko: '행사 만들기' }) }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr({ en: 'Create an event', ko: '행사 만들기' }));
    await page.getByLabel(tr({ en: 'Title in English', ko: '영문 제목' })).fill(title.en);
    await page.getByLabel(tr({ en: 'Title in Korean', ko: '국문 제목' })).fill(title.ko);
    await page.getByLabel(tr({ en: 'Description in English', ko: '영문 소개' })).fill('How Busan reads its tide sensors, in an hour.');
    await page.getByLabel(tr({ en: 'Description in Korean', ko: '국문 소개' })).fill('부산의 조수 센서 운영 경험을 한 시간 동안 나눕니다.');
    await page.getByLabel(tr({ en: 'Kind', ko: '유형' }), { exact: true }).selectOption('WORKSHOP');
    await page.getByLabel(tr({ en: 'Format', ko: '진행 방식' })).selectOption('ONLINE');
    await page.getByLabel(tr({ en: 'Time zone of the event', ko: '행사 시간대' })).selectOption('Asia/Seoul');
    const day = new Date(Date.now() + 12 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel(tr({ en: 'Starts', ko: '시작 일시' }), { exact: true }).fill(`${day}T10:00`);
    const ends = page.getByLabel(tr({ en: 'Ends', ko: '종료 일시' }), { exact: true });
    await ends.fill(`${day}T09:00`);
    await ends.blur();
    const endProblem = tr({ en: 'The end must be after the start: the event cannot end before it starts.', ko: '종료 일시는 시작 일시보다 뒤여야 합니다.' });
    await expect(page.getByText(endProblem)).toBeVisible();
    await expect(ends).toHaveAttribute('aria-invalid', 'true');
    // An online event needs its joining link.
    const joinUrl = page.getByLabel(tr({ en: 'Joining link', ko: '온라인 참여 링크' }));
    await joinUrl.fill('not a link');
    await joinUrl.blur();
    await expect(page.getByText(tr({ en: 'Give a web address starting with https://.', ko: 'https://로 시작하는 웹 주소를 입력해 주세요.' }))).toBeVisible();
    await joinUrl.fill('https://meet.example.org/tide-clinic');
    await ends.fill(`${day}T11:30`);
    await expect(page.getByText(endProblem)).toHaveCount(0);
    await page.getByLabel(tr({ en: 'Places', ko: '정원' }), { exact: true }).fill('1');
    // The draft survives a reload.
    await page.reload();
    await expect(page.getByLabel(tr({ en: 'Title in English', ko: '영문 제목' }))).toHaveValue(title.en);
    await page.getByRole('button', { name: tr({ en: 'Save as draft', ko: '초안으로 저장' }) }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr(title));
    const eventId = new URL(page.url()).pathname.split('/').pop()!;
    await expect(page.getByText(tr({ en: 'This is a draft', ko: '초안 상태입니다.' }))).toBeVisible();
    await expect(page.getByText(tr({ en: 'emails an announcement to everyone following', ko: '구독하는 모든 분께 안내 메일이 한 번 발송됩니다' }))).toBeVisible();
    await page.getByRole('button', { name: tr({ en: 'Publish and announce', ko: '게시하고 안내하기' }) }).click();
    await expect(page.getByRole('status').filter({ hasText: tr({ en: 'Published', ko: '게시되었습니다' }) })).toBeVisible();
    await expect(page.getByText(tr({ en: 'This is a draft', ko: '초안 상태입니다.' }))).toHaveCount(0);
    await expect(page.getByText(tr({ en: '1 place left of 1', ko: '정원 1명 중 1자리 남음' })).first()).toBeVisible();
    // Editing starts from what was saved, times back on the event's own clocks.
    await page.getByRole('link', { name: tr({ en: 'Edit the event', ko: '행사 수정' }) }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr({ en: 'Edit the event', ko: '행사 수정' }));
    await expect(page.getByLabel(tr({ en: 'Title in Korean', ko: '국문 제목' }))).toHaveValue(title.ko);
    await expect(page.getByLabel(tr({ en: 'Starts', ko: '시작 일시' }), { exact: true })).toHaveValue(`${day}T10:00`);
    await expect(page.getByLabel(tr({ en: 'Places', ko: '정원' }), { exact: true })).toHaveValue('1');
    await page.getByRole('link', { name: tr({ en: 'Back', ko: '돌아가기' }), exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr(title));
    await signOut(page, lang);

    // The first attendee gets the only place.
    await signIn(page, first.email, first.password);
    await page.goto(`/events/${eventId}`);
    await page.getByRole('button', { name: tr({ en: 'Register', ko: '참가 신청' }), exact: true }).click();
    await expect(page.getByText(tr({ en: 'You have a place at this event.', ko: '이 행사에 참가가 확정되었습니다.' }))).toBeVisible();
    await expect(page.getByRole('link', { name: tr({ en: 'Open the joining link', ko: '온라인 참여 링크 열기' }) })).toHaveAttribute('href', 'https://meet.example.org/tide-clinic');
    await signOut(page, lang);

    // The second is put on the waiting list and sees their place in it.
    await signIn(page, second.email, second.password);
    await page.goto(`/events/${eventId}`);
    await expect(page.getByText(tr({ en: 'Full.', ko: '마감되었습니다.' })).first()).toBeVisible();
    await page.getByRole('button', { name: tr({ en: 'Join the waiting list', ko: '대기자 명단에 오르기' }) }).click();
    await expect(page.getByText(tr({ en: 'You are number 1 on the waiting list.', ko: '대기 순번 1번입니다.' }))).toBeVisible();
    await expect(page.getByText(tr({ en: 'the first person waiting gets the place automatically and is told by email', ko: '자동으로 참가가 확정되고 메일로 알려 드립니다' }))).toBeVisible();
    expect(await myRegistrationOf(second, eventId)).toEqual({ status: 'WAITLISTED', waitlistPosition: 1 });
    // They follow the programme's announcements from here.
    await page.getByRole('button', { name: tr({ en: 'Follow: Every event of the programme', ko: '구독: 프로그램의 모든 행사' }) }).click();
    await expect(page.getByRole('button', { name: tr({ en: 'Unfollow: Every event of the programme', ko: '구독 해지: 프로그램의 모든 행사' }) })).toHaveAttribute('aria-pressed', 'true');
    await signOut(page, lang);

    // The organiser sees who holds the place and who waits, and exports them.
    await signIn(page, organiser.email, organiser.password);
    await page.goto(`/events/${eventId}`);
    await page.getByRole('link', { name: tr({ en: 'Registrations and waiting list', ko: '참가 신청 및 대기자 명단' }) }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr({ en: 'Registrations and waiting list', ko: '참가 신청 및 대기자 명단' }));
    const rowOf = (person: EventsPerson) => page.getByRole('row').filter({ hasText: person.email });
    await expect(rowOf(first)).toContainText(tr({ en: 'Has a place', ko: '참가 확정' }));
    await expect(rowOf(second)).toContainText(tr({ en: 'Waiting: number 1', ko: '대기 1번' }));
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: tr({ en: 'Export CSV', ko: 'CSV 내려받기' }) }).click();
    const csv = await download;
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const content = readFileSync((await csv.path())!, 'utf8');
    expect(content).toContain(first.email);
    expect(content).toContain(second.email);
    await signOut(page, lang);

    // The first gives up the place; the second is promoted and emailed.
    await signIn(page, first.email, first.password);
    await page.goto(`/events/${eventId}`);
    await page.getByRole('button', { name: tr({ en: 'Cancel my registration', ko: '참가 신청 취소' }) }).click();
    await page.getByRole('button', { name: tr({ en: 'Yes, cancel', ko: '네, 취소합니다' }) }).click();
    await expect(page.getByRole('status').filter({ hasText: tr({ en: 'Your registration is cancelled.', ko: '참가 신청을 취소했습니다.' }) })).toBeVisible();
    await signOut(page, lang);

    const promoted = await mail.waitFor(second.email, new RegExp(`${tr({ en: 'You have a place', ko: '자리가 확정되었습니다' })}.*${stamp}`));
    expect(promoted.text).toContain(`/events/${eventId}`);
    await signIn(page, second.email, second.password);
    await page.goto(`/events/${eventId}`);
    await expect(page.getByText(tr({ en: 'You have a place at this event.', ko: '이 행사에 참가가 확정되었습니다.' }))).toBeVisible();
    await expect(page.getByText(tr({ en: 'A place came free and went to you from the waiting list.', ko: '빈자리가 생겨 대기자 명단에서 참가가 확정되었습니다.' }))).toBeVisible();
    expect((await myRegistrationOf(second, eventId))?.status).toBe('REGISTERED');

    // Their own list: the account page links to it; it shows the place, the way to a calendar address and the follow.
    await page.goto('/me');
    await page.getByRole('link', { name: tr({ en: 'My registrations, calendar and announcements', ko: '내 참가 신청, 캘린더, 행사 소식 관리' }) }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr({ en: 'My events', ko: '내 행사' }));
    const mine = page.locator('li', { has: page.getByRole('link', { name: tr(title) }) });
    await expect(mine).toContainText(tr({ en: 'Has a place', ko: '참가 확정' }));
    await expect(page.getByRole('button', { name: tr({ en: 'Make my calendar address', ko: '내 캘린더 주소 만들기' }) })).toBeVisible();
    await expect(page.getByRole('button', { name: tr({ en: 'Unfollow: Every event of the programme', ko: '구독 해지: 프로그램의 모든 행사' }) })).toBeVisible();
    await signOut(page, lang);

    // The organiser sees the promotion in the list.
    await signIn(page, organiser.email, organiser.password);
    await page.goto(`/events/${eventId}/registrations`);
    await expect(rowOf(second)).toContainText(tr({ en: 'Has a place', ko: '참가 확정' }));
    await expect(rowOf(second)).toContainText(tr({ en: 'Given a place from the waiting list', ko: '대기 후 참가 확정' }));
    await expect(rowOf(first)).toHaveCount(0);
    await page.getByLabel(tr({ en: 'Show cancelled registrations too', ko: '취소한 신청도 보기' })).check();
    await expect(rowOf(first)).toContainText(tr({ en: 'Cancelled', ko: '취소함' }));
    // Their own events, drafts included, are one tab of the list.
    await page.goto('/events?mine=1');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr({ en: 'Events I organise', ko: '내가 주최하는 행사' }));
    await expect(page.getByRole('link', { name: tr(title) })).toBeVisible();
  });

  test('an announcement’s unsubscribe link opens a page in the email’s language; one press stops such announcements', async ({ page, tr, lang, mail }) => {
    const stamp = `${Date.now()}`;
    const follower = await createConfirmedPerson(mail, lang, 'follower', tr({ en: 'Casey Follow', ko: '한지우' }));
    await gqlRaw(`mutation { followEvents(input: { scope: PROGRAMME }) { scope } }`, {}, follower.token);
    // The demo's organiser publishes an event: everyone following the programme is told, once.
    const organiser = await tokenFor(DEMO.organiser);
    const starts = Date.now() + 20 * 86_400_000;
    const created = await gqlRaw<{ createEvent: { id: string; version: number } }>(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id version } }`,
      { input: { kind: 'SEMINAR', format: 'ONLINE', title: { en: `Harbour data seminar ${stamp}`, ko: `항만 데이터 세미나 ${stamp}` }, joinUrl: 'https://meet.example.org/harbour', startsAt: new Date(starts).toISOString(), endsAt: new Date(starts + 3_600_000).toISOString(), timeZone: 'Asia/Seoul' } },
      organiser,
    );
    const event = created.data!.createEvent;
    await gqlRaw(`mutation($input: EventStepInput!) { publishEvent(input: $input) { id } }`, { input: { id: event.id, version: event.version } }, organiser);

    const announcement = await mail.waitFor(follower.email, new RegExp(stamp));
    await page.goto(Mailbox.link(announcement, `${process.env.WEB_BASE_URL}/unsubscribe/events?token=`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr({ en: 'Stop event announcements', ko: '행사 공지 그만 받기' }));
    expect(await gqlRaw<{ myEventFollows: unknown[] }>(`query { myEventFollows { scope } }`, {}, follower.token)).toMatchObject({ data: { myEventFollows: [{ scope: 'PROGRAMME' }] } });
    // Opening the link changed nothing (a link scanner stops nothing); the button does.
    await page.getByRole('button', { name: tr({ en: 'Stop these announcements', ko: '이런 공지 그만 받기' }) }).click();
    await expect(page.getByText(tr({ en: 'Done: you will receive no more announcements like this one.', ko: '완료했습니다. 이와 같은 행사 공지는 더 이상 보내지 않습니다.' }))).toBeVisible();
    expect(await gqlRaw<{ myEventFollows: unknown[] }>(`query { myEventFollows { scope } }`, {}, follower.token)).toMatchObject({ data: { myEventFollows: [] } });
  });

  test('someone without the organiser role is not offered event creation', async ({ page, tr, lang, signIn }) => {
    await signIn(page, lang === 'ko' ? DEMO.busan : DEMO.participant);
    await page.goto('/events');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr({ en: 'Upcoming events', ko: '예정된 행사' }));
    await expect(page.getByRole('link', { name: tr({ en: 'Create an event', ko: '행사 만들기' }) })).toHaveCount(0);
    await page.goto('/events/new');
    await expect(page.getByText(tr({ en: 'Only event organisers and programme admins can create events.', ko: '행사는 행사 주최자와 프로그램 관리자만 만들 수 있습니다.' }))).toBeVisible();
    // The API agrees: only organisers and admins create events.
    const attempt = await gqlRaw(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      {
        input: {
          kind: 'OTHER',
          format: 'ONLINE',
          title: { en: `Not allowed ${Date.now()}` },
          joinUrl: 'https://meet.example.org/x',
          startsAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
          endsAt: new Date(Date.now() + 5 * 86_400_000 + 3_600_000).toISOString(),
          timeZone: 'Europe/London',
        },
      },
      await tokenFor(lang === 'ko' ? DEMO.busan : DEMO.participant),
    );
    expect(attempt.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
