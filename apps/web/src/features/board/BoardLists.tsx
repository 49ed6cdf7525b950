import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useAuth } from '../../auth/AuthProvider';
import { ErrorNotice, Loading } from '../../components/ErrorNotice';
import { LocalText } from '../../components/LocalText';
import { Time } from '../../components/Time';
import { MoreButton, Paged } from '../../components/Paged';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n';
import { common } from '../../i18n/common';
import { KR_ZONE, UK_ZONE } from '../../i18n/format';
import { boardMessages } from './messages';
import { cityLabel } from '../../i18n/cities';
import { useCityNames } from '../../hooks/useCityNames';
import { useNow } from '../../hooks/useNow';
import { moneyText } from '../../i18n/money';
import { ReviewDue, withoutHiddenFields } from './shared';

const BoardAssignedReviews = graphql(`
  query BoardAssignedReviews($fundId: ID!, $after: String) {
    fundApplications(first: 50, after: $after, filter: { fundId: $fundId, statuses: [ELIGIBILITY_CHECKED, UNDER_REVIEW] }) {
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        status
        title {
          en
          ko
        }
        cityIds
        reviews {
          id
          submittedAt
          dueAt
          overdue
          reviewer {
            userId
          }
        }
      }
    }
  }
`);

export const BoardMeetingsList = graphql(`
  query BoardMeetingsList($fundId: ID!, $after: String, $first: Int) {
    boardMeetings(fundId: $fundId, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        title {
          en
          ko
        }
        startsAt
        location
        agenda {
          applicationId
          decisionId
        }
      }
    }
  }
`);

const BoardDecisions = graphql(`
  query BoardDecisions($fundId: ID!, $after: String) {
    fundingDecisions(fundId: $fundId, first: 20, after: $after) {
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        outcome
        title {
          en
          ko
        }
        amounts {
          ...Amount
        }
        decidedAt
        supersededByDecisionId
      }
    }
  }
`);

/** The applications the viewer is assigned to review on a fund's board, with where each review stands. */
export function AssignedReviews({ fundId }: { fundId: string }) {
  return <Paged renderPage={(after, last, onMore) => <AssignedReviewsPage key={after ?? 'first'} fundId={fundId} after={after} first={after === null} last={last} onMore={onMore} />} />;
}

function AssignedReviewsPage({ fundId, after, first, last, onMore }: { fundId: string; after: string | null; first: boolean; last: boolean; onMore: (cursor: string) => void }) {
  const { t, language } = useMessages(boardMessages);
  const c = useMessages(common);
  const { user } = useAuth();
  const cities = useCityNames();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: BoardAssignedReviews, variables: { fundId, after } });
  const problem = withoutHiddenFields(error);
  const mine = (data?.fundApplications.nodes ?? [])
    .map((application) => ({ application, review: application.reviews?.find((r) => r.reviewer.userId === user?.id) }))
    .filter((row) => row.review);
  const pageInfo = data?.fundApplications.pageInfo;
  return (
    <>
      <ErrorNotice error={problem} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {fetching && !data && <Loading />}
      {first && data && mine.length === 0 && !pageInfo?.hasNextPage && <p>{t('home.noReviews')}</p>}
      {mine.length > 0 && (
        <ul className="list" data-testid="assigned-reviews">
          {mine.map(({ application, review }) => {
            return (
              <li key={application.id} className="board-list-item">
                <Link to={`/board/applications/${application.id}`}>
                  <LocalText value={application.title} />
                </Link>
                <small>{application.cityIds.map((id) => cityLabel(id, cities, language)).join(' · ')}</small>
                {review?.submittedAt ? (
                  <span className="board-state board-state--done">
                    {t('due.submitted')} · <Time value={review.submittedAt} />
                  </span>
                ) : application.status !== 'UNDER_REVIEW' ? (
                  <span className="board-state">{t('due.waiting')}</span>
                ) : (
                  // The review's own due date, as /board/reviews and the count of overdue reviews read it.
                  review && <ReviewDue review={review} />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {last && (
        <MoreButton pageInfo={pageInfo} onMore={onMore}>
          {c.t('more')}
        </MoreButton>
      )}
    </>
  );
}

/** A board's meetings: the upcoming ones soonest first (`upcomingOnly`), or every meeting, latest first, page by page. */
export function MeetingsList({ fundId, upcomingOnly = false }: { fundId: string; upcomingOnly?: boolean }) {
  return (
    <Paged
      renderPage={(after, last, onMore) => (
        <MeetingsPage key={after ?? 'first'} fundId={fundId} after={after} first={after === null} last={last} upcomingOnly={upcomingOnly} onMore={onMore} />
      )}
    />
  );
}

function MeetingsPage({ fundId, after, first, last, upcomingOnly, onMore }: { fundId: string; after: string | null; first: boolean; last: boolean; upcomingOnly: boolean; onMore: (cursor: string) => void }) {
  const { t } = useMessages(boardMessages);
  const c = useMessages(common);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: BoardMeetingsList, variables: { fundId, after, first: upcomingOnly ? 50 : 20 } });
  const now = useNow(null);
  let meetings = data?.boardMeetings.nodes ?? [];
  if (upcomingOnly) meetings = meetings.filter((m) => Date.parse(m.startsAt) > now).sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const pageInfo = data?.boardMeetings.pageInfo;
  return (
    <>
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {fetching && !data && <Loading />}
      {first && data && meetings.length === 0 && <p>{upcomingOnly ? t('panel.noMeetings') : t('home.noMeetings')}</p>}
      {meetings.length > 0 && (
        <ul className="list" data-testid="meetings">
          {meetings.map((meeting) => (
            <li key={meeting.id} className="board-list-item">
              <Link to={`/board/meetings/${meeting.id}`}>
                <LocalText value={meeting.title} />
              </Link>
              <Time value={meeting.startsAt} also={[UK_ZONE, KR_ZONE]} />
              <small>
                {!upcomingOnly && (
                  <span className="badge">{Date.parse(meeting.startsAt) > now ? t('home.upcoming') : t('home.past')}</span>
                )}{' '}
                {t('home.items', { count: meeting.agenda.length })}
                {meeting.location ? ` · ${meeting.location}` : ''}
              </small>
            </li>
          ))}
        </ul>
      )}
      {!upcomingOnly && last && pageInfo?.hasNextPage && pageInfo.endCursor && (
        <button type="button" className="button button--secondary" onClick={() => onMore(pageInfo.endCursor!)}>
          {c.t('more')}
        </button>
      )}
    </>
  );
}

/** The board's decisions on a fund, newest first: each links to its public record. */
export function DecisionsList({ fundId }: { fundId: string }) {
  return <Paged renderPage={(after, last, onMore) => <DecisionsPage key={after ?? 'first'} fundId={fundId} after={after} first={after === null} last={last} onMore={onMore} />} />;
}

function DecisionsPage({ fundId, after, first, last, onMore }: { fundId: string; after: string | null; first: boolean; last: boolean; onMore: (cursor: string) => void }) {
  const { t, language } = useMessages(boardMessages);
  const c = useMessages(common);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: BoardDecisions, variables: { fundId, after } });
  const nodes = data?.fundingDecisions.nodes ?? [];
  const pageInfo = data?.fundingDecisions.pageInfo;
  return (
    <>
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {fetching && !data && <Loading />}
      {first && data && nodes.length === 0 && <p>{t('home.noDecisions')}</p>}
      {nodes.length > 0 && (
        <ul className="list" data-testid="decisions">
          {nodes.map((decision) => (
            <li key={decision.id} className="board-list-item">
              <Link to={`/decisions/${decision.id}`}>
                <LocalText value={decision.title} />
              </Link>
              <span>
                <span className="badge">{t(`outcome.${decision.outcome}`)}</span> {decision.amounts.length ? moneyText(decision.amounts, language) : t('home.noAward')}
              </span>
              <small>
                <Time value={decision.decidedAt} />
              </small>
            </li>
          ))}
        </ul>
      )}
      {last && (
        <MoreButton pageInfo={pageInfo} onMore={onMore}>
          {c.t('more')}
        </MoreButton>
      )}
    </>
  );
}
