import type { BrowserContext, Page } from '@playwright/test';
import { DEMO, expect, Mailbox, test } from './fixtures';
import { createConfirmedAccount, gql, gqlRaw, tokenFor } from './support/api';

/** The refresh-token cookie as the browser holds it (scripts in the page cannot see it). */
const refreshCookie = async (context: BrowserContext) => (await context.cookies()).find((c) => c.name === 'twins_refresh');

/** Signs in on the sign-in page as a person would, whatever the answer. */
async function submitSignIn(page: Page, tr: <T>(texts: Record<'en' | 'ko', T>) => T, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(tr({ en: 'Email address', ko: '이메일 주소' })).fill(email);
  await page.getByLabel(tr({ en: 'Password', ko: '비밀번호' }), { exact: true }).fill(password);
  await page.locator('form').getByRole('button', { name: tr({ en: 'Sign in', ko: '로그인' }) }).click();
}

const unique = (lang: string, what: string) => `${what}-${lang}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;

test.describe('signing up, in and out', () => {
  test('a new account is confirmed by its emailed link, then signs in and out', async ({ page, lang, tr, mail, signIn }) => {
    const email = unique(lang, 'signup');
    await page.goto('/sign-up');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr({ en: 'Create an account', ko: '계정 만들기' }));

    // Validation as you type: a problem shows once the field is left.
    await page.getByLabel(tr({ en: 'Email address', ko: '이메일 주소' })).fill('not-an-address');
    await page.getByLabel(tr({ en: 'Email address', ko: '이메일 주소' })).blur();
    await expect(page.getByText(tr({ en: 'Enter an email address, like name@example.org.', ko: 'name@example.org와 같은 형식의 이메일 주소를 입력해 주세요.' }))).toBeVisible();

    await page.getByLabel(tr({ en: 'Your name', ko: '이름' })).fill(tr({ en: 'Robin Green', ko: '한가람' }));
    await page.getByLabel(tr({ en: 'Email address', ko: '이메일 주소' })).fill(email);
    await page.getByLabel(tr({ en: 'Password', ko: '비밀번호' })).fill('a-long-enough-password');
    await page.getByRole('button', { name: tr({ en: 'Create account', ko: '계정 만들기' }) }).click();
    await expect(page.getByRole('status')).toContainText(tr({ en: 'we emailed you a link', ko: '확인 링크를 이메일로 보내 드렸으니' }));

    // The email comes in the language the person chose (the form's default is the page's language).
    const message = await mail.waitFor(email, tr({ en: /Confirm your email address/, ko: /이메일 주소를 확인해 주세요/ }));
    const first = Mailbox.link(message, `${process.env.WEB_BASE_URL}/confirm-email?token=`);

    // Signing in first says the address waits for its confirmation, sends nothing by itself, and offers the link again.
    await submitSignIn(page, tr, email, 'a-long-enough-password');
    const unconfirmed = page.getByRole('alert');
    await expect(unconfirmed).toContainText(
      tr({ en: `Your email address is not confirmed yet. Open the link we emailed to ${email}, then sign in here.`, ko: `아직 이메일 주소가 확인되지 않았습니다. ${email} 주소로 보낸 링크를 연 뒤 여기에서 다시 로그인해 주세요.` }),
    );
    await unconfirmed.getByRole('button', { name: tr({ en: 'Send the link again', ko: '링크 다시 보내기' }) }).click();
    await expect(unconfirmed.getByRole('status')).toHaveText(
      tr({ en: `A new link is on its way to ${email}. Links sent earlier keep working until they expire.`, ko: `${email} 주소로 새 링크를 보냈습니다. 먼저 보낸 링크도 유효 기간이 끝날 때까지 쓸 수 있습니다.` }),
    );
    const links = async () => (await mail.all()).filter((m) => m.to.some((t) => t.address === email)).map((m) => Mailbox.link(m, `${process.env.WEB_BASE_URL}/confirm-email?token=`));
    await expect.poll(async () => (await links()).length).toBe(2);
    const second = (await links()).find((l) => l !== first)!;

    // The first link still works: its page, in the email's language, confirms when its button is pressed.
    await page.goto(first);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr({ en: 'Confirm your email address', ko: '이메일 주소 확인' }));
    await expect(page.getByRole('main')).toContainText(email);
    await page.getByRole('button', { name: tr({ en: 'Confirm my email address', ko: '이메일 주소 확인' }) }).click();
    await expect(page.getByRole('status')).toHaveText(tr({ en: 'Your email address is confirmed. You can now sign in.', ko: '이메일 주소를 확인했습니다. 이제 로그인할 수 있습니다.' }));
    // The second has nothing left to do: it says so, and that signing in is what is left.
    await page.goto(second);
    await expect(page.locator('[data-link-state="LINK_USED"]')).toHaveText(
      tr({ en: 'This link has already been used.Your email address is confirmed already: sign in.', ko: '이미 사용한 링크입니다.이메일 주소는 이미 확인되었습니다. 로그인해 주세요.' }),
    );

    await signIn(page, email, 'a-long-enough-password');
    await expect(page).toHaveURL(/\/me$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr({ en: 'Your account', ko: '내 계정' }));
    await expect(page.getByRole('link', { name: tr({ en: 'Robin Green', ko: '한가람' }) })).toBeVisible();

    await page.getByRole('banner').getByRole('button', { name: tr({ en: 'Sign out', ko: '로그아웃' }), exact: true }).click();
    await expect(page.getByRole('banner').getByRole('link', { name: tr({ en: 'Sign in', ko: '로그인' }) })).toBeVisible();
    // Signed out means signed out: the account page asks to sign in again.
    await page.goto('/me');
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test('a wrong password is explained in the page’s language and the address is kept', async ({ page, tr }) => {
    await page.goto('/sign-in');
    await page.getByLabel(tr({ en: 'Email address', ko: '이메일 주소' })).fill('participant@demo.twins.test');
    await page.getByLabel(tr({ en: 'Password', ko: '비밀번호' }), { exact: true }).fill('wrong-password-123');
    await page.locator('form').getByRole('button', { name: tr({ en: 'Sign in', ko: '로그인' }) }).click();
    await expect(page.getByRole('alert')).toHaveText(
      tr({
        en: 'That email address and password do not match an account. Check them, or reset your password.',
        ko: '이메일 주소나 비밀번호가 맞지 않습니다. 다시 확인하거나 비밀번호를 재설정해 주세요.',
      }),
    );
    await page.reload();
    await expect(page.getByLabel(tr({ en: 'Email address', ko: '이메일 주소' }))).toHaveValue('participant@demo.twins.test');
  });

  test('signing in with a sign-up’s password before confirming it asks to confirm first, whether or not the address had an account', async ({ page, lang, tr, mail }) => {
    const signUp = (email: string, password: string) =>
      gql(`mutation($input: SignUpInput!) { signUp(input: $input) { ok } }`, { input: { email, password, displayName: tr({ en: 'Not Yet Confirmed', ko: '미확인 사용자' }), preferredLanguage: lang } });
    // A new address, and one whose account exists (signed up again with another password, by its owner or by anyone).
    const fresh = unique(lang, 'unconfirmed');
    await signUp(fresh, 'the-new-password-1');
    const existing = await createConfirmedAccount(mail, { displayName: tr({ en: 'Has An Account', ko: '계정 있는 사람' }), preferredLanguage: lang, password: 'the-account-password-1' });
    await signUp(existing, 'the-new-password-1');

    const expected = (email: string) =>
      tr({
        en: `Your email address is not confirmed yet. Open the link we emailed to ${email}, then sign in here.Send the link again`,
        ko: `아직 이메일 주소가 확인되지 않았습니다. ${email} 주소로 보낸 링크를 연 뒤 여기에서 다시 로그인해 주세요.링크 다시 보내기`,
      });
    for (const email of [fresh, existing]) {
      await submitSignIn(page, tr, email, 'the-new-password-1');
      await expect(page.getByRole('alert')).toHaveText(expected(email));
    }
    // The account's own password still signs in.
    await page.getByLabel(tr({ en: 'Password', ko: '비밀번호' }), { exact: true }).fill('the-account-password-1');
    await page.locator('form').getByRole('button', { name: tr({ en: 'Sign in', ko: '로그인' }) }).click();
    await expect(page).toHaveURL(/\/me$/);
  });

  test('too many wrong passwords for one account say how long to wait, in the page’s language', async ({ page, lang, tr, mail }) => {
    const email = await createConfirmedAccount(mail, { displayName: tr({ en: 'Limit Tester', ko: '제한 시험자' }), preferredLanguage: lang, password: 'the-right-password-1' });
    const tryIt = () => gqlRaw(`mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`, { input: { email, password: 'wrong-password-123' } });
    // The account's own limit (SIGNIN_MAX_PER_ACCOUNT, 10 in 15 minutes) is spent by someone else's guesses.
    for (let i = 0; i < 10; i++) await tryIt();
    await submitSignIn(page, tr, email, 'the-right-password-1');
    const alert = page.locator('[data-error-code="RATE_LIMITED"]');
    await expect(alert).toContainText(
      tr({ en: 'Too many requests in a short time. Wait 15 minutes, then try again', ko: '짧은 시간에 요청이 너무 많았습니다. 15분 뒤에 다시 시도해 주세요.' }),
    );
  });

  test('a signed-out visitor to a private page signs in and comes back to it', async ({ page, demoPassword, tr }) => {
    await page.goto('/me');
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.getByLabel(tr({ en: 'Email address', ko: '이메일 주소' })).fill('participant@demo.twins.test');
    await page.getByLabel(tr({ en: 'Password', ko: '비밀번호' }), { exact: true }).fill(demoPassword);
    await page.locator('form').getByRole('button', { name: tr({ en: 'Sign in', ko: '로그인' }) }).click();
    await expect(page).toHaveURL(/\/me$/);
    // Jordan Lee's account prefers English: signing in brings the interface to it.
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('an expired access token is refreshed without the person noticing', async ({ page, context, signIn }) => {
    await page.clock.install();
    await signIn(page, 'participant@demo.twins.test');
    await expect(page.getByRole('heading', { level: 2, name: 'Where you are signed in' })).toBeVisible();
    const before = await refreshCookie(context);
    // The tab sleeps past its access token's 15 minutes; the next request refreshes it first.
    await page.clock.fastForward('16:00');
    const refreshed = page.waitForResponse((r) => r.url().endsWith('/auth/refresh'));
    await page.getByRole('banner').getByRole('link', { name: 'Programme' }).click();
    await page.getByRole('banner').getByRole('link', { name: 'Jordan Lee' }).click();
    expect((await refreshed).status()).toBe(200);
    await expect(page.locator('.list li').first()).toBeVisible();
    // Refresh tokens rotate: the cookie holds the next one.
    expect((await refreshCookie(context))?.value).not.toBe(before?.value);
  });

  test('the refresh token is in no storage and no script can read it; the access token stays in memory', async ({ page, context, signIn }) => {
    await signIn(page, 'participant@demo.twins.test');
    await page.reload();
    await expect(page.locator('.list li').first()).toBeVisible();
    const cookie = await refreshCookie(context);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/auth', secure: false });
    const seen = await page.evaluate(() => ({
      cookies: document.cookie,
      stored: JSON.stringify([{ ...localStorage }, { ...sessionStorage }]),
    }));
    expect(seen.cookies).not.toContain('twins_refresh');
    expect(seen.stored).not.toContain(cookie!.value.split('.')[1]);
    expect(seen.stored).not.toMatch(/refreshToken|accessToken|eyJ[\w-]+\.[\w-]+\./);
    // What is kept is who is signed in, for the next tab and the next visit.
    expect(seen.stored).toContain('Jordan Lee');
  });

  test('a reload keeps the person signed in, with their name and roles', async ({ page, signIn }) => {
    await signIn(page, DEMO.boardUk);
    await page.reload();
    await expect(page.getByRole('banner').getByRole('link', { name: 'Priya Shah' })).toBeVisible();
    // A panel for board members only: the roles came back too; its data loads with a refreshed token.
    await expect(page.getByRole('heading', { level: 2, name: 'Your board work' })).toBeVisible();
    await expect(page.locator('.list li').first()).toBeVisible();
    // Priya's account prefers English: the language came back as well.
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('tabs opened at once share the session without spending a refresh token twice', async ({ page, context, signIn }) => {
    await signIn(page, 'participant@demo.twins.test');
    const refreshes: number[] = [];
    context.on('response', (response) => {
      if (response.url().endsWith('/auth/refresh')) refreshes.push(response.status());
    });
    const tabs = [page, await context.newPage(), await context.newPage(), await context.newPage()];
    // Every tab starts without an access token at the same moment: each needs one.
    await Promise.all(tabs.map((tab) => tab.goto('/me')));
    for (const tab of tabs) await expect(tab.locator('.list li').first()).toBeVisible();
    expect(refreshes.length).toBeGreaterThan(0);
    // No refresh was refused: no token was presented twice, so the session was never revoked as stolen.
    expect(refreshes.filter((status) => status !== 200)).toEqual([]);
    await tabs[1].reload();
    await expect(tabs[1].locator('.list li').first()).toBeVisible();
  });

  test('a refresh refused for too many requests keeps the person signed in, here and in other tabs, and is not asked again before the wait', async ({ page, context, lang, tr, mail, signIn }) => {
    const password = 'refresh-limit-password';
    const name = tr({ en: 'Patient Refresher', ko: '기다리는 사용자' });
    const email = await createConfirmedAccount(mail, { displayName: name, preferredLanguage: lang, password });
    await page.clock.install();
    await signIn(page, email, password);
    const other = await context.newPage();
    await other.goto('/me');
    await expect(other.locator('.list li').first()).toBeVisible();

    // This address's request limit is spent: POST /auth/refresh answers 429 with a minute to wait.
    let asked = 0;
    await page.route('**/auth/refresh', (route) => {
      asked++;
      return route.fulfill({
        status: 429,
        headers: { 'retry-after': '60' },
        contentType: 'application/json',
        body: JSON.stringify({ errors: [{ message: 'You have sent too many requests. Try again in 1 minute.', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 60 } }] }),
      });
    });
    await page.reload();
    const problem = page.locator('[data-error-code="RATE_LIMITED"]').first();
    await expect(problem).toContainText(tr({ en: 'Wait 60 seconds, then try again', ko: '60초 뒤에 다시 시도해 주세요' }));
    // Not the end of the session: still signed in here and in the other tab.
    await expect(page).toHaveURL(/\/me$/);
    await expect(page.getByRole('banner').getByRole('link', { name })).toBeVisible();
    await expect(other).toHaveURL(/\/me$/);
    await expect(other.getByRole('banner').getByRole('link', { name })).toBeVisible();
    expect(await other.evaluate(() => ({ ...localStorage }))).toHaveProperty(['twins.user']);

    // Trying again within the wait says to wait, without asking the API for a refresh again.
    const retry = problem.getByRole('button', { name: tr({ en: 'Try again', ko: '다시 시도' }) });
    const answered = page.waitForResponse((r) => r.url().endsWith('/graphql'));
    await retry.click();
    await answered;
    await expect(problem).toContainText(tr({ en: 'then try again', ko: '뒤에 다시 시도해 주세요' }));
    expect(asked).toBe(1);

    // Once the wait is over and the API answers again, the same page works: no reload, no new sign-in.
    await page.unroute('**/auth/refresh');
    await page.clock.fastForward('01:01');
    await retry.click();
    await expect(page.locator('.list li').first()).toBeVisible();
    await expect(page.getByRole('banner').getByRole('link', { name })).toBeVisible();
    expect(asked).toBe(1);
  });

  test('signing out in one tab ends the session, clears the cookie and signs out the other tabs', async ({ page, context, signIn }) => {
    await signIn(page, 'participant@demo.twins.test');
    const other = await context.newPage();
    await other.goto('/me');
    await expect(other.locator('.list li').first()).toBeVisible();
    expect(await refreshCookie(context)).toBeDefined();

    // Jordan Lee's account prefers English: the interface speaks it since signing in.
    await page.getByRole('banner').getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
    await expect.poll(() => refreshCookie(context)).toBeUndefined();
    await expect(other).toHaveURL(/\/sign-in$/);
    expect(await other.evaluate(() => ({ ...localStorage }))).not.toHaveProperty(['twins.user']);
  });

  test('a profile changed in one tab shows in the other tabs; its zone is picked by city and names the times', async ({ page, context, lang, tr, mail, signIn }) => {
    const password = 'renamed-in-one-tab';
    const before = tr({ en: 'Before Renaming', ko: '이름 바꾸기 전' });
    const after = tr({ en: 'After Renaming', ko: '이름 바꾼 뒤' });
    const email = await createConfirmedAccount(mail, { displayName: before, preferredLanguage: lang, password });
    await signIn(page, email, password);
    const other = await context.newPage();
    await other.goto('/events');
    await expect(other.getByRole('banner').getByRole('link', { name: before })).toBeVisible();

    await page.getByLabel(tr({ en: 'Name', ko: '이름' }), { exact: true }).fill(after);
    // The name as the other language's pages write it, optional and said what it is for.
    const otherName = page.getByLabel(tr({ en: 'Your name in Korean (optional)', ko: '영문 이름(선택)' }));
    await expect(otherName).toHaveAccessibleDescription(tr({ en: /Korean pages write your name/, ko: /영어 페이지에 표시할/ }));
    await otherName.fill(tr({ en: '이름 바꾼 뒤', ko: 'After Renaming' }));
    // The zone picker names cities in the page's language, the two countries' first (the reader's own first).
    const zone = page.getByLabel(tr({ en: 'Time zone', ko: '시간대' }), { exact: true });
    await expect(zone.locator('option').nth(0)).toHaveText(tr({ en: 'London (GMT/BST)', ko: '서울 (KST)' }));
    await expect(zone.locator('option').nth(1)).toHaveText(tr({ en: 'Seoul (KST)', ko: '런던 (GMT/BST)' }));
    await expect(zone.locator('option', { hasText: tr({ en: /^Paris \(GMT\+[12]\)$/, ko: /^파리 \(GMT\+[12]\)$/ }) })).toHaveCount(1);
    await zone.selectOption('Europe/Paris');
    await page.getByRole('button', { name: tr({ en: 'Save profile', ko: '프로필 저장' }) }).click();
    await expect(page.getByRole('banner').getByRole('link', { name: after })).toBeVisible();
    await expect(other.getByRole('banner').getByRole('link', { name: after })).toBeVisible();
    await page.reload();
    await expect(otherName).toHaveValue(tr({ en: '이름 바꾼 뒤', ko: 'After Renaming' }));
    // Times now read on Paris clocks, the zone named by its city rather than an offset.
    await expect(page.getByText(tr({ en: /\d\d:\d\d Paris time/, ko: /오[전후] \d+:\d\d \(파리 시간\)/ })).first()).toBeVisible();
  });

  test('a sign-out the server could not carry out says so and keeps the person signed in; once it answers, signing out works', async ({ page, context, lang, tr, mail, signIn }) => {
    const password = 'sign-out-retry-password';
    const name = tr({ en: 'Careful Leaver', ko: '신중한 사용자' });
    const email = await createConfirmedAccount(mail, { displayName: name, preferredLanguage: lang, password });
    await signIn(page, email, password);
    const banner = page.getByRole('banner');
    const stillSignedIn = tr({ en: 'You are still signed in: the server could not end your session.', ko: '아직 로그인되어 있습니다. 서버에서 로그인 세션을 끝내지 못했습니다.' });

    // This address's request limit is spent: POST /auth/sign-out answers 429, so the session goes on.
    await page.route('**/auth/sign-out', (route) =>
      route.fulfill({
        status: 429,
        headers: { 'retry-after': '30' },
        contentType: 'application/json',
        body: JSON.stringify({ errors: [{ message: 'You have sent too many requests. Try again in 30 seconds.', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 30 } }] }),
      }),
    );
    await banner.getByRole('button', { name: tr({ en: 'Sign out', ko: '로그아웃' }), exact: true }).click();
    const limited = page.locator('[data-error-code="RATE_LIMITED"]');
    await expect(limited).toContainText(stillSignedIn);
    await expect(limited).toContainText(tr({ en: 'Wait 30 seconds, then try again', ko: '30초 뒤에 다시 시도해 주세요' }));
    await expect(banner.getByRole('link', { name })).toBeVisible();
    await expect(page).toHaveURL(/\/me$/);

    // No answer at all: the same, said as a connection problem.
    await page.unroute('**/auth/sign-out');
    await page.route('**/auth/sign-out', (route) => route.abort());
    await limited.getByRole('button', { name: tr({ en: 'Try again', ko: '다시 시도' }) }).click();
    const offline = page.locator('[data-error-code="NETWORK"]');
    await expect(offline).toContainText(stillSignedIn);
    await expect(banner.getByRole('link', { name })).toBeVisible();
    // It was true: the session still works after a reload.
    await page.reload();
    await expect(page.locator('.list li').first()).toBeVisible();
    await expect(banner.getByRole('link', { name })).toBeVisible();

    // The server answers again: signing out ends the session and its cookie.
    await page.unroute('**/auth/sign-out');
    await banner.getByRole('button', { name: tr({ en: 'Sign out', ko: '로그아웃' }), exact: true }).click();
    await expect(banner.getByRole('link', { name: tr({ en: 'Sign in', ko: '로그인' }) })).toBeVisible();
    await expect.poll(() => refreshCookie(context)).toBeUndefined();
    await expect(page.getByText(stillSignedIn)).toHaveCount(0);
  });

  test('signing out everywhere that failed on the server says so and keeps the person signed in', async ({ page, lang, tr, mail, signIn }) => {
    const password = 'everywhere-retry-password';
    const name = tr({ en: 'Everywhere Leaver', ko: '모든 기기 사용자' });
    const email = await createConfirmedAccount(mail, { displayName: name, preferredLanguage: lang, password });
    await signIn(page, email, password);
    // The API fails this one mutation (its database is away, say).
    await page.route('**/graphql', (route) =>
      route.request().postData()?.includes('signOutEverywhere')
        ? route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ data: null, errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }) })
        : route.fallback(),
    );
    // The page's panels load one by one and move the button down as they come: click it once they are all in.
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: tr({ en: 'Sign out everywhere', ko: '모든 기기에서 로그아웃' }) }).click();
    await expect(page.locator('[data-error-code="INTERNAL_SERVER_ERROR"]')).toContainText(
      tr({ en: 'Something went wrong on our side.', ko: '서버에서 문제가 생겼습니다.' }),
    );
    await expect(page.getByRole('banner').getByRole('link', { name })).toBeVisible();
    await expect(page).toHaveURL(/\/me$/);

    // It works once the API does: signed out here, and the session is over on the server.
    await page.unroute('**/graphql');
    await page.getByRole('button', { name: tr({ en: 'Sign out everywhere', ko: '모든 기기에서 로그아웃' }) }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto('/me');
    await expect(page).toHaveURL(/\/sign-in$/);
  });
});

test.describe('password reset', () => {
  test('a reset link from the email sets a new password that then signs in', async ({ page, lang, tr, mail, signIn }) => {
    // A fresh account, so other tests' demo passwords stay as they are.
    const base = process.env.WEB_BASE_URL!;
    const email = await createConfirmedAccount(mail, { displayName: tr({ en: 'Reset Tester', ko: '재설정 시험자' }), preferredLanguage: lang, password: 'first-password-123' });

    await page.goto('/sign-in');
    await page.getByRole('link', { name: tr({ en: 'Forgot your password?', ko: '비밀번호를 잊으셨나요?' }) }).click();
    // The page loads on demand: the sign-in form's field has the same label until it is there.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr({ en: 'Reset your password', ko: '비밀번호 재설정' }));
    await page.getByLabel(tr({ en: 'Email address', ko: '이메일 주소' })).fill(email);
    await page.getByRole('button', { name: tr({ en: 'Email me a link', ko: '링크 받기' }) }).click();
    await expect(page.getByRole('status')).toContainText(tr({ en: 'a link is on its way', ko: '링크를 보내 드렸습니다' }));

    const reset = await mail.waitFor(email, tr({ en: /Reset your Innovation Twins password/, ko: /비밀번호 재설정/ }));
    const link = Mailbox.link(reset, `${base}/reset-password?token=`);
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr({ en: 'Choose a new password', ko: '새 비밀번호 정하기' }));
    await page.getByLabel(tr({ en: 'New password', ko: '새 비밀번호' })).fill('second-password-456');
    await page.getByRole('button', { name: tr({ en: 'Save the new password', ko: '새 비밀번호 저장' }) }).click();
    await expect(page.getByRole('status')).toHaveText(tr({ en: 'Your password is changed. Sign in with the new one.', ko: '비밀번호를 바꿨습니다. 새 비밀번호로 로그인해 주세요.' }));

    // Used, the link says so, and leads to a new one.
    await page.goto(link);
    await expect(page.locator('[data-link-state="LINK_USED"]')).toContainText(tr({ en: 'This link has already been used.', ko: '이미 사용한 링크입니다.' }));
    await page.getByRole('link', { name: tr({ en: 'Ask for a new link', ko: '새 링크 받기' }) }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);

    await signIn(page, email, 'second-password-456');
    await expect(page).toHaveURL(/\/me$/);
  });
});

test.describe('an ended session', () => {
  test('a person whose session ended signs in again and finds what they typed', async ({ page, lang, tr, mail, signIn }) => {
    const password = 'session-test-password';
    const email = await createConfirmedAccount(mail, { displayName: tr({ en: 'Session Tester', ko: '세션 시험자' }), preferredLanguage: lang, password });
    await signIn(page, email, password);
    await expect(page).toHaveURL(/\/me$/);

    const name = page.getByLabel(tr({ en: 'Name', ko: '이름' }), { exact: true });
    await name.fill(tr({ en: 'A name typed before the session ended', ko: '세션이 끝나기 전에 입력한 이름' }));

    // Elsewhere, the person signs out everywhere: this browser's session is revoked too.
    await gql(`mutation { signOutEverywhere { ok } }`, {}, await tokenFor(email, password));
    await page.getByRole('button', { name: tr({ en: 'Save profile', ko: '프로필 저장' }) }).click();

    // The app notices, asks to sign in again, and brings the person back to the same form.
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.getByLabel(tr({ en: 'Password', ko: '비밀번호' }), { exact: true }).fill(password);
    await page.locator('form').getByRole('button', { name: tr({ en: 'Sign in', ko: '로그인' }) }).click();
    await expect(page).toHaveURL(/\/me$/);
    await expect(name).toHaveValue(tr({ en: 'A name typed before the session ended', ko: '세션이 끝나기 전에 입력한 이름' }));
  });
});
