import { expect, test } from './fixtures';
import { createConfirmedAccount } from './support/api';

test.describe('changing your password', () => {
  test('a wrong current password is refused, then the new password is the one that signs in', async ({ page, lang, tr, mail, signIn }) => {
    const email = await createConfirmedAccount(mail, { displayName: tr({ en: 'Pat Changer', ko: '비밀번호 변경자' }), preferredLanguage: lang, password: 'the-first-password-1' });
    await signIn(page, email, 'the-first-password-1');
    await page.goto('/me');
    const form = page.getByRole('form', { name: tr({ en: 'Change your password', ko: '비밀번호 변경' }) });
    await expect(form).toContainText(tr({ en: 'signs you out on every device', ko: '모든 기기에서 로그아웃됩니다' }));

    // The length rule is checked as typed.
    await form.getByLabel(tr({ en: 'New password', ko: '새 비밀번호' }), { exact: true }).fill('short');
    await expect(form.getByText(tr({ en: 'Use at least 10 characters.', ko: '10자 이상 입력해 주세요.' }), { exact: true })).toBeVisible();

    await form.getByLabel(tr({ en: 'Current password', ko: '현재 비밀번호' })).fill('not-my-password-1');
    await form.getByLabel(tr({ en: 'New password', ko: '새 비밀번호' }), { exact: true }).fill('the-second-password-2');
    await form.getByLabel(tr({ en: 'New password again', ko: '새 비밀번호 확인' })).fill('the-second-password-2');
    await form.getByRole('button', { name: tr({ en: 'Change password', ko: '비밀번호 변경' }) }).click();
    await expect(form.getByText(tr({ en: 'That is not your current password.', ko: '현재 비밀번호가 맞지 않습니다.' }))).toBeVisible();
    if (lang === 'ko') await expect(form).not.toContainText('current password');

    await form.getByLabel(tr({ en: 'Current password', ko: '현재 비밀번호' })).fill('the-first-password-1');
    await form.getByRole('button', { name: tr({ en: 'Change password', ko: '비밀번호 변경' }) }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole('status').filter({ hasText: tr({ en: 'Your password is changed', ko: '비밀번호를 바꿨고' }) })).toBeVisible();

    // Signed out here too: the account page asks to sign in again, and the new password does it.
    await page.goto('/me');
    await expect(page).toHaveURL(/\/sign-in$/);
    await signIn(page, email, 'the-second-password-2');
    await expect(page).toHaveURL(/\/me$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr({ en: 'Your account', ko: '내 계정' }));
  });
});
