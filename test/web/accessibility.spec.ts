import AxeBuilder from '@axe-core/playwright';
import { DEMO, expect, test } from './fixtures';
import { demoFund } from './support/board-setup';

/**
 * Automated WCAG 2.1 AA checks (axe-core) of the main pages in both languages,
 * at desktop width and on a phone, where nothing may force sideways scrolling.
 * Automated checks find about half of the problems; the journeys' tests use
 * the pages by their labels and roles, as a screen reader would.
 */
const PUBLIC_PAGES = ['/', '/sign-in', '/sign-up', '/forgot-password', '/no-such-page'];
const SIGNED_IN_PAGES = ['/me', '/me/organisation-requests'];
/** Pages board members see. */
const BOARD_PAGES = ['/board/reviews'];
/** Pages only admins see. */
const ADMIN_PAGES = [
  '/admin',
  '/admin/organisation-requests',
  '/admin/funds',
  '/admin/applications',
  '/admin/people',
  '/admin/organisations',
  '/admin/evidence',
  '/admin/evidence/busan',
  '/admin/operations',
];
/** The demo fund's console pages (under /admin/funds/:id), :callId its open call. */
const ADMIN_FUND_PAGES = ['', '/calls/:callId', '/board', '/audit'];

async function expectAccessible(page: import('@playwright/test').Page, path: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const problems = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(problems, `accessibility problems on ${path}`).toEqual([]);
}

async function expectNoSidewaysScroll(page: import('@playwright/test').Page, path: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${path} scrolls sideways on a phone`).toBeLessThanOrEqual(0);
}

for (const viewport of [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 375, height: 800 },
]) {
  test.describe(`accessibility on a ${viewport.name}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('public pages pass WCAG AA checks', async ({ page }) => {
      for (const path of PUBLIC_PAGES) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await page.waitForLoadState('networkidle');
        await expectAccessible(page, path);
        if (viewport.name === 'phone') await expectNoSidewaysScroll(page, path);
      }
    });

    test('signed-in pages pass WCAG AA checks', async ({ page, signIn }) => {
      await signIn(page, DEMO.participant);
      for (const path of SIGNED_IN_PAGES) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await page.waitForLoadState('networkidle');
        await expectAccessible(page, path);
        if (viewport.name === 'phone') await expectNoSidewaysScroll(page, path);
      }
    });

    test('board members’ pages pass WCAG AA checks', async ({ page, signIn }) => {
      await signIn(page, DEMO.boardUk2);
      for (const path of BOARD_PAGES) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await page.waitForLoadState('networkidle');
        await expectAccessible(page, path);
        if (viewport.name === 'phone') await expectNoSidewaysScroll(page, path);
      }
    });

    test('admins’ pages pass WCAG AA checks', async ({ page, signIn }) => {
      await signIn(page, DEMO.admin);
      for (const path of ADMIN_PAGES) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await page.waitForLoadState('networkidle');
        await expectAccessible(page, path);
        if (viewport.name === 'phone') await expectNoSidewaysScroll(page, path);
      }
    });

    test('the seed fund’s console pages pass WCAG AA checks', async ({ page, signIn }) => {
      const { fundId, callId } = await demoFund();
      await signIn(page, DEMO.admin);
      for (const path of ADMIN_FUND_PAGES.map((tail) => `/admin/funds/${fundId}${tail.replace(':callId', callId)}`)) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
        await page.waitForLoadState('networkidle');
        await expectAccessible(page, path);
        if (viewport.name === 'phone') await expectNoSidewaysScroll(page, path);
      }
    });
  });
}

test('the keyboard reaches the main content first through the skip link, and the menu opens on a phone', async ({ page, tr }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: tr({ en: 'Skip to main content', ko: '본문으로 건너뛰기' }) });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  const menu = page.getByRole('button', { name: tr({ en: 'Menu', ko: '메뉴' }) });
  await expect(page.getByRole('navigation')).toBeHidden();
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('navigation').getByRole('link', { name: tr({ en: 'Events', ko: '행사' }) }).click();
  await expect(page).toHaveURL(/\/events$/);
  // Going to another page closes the menu.
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
});
