import type { Language } from '@app/core';

export function lang(value: string | null | undefined): Language {
  return value === 'ko' ? 'ko' : 'en';
}
