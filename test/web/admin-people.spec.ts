import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, Mailbox, test, type Lang } from './fixtures';
import { createAdmin } from './support/admin-api';
import { createConfirmedPerson } from './support/events-api';

/**
 * The secretariat's console for people and organisations (/admin/people,
 * /admin/organisations), used by an admin of the run's language: finding a
 * person and changing their roles, inviting someone, and an organisation's
 * email domain and members.
 */

type Tr = <T>(texts: Record<Lang, T>) => T;

/** The status line saying `text`, which takes the focus when something is done. */
function statusSaying(page: Page, text: string): Locator {
  return page.getByRole('status').filter({ hasText: text });
}

/**
 * The page as it is passes WCAG AA checks at desktop width and on a phone, where it does not scroll
 * sideways (the accessibility tests check the console's lists; a person's and an organisation's pages need an id).
 */
async function expectAccessible(page: Page): Promise<void> {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 800 });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** Finds a person by part of their name on /admin/people and opens their page. */
async function openPerson(page: Page, tr: Tr, name: string): Promise<void> {
  await page.goto('/admin/people');
  await page.getByLabel(tr({ en: 'Name or email address', ko: '이름 또는 이메일 주소' })).fill(name);
  const results = page.getByRole('list', { name: tr({ en: 'People', ko: '사용자 목록' }) });
  await expect(page.getByText(tr({ en: '1 person found.', ko: '1명을 찾았습니다.' }))).toBeVisible();
  await results.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
}

test.describe('the console: people and organisations', () => {
  test('an admin finds a person, grants a role and revokes it, disables and enables the account, each confirmed; and invites someone, who gets the email', async ({ page, lang, tr, mail, signIn }) => {
    const stamp = Date.now();
    const name = tr({ en: `Grace Person ${stamp}`, ko: `김민지 ${stamp}` });
    const [admin] = await Promise.all([
      createAdmin(mail, lang, tr({ en: `Secretariat Admin ${stamp}`, ko: `사무국 관리자 ${stamp}` })),
      createConfirmedPerson(mail, lang, 'person', name),
    ]);
    await signIn(page, admin.email, admin.password);

    await openPerson(page, tr, name);
    const role = tr({ en: 'Event organiser', ko: '행사 주최자' });
    const roles = page.getByRole('region', { name: tr({ en: 'Roles', ko: '역할' }) });
    const organiserRow = roles.getByRole('listitem').filter({ hasText: role });
    await expect(organiserRow).toContainText(tr({ en: 'Does not have this role', ko: '보유하지 않음' }));
    await expectAccessible(page);
    await roles.getByRole('button', { name: tr({ en: `Grant the role ${role}`, ko: `${role} 역할 부여` }) }).click();
    await expect(statusSaying(page, tr({ en: `The role ${role} is granted.`, ko: `${role} 역할을 부여했습니다.` }))).toBeFocused();
    await expect(organiserRow).toContainText(tr({ en: 'Has this role', ko: '보유 중' }));

    // Revoking asks first, says what it does, and can be stepped back from.
    const revoke = tr({ en: `Revoke the role ${role}`, ko: `${role} 역할 회수` });
    await roles.getByRole('button', { name: revoke }).click();
    const confirm = roles.getByRole('group', { name: revoke });
    await expect(confirm).toContainText(tr({ en: 'They lose what it allows at once', ko: '즉시 할 수 없게 됩니다' }));
    await confirm.getByRole('button', { name: tr({ en: 'Keep the role', ko: '역할 유지' }) }).click();
    await expect(organiserRow).toContainText(tr({ en: 'Has this role', ko: '보유 중' }));
    await roles.getByRole('button', { name: revoke }).click();
    await roles.getByRole('group', { name: revoke }).getByRole('button', { name: tr({ en: 'Yes, revoke it', ko: '네, 회수합니다' }) }).click();
    await expect(statusSaying(page, tr({ en: `The role ${role} is revoked.`, ko: `${role} 역할을 회수했습니다.` }))).toBeFocused();
    await expect(organiserRow).toContainText(tr({ en: 'Does not have this role', ko: '보유하지 않음' }));

    // Disabling says what it does (signed out everywhere) before it happens; enabling undoes it.
    const account = page.getByRole('region', { name: tr({ en: 'Account', ko: '계정' }) });
    await account.getByRole('button', { name: tr({ en: 'Disable the account', ko: '계정 비활성화' }) }).click();
    const disabling = account.getByRole('group', { name: tr({ en: 'Disable the account', ko: '계정 비활성화' }) });
    await expect(disabling).toContainText(tr({ en: 'They are signed out everywhere at once', ko: '모든 기기에서 즉시 로그아웃되며' }));
    await disabling.getByRole('button', { name: tr({ en: 'Yes, disable it', ko: '네, 비활성화합니다' }) }).click();
    await expect(statusSaying(page, tr({ en: 'The account is disabled and its sessions are signed out.', ko: '계정을 비활성화하고 모든 로그인을 종료했습니다.' }))).toBeFocused();
    await expect(page.getByRole('region', { name: tr({ en: 'Where they are signed in', ko: '로그인한 곳' }) })).toContainText(
      tr({ en: 'Not signed in anywhere.', ko: '로그인한 곳이 없습니다.' }),
    );
    await account.getByRole('button', { name: tr({ en: 'Enable the account', ko: '계정 다시 활성화' }) }).click();
    await account.getByRole('button', { name: tr({ en: 'Yes, enable it', ko: '네, 활성화합니다' }) }).click();
    await expect(statusSaying(page, tr({ en: 'The account is enabled again.', ko: '계정을 다시 활성화했습니다.' }))).toBeFocused();

    // Their own admin role is not theirs to revoke, nor their account theirs to disable.
    await openPerson(page, tr, admin.displayName);
    await expect(page.getByText(tr({ en: /This is your own admin role/, ko: /본인의 관리자 역할입니다/ }))).toBeVisible();
    await expect(page.getByRole('button', { name: tr({ en: 'Revoke the role Admin', ko: '관리자 역할 회수' }) })).toHaveCount(0);
    await expect(page.getByRole('button', { name: tr({ en: 'Disable the account', ko: '계정 비활성화' }) })).toHaveCount(0);

    // An invitation with a role, in the invitee's language.
    await page.goto('/admin/people');
    await page.getByRole('button', { name: tr({ en: 'Invite someone', ko: '사용자 초대' }) }).click();
    const form = page.getByRole('form', { name: tr({ en: 'Invite someone', ko: '사용자 초대' }) });
    await expect(form.getByRole('heading')).toBeFocused();
    const invitee = `invited-${lang}-${stamp}@example.test`;
    await form.getByLabel(tr({ en: 'Email address', ko: '이메일 주소' })).fill('not-an-address');
    await form.getByRole('button', { name: tr({ en: 'Send the invitation', ko: '초대 보내기' }) }).click();
    await expect(form.getByText(tr({ en: 'Enter an email address, like name@example.org.', ko: 'name@example.org와 같은 형식의 이메일 주소를 입력하세요.' }))).toBeVisible();
    await form.getByLabel(tr({ en: 'Email address', ko: '이메일 주소' })).fill(invitee);
    await form.getByRole('checkbox', { name: tr({ en: 'Board member', ko: '운영위원' }) }).check();
    await form.getByRole('button', { name: tr({ en: 'Send the invitation', ko: '초대 보내기' }) }).click();
    await expect(statusSaying(page, tr({ en: `The invitation is on its way to ${invitee}.`, ko: `초대 이메일을 보냈습니다. 받는 사람: ${invitee}` }))).toBeFocused();
    const email = await mail.waitFor(invitee, tr({ en: /invited you to Innovation Twins/, ko: /이노베이션 트윈스에 초대했습니다/ }));
    // Its link opens the web app's page; the admin, still signed in, is told it is someone else's and switches.
    await page.goto(Mailbox.link(email, `${process.env.WEB_BASE_URL}/accept-invitation?token=`));
    await page.getByRole('button', { name: tr({ en: `Sign out and continue as ${invitee}`, ko: `로그아웃하고 ${invitee} 계정으로 계속하기` }) }).click();
    await page.getByLabel(tr({ en: 'Your name', ko: '이름' })).fill(tr({ en: 'Invited Person', ko: '초대받은 위원' }));
    await page.getByLabel(tr({ en: 'Password', ko: '비밀번호' }), { exact: true }).fill('invited-password-123');
    await page.getByRole('button', { name: tr({ en: 'Accept the invitation', ko: '초대 수락' }) }).click();
    await expect(page.getByRole('main').getByRole('status')).toHaveText(
      tr({ en: `Your account is ready: sign in as ${invitee}.`, ko: `계정이 만들어졌습니다. ${invitee} 계정으로 로그인해 주세요.` }),
    );
  });

  test('an admin adds an organisation, sets its email domain, adds a member found by name, makes them its manager (who stays one as the last) and removes them after confirming', async ({ page, lang, tr, mail, signIn }) => {
    const stamp = Date.now();
    const member = tr({ en: `Member To Be ${stamp}`, ko: `박서준 ${stamp}` });
    const [admin] = await Promise.all([
      createAdmin(mail, lang, tr({ en: `Organisations Admin ${stamp}`, ko: `기관 관리자 ${stamp}` })),
      createConfirmedPerson(mail, lang, 'member', member),
    ]);
    await signIn(page, admin.email, admin.password);
    await page.goto('/admin/organisations');

    // Filtered by country: the Korean organisations only.
    await page.getByLabel(tr({ en: 'Country', ko: '국가' })).selectOption('KR');
    const results = page.getByRole('list', { name: tr({ en: 'Organisations', ko: '기관 목록' }) });
    await expect(results.getByRole('link', { name: tr({ en: 'Busan Metropolitan City', ko: '부산광역시' }) })).toBeVisible();
    await expect(results.getByRole('link', { name: tr({ en: 'Liverpool City Council', ko: '리버풀 시의회' }) })).toHaveCount(0);

    const nameEn = `Daegu Design Lab ${stamp}`;
    const nameKo = `대구 디자인 연구소 ${stamp}`;
    await page.getByRole('button', { name: tr({ en: 'Add an organisation', ko: '기관 추가' }) }).click();
    const form = page.getByRole('form', { name: tr({ en: 'Add an organisation', ko: '기관 추가' }) });
    await form.getByLabel(tr({ en: 'Name in English', ko: '영어 이름' })).fill(nameEn);
    await form.getByLabel(tr({ en: 'Name in Korean', ko: '한국어 이름' })).fill(nameKo);
    await form.getByLabel(tr({ en: 'Kind', ko: '유형' })).selectOption('AGENCY');
    await form.getByRole('button', { name: tr({ en: 'Add the organisation', ko: '기관 추가하기' }) }).click();
    await expect(form.getByText(tr({ en: 'Choose the organisation’s city.', ko: '기관이 있는 도시를 선택하세요.' }))).toBeVisible();
    await form.getByLabel(tr({ en: 'City', ko: '도시' })).selectOption('daegu');
    await form.getByRole('button', { name: tr({ en: 'Add the organisation', ko: '기관 추가하기' }) }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr({ en: nameEn, ko: nameKo }));
    await expect(statusSaying(page, tr({ en: 'The organisation is added.', ko: '기관을 추가했습니다.' }))).toBeVisible();

    const domain = page.getByRole('region', { name: tr({ en: 'Email domain', ko: '이메일 도메인' }) });
    await domain.getByLabel(tr({ en: 'Domain', ko: '도메인' })).fill('https://lab');
    await domain.getByRole('button', { name: tr({ en: 'Save the domain', ko: '도메인 저장' }) }).click();
    await expect(domain.getByText(tr({ en: /Enter a domain such as liverpool.gov.uk/, ko: /liverpool.gov.uk와 같은 도메인을/ }))).toBeVisible();
    await domain.getByLabel(tr({ en: 'Domain', ko: '도메인' })).fill(`lab${stamp}.daegu.example`);
    await domain.getByRole('button', { name: tr({ en: 'Save the domain', ko: '도메인 저장' }) }).click();
    await expect(statusSaying(page, tr({ en: 'The email domain is saved.', ko: '이메일 도메인을 저장했습니다.' }))).toBeFocused();

    const members = page.getByRole('region', { name: tr({ en: 'Members', ko: '구성원' }) });
    await expect(members).toContainText(tr({ en: 'No members yet.', ko: '아직 구성원이 없습니다.' }));
    await members.getByRole('button', { name: tr({ en: 'Add a member', ko: '구성원 추가' }) }).click();
    await members.getByLabel(tr({ en: 'Find a person by name or email address', ko: '이름 또는 이메일 주소로 사용자 찾기' })).fill(member);
    await members.getByRole('button', { name: tr({ en: `Add as a member: ${member}`, ko: `구성원으로 추가: ${member}` }) }).click();
    await expect(statusSaying(page, tr({ en: `${member} is now a member.`, ko: `${member} 님을 구성원으로 추가했습니다.` }))).toBeFocused();
    await expect(members.getByRole('link', { name: member })).toBeVisible();
    const row = members.getByRole('listitem').filter({ hasText: member });
    await expect(row.getByText(tr({ en: 'Member', ko: '일반 구성원' }), { exact: true })).toBeVisible();

    // Made a manager, they decide who joins; as the only manager, they stay one.
    await members.getByRole('button', { name: tr({ en: `Make a manager: ${member}`, ko: `기관 관리자로 지정: ${member}` }) }).click();
    await expect(statusSaying(page, tr({ en: `${member} is now a manager of the organisation.`, ko: `${member} 님을 기관 관리자로 지정했습니다.` }))).toBeFocused();
    await expect(row.getByText(tr({ en: 'Manager', ko: '기관 관리자' }), { exact: true })).toBeVisible();
    await members.getByRole('button', { name: tr({ en: `Make a plain member: ${member}`, ko: `일반 구성원으로 변경: ${member}` }) }).click();
    await expect(members.getByRole('alert')).toContainText(tr({ en: 'This is the organisation’s last manager.', ko: '이 기관의 마지막 기관 관리자입니다.' }));
    await expectAccessible(page);

    const remove = tr({ en: `Remove from the organisation: ${member}`, ko: `기관에서 제외: ${member}` });
    await members.getByRole('button', { name: remove }).click();
    const confirm = members.getByRole('group', { name: remove });
    await expect(confirm).toContainText(tr({ en: 'They can ask to join again.', ko: '다시 가입을 요청할 수 있습니다.' }));
    await confirm.getByRole('button', { name: tr({ en: 'Yes, remove', ko: '네, 제외합니다' }) }).click();
    await expect(statusSaying(page, tr({ en: `${member} is no longer a member.`, ko: `${member} 님을 기관에서 제외했습니다.` }))).toBeFocused();
    await expect(members.getByRole('link', { name: member })).toHaveCount(0);
  });
});
