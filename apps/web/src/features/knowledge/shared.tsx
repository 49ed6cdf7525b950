import { useMemo } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { useMessages, type Language } from '../../i18n';
import { caseStudyMessages } from './messages';
import { StatusBadge as Badge } from '../../components/StatusBadge';
import { sectorLabel } from '../../hooks/useSectorNames';

export const LANGS = ['en', 'ko'] as const;
export const otherLanguage = (language: Language): Language => (language === 'en' ? 'ko' : 'en');
export const isLang = (value: unknown): value is Language => value === 'en' || value === 'ko';
export const SDGS = Array.from({ length: 17 }, (_, i) => i + 1);

const Vocabulary = graphql(`
  query CaseStudyVocabulary {
    cities(first: 100) {
      nodes {
        ...CityName
        countryCode
      }
    }
    sectors {
      key
      nameEn
      nameKo
      position
    }
  }
`);

export interface CityName {
  id: string;
  nameEn: string;
  nameKo: string;
  countryCode: string;
}

/** Cities and sectors by key, with their names in the reader's language (public, cached for the session). */
export function useVocabulary() {
  const { language } = useMessages(caseStudyMessages);
  const [{ data, error }, reexecute] = useQuery({ query: Vocabulary, requestPolicy: 'cache-first' });
  return useMemo(() => {
    const cities: CityName[] = [...(data?.cities.nodes ?? [])].sort((a, b) =>
      (language === 'ko' ? a.nameKo : a.nameEn).localeCompare(language === 'ko' ? b.nameKo : b.nameEn, language),
    );
    const sectors = [...(data?.sectors ?? [])].sort((a, b) => a.position - b.position);
    const cityById = new Map(cities.map((c) => [c.id, c]));
    const sectorByKey = new Map(sectors.map((s) => [s.key, s]));
    return {
      loaded: !!data,
      error,
      retry: () => reexecute({ requestPolicy: 'network-only' }),
      cities,
      sectors,
      // "…" until the names arrive, rather than the key (ulsan, renewables) in the reader's page; an unknown key after.
      cityName: (id: string) => {
        const city = cityById.get(id);
        return city ? (language === 'ko' ? city.nameKo : city.nameEn) : data ? id : '…';
      },
      sectorName: (key: string) => sectorLabel(sectorByKey, key, language),
    };
  }, [data, error, reexecute, language]);
}

/** "Goal 11: Sustainable cities and communities" in the reader's language. */
export function useSdgName() {
  const { t } = useMessages(caseStudyMessages);
  return (n: number) => t('sdgLabel', { n, name: t(`sdg.${n}` as 'sdg.1') });
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);

/**
 * A search snippet: the API sends it HTML-escaped with the matches in <mark>.
 * Rather than inject it as HTML, it is split on the <mark> tags and shown as
 * text, so nothing else in it can ever become markup.
 */
export function Snippet({ html, lang }: { html: string; lang?: string }) {
  const parts = html.split(/<mark>|<\/mark>/);
  return (
    <p className="case-studies__snippet" lang={lang}>
      {parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{unescape(part)}</mark> : <span key={i}>{unescape(part)}</span>))}
    </p>
  );
}

export type Status = 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' | 'ARCHIVED';

export function StatusBadge({ status, language }: { status: Status; language?: Language }) {
  const { t } = useMessages(caseStudyMessages);
  const text = t(`status.${status}`);
  return (
    <Badge kind="case-studies__status" status={status}>
      {language ? t('editor.status', { language: t(`languages.${language}`), status: text }) : text}
    </Badge>
  );
}

/** The version to show: the asked-for language, else the reader's, else any. */
export function pickVersion<V extends { language: string }>(versions: readonly V[], wanted: Language | null, reader: Language): V | undefined {
  return (wanted && versions.find((v) => v.language === wanted)) || versions.find((v) => v.language === reader) || versions[0];
}
