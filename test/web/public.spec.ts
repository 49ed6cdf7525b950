import { expect, test } from './fixtures';

test.describe('public pages', () => {
  test('the programme overview speaks the browser’s language and switches on request', async ({ page, tr, lang }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      tr({ en: 'Cities of the UK and Korea, working together as equals', ko: '영국과 한국의 도시가 대등한 파트너로 함께합니다' }),
    );
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    // Live figures from the API: 28 cities in the founding report.
    await expect(page.getByText(tr({ en: 'cities taking part', ko: '참여 도시' }))).toBeVisible();
    await expect(page.locator('.figures li').first().locator('strong')).toHaveText('28');

    // The switch is remembered across a reload.
    await page.getByRole('button', { name: tr({ en: 'Switch to Korean: 한국어', ko: '영어로 보기: English' }) }).click();
    const other = lang === 'en' ? 'ko' : 'en';
    await expect(page.locator('html')).toHaveAttribute('lang', other);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', other);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      other === 'ko' ? '영국과 한국의 도시가 대등한 파트너로 함께합니다' : 'Cities of the UK and Korea, working together as equals',
    );
  });

  test('an unknown address shows a page-not-found page, not a blank screen', async ({ page, tr }) => {
    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr({ en: 'Page not found', ko: '페이지를 찾을 수 없습니다' }));
  });
});
