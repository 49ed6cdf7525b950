import type { Language } from '@app/core';

/** What a person's name in a language is made of: the account's displayName and its versions for English and Korean pages. */
export interface NamedInLanguages {
  displayName: string;
  nameEn?: string | null;
  nameKo?: string | null;
}

/** The person's name as pages in `language` write it: that language's version, else the display name. */
export function nameIn(person: NamedInLanguages, language: Language): string {
  return (language === 'ko' ? person.nameKo : person.nameEn) || person.displayName;
}
