import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO, Mailbox, test } from '../fixtures';
import { createProjectApi, ensureLiverpoolBusanWorkspace, gql } from '../support/api';
import { applicationUnderReview, meetingWith } from '../support/board-setup';

const OUT = join(__dirname, '..', '..', '..', 'screenshots');
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 375, height: 812 },
];

/** Signs in, then shows the interface in `lang` whatever the account prefers (this platform is thrown away after). */
async function signInIn(page: Page, signIn: (page: Page, email: string) => Promise<void>, email: string, lang: string): Promise<void> {
  await signIn(page, email);
  if ((await page.locator('html').getAttribute('lang')) !== lang) {
    await page.getByRole('banner').getByRole('button', { name: /한국어|English/ }).click();
    await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
  }
}

async function shoot(page: Page, lang: string, name: string, path: string): Promise<void> {
  for (const size of WIDTHS) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto(path);
    await page.locator('h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    const dir = join(OUT, lang, size.name);
    await mkdir(dir, { recursive: true });
    await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
  }
}

test('public pages', async ({ page, lang, mail }) => {
  const { caseStudies } = await gql<{ caseStudies: { nodes: Array<{ slug: string }> } }>(`query { caseStudies(first: 1) { nodes { slug } } }`);
  const { events } = await gql<{ events: { nodes: Array<{ id: string }> } }>(`query { events(first: 1) { nodes { id } } }`);
  await shoot(page, lang, '01-home', '/');
  await shoot(page, lang, '02-pairs', '/pairs');
  await shoot(page, lang, '03-explorer', '/explorer?city=busan');
  await shoot(page, lang, '04-case-studies', '/case-studies');
  await shoot(page, lang, '05-case-study', `/case-studies/${caseStudies.nodes[0].slug}`);
  await shoot(page, lang, '06-events', '/events');
  await shoot(page, lang, '07-event', `/events/${events.nodes[0].id}`);
  await shoot(page, lang, '08-sign-in', '/sign-in');
  // The page a confirmation email's link opens (shown, not pressed: the link stays valid for the other width).
  const email = `screenshot-${lang}-${Date.now()}@example.test`;
  await gql(`mutation($input: SignUpInput!) { signUp(input: $input) { ok } }`, {
    input: { email, password: 'screenshot-password', displayName: lang === 'ko' ? '김하늘' : 'Robin Green', preferredLanguage: lang },
  });
  const message = await mail.waitFor(email, /Confirm your email address|이메일 주소를 확인해 주세요/);
  const link = new URL(Mailbox.link(message, `${process.env.WEB_BASE_URL}/confirm-email?token=`));
  await shoot(page, lang, '09-confirm-email', `${link.pathname}${link.search}`);
});

test('a city officer’s pages', async ({ page, lang, signIn }) => {
  const { workspaceId } = await ensureLiverpoolBusanWorkspace();
  const projectId = await createProjectApi(workspaceId, lang === 'ko' ? '부두 센서 실증' : 'Smart quay sensors');
  const application = await applicationUnderReview(lang === 'ko' ? '스크린샷' : 'Screenshot', [DEMO.boardUk2, DEMO.boardKr]);
  await signInIn(page, signIn, lang === 'ko' ? DEMO.busan : DEMO.liverpool, lang);
  await shoot(page, lang, '10-account', '/me');
  await shoot(page, lang, '11-workspace', `/workspaces/${workspaceId}`);
  await shoot(page, lang, '12-project', `/projects/${projectId}`);
  await shoot(page, lang, '13-application', `/applications/${application.applicationId}`);
});

test('a board member’s pages', async ({ page, lang, signIn }) => {
  const application = await applicationUnderReview(lang === 'ko' ? '위원회 화면' : 'Board view', [DEMO.boardUk2, DEMO.boardKr]);
  const meetingId = await meetingWith(application, { en: 'Board meeting', ko: '운영위원회 회의' });
  await signInIn(page, signIn, lang === 'ko' ? DEMO.boardKr : DEMO.boardUk2, lang);
  await shoot(page, lang, '20-board', '/board');
  await shoot(page, lang, '21-review', `/board/applications/${application.applicationId}`);
  await shoot(page, lang, '22-meeting', `/board/meetings/${meetingId}`);
});

test('a participant’s and an organiser’s forms', async ({ page, lang, signIn }) => {
  await signInIn(page, signIn, DEMO.participant, lang);
  await shoot(page, lang, '30-case-study-editor', '/case-studies/new');
  await shoot(page, lang, '31-my-case-studies', '/me/case-studies');
  // The last picture was at phone width, where the header keeps the sign-out button in its menu.
  await page.setViewportSize({ width: WIDTHS[0].width, height: WIDTHS[0].height });
  await page.getByRole('banner').getByRole('button', { name: lang === 'ko' ? '로그아웃' : 'Sign out', exact: true }).click();
  await signInIn(page, signIn, DEMO.organiser, lang);
  await shoot(page, lang, '40-event-form', '/events/new');
});
