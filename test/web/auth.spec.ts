import { expect, Mailbox, test } from './fixtures';
import { createConfirmedAccount, gql, tokenFor } from './support/api';

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
    await page.goto(Mailbox.link(message, `${process.env.WEB_BASE_URL}/account/confirm-email`));
    await page.getByRole('button', { name: /Confirm/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Email confirmed');

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

  test('an expired access token is refreshed without the person noticing', async ({ page, signIn }) => {
    await signIn(page, 'participant@demo.twins.test');
    const before = await page.evaluate(() => JSON.parse(localStorage.getItem('twins.session')!) as { refreshToken: string });
    // Make the stored access token stale, as if the tab had slept past its 15 minutes.
    await page.evaluate(() => {
      const session = JSON.parse(localStorage.getItem('twins.session')!);
      localStorage.setItem('twins.session', JSON.stringify({ ...session, accessToken: 'stale', accessTokenExpiresAt: new Date(0).toISOString() }));
    });
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: 'Where you are signed in' })).toBeVisible();
    await expect(page.locator('.list li').first()).toBeVisible();
    const after = await page.evaluate(() => JSON.parse(localStorage.getItem('twins.session')!) as { refreshToken: string; accessToken: string });
    expect(after.accessToken).not.toBe('stale');
    // Refresh tokens rotate: the old one is spent.
    expect(after.refreshToken).not.toBe(before.refreshToken);
  });
});

test.describe('password reset', () => {
  test('a reset link from the email sets a new password that then signs in', async ({ page, lang, tr, mail, signIn }) => {
    // A fresh account, so other tests' demo passwords stay as they are.
    const base = process.env.WEB_BASE_URL!;
    const email = await createConfirmedAccount(mail, { displayName: 'Reset Tester', preferredLanguage: lang, password: 'first-password-123' });

    await page.goto('/sign-in');
    await page.getByRole('link', { name: tr({ en: 'Forgot your password?', ko: '비밀번호를 잊으셨나요?' }) }).click();
    await page.getByLabel(tr({ en: 'Email address', ko: '이메일 주소' })).fill(email);
    await page.getByRole('button', { name: tr({ en: 'Email me a link', ko: '링크 받기' }) }).click();
    await expect(page.getByRole('status')).toContainText(tr({ en: 'a link is on its way', ko: '링크를 보내 드렸습니다' }));

    const reset = await mail.waitFor(email, tr({ en: /Reset your Innovation Twins password/, ko: /비밀번호 재설정/ }));
    await page.goto(Mailbox.link(reset, `${base}/account/reset-password`));
    await page.getByLabel(/New password/).fill('second-password-456');
    await page.getByRole('button', { name: /Save/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Password changed');

    await signIn(page, email, 'second-password-456');
    await expect(page).toHaveURL(/\/me$/);
  });
});

test.describe('an ended session', () => {
  test('a person whose session ended signs in again and finds what they typed', async ({ page, lang, tr, mail, signIn }) => {
    const password = 'session-test-password';
    const email = await createConfirmedAccount(mail, { displayName: 'Session Tester', preferredLanguage: lang, password });
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
