import { appendFileSync } from 'node:fs';
import { expect, test as base, type BrowserContext, type Page } from '@playwright/test';
import { startWebPlatform, type PlatformData, type TestPlatform, type TestServices } from '../../scripts/web-stack';
import { DEMO_PEOPLE } from '../support/constants';
import { describeOffence, emailOffences, flushLanguageCheck, languageRules, unexpected, watchLanguage, type Offence } from './support/language-check';

export type Lang = 'en' | 'ko';

/** The demo accounts the seed creates (scripts/seed.ts); all share the demo password. */
export const DEMO = DEMO_PEOPLE;

export interface Email {
  id: string;
  subject: string;
  text: string;
  html: string;
  to: Array<{ address: string }>;
}

/** The mail sink's inbox (MailDev's REST API). */
export class Mailbox {
  /** `received` sees every message a test reads (the language check's). */
  constructor(
    private readonly url: string,
    private readonly received: (email: Email) => void = () => undefined,
  ) {}

  async all(): Promise<Email[]> {
    const response = await fetch(`${this.url}/api/email`);
    return (await response.json()) as Email[];
  }

  /** Waits for a message to `address` whose subject matches, newest first. */
  async waitFor(address: string, subject: RegExp, timeoutMs = 20_000): Promise<Email> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = (await this.all())
        .reverse()
        .find((m) => m.to.some((t) => t.address.toLowerCase() === address.toLowerCase()) && subject.test(m.subject));
      if (found) {
        this.received(found);
        return found;
      }
      await new Promise((r) => setTimeout(r, 300));
    }
    throw new Error(`No email to ${address} with a subject like ${subject} within ${timeoutMs} ms.`);
  }

  /** The first link in a message that starts with `prefix` (e.g. the base URL and a path). */
  static link(email: Email, prefix: string): string {
    const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const match = new RegExp(`${escaped}[^\\s"'<>)]*`).exec(email.text ?? email.html);
    if (!match) throw new Error(`No link starting ${prefix} in "${email.subject}".`);
    return match[0].replace(/&amp;/g, '&');
  }
}

/**
 * Records every Content-Security-Policy violation in the pages of a browser
 * context: the `securitypolicyviolation` events of every document and frame,
 * and chromium's console messages about refused content.
 */
async function watchContentSecurityPolicy(context: BrowserContext, violations: string[]): Promise<void> {
  await context.exposeBinding('__twinsCspViolation', ({ page }, text: string) => violations.push(`${page?.url() ?? '?'}: ${text}`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __twinsCspViolation(text: string): void }).__twinsCspViolation;
      report(`${event.effectiveDirective} refused ${event.blockedURI || 'inline code'} (${event.sourceFile || 'the page'}:${event.lineNumber})`);
    });
  });
  context.on('console', (message) => {
    if (/Refused to|Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(`${message.page()?.url() ?? '?'}: ${message.text()}`);
  });
}

const LANGUAGE_RULES = languageRules();

interface Fixtures {
  lang: Lang;
  /** Picks the English or the Korean of an expected text, for the project's language. */
  tr: <T>(texts: Record<Lang, T>) => T;
  mail: Mailbox;
  demoPassword: string;
  /** Signs in through the sign-in page and waits for the account page. */
  signIn: (page: Page, email: string, password?: string) => Promise<void>;
  /**
   * Every test fails when the Content-Security-Policy refused anything in a
   * page it opened (its own context, and any context it makes with
   * browser.newContext() or browser.newPage()): the web app and the pages the
   * API serves must run under the policy as it is.
   */
  contentSecurityPolicy: void;
  /**
   * Every test fails when a page it opened, or an email it read, breaks the
   * language check (support/language-check.ts): English a Korean reader would
   * have to read, Korean on an English page, a particle written both ways.
   */
  languageCheck: Offence[];
}

interface WorkerFixtures {
  /**
   * This worker's own platform (global-setup.ts starts the services it runs
   * on): a database cloned from the demo data, its own queue prefix and mail
   * inbox, and its own API and worker. Workers run side by side and never see
   * each other's rows or emails; the files of one worker share its platform,
   * one test at a time. Its addresses are in WEB_BASE_URL, WEB_INBOX_URL and
   * WEB_DEMO_PASSWORD too, for the setup helpers in support/.
   */
  platform: TestPlatform;
  /**
   * What this worker's platform starts with: the demo data (the default), or
   * `empty`: the demo people and organisations only, no fund, call, twinning,
   * case study or event (`test.use({ platformData: 'empty' })` in a file gives
   * its tests workers of their own).
   */
  platformData: PlatformData;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  platformData: ['demo', { scope: 'worker', option: true }],
  platform: [
    async ({ platformData }, use) => {
      const services = JSON.parse(process.env.WEB_TEST_SERVICES ?? 'null') as TestServices | null;
      if (!services) throw new Error('WEB_TEST_SERVICES is not set: run through the Playwright config (its global setup starts the services).');
      const { ready, stop } = await startWebPlatform(services, platformData);
      process.env.WEB_BASE_URL = ready.url;
      process.env.WEB_INBOX_URL = ready.inboxUrl;
      process.env.WEB_DEMO_PASSWORD = ready.demoPassword;
      try {
        await use(ready);
      } finally {
        await stop();
      }
    },
    { scope: 'worker', auto: true, timeout: 150_000 },
  ],
  contentSecurityPolicy: [
    async ({ context, browser }, use) => {
      const violations: string[] = [];
      await watchContentSecurityPolicy(context, violations);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const made = await newContext(options);
        await watchContentSecurityPolicy(made, violations);
        return made;
      };
      try {
        await use();
      } finally {
        delete (browser as Partial<typeof browser>).newContext; // back to the prototype's
      }
      expect(violations, 'the Content-Security-Policy refused something in a page').toEqual([]);
    },
    { auto: true },
  ],
  languageCheck: [
    // After the Content-Security-Policy's watch, so that contexts the test makes get both.
    async ({ context, browser, contentSecurityPolicy: _afterIt }, use) => {
      const offences: Offence[] = [];
      const contexts = [context];
      await watchLanguage(context, LANGUAGE_RULES, (offence) => offences.push(offence));
      const newContext = browser.newContext;
      browser.newContext = async (options) => {
        const made = await newContext.call(browser, options);
        await watchLanguage(made, LANGUAGE_RULES, (offence) => offences.push(offence));
        contexts.push(made);
        return made;
      };
      try {
        await use(offences);
      } finally {
        browser.newContext = newContext;
      }
      await Promise.all(contexts.map(flushLanguageCheck));
      const found = [...new Set(unexpected(offences, LANGUAGE_RULES).map(describeOffence))];
      // LANGUAGE_CHECK_LOG=file lists what a whole run finds in that file instead of failing each test.
      if (process.env.LANGUAGE_CHECK_LOG) appendFileSync(process.env.LANGUAGE_CHECK_LOG, found.map((line) => `${line}\n`).join(''));
      else expect(found, 'the language check found text in the wrong language').toEqual([]);
    },
    { auto: true },
  ],
  baseURL: async ({ platform }, use) => use(platform.url),
  lang: async ({}, use, info) => use(info.project.name === 'ko' ? 'ko' : 'en'),
  tr: async ({ lang }, use) => use((texts) => texts[lang]),
  mail: async ({ platform, languageCheck }, use) =>
    use(new Mailbox(platform.inboxUrl, (email) => languageCheck.push(...emailOffences(email, LANGUAGE_RULES)))),
  demoPassword: async ({ platform }, use) => use(platform.demoPassword),
  signIn: async ({ demoPassword, lang }, use) =>
    use(async (page, email, password = demoPassword) => {
      await page.goto('/sign-in');
      const labels = lang === 'ko' ? { email: '이메일 주소', password: '비밀번호', submit: '로그인' } : { email: 'Email address', password: 'Password', submit: 'Sign in' };
      await page.getByLabel(labels.email).fill(email);
      await page.getByLabel(labels.password, { exact: true }).fill(password);
      await page.locator('form').getByRole('button', { name: labels.submit }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    }),
});

/**
 * Shows the pages in `lang` with the header's switch, whatever the signed-in
 * account chose before (signing in brings the account's language; the demo's
 * admin, board members and participant read English). The switch is saved on
 * the account: `restoreLanguage` (support/api.ts) gives it back.
 */
export async function showIn(page: Page, lang: Lang): Promise<void> {
  if ((await page.evaluate(() => document.documentElement.lang)) === lang) return;
  const banner = page.getByRole('banner');
  const switchButton = banner.getByRole('button', { name: lang === 'ko' ? /^Switch to Korean/ : /^영어로 보기/ });
  // On a phone the switch is in the header's menu.
  if (!(await switchButton.isVisible())) await banner.getByRole('button', { name: /^(Menu|메뉴)$/ }).click();
  await switchButton.click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

export { expect };
