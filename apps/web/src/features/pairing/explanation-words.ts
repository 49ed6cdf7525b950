import { quantityText } from '@app/rules';
import type { ExplorerPairScoreQuery } from '../../gql/graphql';
import type { Language } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { cityName, type CityNames } from '../../i18n/cities';
import type { PairingT } from './messages';
import type { IndicatorDefinitionView, SectorView } from './useReference';

/*
 * The pair explanation's words: links, figures, sectors and the changes that
 * would move the score, in the reader's language, from what the API sends.
 */

type Detail = ExplorerPairScoreQuery['pairScore'];
type Change = Detail['explanation']['wouldRaise'][number];

const LINK_KINDS = ['research', 'city-to-city', 'business-to-government', 'business-to-research', 'joint-project'] as const;
export function linkKind(kind: string, t: PairingT): string {
  const known = LINK_KINDS.find((k) => k === kind);
  return known ? t(`explanation.linkKind.${known}`) : kind;
}

/**
 * The platform's own links (its twinnings and joint projects) in the reader's
 * words, from the event their source records ("Innovation Twins platform:
 * twinning accepted 2026-03-02"); null for a link people entered, whose
 * summary is shown as written.
 */
const PLATFORM_EVENTS: Record<string, 'proposed' | 'active' | 'dormant' | 'declined' | 'withdrawn' | 'closed' | 'projectOpen' | 'projectClosed'> = {
  'twinning proposed': 'proposed',
  'twinning accepted': 'active',
  'twinning active again': 'active',
  'twinning dormant': 'dormant',
  'twinning declined': 'declined',
  'twinning proposal withdrawn': 'withdrawn',
  'twinning closed': 'closed',
  'joint project started': 'projectOpen',
  'joint project reopened': 'projectOpen',
  'joint project closed': 'projectClosed',
};
export function platformLink(source: string, kind: string, t: PairingT): string | null {
  const match = /^Innovation Twins platform: (.+?) \d{4}-\d{2}-\d{2}$/.exec(source);
  const event = match ? PLATFORM_EVENTS[match[1]] : undefined;
  if (!event) return null;
  if ((kind === 'joint-project') !== event.startsWith('project')) return null;
  return t(`explanation.platformLink.${event}`);
}

/** Why similarity has no score: who lacks how many figures, or how few both know. */
export function similarityNeeds(score: Detail['score'], t: PairingT, language: Language): string[] {
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

export function sectorLabel(sector: SectorView | undefined, key: string, language: Language): string {
  // Until the sectors' names arrive, an ellipsis: a key (ar_vr) is no word of either language.
  if (!sector) return '…';
  return language === 'ko' ? sector.nameKo : sector.nameEn;
}

export function rawValue(raw: string | null | undefined, definition: IndicatorDefinitionView | undefined, language: Language, t: PairingT): string {
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

/**
 * A change of evidence in the reader's language. The API words it in
 * English; for Korean it is rewritten from its stable id (e.g.
 * `add-sector:iot:busan`), or shown in English when the id is not one we know.
 */
export function describeChange(
  change: Change,
  detail: Detail,
  language: Language,
  t: PairingT,
  indicators: Map<string, IndicatorDefinitionView>,
  sectors: Map<string, SectorView>,
): { text: string; lang: Language } {
  if (language === 'en') return { text: change.description, lang: 'en' };
  const a: CityNames & { id: string } = detail.score.cityA;
  const b: CityNames & { id: string } = detail.score.cityB;
  const name = (id: string) => cityName(id === a.id ? a : id === b.id ? b : null, language) || id;
  const other = (id: string) => name(id === a.id ? b.id : a.id);
  const indicator = (key: string) => indicators.get(key)?.labelKo ?? key;
  const sector = (key: string) => sectorLabel(sectors.get(key), key, language);
  const parts = change.id.split(':');
  const kind = parts[0];
  const known = (cityId: string | undefined) => cityId === a.id || cityId === b.id;
  const readinessParts = ['strategy', 'visibleHome', 'networks', 'collaboration'] as const;
  type Part = (typeof readinessParts)[number];
  const isPart = (p: string | undefined): p is Part => readinessParts.includes(p as Part);
  const ko = (text: string) => ({ text, lang: 'ko' as const });

  switch (kind) {
    case 'fill':
      if (known(parts[2])) return ko(t('explanation.cf.fill', { city: name(parts[2]), other: other(parts[2]), indicator: indicator(parts[1]) }));
      break;
    case 'fill-all':
      if (known(parts[1])) {
        // The figures one city lacks and the other has: those the change fills.
        const side = parts[1] === a.id ? 'a' : 'b';
        const count = detail.explanation.indicators.filter((i) => (side === 'a' ? !i.rawA && !!i.rawB : !i.rawB && !!i.rawA)).length;
        return ko(t('explanation.cf.fillAll', { count, city: name(parts[1]), other: other(parts[1]) }));
      }
      break;
    case 'record-sectors':
      if (known(parts[1])) return ko(t('explanation.cf.recordSectors', { city: name(parts[1]), other: other(parts[1]) }));
      break;
    case 'narrow-gap': {
      const row = detail.explanation.indicators.find((i) => i.key === parts[1]);
      if (row && row.relativeA !== null && row.relativeA !== undefined && row.relativeB !== null && row.relativeB !== undefined) {
        const low = row.relativeA <= row.relativeB ? a.id : b.id;
        return ko(t('explanation.cf.narrowGap', { city: name(low), indicator: indicator(parts[1]) }));
      }
      break;
    }
    case 'widen-gap':
      return ko(t('explanation.cf.widenGap', { indicator: indicator(parts[1]) }));
    case 'assess-readiness':
      if (known(parts[1])) return ko(t('explanation.cf.assessReadiness', { city: name(parts[1]), other: other(parts[1]) }));
      break;
    case 'readiness-up':
    case 'readiness-down':
      if (isPart(parts[1]) && known(parts[2])) {
        const key = kind === 'readiness-up' ? 'explanation.cf.readinessUp' : 'explanation.cf.readinessDown';
        return ko(t(key, { city: name(parts[2]), part: t(`explanation.readinessPart.${parts[1]}`) }));
      }
      break;
    case 'add-sector':
    case 'upgrade-sector':
    case 'drop-sector':
      if (known(parts[2])) {
        const key = kind === 'add-sector' ? 'explanation.cf.addSector' : kind === 'upgrade-sector' ? 'explanation.cf.upgradeSector' : 'explanation.cf.dropSector';
        return ko(t(key, { city: name(parts[2]), other: other(parts[2]), sector: sector(parts[1]) }));
      }
      break;
    case 'add-link':
      return ko(t(parts[1] === '4' ? 'explanation.cf.addLink4' : 'explanation.cf.addLink3', { a: name(a.id), b: name(b.id) }));
    case 'remove-link':
      return ko(t('explanation.cf.removeLink', { a: name(a.id), b: name(b.id) }));
  }
  return { text: change.description, lang: 'en' };
}
