import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorNotice, Loading } from '../../components/ErrorNotice';
import { usePageTitle } from '../../components/Layout';
import { Paged } from '../../components/Paged';
import { Time } from '../../components/Time';
import { graphql } from '../../gql';
import { useMessages, type Language } from '../../i18n';
import { common } from '../../i18n/common';
import { caseStudyMessages } from './messages';
import { pickVersion, StatusBadge } from './shared';
import './case-studies.css';

const PAGE_SIZE = 20;

const MineQuery = graphql(`
  query CaseStudiesMine($first: Int, $after: String) {
    myCaseStudies(first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        slug
        updatedAt
        myAccess {
          author
          reviewer
        }
        versions {
          language
          title
          status
          reviewNote
        }
      }
    }
  }
`);

export default function MyCaseStudiesPage() {
  const { t } = useMessages(caseStudyMessages);
  usePageTitle(t('mine.title'));
  return (
    <div className="page case-studies">
      <h1>{t('mine.title')}</h1>
      <p className="lead">{t('mine.lead')}</p>
      <p>
        <Link className="button button--primary" to="/case-studies/new">
          {t('mine.write')}
        </Link>
      </p>
      <Paged renderPage={(after, last, onMore) => <MinePage key={after ?? 'first'} after={after} first={after === null} last={last} onMore={onMore} />} />
    </div>
  );
}

function MinePage({ after, first, last, onMore }: { after: string | null; first: boolean; last: boolean; onMore: (cursor: string) => void }) {
  const { t, language } = useMessages(caseStudyMessages);
  const commonText = useMessages(common).t;
  const [{ data, error, fetching }, reexecute] = useQuery({ query: MineQuery, variables: { first: PAGE_SIZE, after }, requestPolicy: 'cache-and-network' });
  const connection = data?.myCaseStudies;
  const firstLink = useRef<HTMLAnchorElement>(null);
  const loaded = !!connection;
  useEffect(() => {
    if (!first && loaded) firstLink.current?.focus();
  }, [first, loaded]);

  return (
    <>
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {fetching && !data && <Loading />}
      {first && connection && connection.nodes.length === 0 && <p className="notice notice--info">{t('mine.empty')}</p>}
      <ul className="list case-studies__items">
        {connection?.nodes.map((study, index) => {
          const version = pickVersion(study.versions, null, language);
          const foreign = version && version.language !== language;
          return (
            <li key={study.id} className="case-studies__item">
              <h2 className="case-studies__item-title">
                <Link ref={index === 0 ? firstLink : undefined} to={`/case-studies/${study.slug}`} lang={foreign ? version.language : undefined}>
                  {version?.title || t('mine.untitled')}
                </Link>{' '}
                {study.myAccess.reviewer && <span className="badge">{t('mine.reviewer')}</span>}
              </h2>
              <ul className="case-studies__versions" aria-label={t('page.versions')}>
                {study.versions.map((v) => (
                  <li key={v.language}>
                    <StatusBadge status={v.status} language={v.language as Language} />
                    {v.reviewNote && v.status === 'DRAFT' && (
                      <p className="case-studies__note">
                        <strong>{t('mine.note')}:</strong> {v.reviewNote}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
              <p className="case-studies__meta">
                {t('mine.updated')}: <Time value={study.updatedAt} />
              </p>
              <p className="case-studies__row-actions">
                {(study.myAccess.author || study.myAccess.reviewer) && (
                  <Link className="button button--secondary" to={`/case-studies/${study.slug}/edit`}>
                    {t('mine.edit')}
                  </Link>
                )}
                {study.myAccess.reviewer && study.versions.some((v) => v.status === 'IN_REVIEW') && (
                  <Link className="button button--ghost" to={`/case-studies/${study.slug}#case-study-review`}>
                    {t('mine.review')}
                  </Link>
                )}
              </p>
            </li>
          );
        })}
      </ul>
      {last && connection?.pageInfo.hasNextPage && connection.pageInfo.endCursor && (
        <p>
          <button type="button" className="button button--secondary" disabled={fetching} onClick={() => onMore(connection.pageInfo.endCursor!)}>
            {commonText('more')}
          </button>
        </p>
      )}
    </>
  );
}
