import { LANGUAGES, type Language } from '../auth/roles';

/**
 * What the platform says to a person, composed in each of its languages (a
 * refusal, a field problem, a history line). The API answers in the caller's
 * language (requestLanguage); clients keep reading the stable code beside it.
 */
export interface Words {
  readonly en: string;
  readonly ko: string;
}

export function words(en: string, ko: string): Words {
  return { en, ko };
}

export function isWords(value: unknown): value is Words {
  return !!value && typeof value === 'object' && typeof (value as Words).en === 'string' && typeof (value as Words).ko === 'string';
}

/** Text as one language reads it; a plain string is the same in both. */
export function inLanguage(text: Words | string, language: Language): string {
  return typeof text === 'string' ? text : text[language];
}

/**
 * The language a request is answered in: the first of the platform's
 * languages its Accept-Language asks for (by weight, as HTTP orders them),
 * else the account's, else English. The web app sends the language its
 * pages are shown in, so a person who switches the page reads the API's
 * words in that language too.
 */
export function requestLanguage(acceptLanguage: string | string[] | undefined, account?: Language | null): Language {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : (acceptLanguage ?? '');
  const asked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? 1);
      return { language: tag.trim().toLowerCase().split('-')[0], q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .find((entry) => (LANGUAGES as readonly string[]).includes(entry.language));
  return (asked?.language as Language | undefined) ?? account ?? 'en';
}
