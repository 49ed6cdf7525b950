import type { Language } from './index';

/** The two countries' zones: where two cities meet, times show in both. */
export const UK_ZONE = 'Europe/London';
export const KR_ZONE = 'Asia/Seoul';

const locales: Record<Language, string> = { en: 'en-GB', ko: 'ko-KR' };
export const localeOf = (language: Language) => locales[language];

export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function formatDateTime(iso: string, language: Language, timeZone: string): string {
  // dateStyle/timeStyle cannot be combined with timeZoneName: name the parts instead.
  return new Intl.DateTimeFormat(locales[language], {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(iso));
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

/** A zone's name as a reader knows it, e.g. "Seoul" or "서울". */
export function zoneLabel(timeZone: string, language: Language): string {
  const city = timeZone.split('/').pop()?.replace(/_/g, ' ') ?? timeZone;
  if (language === 'ko') {
    const known: Record<string, string> = { London: '런던', Seoul: '서울', UTC: 'UTC' };
    return known[city] ?? city;
  }
  return city;
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
