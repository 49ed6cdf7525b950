import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../components/ErrorNotice';
import { usePageTitle } from '../../components/Layout';
import { LocalText } from '../../components/LocalText';
import { Time } from '../../components/Time';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n';
import { formatNumber, KR_ZONE, UK_ZONE } from '../../i18n/format';
import { homeMessages } from './messages';

const HomeQuery = graphql(`
  query Home($from: DateTime!) {
    cities(first: 1) {
      totalCount
    }
    twinnings(first: 1) {
      totalCount
    }
    caseStudies(first: 3) {
      totalCount
      nodes {
        id
        slug
        versions {
          language
          title
          summary
        }
      }
    }
    events(first: 3, filter: { from: $from }) {
      totalCount
      nodes {
        id
        title {
          en
          ko
        }
        startsAt
        kind
      }
    }
    fundCalls(open: true, first: 3) {
      nodes {
        id
        title {
          en
          ko
        }
        closesAt
      }
    }
  }
`);

/** Now, rounded down to the minute: the query (and its cache key) stays the same between renders. */
const startOfMinute = () => new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();

export default function HomePage() {
  const { t, language } = useMessages(homeMessages);
  usePageTitle('');
  const [from] = useState(startOfMinute);
  const [{ data, error }, reexecute] = useQuery({ query: HomeQuery, variables: { from } });

  const figures = data && [
    { value: data.cities.totalCount, label: t('figures.cities') },
    { value: data.twinnings.totalCount, label: t('figures.twinnings') },
    { value: data.caseStudies.totalCount, label: t('figures.caseStudies') },
    { value: data.events.totalCount, label: t('figures.events') },
  ];

  return (
    <div className="page page--home">
      <section className="hero">
        <h1>{t('title')}</h1>
        <p className="lead">{t('lead')}</p>
        <p className="hero__actions">
          <Link className="button button--primary" to="/explorer">{t('cta.explorer')}</Link>
          <Link className="button button--secondary" to="/pairs">{t('cta.pairs')}</Link>
        </p>
      </section>

      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />

      {figures && (
        <section aria-label={t('figures.label')}>
          <ul className="figures">
            {figures.map((figure) => (
              <li key={figure.label}>
                <strong>{formatNumber(figure.value, language)}</strong> <span>{figure.label}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section>
        <h2>{t('strands.title')}</h2>
        <ul className="cards">
          {(['pairing', 'workspace', 'fund', 'knowledge'] as const).map((key) => (
            <li key={key} className="card">
              <h3>{t(`strands.${key}.title`)}</h3>
              <p>{t(`strands.${key}.body`)}</p>
            </li>
          ))}
        </ul>
      </section>

      {data && (
        <div className="columns">
          <section>
            <h2>{t('calls.title')}</h2>
            {data.fundCalls.nodes.length === 0 ? (
              <p>{t('calls.none')}</p>
            ) : (
              <ul className="list">
                {data.fundCalls.nodes.map((call) => (
                  <li key={call.id}>
                    <LocalText value={call.title} />
                    <br />
                    <small>
                      {t('calls.closes')}: <Time value={call.closesAt} also={[UK_ZONE, KR_ZONE]} />
                    </small>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section>
            <h2>{t('events.title')}</h2>
            {data.events.nodes.length === 0 ? (
              <p>{t('events.none')}</p>
            ) : (
              <ul className="list">
                {data.events.nodes.map((event) => (
                  <li key={event.id}>
                    <Link to={`/events/${event.id}`}>
                      <LocalText value={event.title} />
                    </Link>
                    <br />
                    <small>
                      <Time value={event.startsAt} />
                    </small>
                  </li>
                ))}
              </ul>
            )}
            <p>
              <Link to="/events">{t('events.all')}</Link>
            </p>
          </section>
          <section>
            <h2>{t('caseStudies.title')}</h2>
            <ul className="list">
              {data.caseStudies.nodes.map((study) => {
                const version = study.versions.find((v) => v.language === language) ?? study.versions[0];
                return (
                  <li key={study.id}>
                    <Link to={`/case-studies/${study.slug}`} lang={version && version.language !== language ? version.language : undefined}>
                      {version?.title}
                    </Link>
                  </li>
                );
              })}
            </ul>
            <p>
              <Link to="/case-studies">{t('caseStudies.all')}</Link>
            </p>
          </section>
        </div>
      )}
    </div>
  );
}
