import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO, test } from '../fixtures';
import { createProjectApi, ensureLiverpoolBusanWorkspace, gql } from '../support/api';

const OUT = join(__dirname, '..', '..', '..', 'screenshots');
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 375, height: 812 },
];

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

test('public pages', async ({ page, lang }) => {
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
});

test('a city officer’s pages', async ({ page, lang, signIn }) => {
  const { workspaceId } = await ensureLiverpoolBusanWorkspace();
  const projectId = await createProjectApi(workspaceId, lang === 'ko' ? '부두 센서 실증' : 'Smart quay sensors');
  await signIn(page, lang === 'ko' ? DEMO.busan : DEMO.liverpool);
  await shoot(page, lang, '10-account', '/me');
  await shoot(page, lang, '11-workspace', `/workspaces/${workspaceId}`);
  await shoot(page, lang, '12-project', `/projects/${projectId}`);
});
