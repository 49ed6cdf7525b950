import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { gql } from './support/api';
import { createConfirmedPerson } from './support/events-api';

test.describe('my calendar address', () => {
  test('a person makes their calendar address, copies it, makes a new one after a warning (the old one then stops working), and stops it', async ({ page, context, tr, lang, mail, signIn }) => {
    const person = await createConfirmedPerson(mail, lang, 'calendar', lang === 'ko' ? '캘린더 구독자' : 'Calendar Subscriber');
    const { events } = await gql<{ events: { nodes: Array<{ id: string }> } }>(`query { events(filter: { search: "Hydrogen ports seminar" }) { nodes { id } } }`);
    await gql(`mutation($input: EventRegistrationInput!) { registerForEvent(input: $input) { id } }`, { input: { eventId: events.nodes[0].id } }, person.token);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);

    await signIn(page, person.email, person.password);
    await page.goto('/me/events');
    const panel = page.locator('section', { has: page.getByRole('heading', { level: 2, name: tr({ en: 'My calendar', ko: '내 캘린더' }) }) });
    await expect(panel.getByText(tr({ en: 'You have no calendar address yet.', ko: '아직 캘린더 주소가 없습니다.' }))).toBeVisible();
    const addressField = panel.getByLabel(tr({ en: 'My calendar address', ko: '내 캘린더 주소' }));
    await expect(addressField).toHaveCount(0);

    // Made: shown this once, with a way to copy it.
    await panel.getByRole('button', { name: tr({ en: 'Make my calendar address', ko: '내 캘린더 주소 만들기' }) }).click();
    await expect(panel.getByRole('status')).toHaveText(tr({ en: 'Your calendar address is ready: copy it below.', ko: '캘린더 주소를 만들었습니다. 아래에서 복사하세요.' }));
    const first = await addressField.inputValue();
    expect(first).toMatch(/\/calendars\/users\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}\.ics$/);
    await expect(panel.getByText(tr({ en: 'For your safety it is shown only this once', ko: '보안을 위해 주소는 이번 한 번만 표시되며' }))).toBeVisible();
    await panel.getByRole('button', { name: tr({ en: 'Copy address', ko: '주소 복사' }) }).click();
    await expect(panel.getByRole('status')).toHaveText(tr({ en: 'Copied.', ko: '복사했습니다.' }));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);

    // A calendar app reads it, in the person's language (it sends no session, and its own Accept-Language).
    const feed = await fetch(first, { headers: { 'accept-language': tr({ en: 'ko', ko: 'en' }) } });
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain(`SUMMARY:${tr({ en: 'Hydrogen ports seminar', ko: '수소 항만 세미나' })}\r\n`);

    // Later, the page says when it was made and last read, but never shows it again.
    await page.reload();
    await expect(panel.getByText(tr({ en: /Your calendar address was made on .+\. A calendar app last fetched it on .+\./, ko: /캘린더 주소를 .+에 만들었습니다\. 캘린더 앱이 마지막으로 일정을 불러온 때는 .+입니다\./ }))).toBeVisible();
    await expect(addressField).toHaveCount(0);

    // A new address: a warning first; keeping the current one changes nothing.
    const newAddress = panel.getByRole('button', { name: tr({ en: 'Make a new address', ko: '새 주소 만들기' }) });
    const confirm = panel.getByRole('group', { name: tr({ en: 'Confirm the new calendar address', ko: '새 캘린더 주소 만들기 확인' }) });
    await newAddress.click();
    await expect(confirm).toContainText(tr({ en: 'Your current address will stop working at once', ko: '지금 쓰는 주소는 바로 쓸 수 없게 됩니다' }));
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await confirm.getByRole('button', { name: tr({ en: 'Keep the current address', ko: '지금 주소 유지' }) }).click();
    await expect(confirm).toHaveCount(0);
    expect((await fetch(first)).status).toBe(200);

    await newAddress.click();
    await confirm.getByRole('button', { name: tr({ en: 'Yes, make a new address', ko: '네, 새 주소를 만듭니다' }) }).click();
    await expect(panel.getByRole('status')).toHaveText(
      tr({ en: 'Your new calendar address is ready: copy it below. The old one no longer works.', ko: '새 캘린더 주소를 만들었습니다. 아래에서 복사하세요. 이전 주소는 더 이상 쓸 수 없습니다.' }),
    );
    await expect(panel.getByText(tr({ en: 'No calendar app has fetched it yet.', ko: '아직 이 주소로 일정을 불러온 캘린더 앱이 없습니다.' }))).toBeVisible();
    const second = await addressField.inputValue();
    expect(second).not.toBe(first);
    expect((await fetch(first)).status).toBe(404);
    expect((await fetch(second)).status).toBe(200);

    // Stopping it, after its own warning: keeping it changes nothing; stopping it ends it.
    const stop = panel.getByRole('button', { name: tr({ en: 'Stop this address', ko: '이 주소 사용 중지' }) });
    const confirmStop = panel.getByRole('group', { name: tr({ en: 'Confirm stopping the calendar address', ko: '캘린더 주소 사용 중지 확인' }) });
    await stop.click();
    await expect(confirmStop).toContainText(tr({ en: 'Your address will stop working at once', ko: '이 주소는 바로 쓸 수 없게 됩니다' }));
    await confirmStop.getByRole('button', { name: tr({ en: 'Keep the current address', ko: '지금 주소 유지' }) }).click();
    await expect(confirmStop).toHaveCount(0);
    expect((await fetch(second)).status).toBe(200);

    await stop.click();
    await confirmStop.getByRole('button', { name: tr({ en: 'Yes, stop this address', ko: '네, 이 주소를 중지합니다' }) }).click();
    await expect(panel.getByRole('status')).toHaveText(
      tr({ en: 'Your calendar address is stopped: it no longer works.', ko: '캘린더 주소 사용을 중지했습니다. 이 주소는 더 이상 쓸 수 없습니다.' }),
    );
    await expect(panel.getByText(tr({ en: 'You have no calendar address yet.', ko: '아직 캘린더 주소가 없습니다.' }))).toBeVisible();
    await expect(addressField).toHaveCount(0);
    await expect(stop).toHaveCount(0);
    expect((await fetch(second)).status).toBe(404);
    // The page says the same after a reload.
    await page.reload();
    await expect(panel.getByRole('button', { name: tr({ en: 'Make my calendar address', ko: '내 캘린더 주소 만들기' }) })).toBeVisible();
  });

  test('an address made meanwhile in another window shows as made, not as an error, and an earlier failure goes', async ({ page, tr, lang, mail, signIn }) => {
    const person = await createConfirmedPerson(mail, lang, 'calendar-elsewhere', lang === 'ko' ? '두 창 사용자' : 'Two Windows');
    await signIn(page, person.email, person.password);
    await page.goto('/me/events');
    const panel = page.locator('section', { has: page.getByRole('heading', { level: 2, name: tr({ en: 'My calendar', ko: '내 캘린더' }) }) });
    const make = panel.getByRole('button', { name: tr({ en: 'Make my calendar address', ko: '내 캘린더 주소 만들기' }) });
    await expect(make).toBeVisible();

    // The first try fails on the server.
    await page.route('**/graphql', (route) =>
      route.request().postData()?.includes('createCalendarAddress')
        ? route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ data: null, errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }) })
        : route.fallback(),
    );
    await make.click();
    await expect(panel.getByRole('alert')).toContainText(tr({ en: 'Something went wrong on our side.', ko: '서버에서 문제가 생겼습니다.' }));
    await page.unroute('**/graphql');

    // Meanwhile the person makes their address in another window; this page still offers to make one.
    await gql(`mutation { createCalendarAddress { url } }`, {}, person.token);
    await make.click();
    await expect(panel.getByRole('status')).toHaveText(
      tr({ en: 'You already have a calendar address: it was made in another window or on another device.', ko: '이미 캘린더 주소가 있습니다. 다른 창이나 기기에서 만든 주소입니다.' }),
    );
    await expect(panel.getByText(tr({ en: /Your calendar address was made on .+\./, ko: /캘린더 주소를 .+에 만들었습니다\./ }))).toBeVisible();
    await expect(panel.getByRole('button', { name: tr({ en: 'Make a new address', ko: '새 주소 만들기' }) })).toBeVisible();
    await expect(make).toHaveCount(0);
    await expect(panel.getByRole('alert')).toHaveCount(0);
  });
});
