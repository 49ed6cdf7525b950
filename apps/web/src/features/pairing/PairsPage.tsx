import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useClient, useQuery, type CombinedError } from 'urql';
import { useAuth } from '../../auth/AuthProvider';
import { ErrorNotice, Loading } from '../../components/ErrorNotice';
import { usePageTitle } from '../../components/Layout';
import { graphql } from '../../gql';
import type { PairsTwinningsQuery } from '../../gql/graphql';
import { useMessages } from '../../i18n';
import { common } from '../../i18n/common';
import { formatDate } from '../../i18n/format';
import { namedCities, PairsDiagram, type DiagramCity, type DiagramLink } from './PairsDiagram';
import { pairingMessages } from './messages';
import { cityName } from '../../i18n/cities';
import './pairing.css';
import { StatusBadge } from '../../components/StatusBadge';
import { NextPairs } from './NextPairs';

const PairsTwinnings = graphql(`
  query PairsTwinnings($after: String) {
    twinnings(first: 100, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        status
        activeSince
        createdAt
        cityA {
          ...CityWithCountry
        }
        cityB {
          ...CityWithCountry
        }
      }
    }
  }
`);

const PairsCities = graphql(`
  query PairsCities {
    cities(first: 100) {
      nodes {
        ...CityWithCountry
      }
    }
  }
`);

const PairsCityLinks = graphql(`
  query PairsCityLinks($cityId: ID!) {
    cityLinks(cityId: $cityId) {
      id
      cityAId
      cityBId
      formality
    }
  }
`);

type TwinningNode = PairsTwinningsQuery['twinnings']['nodes'][number];
type Country = TwinningNode['cityA']['country'];
const TWINNED = new Set(['ACTIVE', 'DORMANT']);

/** The twinned pairs: a diagram of the two countries' cities with a line per twinning, and the same as a table; then who could twin next. */
export default function PairsPage() {
  const { t, language } = useMessages(pairingMessages);
  const { t: tc } = useMessages(common);
  const { user, timeZone } = useAuth();
  usePageTitle(t('pairs.title'));
  const client = useClient();
  const [first, reexecute] = useQuery({ query: PairsTwinnings, variables: { after: null } });
  const [citiesResult] = useQuery({ query: PairsCities });
  const [more, setMore] = useState<{ nodes: TwinningNode[]; endCursor: string | null; hasNextPage: boolean } | null>(null);
  const [moreState, setMoreState] = useState<{ fetching: boolean; error: CombinedError | null }>({ fetching: false, error: null });
  const [showLinks, setShowLinks] = useState(false);

  const firstPage = first.data?.twinnings;
  const all = useMemo(() => {
    const seen = new Set<string>();
    return [...(firstPage?.nodes ?? []), ...(more?.nodes ?? [])].filter((n) => !seen.has(n.id) && seen.add(n.id));
  }, [firstPage, more]);
  const pageInfo = more ?? (firstPage ? { endCursor: firstPage.pageInfo.endCursor ?? null, hasNextPage: firstPage.pageInfo.hasNextPage } : null);

  const twinned = all.filter((n) => TWINNED.has(n.status));
  const pending = all.filter((n) => n.status === 'PROPOSED');

  async function loadMore() {
    if (!pageInfo?.endCursor) return;
    setMoreState({ fetching: true, error: null });
    const result = await client.query(PairsTwinnings, { after: pageInfo.endCursor }).toPromise();
    if (result.data) {
      const page = result.data.twinnings;
      setMore((current) => ({
        nodes: [...(current?.nodes ?? []), ...page.nodes],
        endCursor: page.pageInfo.endCursor ?? null,
        hasNextPage: page.pageInfo.hasNextPage,
      }));
    }
    setMoreState({ fetching: false, error: result.error ?? null });
  }

  // One diagram per pair of countries (the UK and Korea at first), the alphabetically first country on the left.
  const groups = useMemo(() => {
    const byKey = new Map<string, { left: Country; right: Country; items: TwinningNode[] }>();
    for (const tw of twinned) {
      const [left, right] = [tw.cityA.country, tw.cityB.country].sort((a, b) => a.code.localeCompare(b.code));
      const key = `${left.code}~${right.code}`;
      const group = byKey.get(key) ?? { left, right, items: [] };
      group.items.push(tw);
      byKey.set(key, group);
    }
    return [...byKey.values()];
  }, [twinned]);

  const countryName = (c: Country) => (language === 'ko' ? c.nameKo : c.nameEn);
  const sides = (tw: TwinningNode) => (tw.cityA.countryCode <= tw.cityB.countryCode ? [tw.cityA, tw.cityB] : [tw.cityB, tw.cityA]);

  const loading = first.fetching && !first.data;
  const complete = !!firstPage && !pageInfo?.hasNextPage;

  return (
    <div className="page pairs-page">
      <h1>{t('pairs.title')}</h1>
      <p className="lead">{t('pairs.lead')}</p>

      <ErrorNotice error={first.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {loading && <Loading />}

      {firstPage && twinned.length === 0 && complete && (
        <div className="notice notice--info pairs-empty" role="status">
          <p>{t('pairs.empty')}</p>
          <p>
            <Link to="/explorer" className="button button--primary">
              {t('pairs.emptyLink')}
            </Link>
          </p>
        </div>
      )}

      {twinned.length > 0 && (
        <>
          {complete && <p className="pairs-count">{t('pairs.count', { count: twinned.length })}</p>}
          <div className="field field--checkbox">
            <label>
              <input type="checkbox" checked={showLinks} onChange={(e) => setShowLinks(e.target.checked)} /> {t('pairs.showLinks')}
            </label>
          </div>
          {groups.map((group) => (
            <DiagramFor
              key={`${group.left.code}~${group.right.code}`}
              leftCode={group.left.code}
              rightCode={group.right.code}
              leftCountry={countryName(group.left)}
              rightCountry={countryName(group.right)}
              items={group.items}
              cities={citiesResult.data?.cities.nodes ?? []}
              showLinks={showLinks}
              client={client}
            />
          ))}

          <section aria-labelledby="pairs-table-title">
            <h2 id="pairs-table-title">{t('pairs.tableTitle')}</h2>
            <div className="table-wrap" tabIndex={0} role="region" aria-label={t('pairs.tableCaption')}>
              <table className="pairs-table">
                <caption className="visually-hidden">{t('pairs.tableCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('pairs.col.pair')}</th>
                    <th scope="col">{t('pairs.col.status')}</th>
                    <th scope="col">{t('pairs.col.since')}</th>
                  </tr>
                </thead>
                <tbody>
                  {twinned.map((tw) => {
                    const [a, b] = sides(tw);
                    return (
                      <tr key={tw.id} data-twinning-id={tw.id}>
                        <th scope="row">
                          <Link to={`/twinnings/${tw.id}`}>{t('pairs.pairName', { a: cityName(a, language), b: cityName(b, language) })}</Link>
                        </th>
                        <td>
                          <StatusBadge kind="pairing-status" status={tw.status}>
                            {t(`status.${tw.status as 'ACTIVE'}`)}
                          </StatusBadge>
                        </td>
                        <td>
                          {tw.activeSince ? (
                            <time dateTime={tw.activeSince}>{formatDate(tw.activeSince, language, timeZone)}</time>
                          ) : (
                            t('pairs.sinceUnknown')
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}

      {pageInfo?.hasNextPage && (
        <p>
          <button type="button" className="button button--secondary" onClick={() => void loadMore()} disabled={moreState.fetching}>
            {moreState.fetching ? tc('loading') : tc('more')}
          </button>
        </p>
      )}
      <ErrorNotice error={moreState.error} onRetry={() => void loadMore()} />

      <NextPairs />

      {user && pending.length > 0 && (
        <section aria-labelledby="pairs-pending-title">
          <h2 id="pairs-pending-title">{t('pairs.pendingTitle')}</h2>
          <p>{t('pairs.pendingLead')}</p>
          <ul className="list">
            {pending.map((tw) => (
              <li key={tw.id}>
                <Link to={`/twinnings/${tw.id}`}>{t('pairs.pairName', { a: cityName(tw.cityA, language), b: cityName(tw.cityB, language) })}</Link>{' '}
                <StatusBadge kind="pairing-status" status="PROPOSED">
                  {t('status.PROPOSED')}
                </StatusBadge>{' '}
                <small>{t('pairs.proposedOn', { date: formatDate(tw.createdAt, language, timeZone) })}</small>
              </li>
            ))}
          </ul>
        </section>
      )}

      {twinned.length > 0 && (
        <p>
          {t('pairs.proposeHint')} <Link to="/explorer">{t('pairs.emptyLink')}</Link>
        </p>
      )}
    </div>
  );
}

function DiagramFor({
  leftCode,
  rightCode,
  leftCountry,
  rightCountry,
  items,
  cities,
  showLinks,
  client,
}: {
  leftCode: string;
  rightCode: string;
  leftCountry: string;
  rightCountry: string;
  items: TwinningNode[];
  cities: Array<DiagramCity>;
  showLinks: boolean;
  client: ReturnType<typeof useClient>;
}) {
  const { t, language } = useMessages(pairingMessages);
  // Every city of the two countries, with any twinned one the city list did not include.
  const known = new Map<string, DiagramCity>();
  for (const c of cities) known.set(c.id, c);
  for (const tw of items) for (const c of [tw.cityA, tw.cityB]) if (!known.has(c.id)) known.set(c.id, c);
  const left = namedCities([...known.values()].filter((c) => c.countryCode === leftCode), language);
  const right = namedCities([...known.values()].filter((c) => c.countryCode === rightCode), language);

  const [links, setLinks] = useState<{ key: string; links: DiagramLink[] } | null>(null);
  const leftIds = left.map((c) => c.id).join(',');
  const rightIdList = right.map((c) => c.id).join(',');
  const linksKey = `${leftIds}|${rightIdList}`;
  useEffect(() => {
    if (!showLinks) return;
    let cancelled = false;
    const rightIds = new Set(rightIdList.split(','));
    // The founding report's links, city by city (a handful of small public requests, only when asked for).
    void Promise.all(leftIds.split(',').map((cityId) => client.query(PairsCityLinks, { cityId }).toPromise())).then((results) => {
      if (cancelled) return;
      const found = new Map<string, DiagramLink>();
      for (const result of results) {
        for (const link of result.data?.cityLinks ?? []) {
          if (!link.cityBId) continue;
          const [l, r] = rightIds.has(link.cityBId) ? [link.cityAId, link.cityBId] : [link.cityBId, link.cityAId];
          if (rightIds.has(r)) found.set(link.id, { id: link.id, leftId: l, rightId: r, formality: link.formality });
        }
      }
      setLinks({ key: linksKey, links: [...found.values()] });
    });
    return () => {
      cancelled = true;
    };
  }, [showLinks, leftIds, rightIdList, linksKey, client]);

  const shownLinks = showLinks && links?.key === linksKey ? links.links : [];
  return (
    <>
      {showLinks && links?.key !== linksKey && (
        <p className="loading" role="status">
          {t('pairs.linksLoading')}
        </p>
      )}
      <PairsDiagram
        left={left}
        right={right}
        leftCountry={leftCountry}
        rightCountry={rightCountry}
        links={shownLinks}
        twinnings={items.map((tw) => {
          const [a, b] = tw.cityA.countryCode === leftCode ? [tw.cityA, tw.cityB] : [tw.cityB, tw.cityA];
          return { id: tw.id, status: tw.status, leftId: a.id, rightId: b.id };
        })}
      />
    </>
  );
}
