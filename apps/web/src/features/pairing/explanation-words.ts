import { LINK_KINDS, quantityText, term } from '@app/rules';
import type { ExplorerPairScoreQuery } from '../../gql/graphql';
import type { Language } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { cityName } from '../../i18n/cities';
import type { ExplanationT } from './explanation-messages';
import type { IndicatorDefinitionView } from './useReference';

/*
 * The pair explanation's words: links, figures and sectors in the reader's
 * language, from what the API sends (the changes that would move the score
 * come from the API already said in the page's language).
 */

type Detail = ExplorerPairScoreQuery['pairScore'];

/** A link's kind as the glossary names it, or its code when the glossary has none. */
export function linkKind(kind: string, language: Language): string {
  return kind in LINK_KINDS ? term(LINK_KINDS[kind as keyof typeof LINK_KINDS], language) : kind;
}

/** Why similarity has no score: who lacks how many figures, or how few both know. */
export function similarityNeeds(score: Detail['score'], t: ExplanationT, language: Language): string[] {
  const { numericKnownA, numericKnownB, numericMinimum, numericWeighted, numericUsed } = score.coverage;
  const lines: string[] = [];
  for (const [city, known] of [
    [score.cityA, numericKnownA],
    [score.cityB, numericKnownB],
  ] as const) {
    if (known < numericMinimum)
      lines.push(
        t('explanation.needsFigures', {
          city: cityName(city, language),
          known: formatNumber(known, language),
          total: formatNumber(numericWeighted, language),
          minimum: formatNumber(numericMinimum, language),
        }),
      );
  }
  if (lines.length === 0 && numericUsed < numericMinimum)
    lines.push(t('explanation.needsCommon', { used: formatNumber(numericUsed, language), minimum: formatNumber(numericMinimum, language) }));
  return lines;
}

/** 1 live infrastructure or a testbed, 2 a business-cluster priority, 3 both. */
export const levelKey = (level: number) => (level >= 3 ? 'both' : level === 2 ? 'cluster' : 'live') as 'live' | 'cluster' | 'both';

export function rawValue(raw: string | null | undefined, definition: IndicatorDefinitionView | undefined, language: Language, t: ExplanationT): string {
  if (raw === null || raw === undefined || raw === '') return t('explanation.notReported');
  if (definition?.valueType === 'BOOLEAN') return raw === 'true' ? t('explanation.yes') : t('explanation.no');
  if (definition?.valueType === 'CATEGORY') {
    const category = definition.categories.find((c) => c.value === raw);
    return category ? (language === 'ko' ? category.labelKo : category.labelEn) : raw;
  }
  const n = Number(raw);
  if (!Number.isFinite(n)) return raw;
  return quantityText(n, language === 'ko' ? definition?.unitKo : definition?.unitEn, language);
}
