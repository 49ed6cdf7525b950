import type { Language } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { TWINNING_LIMITS } from '@app/rules';

export const PILLARS = ['similarity', 'internationalisation', 'synergy', 'relationship'] as const;
export type Pillar = (typeof PILLARS)[number];

/** A 0–1 score as points out of 100, e.g. 0.509 → "51". */
export function points(score: number, language: Language): string {
  return formatNumber(Math.round(score * 100), language);
}

/** Stars as symbols, e.g. 2 → "★★☆". */
export function starGlyphs(stars: number | null | undefined): string {
  const n = Math.max(0, Math.min(3, stars ?? 0));
  return '★'.repeat(n) + '☆'.repeat(3 - n);
}

export const TWINNING_STATUSES = ['ACTIVE', 'DORMANT', 'PROPOSED', 'DECLINED', 'WITHDRAWN', 'CLOSED'] as const;
export type TwinningStatusKey = (typeof TWINNING_STATUSES)[number];

/** The proposal and the answer are limited by the API to these lengths (after trimming). */
export const MESSAGE_MAX = TWINNING_LIMITS.message;
export const REASON_MAX = TWINNING_LIMITS.reason;
