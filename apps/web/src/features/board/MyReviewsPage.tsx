import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useAuth } from '../../auth/AuthProvider';
import { ErrorNotice, Loading } from '../../components/ErrorNotice';
import { usePageTitle } from '../../components/Layout';
import { LocalText } from '../../components/LocalText';
import { MoreButton, Paged } from '../../components/Paged';
import { Time } from '../../components/Time';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n';
import { common } from '../../i18n/common';
import { pickText } from '../../i18n/format';
import { boardMessages } from './messages';
import { MyReviewsSummary } from './MyReviewsLink';
import './board.css';
import { ReviewDue } from './shared';

const MyReviewAssignments = graphql(`
  query MyReviewAssignments($pending: Boolean!, $after: String) {
    myReviewAssignments(filter: { pending: $pending }, first: 20, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        applicationId
        assignedAt
        dueAt
        overdue
        submittedAt
        recommendation
        application {
          id
          title {
            en
            ko
          }
          call {
            id
            title {
              en
              ko
            }
          }
          fund {
            id
            name {
              en
              ko
            }
          }
        }
      }
    }
  }
`);

/** /board/reviews: a board member's reviews across funds, those to write first (soonest due first), then, on request, the submitted ones. */
export default function MyReviewsPage() {
  const { t } = useMessages(boardMessages);
  usePageTitle(t('mine.title'));
  const { hasRole } = useAuth();
  const [params, setParams] = useSearchParams();
  // The choice shows at once (the address follows it, for a reload or a shared link).
  const [showAll, setShowAll] = useState(params.get('show') === 'all');
  const choose = (all: boolean) => {
    setShowAll(all);
    setParams(all ? { show: 'all' } : {}, { replace: true });
  };
  const filterName = useId();

  return (
    <div className="page">
      <p>
        <Link to="/board">{t('application.back')}</Link>
      </p>
      <h1>{t('mine.title')}</h1>
      {!hasRole('BOARD_MEMBER') ? (
        <p className="notice notice--info">{t('mine.notMember')}</p>
      ) : (
        <>
          <p className="lead">{t('mine.intro')}</p>
          <MyReviewsSummary />
          <fieldset className="board-choices board-choices--inline">
            <legend>{t('mine.show')}</legend>
            <label>
              <input type="radio" name={filterName} checked={!showAll} onChange={() => choose(false)} />
              {t('mine.showPending')}
            </label>
            <label>
              <input type="radio" name={filterName} checked={showAll} onChange={() => choose(true)} />
              {t('mine.showAll')}
            </label>
          </fieldset>
          <section aria-labelledby="my-reviews-pending">
            <h2 id="my-reviews-pending">{t('mine.pending')}</h2>
            <ReviewList pending />
          </section>
          {showAll && (
            <section aria-labelledby="my-reviews-submitted">
              <h2 id="my-reviews-submitted">{t('mine.submitted')}</h2>
              <ReviewList pending={false} />
            </section>
          )}
        </>
      )}
    </div>
  );
}

function ReviewList({ pending }: { pending: boolean }) {
  return <Paged renderPage={(after, last, onMore) => <ReviewPage key={after ?? 'first'} pending={pending} after={after} first={after === null} last={last} onMore={onMore} />} />;
}

function ReviewPage({ pending, after, first, last, onMore }: { pending: boolean; after: string | null; first: boolean; last: boolean; onMore: (cursor: string) => void }) {
  const { t, language } = useMessages(boardMessages);
  const c = useMessages(common);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: MyReviewAssignments, variables: { pending, after }, requestPolicy: 'cache-and-network' });
  const connection = data?.myReviewAssignments;
  const reviews = connection?.nodes ?? [];
  return (
    <>
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {fetching && !data && <Loading />}
      {first && data && reviews.length === 0 && <p>{pending ? t('mine.noPending') : t('mine.noSubmitted')}</p>}
      {reviews.length > 0 && (
        <ul className="list my-reviews" data-testid={pending ? 'my-reviews-pending' : 'my-reviews-submitted'} aria-label={pending ? t('mine.pendingCaption') : t('mine.submittedCaption')}>
          {reviews.map((review) => {
            const title = pickText(review.application.title, language).text;
            return (
              <li key={review.id} className={`board-list-item my-review${review.overdue ? ' my-review--overdue' : ''}`}>
                <LocalText value={review.application.title} className="my-review__title" />
                <small>
                  {t('mine.call', { call: pickText(review.application.call.title, language).text })} · {t('mine.fund', { fund: pickText(review.application.fund.name, language).text })}
                </small>
                {review.submittedAt ? (
                  <>
                    <span className="board-state board-state--done">
                      {t('mine.submittedAt')} <Time value={review.submittedAt} />
                    </span>
                    {review.recommendation && <span>{t('mine.recommendation', { recommendation: t(`recommendation.${review.recommendation}`) })}</span>}
                    <Link to={`/board/applications/${review.applicationId}`}>
                      {t('mine.read')}
                      <span className="visually-hidden">: {title}</span>
                    </Link>
                  </>
                ) : (
                  <>
                    <ReviewDue review={review} />
                    <Link className="button button--primary my-review__write" to={`/board/applications/${review.applicationId}`}>
                      {t('mine.write')}
                      <span className="visually-hidden">: {title}</span>
                    </Link>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {last && (
        <MoreButton pageInfo={connection?.pageInfo} onMore={onMore}>
          {c.t('more')}
        </MoreButton>
      )}
    </>
  );
}
