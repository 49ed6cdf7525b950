import { formatInstant, zoneChoices, zoneCity } from '@app/rules';
import type { Language } from './index';

/** The two countries' zones: where two cities meet, times show in both. */
export { KR_ZONE, UK_ZONE } from '@app/rules';

const locales: Record<Language, string> = { en: 'en-GB', ko: 'ko-KR' };
export const localeOf = (language: Language) => locales[language];

export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** An instant in a zone, the zone named: Sun 29 Mar 2026, 15:00 BST; 2026년 3월 29일 (일) 오후 11:00 (한국 시간). */
export function formatDateTime(iso: string, language: Language, timeZone: string): string {
  return formatInstant(iso, timeZone, language);
}

export function formatDate(iso: string, language: Language, timeZone?: string): string {
  // A calendar date (YYYY-MM-DD) is the same day everywhere: format it in UTC.
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'long', timeZone: dateOnly ? 'UTC' : timeZone }).format(
    new Date(dateOnly ? `${iso}T00:00:00Z` : iso),
  );
}

export function formatNumber(value: number, language: Language, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locales[language], options).format(value);
}

/** A zone's city as a reader knows it, e.g. "Seoul" or "서울", "Paris" or "파리". */
export function zoneLabel(timeZone: string, language: Language): string {
  return zoneCity(timeZone, language);
}

/** What a zone picker offers: the two countries' zones first, then cities by name, each in the reader's language (London (GMT/BST), 서울 (KST)). */
export function zoneOptions(language: Language, include: Array<string | null | undefined>): Array<{ value: string; label: string }> {
  return zoneChoices(language, include.filter((zone): zone is string => !!zone));
}

/** The zones a time is shown in: the viewer's first, then each of `also` not already shown. */
export function zonesFor(viewerZone: string, also: string[]): string[] {
  return [viewerZone, ...also.filter((zone) => zone !== viewerZone)].filter((zone, index, all) => all.indexOf(zone) === index);
}

/** Bilingual text from the API in the reader's language, else the other one (marked with its language). */
export function pickText(text: { en?: string | null; ko?: string | null } | null | undefined, language: Language): { text: string; lang: Language } {
  const other: Language = language === 'en' ? 'ko' : 'en';
  const own = text?.[language];
  if (own) return { text: own, lang: language };
  return { text: text?.[other] ?? '', lang: other };
}

/** Today's calendar date in a zone, YYYY-MM-DD. */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
