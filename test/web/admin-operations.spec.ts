import { DEMO, expect, test, type Lang, type Mailbox } from './fixtures';
import { createConfirmedAccount, gql, tokenFor, userIdOf } from './support/api';

/**
 * The console's operations page (/admin/operations): the services' health in
 * words, a test email sent and then found in the outbox by its recipient.
 * The admin reads the project's language: a new account made an admin.
 */
async function adminIn(lang: Lang, mail: Mailbox): Promise<{ email: string; password: string }> {
  const password = 'operations-admin-password';
  const email = await createConfirmedAccount(mail, { displayName: lang === 'ko' ? '운영 관리자' : 'Ops Admin', preferredLanguage: lang, password });
  await gql(`mutation($input: UserRoleInput!) { grantRole(input: $input) { id } }`, { input: { userId: await userIdOf(email, password), role: 'ADMIN' } }, await tokenFor(DEMO.admin));
  return { email, password };
}

test('an admin sees the services running, sends a test email and finds it sent in the outbox', async ({ page, signIn, mail, tr, lang }) => {
  const admin = await adminIn(lang, mail);
  await signIn(page, admin.email, admin.password);
  await page.goto('/admin');
  await page.getByRole('navigation', { name: tr({ en: 'Console sections', ko: '관리 콘솔 메뉴' }) }).getByRole('link', { name: tr({ en: 'Operations', ko: '운영' }) }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr({ en: 'Operations', ko: '운영' }));

  const services = page.getByRole('region', { name: tr({ en: 'Services', ko: '서비스 상태' }) });
  for (const name of tr({ en: ['Database (PostgreSQL)', 'Queue store (Redis)', 'Background worker'], ko: ['데이터베이스(PostgreSQL)', '작업 대기열 저장소(Redis)', '백그라운드 작업 처리기'] })) {
    await expect(services.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) })).toContainText(tr({ en: 'Running', ko: '정상' }));
  }
  await expect(services).toContainText(tr({ en: 'emails, digests and reminders go out', ko: '이메일, 요약 메일, 알림이 정상적으로 발송됩니다' }));

  // A malformed address is caught before anything is sent.
  const testEmail = page.getByRole('region', { name: tr({ en: 'Send a test email', ko: '테스트 이메일 보내기' }) });
  const to = testEmail.getByLabel(tr({ en: 'Send to', ko: '받는 주소' }));
  await to.fill('not-an-address');
  await testEmail.getByRole('button', { name: tr({ en: 'Send test email', ko: '테스트 이메일 보내기' }) }).click();
  await expect(testEmail).toContainText(tr({ en: 'Enter an email address such as', ko: '같은 이메일 주소를 입력하거나' }));
  const address = `ops-check-${lang}-${Date.now()}@example.org`;
  await to.fill(address);
  await testEmail.getByRole('button', { name: tr({ en: 'Send test email', ko: '테스트 이메일 보내기' }) }).click();
  await expect(testEmail.getByRole('status')).toContainText(address);
  await mail.waitFor(address, /test message|테스트/i);

  // The outbox shows failed and parked emails first; the sent one is found by its status and address.
  const outbox = page.getByRole('region', { name: tr({ en: 'Email outbox', ko: '이메일 발송함' }) });
  await outbox.getByLabel(tr({ en: 'Show', ko: '표시할 이메일' })).selectOption({ label: tr({ en: 'Sent', ko: '발송 완료' }) });
  await outbox.getByLabel(tr({ en: 'Recipient address contains', ko: '받는 주소 검색' })).fill(`ops-check-${lang}`);
  const message = outbox.getByRole('article', { name: new RegExp(address) });
  await expect(message).toContainText(tr({ en: 'Sent', ko: '발송 완료' }));
  await expect(message).toContainText(tr({ en: 'Attempts', ko: '시도 횟수' }));
  await expect(outbox.getByText(tr({ en: '1 email', ko: '이메일 1통' }), { exact: true })).toBeVisible();
  await expect(message.getByRole('button', { name: new RegExp(tr({ en: 'Retry', ko: '다시 보내기' })) })).toHaveCount(0);
});
