import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { BOARD_BUDGET } from './board-setup';

/**
 * The language check of the browser tests: a Korean page shows no English a
 * Korean reader would have to read, an English page no Korean, and no page or
 * email falls back to a particle written both ways ("부산와(과)").
 *
 * Every text is judged in the language it is marked with: the nearest `lang`
 * attribute (the page's own, `<html lang>`, unless a part says otherwise, as
 * the app does for a person's own text that exists in one language only).
 * Seen are the texts a person sees or hears: rendered and not hidden (visually
 * hidden text for screen readers included), the accessible names and hints
 * (aria-label, title, alt, placeholder) and the document's title.
 */

export type CheckedLanguage = 'en' | 'ko';

export interface LanguageRules {
  /** Phrases either language may contain as they are: proper names, codes, units. Matched whole, case-sensitively. */
  names: string[];
  /** Offences still waiting for another part of issue 18 (below): not failures until it lands. */
  known: KnownOffence[];
}

/** A text (contained in the offending one) seen where `where` matches, and the part of issue 18 it waits for. */
export interface KnownOffence {
  text: string;
  where?: RegExp;
  part: string;
}

export interface Offence {
  /** Where it was seen: the page's address, or the email's recipient and subject. */
  where: string;
  /** The language the text is in by its markup. */
  lang: CheckedLanguage;
  text: string;
  problems: string[];
}

/**
 * What is wrong with `text` in `lang`: a particle fallback, English words in
 * Korean, Korean in English. Self-contained (no imports, no outer names): it
 * runs in the pages too.
 */
export function languageProblems(text: string, lang: CheckedLanguage, names: readonly string[]): string[] {
  const problems: string[] = [];
  // A particle written both ways instead of chosen for the word before it.
  const fallback = /\(으\)로|[을를]\([을를]\)|[이가]\([이가]\)|[와과]\([와과]\)|[은는]\([은는]\)/g;
  for (const match of text.match(fallback) ?? []) problems.push(match);
  // Its English mirror: a plural written both ways ("reviewer(s)").
  if (lang === 'en') for (const match of text.match(/[A-Za-z]+\(s\)/g) ?? []) problems.push(match);
  // Addresses, paths, domains and ids are codes, in any language.
  let rest = text
    .replace(fallback, ' ')
    .replace(/\b(?:https?:\/\/|www\.)[^\s<>"]+/g, ' ')
    .replace(/[^\s<>"(),;:]+@[^\s<>"(),;:]+/g, ' ')
    .replace(/\/[a-z0-9/_.?=&-]+/g, ' ')
    .replace(/\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:uk|kr|com|org|net|test)\b/g, ' ')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, ' ');
  for (const name of [...names].sort((a, b) => b.length - a.length)) rest = rest.split(name).join(' ');
  if (lang === 'ko') {
    // Latin words; a word with a digit is a code (A1, CO2, 4f3becd2), as is one capital letter (도시 A).
    for (const word of rest.match(/[A-Za-z0-9]+(?:['’][A-Za-z]+)*/g) ?? []) {
      if (/\d/.test(word) || !/[A-Za-z]/.test(word) || /^[A-Z]$/.test(word)) continue;
      problems.push(word);
    }
  } else {
    for (const word of rest.match(/[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]+/g) ?? []) problems.push(word);
  }
  return [...new Set(problems)];
}

/**
 * Proper names, codes and units any page or email may show in either language.
 * Keep it short and specific: a word belongs here only when a native writer of
 * the other language would write it as it is too.
 */
function allowedNames(): string[] {
  const data = <T>(file: string) => JSON.parse(readFileSync(join(__dirname, '../../../data', file), 'utf8')) as T;
  const cities = data<{ source: string; cities: Array<{ name: { en: string } }> }>('cities.json');
  const links = data<{ source: string; links: Array<{ partners: string[]; krOther?: string }> }>('uk-kr-links.json');
  const sectors = data<{ source: string; projects: Record<string, Array<{ title: string; summary: string }>> }>('sector-activity.json');
  return [
    // Cities, by their English names (a Korean page names them in Korean; a person's text may not).
    ...cities.cities.flatMap((c) => c.name.en.split(' / ')),
    // The founding report's evidence as the demo data holds it, in English only: sources, partners, sector projects.
    cities.source,
    links.source,
    sectors.source,
    ...links.links.flatMap((l) => [...l.partners, ...(l.krOther ? [l.krOther] : [])]),
    ...Object.values(sectors.projects).flatMap((projects) => projects.flatMap((p) => [p.title, p.summary])),
    // The demo's people (libs/platform/src/seed/seed-demo.ts): their names as they write them.
    'Alex Admin', 'Priya Shah', 'Oliver Hughes', 'Sam Taylor', 'Jordan Lee', '김지현', '정하늘', '박서준', '이수민',
    // Time zones and currencies by their codes, as both languages write them.
    'KST', 'GMT', 'BST', 'UTC', 'GBP', 'KRW',
    // Abbreviations Korean writes in Latin letters too (사물인터넷(IoT), 1인당 GDP), and the case studies' feed format.
    'AI', 'IoT', 'AR', 'VR', 'MOU', 'GDP', 'PPP', 'ID', 'IP', 'UN', 'SDG', 'Atom', 'CSV', '.ics',
    // Busan's exhibition centre, by its own name (the demo's events).
    'BEXCO', 'Liverpool Exhibition Centre',
    // Percentage points, as Korean writes them (13%p).
    '%p',
    // The services the operations page names (데이터베이스(PostgreSQL)).
    'PostgreSQL', 'Redis',
    // The seed fund's first ledger note (libs/platform/src/seed/seed-demo.ts).
    'Founding contribution',
    // What the tests' people write themselves, as they wrote it: a proposal and its answer in both languages
    // (support/api.ts), an application's budget (support/board-setup.ts), English words searched for on Korean pages.
    'Shall we twin? · 자매결연을 제안합니다.',
    'Yes · 좋습니다',
    ...BOARD_BUDGET.map((line) => line.description),
    '‘turbines’',
    '‘wind’',
    // The reason an English-reading manager gives a Korean requester (organisations.spec.ts).
    'Please ask your employer to join first.',
    // And names of the tests' Korean people, which English pages show as they are written.
    '신규 담당관', '제안자',
    // The user agent of the sessions the tests open through the API from Node (support/api.ts), as /me names them.
    ': node',
  ];
}

/**
 * Offences known and not yet fixed, each with what it waits for; a text
 * matches when it contains the entry's text (and its page matches `where`).
 * Keep this list short: every entry is a defect still open.
 */
export const KNOWN_OFFENCES: KnownOffence[] = [];

export function languageRules(): LanguageRules {
  return { names: allowedNames(), known: KNOWN_OFFENCES };
}

/** The offences that are not waiting for another part. */
export function unexpected(offences: readonly Offence[], rules: LanguageRules): Offence[] {
  return offences.filter((o) => !rules.known.some((k) => o.text.includes(k.text) && (!k.where || k.where.test(o.where))));
}

/** What an offence looks like in a failed test's message. */
export function describeOffence(o: Offence): string {
  return `${o.where} [${o.lang}] ${JSON.stringify(o.text.length > 160 ? `${o.text.slice(0, 160)}…` : o.text)}: ${o.problems.join(', ')}`;
}

interface CheckedEmail {
  subject: string;
  text: string;
  html: string;
  to: Array<{ address: string }>;
}

/** The check of one email the tests received: a Korean email (`<html lang="ko">`) by the Korean rules, subject and body. */
export function emailOffences(email: CheckedEmail, rules: LanguageRules): Offence[] {
  if (!/<html[^>]*\slang="ko"/.test(email.html ?? '')) return [];
  const where = `email to ${email.to.map((t) => t.address).join(', ')} "${email.subject}"`;
  return [email.subject, ...(email.text ?? '').split(/\n+/)]
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ where, lang: 'ko' as const, text: line, problems: languageProblems(line, 'ko', rules.names) }))
    .filter((o) => o.problems.length > 0);
}

/**
 * Watches every page of a browser context: an init script checks the
 * document as it loads and, through a MutationObserver, whatever changes
 * after (client-side route changes included), a moment after the change; it
 * reports each offence once per document to `report`. `flushLanguageCheck`
 * checks what is still pending (at the end of a test).
 */
export async function watchLanguage(context: BrowserContext, rules: LanguageRules, report: (offence: Offence) => void): Promise<void> {
  await context.exposeBinding('__twinsLanguageOffence', (_source, offence: Offence) => report(offence));
  await context.addInitScript({ content: `(${installLanguageWatch.toString()})(${languageProblems.toString()}, ${JSON.stringify(rules.names)});` });
}

/** Checks what changed since the last check, in every open page of the context. */
export async function flushLanguageCheck(context: BrowserContext): Promise<void> {
  await Promise.all(
    context.pages().map((page) =>
      page.evaluate(() => (window as unknown as { __twinsLanguageFlush?: () => void }).__twinsLanguageFlush?.()).catch(() => undefined),
    ),
  );
}

/** Runs in the page (serialised): no imports, no outer names. */
function installLanguageWatch(problemsOf: typeof languageProblems, names: string[]): void {
  const report = (window as unknown as { __twinsLanguageOffence(o: Offence): void }).__twinsLanguageOffence;
  const ATTRIBUTES = ['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'alt', 'placeholder'];
  const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'HEAD']);
  const seen = new Set<string>();
  const pending = new Set<Node>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let since = 0;

  const languageOf = (element: Element): 'en' | 'ko' | null => {
    const lang = (element.closest('[lang]')?.getAttribute('lang') ?? '').toLowerCase();
    return lang.startsWith('ko') ? 'ko' : lang.startsWith('en') ? 'en' : null;
  };
  // Shown or heard: an option by its select, an SVG title by its drawing, anything else by its own box.
  const shown = (element: Element): boolean => {
    const owner = element.closest('select') ?? (element.closest('svg title, svg desc') ? element.closest('svg') : null) ?? element;
    return owner.checkVisibility({ visibilityProperty: true });
  };
  const check = (text: string, element: Element) => {
    const lang = languageOf(element);
    // translate="no" marks a code as it is (a browser's user agent, an address): no language to check.
    if (!lang || !text.trim() || element.closest('[translate="no"]')) return;
    const problems = problemsOf(text, lang, names);
    if (!problems.length) return;
    const key = `${lang}|${text}`;
    if (seen.has(key)) return;
    seen.add(key);
    report({ where: location.href, lang, text: text.trim().replace(/\s+/g, ' '), problems });
  };
  const checkElement = (element: Element) => {
    if (SKIPPED.has(element.tagName) || !shown(element)) return;
    for (const name of ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value) check(value, element);
    }
  };
  const checkText = (node: Text) => {
    const parent = node.parentElement;
    if (!parent || SKIPPED.has(parent.tagName) || parent.closest('noscript, template, textarea') || !node.data.trim() || !shown(parent)) return;
    check(node.data, parent);
  };
  const checkTree = (root: Node) => {
    if (root.nodeType === Node.TEXT_NODE) return checkText(root as Text);
    if (!(root instanceof Element) && root !== document) return;
    if (root instanceof Element) checkElement(root);
    const scope = root === document ? document.documentElement : (root as Element);
    if (!scope) return;
    for (const element of scope.querySelectorAll(ATTRIBUTES.map((a) => `[${a}]`).join(','))) checkElement(element);
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) checkText(node as Text);
  };
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    since = 0;
    if (!document.documentElement) return;
    const roots = [...pending].filter((node) => node.isConnected);
    pending.clear();
    for (const root of roots) checkTree(root);
    if (document.title) check(document.title, document.documentElement);
  };
  const queue = (node: Node) => {
    // Once the page has been still for 50 ms (a language switch or a route change is one step, not two), at most every half second.
    pending.add(node);
    since ||= Date.now();
    clearTimeout(timer);
    timer = setTimeout(flush, Date.now() - since > 500 ? 0 : 50);
  };
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'childList') record.addedNodes.forEach(queue);
      else if (record.attributeName === 'lang' && record.target === document.documentElement) queue(document);
      else queue(record.target);
    }
  }).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: [...ATTRIBUTES, 'lang', 'class', 'style', 'hidden', 'open', 'aria-hidden'],
  });
  queue(document);
  addEventListener('pagehide', flush);
  (window as unknown as { __twinsLanguageFlush: () => void }).__twinsLanguageFlush = flush;
}
