import AxeBuilder from '@axe-core/playwright';
import { DEMO, expect, showIn, test } from './fixtures';
import { gql, restoreLanguage, userIdOf } from './support/api';
import { demoFund, submittedApplication } from './support/board-setup';

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
/**
 * Every page of the secretariat's console, for admins: `:fund`, `:call`,
 * `:person`, `:organisation` and `:application` stand for the demo fund, its
 * call, the Liverpool officer, Liverpool City Council and an application
 * submitted for the test.
 */
const CONSOLE_PAGES = [
  '/admin',
  '/admin/people',
  '/admin/people/:person',
  '/admin/organisations',
  '/admin/organisations/:organisation',
  '/admin/organisation-requests',
  '/admin/funds',
  '/admin/funds/:fund',
  '/admin/funds/:fund/calls',
  '/admin/funds/:fund/calls/new',
  '/admin/funds/:fund/calls/:call',
  '/admin/funds/:fund/board',
  '/admin/funds/:fund/meetings',
  '/admin/funds/:fund/audit',
  '/admin/applications',
  '/admin/applications/:application',
  '/admin/evidence',
  '/admin/evidence/busan',
  '/admin/operations',
];

/** The console's paths with the demo's ids in place of the placeholders. */
async function consolePaths(): Promise<string[]> {
  const [{ fundId, callId }, application, person, organisations] = await Promise.all([
    demoFund(),
    submittedApplication('Accessibility'),
    userIdOf(DEMO.liverpool),
    gql<{ organisations: { nodes: Array<{ id: string }> } }>(`query { organisations(filter: { search: "Liverpool City Council" }, first: 1) { nodes { id } } }`),
  ]);
  const ids: Record<string, string> = { fund: fundId, call: callId, application: application.applicationId, person, organisation: organisations.organisations.nodes[0].id };
  return CONSOLE_PAGES.map((path) => path.replace(/:(\w+)/g, (_, key: string) => ids[key]));
}

async function expectAccessible(page: import('@playwright/test').Page, path: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const problems = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(problems, `accessibility problems on ${path}`).toEqual([]);
}

async function expectNoSidewaysScroll(page: import('@playwright/test').Page, path: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${path} scrolls sideways on a phone`).toBeLessThanOrEqual(0);
}

type SignIn = (page: import('@playwright/test').Page, email: string) => Promise<void>;

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 800 };

/**
 * Opens each page once and checks it at desktop width and then on a phone
 * (the same page, resized: its CSS answers the width): its heading, axe's
 * WCAG AA rules at both widths, and no sideways scrolling on the phone.
 */
async function checkPages(page: import('@playwright/test').Page, paths: string[], lang?: string): Promise<void> {
  for (const path of paths) {
    await page.setViewportSize(DESKTOP);
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    if (lang) await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expectAccessible(page, `${path} (desktop)`);
    await page.setViewportSize(PHONE);
    await expectAccessible(page, `${path} (phone)`);
    await expectNoSidewaysScroll(page, path);
  }
}

/** Checks pages as a demo account shown the run's language, then gives the account its English back. */
async function checkPagesAs(page: import('@playwright/test').Page, signIn: SignIn, email: string, lang: 'en' | 'ko', paths: string[]): Promise<void> {
  await signIn(page, email);
  await showIn(page, lang);
  try {
    await checkPages(page, paths, lang);
  } finally {
    if (lang === 'ko') await restoreLanguage(email);
  }
}

test.describe('accessibility at desktop and phone width', () => {
  test('public pages pass WCAG AA checks', async ({ page }) => {
    await checkPages(page, PUBLIC_PAGES);
  });

  test('signed-in pages pass WCAG AA checks, in the run’s language', async ({ page, signIn, lang }) => {
    await checkPagesAs(page, signIn, DEMO.participant, lang, SIGNED_IN_PAGES);
  });

  test('board members’ pages pass WCAG AA checks, in the run’s language', async ({ page, signIn, lang }) => {
    await checkPagesAs(page, signIn, DEMO.boardUk2, lang, BOARD_PAGES);
  });

  test('the secretariat’s console passes WCAG AA checks, in the run’s language', async ({ page, signIn, lang }) => {
    // Nineteen pages, each checked at two widths: more time than one page needs.
    test.slow();
    await checkPagesAs(page, signIn, DEMO.admin, lang, await consolePaths());
  });
});

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
