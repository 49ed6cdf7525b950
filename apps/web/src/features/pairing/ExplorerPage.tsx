import { useId, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useClient, useQuery, type CombinedError } from 'urql';
import { ErrorNotice, Loading } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { usePageTitle } from '../../components/Layout';
import { graphql } from '../../gql';
import type { ExplorerCitiesQuery, ExplorerPartnersQuery, WeightsInput } from '../../gql/graphql';
import { useMessages } from '../../i18n';
import { common } from '../../i18n/common';
import { formatNumber } from '../../i18n/format';
import { pairingMessages } from './messages';
import { PartnerCard } from './PartnerCard';
import { cityName } from '../../i18n/cities';
import { useDebounced } from '../../hooks/useDebounced';
import { PILLARS, type Pillar } from './shared';
import { useMyOrganisations } from './useMyOrganisations';
import { PartnerNeeds, usePartnerNeeds } from './NeedsEvidence';
import './pairing.css';
import { SideBadge } from '../../components/StatusBadge';

const ExplorerCities = graphql(`
  query ExplorerCities {
    cities(first: 100) {
      totalCount
      nodes {
        ...CityName
        countryCode
        peerGroup
        country {
          code
          nameEn
          nameKo
        }
      }
    }
    weightProfiles {
      id
      name
      builtIn
      pillars {
        similarity
        internationalisation
        synergy
        relationship
      }
    }
  }
`);

const ExplorerSearch = graphql(`
  query ExplorerSearch($search: String!) {
    cities(first: 10, filter: { search: $search }) {
      totalCount
      nodes {
        ...CityWithCountry
      }
    }
  }
`);

const ExplorerPartners = graphql(`
  query ExplorerPartners($city: ID!, $after: String, $profileId: ID, $weights: WeightsInput) {
    partnersFor(city: $city, first: 10, after: $after, profileId: $profileId, weights: $weights) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        partnerId
        partner {
          ...CityWithCountry
        }
        score {
          pairKey
          computedAt
          sharedSectors
          ...ScoreEvidence
          ...PillarScores
        }
      }
    }
  }
`);

const ExplorerCityTwinnings = graphql(`
  query ExplorerCityTwinnings($cityId: ID!) {
    twinnings(first: 100, filter: { cityId: $cityId }) {
      nodes {
        id
        status
        cityAId
        cityBId
      }
    }
  }
`);

type City = ExplorerCitiesQuery['cities']['nodes'][number];
type Suggestion = ExplorerPartnersQuery['partnersFor']['nodes'][number];
const LIVE = new Set(['PROPOSED', 'ACTIVE', 'DORMANT']);
const FOCUS_FACTOR = 3;
const isPillar = (value: string | null): value is Pillar => PILLARS.includes(value as Pillar);

/** The pairing explorer: pick a city, see its best partners pillar by pillar, and why; officers propose a twinning from here. */
export default function ExplorerPage() {
  const { t, language } = useMessages(pairingMessages);
  const [params, setParams] = useSearchParams();
  const cityId = params.get('city')?.trim().toLowerCase() || null;
  const profileParam = params.get('profile');
  const focusParam = params.get('focus');
  const focus = isPillar(focusParam) ? focusParam : null;

  const [{ data, error, fetching }, reexecute] = useQuery({ query: ExplorerCities });
  const cities = useMemo(() => data?.cities.nodes ?? [], [data]);
  const picked = cities.find((c) => c.id === cityId) ?? null;
  usePageTitle(picked ? `${t('explorer.title')}: ${cityName(picked, language)}` : t('explorer.title'));

  // The weighting: a built-in or own profile, or the report's weights with one pillar emphasised.
  const profiles = data?.weightProfiles ?? [];
  const reportDefault = profiles.find((p) => p.builtIn && p.name === 'report-default');
  const profile = profiles.find((p) => p.id === profileParam && p.id !== reportDefault?.id) ?? null;
  const profileId = profile?.id ?? null;
  const weights: WeightsInput | null = focus ? { [focus]: FOCUS_FACTOR } : null;
  const base = profile?.pillars ?? reportDefault?.pillars ?? null;
  const pillarWeights = base
    ? (Object.fromEntries(PILLARS.map((p) => [p, focus === p ? FOCUS_FACTOR : base[p]])) as Record<Pillar, number>)
    : null;
  const weightingValue = focus ? `f:${focus}` : profile ? `p:${profile.id}` : '';

  function choose(next: { city?: string | null; weighting?: string }) {
    const out = new URLSearchParams(params);
    if (next.city !== undefined) {
      if (next.city) out.set('city', next.city);
      else out.delete('city');
    }
    if (next.weighting !== undefined) {
      out.delete('profile');
      out.delete('focus');
      if (next.weighting.startsWith('p:')) out.set('profile', next.weighting.slice(2));
      if (next.weighting.startsWith('f:')) out.set('focus', next.weighting.slice(2));
    }
    setParams(out);
  }
  const hrefFor = (id: string) => {
    const out = new URLSearchParams(params);
    out.set('city', id);
    return `/explorer?${out.toString()}`;
  };

  return (
    <div className="page explorer-page">
      <h1>{t('explorer.title')}</h1>
      <p className="lead">{t('explorer.lead')}</p>
      <p className="muted">{t('explorer.method')}</p>
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {fetching && !data && <Loading />}

      <section aria-labelledby="explorer-pick" className="explorer-picker">
        <h2 id="explorer-pick">{t('explorer.pick')}</h2>
        {picked && (
          <p className="explorer-picked" data-city-id={picked.id}>
            <strong>{t('explorer.picked', { city: cityName(picked, language) })}</strong>{' '}
            <SideBadge countryCode={picked.countryCode}>{language === 'ko' ? picked.country.nameKo : picked.country.nameEn}</SideBadge>
          </p>
        )}
        {cityId && data && !picked && (
          <p className="notice notice--error" role="alert">
            {t('explorer.unknownCity', { id: cityId })}
          </p>
        )}
        <CitySearch pickedId={picked?.id ?? null} hrefFor={hrefFor} />
        {data && <CityBrowser cities={cities} pickedId={picked?.id ?? null} hrefFor={hrefFor} collapsed={!!picked} />}
      </section>

      {picked && (
        <section aria-labelledby="explorer-partners">
          <h2 id="explorer-partners">{t('explorer.partnersTitle', { city: cityName(picked, language) })}</h2>
          <p>{t('explorer.partnersLead')}</p>
          <div className="explorer-weighting">
            <Field
              label={t('explorer.weighting')}
              hint={t('explorer.weightingHint')}
              render={(control) => (
                <select {...control} value={weightingValue} onChange={(e) => choose({ weighting: e.target.value })}>
                  <optgroup label={t('explorer.builtIn')}>
                    <option value="">{t('explorer.reportDefault')}</option>
                    {profiles
                      .filter((p) => p.builtIn && p.id !== reportDefault?.id)
                      .map((p) => (
                        <option key={p.id} value={`p:${p.id}`}>
                          {p.name}
                        </option>
                      ))}
                  </optgroup>
                  {profiles.some((p) => !p.builtIn) && (
                    <optgroup label={t('explorer.own')}>
                      {profiles
                        .filter((p) => !p.builtIn)
                        .map((p) => (
                          <option key={p.id} value={`p:${p.id}`}>
                            {p.name}
                          </option>
                        ))}
                    </optgroup>
                  )}
                  <optgroup label={t('explorer.focus')}>
                    {PILLARS.map((p) => (
                      <option key={p} value={`f:${p}`}>
                        {t('explorer.focusOption', { pillar: t(`pillar.${p}`) })}
                      </option>
                    ))}
                  </optgroup>
                </select>
              )}
            />
            {pillarWeights && (
              <p className="muted">
                <small>
                  {t('explorer.weightsUsed', Object.fromEntries(PILLARS.map((p) => [p, formatNumber(pillarWeights[p], language)])))}
                </small>
              </p>
            )}
          </div>
          <PartnerList city={picked} profileId={profileId} weights={weights} pillarWeights={pillarWeights} />
        </section>
      )}
      {picked && (
        <PartnerNeeds city={picked} profileId={profileId} weights={weights} pillarWeights={pillarWeights} hrefFor={hrefFor} headingId="explorer-needs-title" />
      )}
    </div>
  );
}

function CitySearch({ pickedId, hrefFor }: { pickedId: string | null; hrefFor: (id: string) => string }) {
  const { t, language } = useMessages(pairingMessages);
  const [query, setQuery] = useState('');
  const debounced = useDebounced(query, 250).trim();
  const resultsId = useId();
  const [{ data, error, fetching }] = useQuery({ query: ExplorerSearch, variables: { search: debounced }, pause: debounced.length === 0 });
  const results = debounced && data ? data.cities : null;
  return (
    <div role="search">
      <Field
        label={t('explorer.search')}
        hint={t('explorer.searchHint')}
        type="search"
        name="city-search"
        autoComplete="off"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        aria-controls={resultsId}
      />
      <div id={resultsId}>
        <p className="visually-hidden" role="status">
          {results ? t('explorer.matches', { count: results.totalCount }) : ''}
        </p>
        <ErrorNotice error={error} />
        {debounced && fetching && !data && <Loading />}
        {results && results.nodes.length === 0 && <p>{t('explorer.noMatch', { query: debounced })}</p>}
        {results && results.nodes.length > 0 && (
          <>
            <h3 className="visually-hidden">{t('explorer.searchResults', { query: debounced })}</h3>
            <ul className="explorer-results" aria-label={t('explorer.searchResults', { query: debounced })}>
              {results.nodes.map((city) => (
                <li key={city.id}>
                  <Link to={hrefFor(city.id)} aria-current={city.id === pickedId ? 'true' : undefined}>
                    {cityName(city, language)}
                    <SideBadge countryCode={city.countryCode}>{language === 'ko' ? city.country.nameKo : city.country.nameEn}</SideBadge>
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}

function CityBrowser({ cities, pickedId, hrefFor, collapsed }: { cities: City[]; pickedId: string | null; hrefFor: (id: string) => string; collapsed: boolean }) {
  const { t, language } = useMessages(pairingMessages);
  const groups = useMemo(() => {
    const byCountry = new Map<string, { country: City['country']; cities: City[] }>();
    for (const city of cities) {
      const group = byCountry.get(city.countryCode) ?? { country: city.country, cities: [] };
      group.cities.push(city);
      byCountry.set(city.countryCode, group);
    }
    const locale = language === 'ko' ? 'ko' : 'en';
    return [...byCountry.values()]
      .sort((a, b) => a.country.code.localeCompare(b.country.code))
      .map((g) => ({ ...g, cities: [...g.cities].sort((a, b) => cityName(a, language).localeCompare(cityName(b, language), locale)) }));
  }, [cities, language]);

  const list = (
    <div className="explorer-countries">
      {groups.map((group) => (
        <section key={group.country.code} aria-labelledby={`explorer-country-${group.country.code}`}>
          <h3 id={`explorer-country-${group.country.code}`}>
            {t('explorer.country', { country: language === 'ko' ? group.country.nameKo : group.country.nameEn })}
          </h3>
          <ul className="explorer-results">
            {group.cities.map((city) => (
              <li key={city.id}>
                <Link to={hrefFor(city.id)} aria-current={city.id === pickedId ? 'true' : undefined}>
                  {cityName(city, language)}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
  // Once a city is chosen, the list folds away (it stays one click from reach).
  return (
    <details className="explorer-browse" open={!collapsed || undefined} key={collapsed ? 'folded' : 'open'}>
      <summary>{collapsed ? t('explorer.browseAgain') : t('explorer.browse')}</summary>
      {list}
    </details>
  );
}

function PartnerList({
  city,
  profileId,
  weights,
  pillarWeights,
}: {
  city: City;
  profileId: string | null;
  weights: WeightsInput | null;
  pillarWeights: Record<Pillar, number> | null;
}) {
  const { t, language } = useMessages(pairingMessages);
  const { t: tc } = useMessages(common);
  const client = useClient();
  const mine = useMyOrganisations();
  const variables = { city: city.id, profileId, weights, after: null };
  const [{ data, error, fetching }, reexecute] = useQuery({ query: ExplorerPartners, variables });
  const [twinningsResult] = useQuery({ query: ExplorerCityTwinnings, variables: { cityId: city.id } });
  const [needsResult] = usePartnerNeeds(city.id, profileId, weights);
  const unjudged = needsResult.data?.partnersNeedingEvidence.pairCount ?? 0;
  const key = JSON.stringify([city.id, profileId, weights]);
  const [more, setMore] = useState<{ key: string; nodes: Suggestion[]; endCursor: string | null; hasNextPage: boolean } | null>(null);
  const [moreError, setMoreError] = useState<CombinedError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [proposingTo, setProposingTo] = useState<string | null>(null);

  const firstPage = data?.partnersFor;
  const extra = more?.key === key ? more : null;
  const nodes = [...(firstPage?.nodes ?? []), ...(extra?.nodes ?? [])];
  const pageInfo = extra ?? (firstPage ? { endCursor: firstPage.pageInfo.endCursor ?? null, hasNextPage: firstPage.pageInfo.hasNextPage } : null);

  const live = new Map<string, string>();
  for (const tw of twinningsResult.data?.twinnings.nodes ?? []) {
    if (LIVE.has(tw.status)) live.set(tw.cityAId === city.id ? tw.cityBId : tw.cityAId, tw.id);
  }
  const mayPropose = !!mine.userId && mine.cityIds.has(city.id);

  async function loadMore() {
    if (!pageInfo?.endCursor) return;
    setLoadingMore(true);
    const result = await client.query(ExplorerPartners, { ...variables, after: pageInfo.endCursor }).toPromise();
    if (result.data) {
      const page = result.data.partnersFor;
      setMore({ key, nodes: [...(extra?.nodes ?? []), ...page.nodes], endCursor: page.pageInfo.endCursor ?? null, hasNextPage: page.pageInfo.hasNextPage });
    }
    setMoreError(result.error ?? null);
    setLoadingMore(false);
  }

  const name = cityName(city, language);
  const stale = fetching && !!data;
  return (
    <div aria-busy={fetching}>
      <p className="visually-hidden" role="status">
        {firstPage && !fetching ? t('explorer.updated', { count: firstPage.totalCount, city: name }) : ''}
      </p>
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {!data && fetching && <Loading />}
      {firstPage && (
        <>
          {firstPage.totalCount > 0 && (
            <p>
              <strong>{t('explorer.total', { count: firstPage.totalCount })}</strong>
            </p>
          )}
          {firstPage.totalCount === 0 && unjudged > 0 && (
            <p className="notice notice--info">
              {t('needs.noneJudged')} <a href="#explorer-needs">{t('needs.toNeeds')}</a>
            </p>
          )}
          {firstPage.totalCount === 0 && needsResult.data && unjudged === 0 && <p>{t('explorer.noPartners')}</p>}
          <ol className="partner-list" style={stale ? { opacity: 0.6 } : undefined}>
            {nodes.map((suggestion, index) => (
              <PartnerCard
                key={suggestion.partnerId}
                rank={index + 1}
                city={city}
                suggestion={suggestion}
                profileId={profileId}
                weights={weights}
                pillarWeights={pillarWeights}
                liveTwinningId={live.get(suggestion.partnerId) ?? null}
                mayPropose={mayPropose}
                proposing={proposingTo === suggestion.partnerId}
                onPropose={(open) => setProposingTo(open ? suggestion.partnerId : null)}
              />
            ))}
          </ol>
          {pageInfo?.hasNextPage && (
            <p>
              <button type="button" className="button button--secondary" onClick={() => void loadMore()} disabled={loadingMore}>
                {loadingMore ? tc('loading') : tc('more')}
              </button>
            </p>
          )}
          <ErrorNotice error={moreError} onRetry={() => void loadMore()} />
        </>
      )}
    </div>
  );
}
