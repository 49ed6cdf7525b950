import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorNotice, Loading } from '../../components/ErrorNotice';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n';
import { cityName } from '../../i18n/cities';
import { formatNumber } from '../../i18n/format';
import { ConfidenceMeter } from './Confidence';
import { pairingMessages } from './messages';
import { figuresKnown, gapSummary, liftText, type NeedsPair } from './NeedsEvidence';
import { points, starGlyphs } from './shared';

const CITIES_SHOWN = 8;

const PairsNext = graphql(`
  query PairsNext {
    pairRanking(countryA: "GB", countryB: "KR", first: 10) {
      totalCount
      nodes {
        ...NeedsPair
      }
    }
    pairsNeedingEvidence(countryA: "GB", countryB: "KR", pairs: 5) {
      pairCount
      pairs {
        ...NeedsPair
      }
      cities {
        ...CityNeed
      }
    }
  }
`);

/** A pair's UK city first, as the diagram and the table name them. */
const sides = (pair: NeedsPair) => (pair.cityA.countryCode <= pair.cityB.countryCode ? [pair.cityA, pair.cityB] : [pair.cityB, pair.cityA]);

/**
 * "Who should the UK and Korea twin?": the best-ranked pairs of the two
 * countries, each leading to the explorer for its UK city, and the pairs that
 * cannot be judged yet with the cities whose evidence would help most.
 */
export function NextPairs() {
  const { t, language } = useMessages(pairingMessages);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: PairsNext });
  const ranking = data?.pairRanking;
  const needs = data?.pairsNeedingEvidence;
  const needMap = new Map((needs?.cities ?? []).map((n) => [n.cityId, n]));
  const pairName = (pair: NeedsPair) => {
    const [a, b] = sides(pair);
    return t('pairs.pairName', { a: cityName(a, language), b: cityName(b, language) });
  };

  return (
    <section aria-labelledby="pairs-next-title" className="next-pairs">
      <h2 id="pairs-next-title">{t('next.title')}</h2>
      <p>{t('next.lead')}</p>
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {!data && fetching && <Loading />}
      {ranking && ranking.nodes.length === 0 && <p>{t('next.empty')}</p>}
      {ranking && ranking.nodes.length > 0 && (
        <>
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t('next.caption', { count: ranking.nodes.length })}>
            <table className="next-pairs__table">
              <caption className="visually-hidden">{t('next.caption', { count: ranking.nodes.length })}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('next.col.rank')}
                  </th>
                  <th scope="col">{t('next.col.pair')}</th>
                  <th scope="col" className="num">
                    {t('next.col.ranking')}
                  </th>
                  <th scope="col" className="num">
                    {t('next.col.observed')}
                  </th>
                  <th scope="col">{t('next.col.stars')}</th>
                  <th scope="col">{t('next.col.confidence')}</th>
                </tr>
              </thead>
              <tbody>
                {ranking.nodes.map((pair, index) => {
                  const [uk] = sides(pair);
                  return (
                    <tr key={pair.pairKey} data-pair-key={pair.pairKey}>
                      <td className="num">{formatNumber(index + 1, language)}</td>
                      <th scope="row">
                        <Link to={`/explorer?city=${encodeURIComponent(uk.id)}`}>
                          {pairName(pair)}
                          <span className="visually-hidden">: {t('next.openCity', { city: cityName(uk, language) })}</span>
                        </Link>
                      </th>
                      <td className="num">
                        <strong>{t('score', { value: points(pair.adjusted, language) })}</strong>
                      </td>
                      <td className="num">{t('score', { value: points(pair.overall, language) })}</td>
                      <td>
                        <span aria-hidden="true" className="partner-card__stars">
                          {starGlyphs(pair.overallStars)}
                        </span>
                        <span className="visually-hidden">{t('stars', { count: pair.overallStars })}</span>
                      </td>
                      <td>
                        <ConfidenceMeter label={pair.coverage.confidenceLabel} confidence={pair.coverage.confidence} compact />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="muted">{t('next.total', { count: ranking.totalCount })}</p>
        </>
      )}

      {needs && (
        <section aria-labelledby="pairs-needs-title" className="needs">
          <h3 id="pairs-needs-title">{t('next.needsTitle')}</h3>
          {needs.pairCount === 0 ? (
            <p>{t('next.needsNone')}</p>
          ) : (
            <>
              <p className="next-pairs__needs-count">{t('next.needsCount', { count: needs.pairCount })}</p>
              {needs.cities.length > 0 && (
                <>
                  <h4>{t('next.citiesTitle')}</h4>
                  <div className="table-wrap" tabIndex={0} role="region" aria-label={t('next.citiesCaption')}>
                    <table className="next-pairs__cities">
                      <caption className="visually-hidden">{t('next.citiesCaption')}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('next.cityCol.city')}</th>
                          <th scope="col">{t('next.cityCol.missing')}</th>
                          <th scope="col" className="num">
                            {t('next.cityCol.headroom')}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {needs.cities.slice(0, CITIES_SHOWN).map((need) => (
                          <tr key={need.cityId} data-city-id={need.cityId}>
                            <th scope="row">
                              <Link to={`/explorer?city=${encodeURIComponent(need.cityId)}`}>{cityName(need.city, language)}</Link>
                            </th>
                            <td>
                              {gapSummary(need, t, language)}
                              <br />
                              <small>{figuresKnown(need, t, language)}</small>
                            </td>
                            <td className="num">{t('needs.upTo', { value: points(need.headroom, language) })}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </>
              )}
              {needs.pairs.length > 0 && (
                <>
                  <h4>{t('next.topPairsTitle')}</h4>
                  <ul className="needs-pairs">
                    {needs.pairs.map((pair) => (
                      <li key={pair.pairKey} data-pair-key={pair.pairKey}>
                        <span className="needs-pairs__name">{pairName(pair)}</span>
                        <span className="needs-pairs__score">
                          {t('needs.pairLine', { adjusted: points(pair.adjusted, language), potential: points(pair.potential, language) })}
                        </span>
                        <ConfidenceMeter label={pair.coverage.confidenceLabel} confidence={pair.coverage.confidence} />
                        <span className="needs-pairs__lift">
                          {t('needs.lift')} {liftText(pair, needMap, t, language)}
                        </span>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          )}
        </section>
      )}
    </section>
  );
}
