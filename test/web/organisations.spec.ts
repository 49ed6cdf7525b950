import type { Locator, Page } from "@playwright/test";
import { DEMO, expect, Mailbox, test, type Lang } from "./fixtures";
import { createConfirmedAccount } from "./support/api";

/**
 * Joining an organisation from the web app: a newcomer finds theirs and asks
 * to join, a manager decides from the emailed link, and approval as a member
 * of Liverpool's government makes them Liverpool's officer. The demo's
 * deciders (Liverpool's officer, the admin) read English; the newcomer reads
 * the project's language.
 */

const COUNCIL: Record<Lang, string> = {
  en: "Liverpool City Council",
  ko: "리버풀 시의회",
};

/** Signs out; the next person reads the project's language again (a demo decider's English stays on the page otherwise). */
async function signOut(page: Page, lang: Lang): Promise<void> {
  await page.getByRole("button", { name: /^(Sign out|로그아웃)$/ }).click();
  await expect(
    page.getByRole("link", { name: /^(Sign in|로그인)$/ }),
  ).toBeVisible();
  const toKorean = page.getByRole("button", { name: /^Switch to Korean/ });
  if (lang === "ko" && (await toKorean.count()) > 0) await toKorean.click();
}

type Tr = <T>(texts: Record<Lang, T>) => T;
type SignIn = (page: Page, email: string, password?: string) => Promise<void>;

/** Signs out, and back in as the newcomer on their account page. */
async function backAsNewcomer(
  page: Page,
  lang: Lang,
  signIn: SignIn,
  email: string,
  password: string,
): Promise<void> {
  await signOut(page, lang);
  await signIn(page, email, password);
  await page.goto("/me");
}

/** The account page's panel for the person's organisations. */
function organisationPanel(page: Page, tr: Tr): Locator {
  return page.getByRole("region", {
    name: tr({ en: "Your organisation", ko: "내 소속 기관" }),
  });
}

/** The person's own requests, on their account page. */
function myRequests(scope: Page | Locator, tr: Tr): Locator {
  return scope.getByRole("list", {
    name: tr({ en: "Your requests", ko: "내 요청" }),
  });
}

/** The status shown on the person's own request about `subject`. */
function statusOfMine(mine: Locator, subject: string): Locator {
  return mine
    .getByRole("listitem")
    .filter({ hasText: subject })
    .locator("[data-status]");
}

/** A request on the deciders' pages, by the name of who asked. */
function requestBy(page: Page, displayName: string): Locator {
  return page.getByRole("article", { name: new RegExp(displayName) });
}

/** The status line saying `text`. */
function statusSaying(scope: Page | Locator, text: string): Locator {
  return scope.getByRole("status").filter({ hasText: text });
}

/** Presses the button of that name within `scope`. */
async function press(
  scope: Page | Locator,
  name: string | RegExp,
): Promise<void> {
  await scope.getByRole("button", { name }).click();
}

/** Fills a proposal's names in English and Korean. */
async function fillNames(
  form: Locator,
  tr: Tr,
  nameEn: string,
  nameKo: string,
): Promise<void> {
  await form
    .getByLabel(tr({ en: "Name in English", ko: "영어 이름" }))
    .fill(nameEn);
  await form
    .getByLabel(tr({ en: "Name in Korean", ko: "한국어 이름" }))
    .fill(nameKo);
}

test.describe("organisations", () => {
  test("a newcomer finds Liverpool City Council by name, asks to join; the council’s officer approves from the email; the newcomer can then propose twinnings for Liverpool", async ({
    page,
    lang,
    tr,
    mail,
    signIn,
    baseURL,
  }) => {
    const password = "joining-the-council-1";
    const displayName = `${tr({ en: "New Council Officer", ko: "신규 담당관" })} ${Date.now()}`;
    const email = await createConfirmedAccount(mail, {
      displayName,
      preferredLanguage: lang,
      password,
    });
    await signIn(page, email, password);
    await page.goto("/me");

    // With no organisation yet, that panel comes first and says why it matters.
    const panel = organisationPanel(page, tr);
    await expect(
      panel.getByText(
        tr({
          en: /City officers must belong to their city’s government organisation/,
          ko: /시 정부 기관에 소속되어 있어야 합니다/,
        }),
      ),
    ).toBeVisible();
    await expect(
      page.locator("main").getByRole("heading", { level: 2 }).first(),
    ).toHaveText(tr({ en: "Your organisation", ko: "내 소속 기관" }));

    // Found by part of its name in the page's language.
    await panel
      .getByLabel(tr({ en: "Organisation name", ko: "기관 이름" }))
      .fill(tr({ en: "Liverpool City Coun", ko: "리버풀 시의" }));
    const results = panel.getByRole("list", {
      name: tr({ en: /Organisations matching/, ko: /에 맞는 기관/ }),
    });
    const council = results
      .getByRole("listitem")
      .filter({ hasText: COUNCIL[lang] });
    await expect(council).toContainText(
      tr({ en: "City government", ko: "시 정부" }),
    );
    await expect(council).toContainText(tr({ en: "Liverpool", ko: "리버풀" }));
    await press(
      council,
      tr({ en: `Ask to join: ${COUNCIL.en}`, ko: `가입 요청: ${COUNCIL.ko}` }),
    );
    const ask = panel.getByRole("form", {
      name: tr({
        en: `Ask to join: ${COUNCIL.en}`,
        ko: `가입 요청: ${COUNCIL.ko}`,
      }),
    });
    await expect(ask.getByRole("heading")).toBeFocused();
    const message = `${tr({ en: "I work in the council’s innovation team.", ko: "시의회 혁신팀에서 일합니다." })} ${Date.now()}`;
    await ask
      .getByLabel(
        tr({
          en: /A message for the managers who decide/,
          ko: /결정하는 기관 관리자에게 보낼 메시지/,
        }),
      )
      .fill(message);
    await press(ask, tr({ en: "Send the request", ko: "요청 보내기" }));
    await expect(
      statusSaying(
        panel,
        tr({ en: "Your request is sent.", ko: "요청을 보냈습니다." }),
      ),
    ).toBeFocused();
    const mine = myRequests(panel, tr);
    await expect(statusOfMine(mine, COUNCIL[lang])).toHaveText(
      tr({ en: "Waiting for a decision", ko: "결정 대기 중" }),
    );

    // The council's officer follows the emailed link and approves.
    const received = await mail.waitFor(
      DEMO.liverpool,
      new RegExp(`${displayName} asks to join Liverpool City Council`),
    );
    const link = Mailbox.link(received, `${baseURL}/me/organisation-requests`);
    await signOut(page, lang);
    await signIn(page, DEMO.liverpool);
    // Its manager is pointed to the requests from their account page too.
    await page.goto("/me");
    await expect(
      page.getByRole("link", { name: "Requests to join your organisations" }),
    ).toBeVisible();
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Requests to join your organisations",
    );
    const request = requestBy(page, displayName);
    await expect(request).toContainText(email);
    await expect(request).toContainText(message);
    await press(request, `Approve: ${displayName}`);
    await press(request, "Yes, approve");
    await expect(
      statusSaying(page, "Approved. The person is now a member"),
    ).toBeFocused();
    await expect(requestBy(page, displayName)).toHaveCount(0);
    await page.getByLabel("Show").selectOption("APPROVED");
    await expect(
      requestBy(page, displayName).locator("[data-status]"),
    ).toHaveText("Approved");

    // The newcomer belongs to the council now, and proposes for Liverpool.
    await backAsNewcomer(page, lang, signIn, email, password);
    await expect(page.getByTestId("my-organisations")).toContainText(
      COUNCIL[lang],
    );
    // A plain member: the council's managers decide who joins, so no link to its requests.
    await expect(
      page
        .getByTestId("my-organisations")
        .getByText(tr({ en: "Member", ko: "일반 구성원" }), { exact: true }),
    ).toBeVisible();
    await expect(
      page.getByRole("link", {
        name: tr({
          en: "Requests to join your organisations",
          ko: "내 기관에 온 가입 요청",
        }),
      }),
    ).toHaveCount(0);
    await expect(statusOfMine(mine, COUNCIL[lang])).toHaveText(
      tr({ en: "Approved", ko: "승인됨" }),
    );
    await page.goto("/explorer?city=liverpool");
    await expect(
      page
        .getByRole("button", {
          name: tr({
            en: /^Propose twinning with /,
            ko: /에 자매결연 제안하기$/,
          }),
        })
        .first(),
    ).toBeVisible();
  });

  test("a newcomer proposes a new organisation; an admin declines it with a reason, which the newcomer reads on their account and in an email in their language", async ({
    page,
    lang,
    tr,
    mail,
    signIn,
  }) => {
    const password = "proposing-an-org-1";
    const stamp = Date.now();
    const displayName = `${tr({ en: "Proposer", ko: "제안자" })} ${stamp}`;
    const email = await createConfirmedAccount(mail, {
      displayName,
      preferredLanguage: lang,
      password,
    });
    const nameEn = `Mersey Hydrogen Lab ${stamp}`;
    const nameKo = `머지 수소 연구소 ${stamp}`;
    await signIn(page, email, password);
    await page.goto("/me");
    const panel = organisationPanel(page, tr);
    await press(
      panel,
      tr({
        en: "My organisation is not listed",
        ko: "내 기관이 목록에 없습니다",
      }),
    );
    const form = panel.getByRole("form", {
      name: tr({ en: "Propose a new organisation", ko: "새 기관 등록 요청" }),
    });
    const sendProposal = tr({
      en: "Send the proposal",
      ko: "등록 요청 보내기",
    });
    // Nothing is sent without a city and names.
    await press(form, sendProposal);
    await expect(
      form.getByText(
        tr({
          en: "Choose the organisation’s city.",
          ko: "기관이 있는 도시를 선택해 주세요.",
        }),
      ),
    ).toBeVisible();
    await form
      .getByLabel(tr({ en: "Kind", ko: "유형" }))
      .selectOption("COMPANY");
    await form
      .getByLabel(tr({ en: "City", ko: "도시" }))
      .selectOption("liverpool");
    // A name already on the platform offers joining that organisation instead.
    await fillNames(form, tr, "Liverpool City Council", "리버풀 시의회");
    await press(form, sendProposal);
    await expect(
      form.getByText(
        tr({
          en: "This organisation is already on the platform.",
          ko: "이 기관은 이미 플랫폼에 등록되어 있습니다.",
        }),
      ),
    ).toBeVisible();
    await expect(
      form.getByRole("button", {
        name: tr({
          en: "Ask to join it instead",
          ko: "대신 이 기관에 가입 요청하기",
        }),
      }),
    ).toBeVisible();
    await fillNames(form, tr, nameEn, nameKo);
    await form
      .getByLabel(
        tr({ en: /A message for the admins/, ko: /관리자에게 보낼 메시지/ }),
      )
      .fill("Hydrogen research for the port.");
    await press(form, sendProposal);
    await expect(
      statusSaying(
        panel,
        tr({ en: "Your proposal is sent.", ko: "등록 요청을 보냈습니다." }),
      ),
    ).toBeVisible();

    // The admin declines it, with a reason, from the admins' page.
    await signOut(page, lang);
    await signIn(page, DEMO.admin);
    await page.goto("/me");
    await page
      .getByRole("link", { name: "Every organisation request (admins)" })
      .click();
    await expect(page).toHaveURL(/\/admin\/organisation-requests$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Organisation requests",
    );
    const request = requestBy(page, displayName);
    await expect(request).toContainText(nameEn);
    await expect(request).toContainText(nameKo);
    await expect(request).toContainText("Company");
    await expect(request).toContainText("Liverpool");
    await press(request, `Decline: ${displayName}`);
    await press(request, "Decline the request");
    await expect(
      request.getByText("Give a reason: the person will read it."),
    ).toBeVisible();
    const reason = `Please ask your employer to join first. ${stamp}`;
    await request.getByLabel(/Why you decline/).fill(reason);
    await press(request, "Decline the request");
    await expect(
      statusSaying(page, "Declined. The person is told why by email."),
    ).toBeFocused();

    // The newcomer reads the reason by email, in their language, and on their account.
    const decided = await mail.waitFor(
      email,
      lang === "ko" ? /가입 요청이 거절되었습니다/ : /declined/i,
    );
    expect(decided.text).toContain(reason);
    await backAsNewcomer(page, lang, signIn, email, password);
    const item = myRequests(page, tr)
      .getByRole("listitem")
      .filter({ hasText: lang === "ko" ? nameKo : nameEn });
    await expect(item.locator("[data-status]")).toHaveText(
      tr({ en: "Declined", ko: "거절됨" }),
    );
    await expect(item).toContainText(reason);
  });

  test("someone who is not an admin opening the admins’ requests page sees the not-found page", async ({
    page,
    signIn,
  }) => {
    // The participant reads English: signing in brings the account's language.
    await signIn(page, DEMO.participant);
    await page.goto("/admin/organisation-requests");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      /^(Page not found|페이지를 찾을 수 없습니다)$/,
    );
    await expect(page.getByRole("article")).toHaveCount(0);
  });
});
