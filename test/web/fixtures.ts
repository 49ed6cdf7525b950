import { expect, test as base, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_PEOPLE } from '../support/constants';

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
  constructor(private readonly url: string) {}

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
      if (found) return found;
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
}

export const test = base.extend<Fixtures>({
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
  baseURL: async ({}, use) => use(process.env.WEB_BASE_URL),
  lang: async ({}, use, info) => use(info.project.name === 'ko' ? 'ko' : 'en'),
  tr: async ({ lang }, use) => use((texts) => texts[lang]),
  mail: async ({}, use) => use(new Mailbox(process.env.WEB_INBOX_URL!)),
  demoPassword: async ({}, use) => use(process.env.WEB_DEMO_PASSWORD!),
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

export { expect };
