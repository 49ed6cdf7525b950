import { MixedText } from '../../components/LocalText';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useAuth } from '../../auth/AuthProvider';
import { ErrorNotice, Loading } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { usePageTitle } from '../../components/Layout';
import { graphql } from '../../gql';
import type { CaseStudyFilter } from '../../gql/graphql';
import { useMessages, type Language } from '../../i18n';
import { common } from '../../i18n/common';
import { caseStudyMessages } from './messages';
import { isLang, pickVersion, SDGS, Snippet, useSdgName, useVocabulary } from './shared';
import './case-studies.css';

const PAGE_SIZE = 10;
const QUERY_MAX = 200;

const ListQuery = graphql(`
  query CaseStudiesList($first: Int, $after: String, $filter: CaseStudyFilter) {
    caseStudies(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        ...CaseStudiesListItem
      }
    }
  }
`);

const SearchQuery = graphql(`
  query CaseStudiesSearch($query: String!, $first: Int, $after: String, $filter: CaseStudyFilter) {
    searchCaseStudies(query: $query, first: $first, after: $after, filter: $filter) {
      totalCount
      endCursor
      hits {
        language
        title
        snippet
        rank
        caseStudy {
          ...CaseStudiesListItem
        }
      }
    }
  }
`);

graphql(`
  fragment CaseStudiesListItem on CaseStudy {
    id
    slug
    cityIds
    sectors
    sdgs
    versions {
      language
      title
      summary
      status
    }
  }
`);

interface Item {
  id: string;
  slug: string;
  cityIds: string[];
  sectors: string[];
  sdgs: number[];
  versions: Array<{ language: string; title: string; summary: string; status: string }>;
}

/** The search words and filters, read from (and kept in) the address. */
function useListParams() {
  const [params, setParams] = useSearchParams();
  const sdg = Number(params.get('sdg'));
  const country = params.get('country') ?? '';
  const lang = params.get('lang');
  const filter: CaseStudyFilter = {
    ...(/^[A-Z]{2}$/.test(country) ? { countryCode: country } : {}),
    ...(params.get('city') ? { cityId: params.get('city')! } : {}),
    ...(params.get('sector') ? { sector: params.get('sector')! } : {}),
    ...(Number.isInteger(sdg) && sdg >= 1 && sdg <= 17 ? { sdg } : {}),
    ...(isLang(lang) ? { language: lang } : {}),
  };
  const q = (params.get('q') ?? '').trim().slice(0, QUERY_MAX);
  const set = (changes: Record<string, string>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: false },
    );
  return { params, filter, q, set, clear: () => setParams(new URLSearchParams()) };
}

export default function CaseStudiesPage() {
  const { t, language } = useMessages(caseStudyMessages);
  usePageTitle(t('list.title'));
  const { user } = useAuth();
  const vocabulary = useVocabulary();
  const sdgName = useSdgName();
  const { params, filter, q, set, clear } = useListParams();
  const [words, setWords] = useState(q);
  // When the address changes (back button, a link), the box follows it.
  const [shownQ, setShownQ] = useState(q);
  if (shownQ !== q) {
    setShownQ(q);
    setWords(q);
  }
  const tooLong = words.trim().length > QUERY_MAX;

  function search(event: FormEvent) {
    event.preventDefault();
    if (tooLong) return;
    set({ q: words.trim() });
  }

  const citiesShown = vocabulary.cities.filter((c) => !filter.countryCode || c.countryCode === filter.countryCode);
  const anyFilter = !!q || Object.keys(filter).length > 0;

  return (
    <div className="page case-studies">
      <h1>{t('list.title')}</h1>
      <p className="lead">{t('list.lead')}</p>
      {user && (
        <p className="case-studies__actions">
          <Link className="button button--primary" to="/case-studies/new">
            {t('list.write')}
          </Link>
          <Link className="button button--secondary" to="/me/case-studies">
            {t('list.mine')}
          </Link>
        </p>
      )}

      <form role="search" className="case-studies__search" onSubmit={search} noValidate>
        <Field
          label={t('list.searchLabel')}
          hint={t('list.searchHint')}
          type="search"
          value={words}
          maxLength={QUERY_MAX + 50}
          onChange={(e) => setWords(e.target.value)}
          problem={tooLong ? t('list.tooLong') : null}
        />
        <button type="submit" className="button button--primary">
          {t('list.search')}
        </button>
      </form>

      <ErrorNotice error={vocabulary.error} onRetry={vocabulary.retry} />
      <fieldset className="case-studies__filters">
        <legend>{t('list.filters')}</legend>
        <Field
          label={t('list.country')}
          render={(control) => (
            <select {...control} value={filter.countryCode ?? ''} onChange={(e) => set({ country: e.target.value, city: '' })}>
              <option value="">{t('list.any')}</option>
              <option value="GB">{t('countries.GB')}</option>
              <option value="KR">{t('countries.KR')}</option>
            </select>
          )}
        />
        <Field
          label={t('list.city')}
          render={(control) => (
            <select {...control} value={filter.cityId ?? ''} onChange={(e) => set({ city: e.target.value })}>
              <option value="">{t('list.any')}</option>
              {citiesShown.map((city) => (
                <option key={city.id} value={city.id}>
                  {language === 'ko' ? city.nameKo : city.nameEn}
                </option>
              ))}
              {filter.cityId && !citiesShown.some((c) => c.id === filter.cityId) && <option value={filter.cityId}>{vocabulary.cityName(filter.cityId)}</option>}
            </select>
          )}
        />
        <Field
          label={t('list.sector')}
          render={(control) => (
            <select {...control} value={filter.sector ?? ''} onChange={(e) => set({ sector: e.target.value })}>
              <option value="">{t('list.any')}</option>
              {vocabulary.sectors.map((sector) => (
                <option key={sector.key} value={sector.key}>
                  {language === 'ko' ? sector.nameKo : sector.nameEn}
                </option>
              ))}
            </select>
          )}
        />
        <Field
          label={t('list.sdg')}
          render={(control) => (
            <select {...control} value={filter.sdg ? String(filter.sdg) : ''} onChange={(e) => set({ sdg: e.target.value })}>
              <option value="">{t('list.any')}</option>
              {SDGS.map((n) => (
                <option key={n} value={n}>
                  {sdgName(n)}
                </option>
              ))}
            </select>
          )}
        />
        <Field
          label={t('list.language')}
          render={(control) => (
            <select {...control} value={filter.language ?? ''} onChange={(e) => set({ lang: e.target.value })}>
              <option value="">{t('list.any')}</option>
              <option value="en">{t('languages.en')}</option>
              <option value="ko">{t('languages.ko')}</option>
            </select>
          )}
        />
        {anyFilter && (
          <button type="button" className="button button--ghost" onClick={clear}>
            {t('list.clear')}
          </button>
        )}
      </fieldset>

      {/* A new search or filter starts again from the first page. */}
      <Results key={params.toString()} q={q} filter={filter} />
    </div>
  );
}

function Results({ q, filter }: { q: string; filter: CaseStudyFilter }) {
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const more = (cursor: string) => setCursors((all) => [...all, cursor]);
  return (
    <div className="case-studies__results">
      {cursors.map((after, index) =>
        q ? (
          <SearchPage key={after ?? 'first'} q={q} filter={filter} after={after} first={index === 0} last={index === cursors.length - 1} onMore={more} />
        ) : (
          <ListPage key={after ?? 'first'} filter={filter} after={after} first={index === 0} last={index === cursors.length - 1} onMore={more} />
        ),
      )}
    </div>
  );
}

interface PageProps {
  filter: CaseStudyFilter;
  after: string | null;
  first: boolean;
  last: boolean;
  onMore: (cursor: string) => void;
}

function ListPage({ filter, after, first, last, onMore }: PageProps) {
  const { t } = useMessages(caseStudyMessages);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: ListQuery, variables: { first: PAGE_SIZE, after, filter } });
  const connection = data?.caseStudies;
  return (
    <>
      {first && (
        <p role="status" className="case-studies__count">
          {connection ? t('list.count', { count: connection.totalCount }) : ''}
        </p>
      )}
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {fetching && !data && <Loading />}
      {connection && connection.nodes.length === 0 && first && <p className="notice notice--info">{t('list.emptyList')}</p>}
      {connection && <ItemList items={connection.nodes.map((node) => ({ item: node }))} focusFirst={!first} />}
      {last && connection?.pageInfo.hasNextPage && connection.pageInfo.endCursor && <MoreButton onClick={() => onMore(connection.pageInfo.endCursor!)} busy={fetching} />}
    </>
  );
}

function SearchPage({ q, filter, after, first, last, onMore }: PageProps & { q: string }) {
  const { t, language } = useMessages(caseStudyMessages);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: SearchQuery, variables: { query: q, first: PAGE_SIZE, after, filter } });
  const result = data?.searchCaseStudies;
  // A case study whose two versions both match shows once: with the match in the reader's language when there is one.
  const grouped = new Map<string, { item: Item; hit: { language: string; snippet: string; title: string } }>();
  for (const hit of result?.hits ?? []) {
    const seen = grouped.get(hit.caseStudy.id);
    if (!seen || (seen.hit.language !== language && hit.language === language)) grouped.set(hit.caseStudy.id, { item: hit.caseStudy, hit });
  }
  return (
    <>
      {first && (
        <p role="status" className="case-studies__count">
          {result ? <MixedText text={t('list.hits', { count: result.totalCount, query: q })} /> : ''}
        </p>
      )}
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {fetching && !data && <Loading />}
      {result && result.hits.length === 0 && first && <p className="notice notice--info">{t('list.emptySearch', { query: q })}</p>}
      {result && <ItemList items={[...grouped.values()]} focusFirst={!first} />}
      {last && result?.endCursor && <MoreButton onClick={() => onMore(result.endCursor!)} busy={fetching} />}
    </>
  );
}

function MoreButton({ onClick, busy }: { onClick: () => void; busy: boolean }) {
  const { t } = useMessages(common);
  return (
    <p>
      <button type="button" className="button button--secondary" onClick={onClick} disabled={busy}>
        {t('more')}
      </button>
    </p>
  );
}

function ItemList({ items, focusFirst }: { items: Array<{ item: Item; hit?: { language: string; snippet: string; title: string } }>; focusFirst: boolean }) {
  const firstLink = useRef<HTMLAnchorElement>(null);
  const hasItems = items.length > 0;
  useEffect(() => {
    // After "Show more", the keyboard (and a screen reader) continues at the first new item.
    if (focusFirst && hasItems) firstLink.current?.focus();
  }, [focusFirst, hasItems]);
  return (
    <ul className="list case-studies__items">
      {items.map(({ item, hit }, index) => (
        <ItemRow key={item.id} item={item} hit={hit} linkRef={index === 0 ? firstLink : undefined} />
      ))}
    </ul>
  );
}

function ItemRow({ item, hit, linkRef }: { item: Item; hit?: { language: string; snippet: string; title: string }; linkRef?: React.Ref<HTMLAnchorElement> }) {
  const { t, language } = useMessages(caseStudyMessages);
  const commonText = useMessages(common).t;
  const vocabulary = useVocabulary();
  const sdgName = useSdgName();
  const published = item.versions.filter((v) => v.status === 'PUBLISHED');
  const version = pickVersion(published, null, language) ?? (hit ? { language: hit.language, title: hit.title, summary: '' } : undefined);
  const versionLang = (version?.language ?? language) as Language;
  const other = versionLang !== language;
  return (
    <li className="case-studies__item">
      <h2 className="case-studies__item-title">
        <Link ref={linkRef} to={`/case-studies/${item.slug}${other ? `?lang=${versionLang}` : ''}`} lang={other ? versionLang : undefined}>
          {version?.title}
        </Link>{' '}
        {other && <span className="badge">{commonText(`inLanguage.${versionLang}`)}</span>}
      </h2>
      {hit ? (
        <>
          <Snippet html={hit.snippet} lang={hit.language} />
          {hit.language !== language && <p className="case-studies__meta">{t('list.matchedIn', { language: t(`languages.${hit.language as Language}`) })}</p>}
        </>
      ) : (
        version?.summary && (
          <p className="case-studies__summary" lang={other ? versionLang : undefined}>
            {version.summary}
          </p>
        )
      )}
      <dl className="case-studies__facts">
        {item.cityIds.length > 0 && (
          <div>
            <dt>{t('list.cities')}</dt>
            <dd>{item.cityIds.map(vocabulary.cityName).join(', ')}</dd>
          </div>
        )}
        {item.sectors.length > 0 && (
          <div>
            <dt>{t('list.sectors')}</dt>
            <dd>
              {item.sectors.map((key) => (
                <span key={key} className="badge">
                  {vocabulary.sectorName(key)}
                </span>
              ))}
            </dd>
          </div>
        )}
        {item.sdgs.length > 0 && (
          <div>
            <dt>{t('list.sdgs')}</dt>
            <dd>
              {item.sdgs.map((n) => (
                <span key={n} className="badge case-studies__sdg" title={sdgName(n)}>
                  <span aria-hidden="true">{n}</span>
                  <span className="visually-hidden">{sdgName(n)}</span>
                </span>
              ))}
            </dd>
          </div>
        )}
      </dl>
    </li>
  );
}
