import type { Locator, Page } from '@playwright/test';
import type { Lang } from '../fixtures';

/** A local date-time `days` from now at 09:00, as a datetime-local input takes it. */
export function localDay(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return `${date.toISOString().slice(0, 10)}T09:00`;
}

/** Fills a text's English and Korean inputs (BilingualField) by its label. */
export async function fillBoth(scope: Page | Locator, label: { en: string; ko: string }, lang: Lang, text: { en: string; ko: string }): Promise<void> {
  const [inEn, inKo] = lang === 'ko' ? [`${label.ko}(영어)`, `${label.ko}(한국어)`] : [`${label.en} in English`, `${label.en} in Korean`];
  await scope.getByLabel(inEn, { exact: true }).fill(text.en);
  await scope.getByLabel(inKo, { exact: true }).fill(text.ko);
}
