import type { Language } from './index';

/** A city's names as the API gives them. */
export interface CityNames {
  nameEn: string;
  nameKo: string;
}

/** A city's name in the reader's language (the other one when that is blank). */
export function cityName(city: CityNames | null | undefined, language: Language): string {
  if (!city) return '';
  return language === 'ko' ? city.nameKo || city.nameEn : city.nameEn || city.nameKo;
}

/** A city id (e.g. "liverpool") as a name: from `names` when known, else the id itself, since the API's ids are English names in lower case. */
export function cityLabel(id: string, names?: Map<string, { en: string; ko: string }>, language: Language = 'en'): string {
  const known = names?.get(id);
  if (known) return known[language];
  return id.replace(/(^|[-\s])\w/g, (m) => m.toUpperCase());
}
