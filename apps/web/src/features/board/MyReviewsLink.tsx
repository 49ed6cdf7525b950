import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { useMessages, type TranslateOf } from '../../i18n';
import { boardMessages } from './messages';

/** The reviews still to write: how many, and how many of them are overdue (the list puts the soonest due, so the overdue, first). */
const MyPendingReviewCount = graphql(`
  query MyPendingReviewCount {
    myReviewAssignments(filter: { pending: true }, first: 100) {
      totalCount
      nodes {
        id
        overdue
      }
    }
  }
`);

function usePendingCount() {
  const [{ data }] = useQuery({ query: MyPendingReviewCount, requestPolicy: 'cache-and-network' });
  if (!data) return null;
  const { totalCount, nodes } = data.myReviewAssignments;
  return { count: totalCount, overdue: nodes.filter((n) => n.overdue).length };
}

/** How many reviews are waiting, said once the count is known (and again when it changes). */
export function MyReviewsSummary() {
  const { t } = useMessages(boardMessages);
  const counts = usePendingCount();
  return (
    <p role="status" aria-live="polite" className="my-reviews-summary" data-testid="my-reviews-summary">
      {counts && <SummaryText count={counts.count} overdue={counts.overdue} t={t} />}
    </p>
  );
}

function SummaryText({ count, overdue, t }: { count: number; overdue: number; t: TranslateOf<typeof boardMessages> }) {
  if (count === 0) return <>{t('mine.summaryNone')}</>;
  return <>{overdue > 0 ? t('mine.summaryOverdue', { count, overdue }) : t('mine.summary', { count })}</>;
}

/** A link to /board/reviews with the count of reviews to write (and of the overdue ones). */
export function MyReviewsLink() {
  const { t } = useMessages(boardMessages);
  const counts = usePendingCount();
  return (
    <p className="my-reviews-link">
      <Link to="/board/reviews" className="button button--secondary" data-testid="my-reviews-link">
        {t('mine.link')}
        {counts && (
          <>
            {' '}
            <span className={`badge${counts.overdue > 0 ? ' badge--overdue' : ''}`}>
              <SummaryText count={counts.count} overdue={counts.overdue} t={t} />
            </span>
          </>
        )}
      </Link>
    </p>
  );
}
