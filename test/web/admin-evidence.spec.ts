import type { Locator, Page } from '@playwright/test';
import { DEMO, expect, Mailbox, test, type Lang } from './fixtures';
import { ensureLiverpoolBusanWorkspace, gql, tokenFor } from './support/api';
import { createConfirmedPerson, type EventsPerson } from './support/events-api';

/**
 * The secretariat's evidence console: the admin finds a city that lacks
 * figures, records a figure and sees it in the history, records a readiness
 * assessment, sets and clears a sector activity, adds and deletes a link;
 * and changes a twinning's status from its page. English works on a UK
 * city, Korean on a Korean one, so the two runs never meet. The admin is an
 * account of the test's language (the demo admin reads English).
 */

const admins = new Map<Lang, EventsPerson>();

/** An admin of the test's language: a new account the demo admin grants ADMIN, once per language and worker. */
async function secretariat(mail: Mailbox, lang: Lang): Promise<EventsPerson> {
  const known = admins.get(lang);
  if (known) return known;
  const person = await createConfirmedPerson(mail, lang, 'admin', lang === 'ko' ? '사무국 담당자' : 'Secretariat officer');
  await gql(`mutation($input: UserRoleInput!) { grantRole(input: $input) { id } }`, { input: { userId: person.id, role: 'ADMIN' } }, await tokenFor(DEMO.admin));
  admins.set(lang, person);
  return person;
}

interface Names {
  nameEn: string;
  nameKo: string;
}
interface Definition extends Names {
  key: string;
  labelEn: string;
  labelKo: string;
  valueType: string;
  minValue: number | null;
  maxValue: number | null;
}
interface Setup {
  city: Names & { id: string };
  indicator: Definition;
  rubric: Array<{ key: string; labelEn: string; labelKo: string; levels: Array<{ score: number }> }>;
  sector: { key: string; nameEn: string; nameKo: string };
  partner: Names & { id: string };
}

/** A city of the language's country that lacks a numeric figure, with what the journey needs: the indicator, the rubric, a sector it is not active in, a partner. */
async function setUp(lang: Lang): Promise<Setup> {
  const country = lang === 'en' ? 'GB' : 'KR';
  const admin = await tokenFor(DEMO.admin);
  const data = await gql<{
    cityEvidenceNeeds: { nodes: Array<{ city: Names & { id: string }; gaps: Array<{ kind: string; indicator: string | null }> }> };
    indicatorDefinitions: Definition[];
    readinessRubric: Setup['rubric'];
    sectors: Setup['sector'][];
    cities: { nodes: Array<Names & { id: string; countryCode: string }> };
  }>(
    `query($country: String) {
      cityEvidenceNeeds(countryCode: $country, first: 100) { nodes { city { id nameEn nameKo } gaps { kind indicator } } }
      indicatorDefinitions { key labelEn labelKo valueType minValue maxValue nameEn: labelEn nameKo: labelKo }
      readinessRubric { key labelEn labelKo levels { score } }
      sectors { key nameEn nameKo }
      cities(first: 100) { nodes { id nameEn nameKo countryCode } }
    }`,
    { country },
    admin,
  );
  const numeric = new Map(data.indicatorDefinitions.filter((d) => d.valueType === 'NUMBER').map((d) => [d.key, d]));
  const need = data.cityEvidenceNeeds.nodes.find((n) => n.gaps.some((g) => g.kind === 'INDICATOR' && numeric.has(g.indicator ?? '')))!;
  const indicator = numeric.get(need.gaps.find((g) => g.kind === 'INDICATOR' && numeric.has(g.indicator ?? ''))!.indicator!)!;
  const active = await gql<{ citySectorActivity: Array<{ sectorKey: string }> }>(`query($id: ID!) { citySectorActivity(cityId: $id) { sectorKey } }`, { id: need.city.id });
  const taken = new Set(active.citySectorActivity.map((a) => a.sectorKey));
  return {
    city: need.city,
    indicator,
    rubric: data.readinessRubric,
    sector: data.sectors.find((s) => !taken.has(s.key))!,
    partner: data.cities.nodes.find((c) => c.countryCode !== country)!,
  };
}

const name = (thing: Names, lang: Lang) => (lang === 'ko' ? thing.nameKo : thing.nameEn);

/** The page's status line saying `text`. */
const statusSaying = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

async function choose(scope: Page | Locator, label: string, option: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).selectOption({ label: option });
}

test.describe('the evidence console', () => {
  test.describe.configure({ timeout: 120_000 });

  test("an admin finds a city that lacks figures and fills in its evidence, each change saying the scores will be computed again", async ({ page, signIn, lang, tr, mail }) => {
    const [s, admin] = await Promise.all([setUp(lang), secretariat(mail, lang)]);
    const city = name(s.city, lang);
    const stamp = String(Date.now());
    const testbed = tr({ en: `Testbed ${stamp}`, ko: `실증 단지 ${stamp}` });
    const exchange = tr({ en: `Research exchange ${stamp}`, ko: `연구 교류 ${stamp}` });
    const recomputed = tr({ en: 'will be computed again', ko: '다시 계산합니다' });
    await signIn(page, admin.email, admin.password);

    // The worklist: narrowed to the city's country and its name, with what it lacks.
    await page.goto('/admin/evidence');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr({ en: 'City evidence', ko: '도시 근거 자료' }));
    const needs = page.getByRole('region', { name: tr({ en: 'What each city lacks', ko: '도시별 부족한 자료' }) });
    await choose(needs, tr({ en: 'Country', ko: '국가' }), tr({ en: lang === 'en' ? 'United Kingdom' : 'Republic of Korea', ko: '대한민국' }));
    await needs.getByLabel(tr({ en: 'Find a city', ko: '도시 찾기' })).fill(city);
    const row = needs.getByRole('listitem').filter({ has: page.getByRole('link', { name: tr({ en: `Evidence of ${city}`, ko: `${city} 근거 자료` }) }) });
    await expect(row).toContainText(tr({ en: 'Lacks:', ko: '부족한 자료:' }));
    await row.getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/admin/evidence/${s.city.id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(tr({ en: `Evidence of ${city}`, ko: `${city} 근거 자료` }));

    // A figure, then the same indicator's history shows it after "No figure".
    const figures = page.getByRole('form', { name: tr({ en: 'Record a figure', ko: '지표 값 기록' }) });
    const indicatorLabel = lang === 'ko' ? s.indicator.labelKo : s.indicator.labelEn;
    await choose(figures, tr({ en: 'Indicator', ko: '지표' }), indicatorLabel);
    const value = s.indicator.minValue ?? 1;
    await figures.getByLabel(tr({ en: 'Figure', ko: '값' }), { exact: true }).fill(String(value));
    await figures.getByLabel(tr({ en: 'Year the figure is for', ko: '기준 연도' })).fill('2024');
    await figures.getByLabel(tr({ en: 'Source', ko: '출처' }), { exact: true }).fill(tr({ en: `Statistics office table ${stamp}`, ko: `통계청 표 ${stamp}` }));
    await figures.getByRole('button', { name: tr({ en: 'Record the figure', ko: '지표 값 기록' }) }).click();
    await expect(statusSaying(page, recomputed)).toBeVisible();
    const history = page.getByRole('region', { name: tr({ en: `Earlier values of ${indicatorLabel}`, ko: `${indicatorLabel}의 이전 값` }) });
    await expect(history.getByRole('listitem').filter({ hasText: stamp })).toContainText(tr({ en: 'No figure →', ko: '값 없음 →' }));

    // A readiness assessment on the /14 rubric, with evidence for each sub-score.
    const readiness = page.getByRole('form', { name: tr({ en: 'Record a new assessment', ko: '새 평가 기록' }) });
    let total = 0;
    for (const criterion of s.rubric) {
      const label = lang === 'ko' ? criterion.labelKo : criterion.labelEn;
      const top = criterion.levels[criterion.levels.length - 1].score;
      total += top;
      await readiness.getByLabel(tr({ en: `${label}: score`, ko: `${label} 점수` })).selectOption(String(top));
      await readiness.getByLabel(tr({ en: `${label}: evidence`, ko: `${label} 근거` })).fill(tr({ en: `Published evidence for ${criterion.key}`, ko: `${label} 공개 근거` }));
    }
    await readiness.getByLabel(tr({ en: 'Source', ko: '출처' }), { exact: true }).fill(tr({ en: `International office review ${stamp}`, ko: `국제협력과 검토 ${stamp}` }));
    await readiness.getByRole('button', { name: tr({ en: 'Record the assessment', ko: '평가 기록' }) }).click();
    await expect(page.getByText(tr({ en: `Current assessment: ${total} / 14`, ko: `현재 평가: 14점 만점에 ${total}점` }))).toBeVisible();

    // A sector's activity, then removed after confirming.
    const sectorName = name(s.sector, lang);
    const sectorForm = page.getByRole('form', { name: tr({ en: 'Record activity in a sector', ko: '분야별 활동 기록' }) });
    await choose(sectorForm, tr({ en: 'Sector', ko: '분야' }), sectorName);
    await sectorForm.getByLabel(tr({ en: 'A project that justifies the level', ko: '수준의 근거가 되는 사업' })).fill(testbed);
    await sectorForm.getByLabel(tr({ en: 'Source', ko: '출처' }), { exact: true }).fill(tr({ en: `City innovation plan ${stamp}`, ko: `도시 혁신 계획 ${stamp}` }));
    await sectorForm.getByRole('button', { name: tr({ en: 'Save the sector activity', ko: '분야별 활동 저장' }) }).click();
    const sectors = page.getByRole('region', { name: tr({ en: 'Sector activity', ko: '분야별 활동' }) });
    const activity = sectors.getByRole('listitem').filter({ hasText: testbed });
    await expect(activity).toBeVisible();
    await activity.getByRole('button', { name: tr({ en: `Remove the activity in ${sectorName}`, ko: `${sectorName} 분야 활동 삭제` }) }).click();
    const removing = activity.getByRole('group', { name: tr({ en: `Remove the activity in ${sectorName}`, ko: `${sectorName} 분야 활동 삭제` }) });
    await expect(removing).toContainText(tr({ en: 'will no longer count', ko: '더는 반영되지 않습니다' }));
    await removing.getByRole('button', { name: tr({ en: 'Remove it', ko: '삭제하기' }) }).click();
    await expect(statusSaying(page, tr({ en: `The activity in ${sectorName} was removed.`, ko: `${sectorName} 분야 활동을 삭제했습니다.` }))).toBeVisible();
    await expect(activity).toHaveCount(0);

    // A link with a city of the other country, then deleted after confirming.
    const partner = name(s.partner, lang);
    const linkForm = page.getByRole('form', { name: tr({ en: 'Add a link', ko: '교류 관계 추가' }) });
    await choose(linkForm, tr({ en: 'The other city', ko: '상대 도시' }), partner);
    await choose(linkForm, tr({ en: 'How formal', ko: '공식성' }), tr({ en: '3: formal between institutions', ko: '3: 기관 간 공식 협력' }));
    await linkForm.getByLabel(tr({ en: 'What it is, in English', ko: '내용(한국어)' })).fill(exchange);
    await linkForm.getByLabel(tr({ en: 'Source', ko: '출처' }), { exact: true }).fill(tr({ en: `Memorandum of understanding ${stamp}`, ko: `업무 협약서 ${stamp}` }));
    await linkForm.getByRole('button', { name: tr({ en: 'Add the link', ko: '관계 추가' }) }).click();
    const links = page.getByRole('region', { name: tr({ en: 'Links with the other country', ko: '상대국과의 교류 관계' }) });
    const link = links.getByRole('listitem').filter({ hasText: exchange });
    await expect(link).toContainText(partner);
    await link.getByRole('button', { name: tr({ en: `Change the link with ${partner}`, ko: `관계 고치기: ${partner}` }) }).click();
    await choose(link, tr({ en: 'How formal', ko: '공식성' }), tr({ en: '4: formal, long-term, city to city', ko: '4: 도시 간 장기 공식 협력' }));
    await link.getByRole('button', { name: tr({ en: 'Save the link', ko: '관계 저장' }) }).click();
    // Back to reading the link (no choices left open), which now says how formal it is.
    await expect(link.getByRole('combobox')).toHaveCount(0);
    await expect(link).toContainText(tr({ en: '4: formal, long-term, city to city', ko: '4: 도시 간 장기 공식 협력' }));
    await link.getByRole('button', { name: tr({ en: `Delete the link with ${partner}`, ko: `관계 삭제: ${partner}` }) }).click();
    await link.getByRole('button', { name: tr({ en: 'Delete it', ko: '삭제하기' }) }).click();
    await expect(statusSaying(page, tr({ en: `The link with ${partner} was deleted.`, ko: `관계(상대: ${partner})를 삭제했습니다.` }))).toBeVisible();
    await expect(link).toHaveCount(0);

    // The city's changes, newest first, in the page's language, with who made them.
    const audit = page.getByRole('region', { name: tr({ en: 'Changes to the evidence', ko: '근거 자료 변경 내역' }) });
    const latest = audit.getByRole('listitem').first();
    await expect(latest).toContainText(tr({ en: 'Link deleted', ko: '교류 관계 삭제' }));
    await expect(latest).toContainText(exchange);
    await expect(latest).toContainText(admin.displayName);
  });

  test("an admin pauses a twinning and makes it active again from its page; closing asks first", async ({ page, signIn, lang, tr, mail }) => {
    const [{ twinningId }, person] = await Promise.all([ensureLiverpoolBusanWorkspace(), secretariat(mail, lang)]);
    const admin = await tokenFor(DEMO.admin);
    try {
      await signIn(page, person.email, person.password);
      await page.goto('/admin/evidence');
      const twinnings = page.getByRole('region', { name: tr({ en: 'Twinnings', ko: '자매결연' }) });
      await choose(twinnings, tr({ en: 'Status', ko: '상태' }), tr({ en: 'Active', ko: '활동 중' }));
      await twinnings.locator(`[data-twinning-id="${twinningId}"]`).getByRole('link').click();
      await expect(page).toHaveURL(new RegExp(`/twinnings/${twinningId}$`));

      const form = page.getByRole('region', { name: tr({ en: 'Change the status', ko: '상태 변경' }) });
      const change = async (status: string) => {
        await choose(form, tr({ en: 'New status', ko: '새 상태' }), status);
        await form.getByLabel(tr({ en: 'Reason', ko: '사유' })).fill('The secretariat reviewed the partnership.');
        await form.getByRole('button', { name: tr({ en: 'Change the status', ko: '상태 변경' }) }).click();
      };
      const dormant = tr({ en: 'Dormant', ko: '휴면' });
      await change(dormant);
      await expect(statusSaying(page, tr({ en: `The twinning is now ${dormant}.`, ko: `현재 상태: ${dormant}.` }))).toBeVisible();
      await expect(page.locator('[data-status]').first()).toHaveAttribute('data-status', 'DORMANT');

      // Closing cannot be undone: it asks, and keeping it open changes nothing.
      await change(tr({ en: 'Closed', ko: '종료됨' }));
      const confirm = form.getByRole('group', { name: tr({ en: 'Close the twinning', ko: '자매결연 종료' }) });
      await expect(confirm).toContainText(tr({ en: 'cannot be undone', ko: '되돌릴 수 없습니다' }));
      await confirm.getByRole('button', { name: tr({ en: 'Keep it open', ko: '종료하지 않기' }) }).click();
      await expect(confirm).toHaveCount(0);

      const active = tr({ en: 'Active', ko: '활동 중' });
      await change(active);
      await expect(statusSaying(page, tr({ en: `The twinning is now ${active}.`, ko: `현재 상태: ${active}.` }))).toBeVisible();
      await expect(page.locator('[data-status]').first()).toHaveAttribute('data-status', 'ACTIVE');

      // The twinning is a link the platform keeps: Liverpool's evidence shows it, saying why it cannot be changed there.
      await page.goto('/admin/evidence/liverpool');
      const kept = page.getByRole('region', { name: tr({ en: 'Links with the other country', ko: '상대국과의 교류 관계' }) }).getByRole('listitem').filter({
        hasText: tr({ en: 'Kept by the platform', ko: '플랫폼이 관리하는 관계' }),
      });
      await expect(kept.first()).toContainText(tr({ en: 'Busan', ko: '부산' }));
      await expect(kept.first().getByRole('button')).toHaveCount(0);
    } finally {
      // Other journeys use this workspace: leave its twinning active whatever happened above.
      const now = await gql<{ twinning: { status: string } }>(`query($id: ID!) { twinning(id: $id) { status } }`, { id: twinningId }, admin);
      if (now.twinning.status === 'DORMANT') {
        await gql(`mutation($input: ChangeTwinningStatusInput!) { changeTwinningStatus(input: $input) { id } }`, { input: { id: twinningId, status: 'ACTIVE', reason: 'Back to active after the test.' } }, admin);
      }
    }
  });
});
