import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { particleOf, type Particle } from '@app/rules';

export const LANGUAGES = ['en', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'twins.language';

export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'ko';
}

/** The remembered choice, else the browser's language, else English. */
function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  return navigator.languages?.some((l) => l.toLowerCase().startsWith('ko')) ? 'ko' : 'en';
}

void i18n.use(initReactI18next).init({
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: LANGUAGES,
  resources: {},
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
});
document.documentElement.lang = i18n.language;

/**
 * Korean particles after a value, chosen by how the value ends: a catalog
 * writes `{{city, 와/과}}` and reads 부산과 or 대구와, never 부산와(과).
 */
const PARTICLES: Particle[] = ['이/가', '을/를', '은/는', '와/과', '으로/로', '이나/나', '이라/라', '이란/란', '아/야', '이랑/랑', '이에요/예요', '으로서/로서', '으로써/로써', '으로부터/로부터'];
for (const particle of PARTICLES) {
  i18n.services.formatter?.add(particle, (value: unknown) => `${String(value ?? '')}${particleOf(String(value ?? ''), particle)}`);
}

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

/** A catalog's nested keys; plural forms (`x_one`, `x_other`) are asked for as `x` with a count. */
type Tree = { readonly [key: string]: string | Tree };
type Paths<T> = {
  [K in keyof T & string]: T[K] extends string ? (K extends `${infer Base}_${'one' | 'other'}` ? Base : K) : `${K}.${Paths<T[K]>}`;
}[keyof T & string];
/** The Korean catalog must have every key of the English one. */
type SameKeys<T> = { readonly [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };

export interface Messages<T> {
  readonly ns: string;
  /** Type only: the catalog's shape. */
  readonly shape?: T;
}

/**
 * Registers one area's interface text in both languages. Each area keeps its
 * own catalog beside its pages, so a page's text ships with its code.
 */
export function defineMessages<const T extends Tree>(ns: string, en: T, ko: SameKeys<T>): Messages<T> {
  i18n.addResourceBundle('en', ns, en, true, true);
  i18n.addResourceBundle('ko', ns, ko, true, true);
  return { ns };
}

export type Translate<T> = (key: Paths<T>, values?: Record<string, unknown>) => string;

/** The typed `t` of a catalog, for a helper that is handed one. */
export type TranslateOf<M> = M extends Messages<infer T> ? Translate<T> : never;

/** The current language and a typed `t` for one catalog; re-renders when the language changes. */
export function useMessages<T>(messages: Messages<T>): { t: Translate<T>; language: Language } {
  const { t, i18n: instance } = useTranslation(messages.ns);
  const language = isLanguage(instance.language) ? instance.language : 'en';
  return { t: t as unknown as Translate<T>, language };
}

export { i18n };
