import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { useAuth } from '../../auth/AuthProvider';
import { usePageTitle } from '../../components/Layout';
import { PageFrame } from '../../components/PageFrame';
import { LocalText, TypedText } from '../../components/LocalText';
import { Time } from '../../components/Time';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n';
import { formatDate, pickText } from '../../i18n/format';
import { boardMessages } from './messages';
import { cityLabel } from '../../i18n/cities';
import { useCityNames } from '../../hooks/useCityNames';
import { moneyText } from '../../i18n/money';
import { BoardError, conflictReasons, countryName, useBoardFunds, withoutHiddenFields } from './shared';
import { DeclareConflict, ReviewForm, ReviewsAggregate, ReviewScores } from './Reviewing';

const BoardApplication = graphql(`
  query BoardApplication($id: ID!) {
    fundApplication(id: $id) {
      id
      fundId
      status
      submittedAt
      cityIds
      title {
        en
        ko
      }
      summary {
        en
        ko
      }
      objectives {
        en
        ko
      }
      routeToBusinessAsUsual {
        en
        ko
      }
      milestones {
        dueDate
        title {
          en
          ko
        }
      }
      requested {
        ...Amount
      }
      budgetLines {
        id
        countryCode
        category
        description
        amount {
          en
          ko
        }
      }
      call {
        id
        title {
          en
          ko
        }
        scoreScaleMax
        reviewersPerApplication
        criteria {
          key
          weight
          title {
            en
            ko
          }
        }
      }
      conflicts {
        ...BoardConflictFields
      }
    }
  }
`);

const BoardApplicationReviews = graphql(`
  query BoardApplicationReviews($id: ID!) {
    fundApplication(id: $id) {
      id
      reviews {
        id
        submittedAt
        recommendation
        comment
        weightedScore
        scores {
          criterionKey
          score
          comment
        }
        reviewer {
          ...BoardMemberFields
        }
      }
      reviewSummary {
        ...BoardReviewSummaryFields
      }
    }
  }
`);


/** /board/applications/:id: an application as the board reads it, with the reviewer's form and conflicts of interest. */
export default function BoardApplicationPage() {
  const { id = '' } = useParams();
  const { t, language } = useMessages(boardMessages);
  const { user } = useAuth();
  const cities = useCityNames();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: BoardApplication, variables: { id } });
  const application = data?.fundApplication;
  usePageTitle(application ? pickText(application.title, language).text : t('title'));
  const { funds } = useBoardFunds();
  const fund = funds?.find((f) => f.id === application?.fundId);
  const seat = fund?.board.members.find((m) => m.userId === user?.id);
  const myConflict = application?.conflicts?.find((c) => c.member.userId === user?.id);
  const [reviews, reexecuteReviews] = useQuery({ query: BoardApplicationReviews, variables: { id }, pause: !application || !!myConflict || !application.conflicts });
  const refresh = () => {
    reexecute({ requestPolicy: 'network-only' });
    reexecuteReviews({ requestPolicy: 'network-only' });
  };
  const cityNames = (ids: string[]) => ids.map((c) => cityLabel(c, cities, language)).join(language === 'ko' ? ', ' : ' and ');
  const myReview = reviews.data?.fundApplication.reviews?.find((r) => r.reviewer.userId === user?.id);
  // The reviews that count, as the summary counts them: the viewer's own first, labelled as theirs.
  const submitted = (reviews.data?.fundApplication.reviews ?? []).filter((r) => r.submittedAt).sort((a, b) => Number(b.reviewer.userId === user?.id) - Number(a.reviewer.userId === user?.id));
  const summary = reviews.data?.fundApplication.reviewSummary;
  const criterionTitle = (key: string) => application?.call.criteria.find((c) => c.key === key)?.title;

  return (
    <PageFrame
      data={application}
      error={withoutHiddenFields(error)}
      fetching={fetching}
      onRetry={refresh}
      back={{ to: '/board', label: `← ${t('application.back')}` }}
      notFound={{ title: t('title'), message: t('application.notFound'), back: { to: '/board', label: t('application.back') }, notice: true }}
      errorNotice={<BoardError error={withoutHiddenFields(error)} onRetry={refresh} />}
    >
      {(application) => (
        <>
          <LocalText as="h1" value={application.title} />
          <dl className="board-meta">
            <dt>{t('application.cities')}</dt>
            <dd>{application.cityIds.map((c) => cityLabel(c, cities, language)).join(' · ')}</dd>
            <dt>{t('application.call')}</dt>
            <dd>
              <LocalText value={application.call.title} />
            </dd>
            <dt>{t('application.status')}</dt>
            <dd>
              <span className="badge">{t(`status.${application.status}`)}</span>
            </dd>
            {application.submittedAt && (
              <>
                <dt>{t('application.submitted')}</dt>
                <dd>
                  <Time value={application.submittedAt} />
                </dd>
              </>
            )}
            <dt>{t('application.requested')}</dt>
            <dd>{moneyText(application.requested, language)}</dd>
          </dl>

          <section aria-labelledby="app-summary">
            <h2 id="app-summary">{t('application.summary')}</h2>
            <LocalText as="p" value={application.summary} />
            {application.objectives.length > 0 && (
              <>
                <h3>{t('application.objectives')}</h3>
                <ul>
                  {application.objectives.map((o, i) => (
                    <li key={i}>
                      <LocalText value={o} />
                    </li>
                  ))}
                </ul>
              </>
            )}
            <h3>{t('application.routeToBau')}</h3>
            <LocalText as="p" value={application.routeToBusinessAsUsual} />
            {application.milestones.length > 0 && (
              <>
                <h3>{t('application.milestones')}</h3>
                <ul>
                  {application.milestones.map((m, i) => (
                    <li key={i}>
                      <LocalText value={m.title} /> · {t('application.due')} {formatDate(m.dueDate, language)}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <h3>{t('application.budget')}</h3>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('application.budgetSide')}</th>
                    <th scope="col">{t('application.budgetCategory')}</th>
                    <th scope="col">{t('application.budgetDescription')}</th>
                    <th scope="col">{t('application.budgetAmount')}</th>
                  </tr>
                </thead>
                <tbody>
                  {application.budgetLines.map((line) => (
                    <tr key={line.id}>
                      <td>{countryName(line.countryCode, t)}</td>
                      <td>{t(`category.${line.category}`)}</td>
                      <td>
                        <TypedText text={line.description} />
                      </td>
                      <td>{line.amount[language]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          {application.conflicts && (
            <section aria-labelledby="app-conflicts">
              <h2 id="app-conflicts">{t('application.conflictsTitle')}</h2>
              {application.conflicts.length === 0 ? (
                <p>{t('application.noConflicts')}</p>
              ) : (
                <ul className="list" data-testid="conflicts">
                  {application.conflicts.map((c) => (
                    <li key={c.member.id}>
                      <strong>{c.member.displayName}</strong> <span className="badge">{countryName(c.member.countryCode, t)}</span>
                      <br />
                      <small>
                        {conflictReasons(c, cityNames(c.automaticCityIds), t)}
                      </small>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}

          {!application.conflicts && <p className="notice notice--info">{t('application.notBoard')}</p>}

          {myConflict && (
            <section className="notice notice--info" aria-labelledby="my-conflict" data-testid="my-conflict">
              <h2 id="my-conflict" className="notice__title">
                {t('conflict.youTitle')}
              </h2>
              {myConflict.automaticCityIds.length > 0 && <p>{t('conflict.youAutomatic', { cities: cityNames(myConflict.automaticCityIds) })}</p>}
              {myConflict.workspaceMember && <p>{t('conflict.youWorkspace')}</p>}
              {myConflict.declaredReason && <p>{t('conflict.youDeclared', { reason: myConflict.declaredReason })}</p>}
              <p>{t('conflict.you')}</p>
            </section>
          )}

          {seat && !myConflict && application.conflicts && (
            <>
              <DeclareConflict applicationId={application.id} onDeclared={refresh} />
              <section aria-labelledby="my-review">
                <h2 id="my-review">{t('review.title')}</h2>
                <BoardError error={withoutHiddenFields(reviews.error)} onRetry={refresh} />
                {reviews.data && !myReview && <p>{t('application.notAssigned')}</p>}
                {myReview?.submittedAt && (
                  <div className="board-record" data-testid="my-submitted-review">
                    <p role="status">
                      <strong>{t('review.submitted')}</strong> {t('review.submittedOn')}: <Time value={myReview.submittedAt} />
                    </p>
                  </div>
                )}
                {myReview && !myReview.submittedAt &&
                  (application.status === 'UNDER_REVIEW' ? (
                    <ReviewForm application={application} onSubmitted={refresh} />
                  ) : (
                    <p className="notice notice--info">{t('review.notYet')}</p>
                  ))}
              </section>
            </>
          )}

          {!myConflict && reviews.data && summary && (
            <section aria-labelledby="app-reviews">
              <h2 id="app-reviews">{t('application.reviewsTitle')}</h2>
              <ReviewsAggregate summary={summary} scaleMax={application.call.scoreScaleMax} />
              {!summary.hidden &&
                (submitted.length === 0 ? (
                  <p>{t('application.noReviews')}</p>
                ) : (
                  submitted.map((review) => (
                    <div key={review.id} className="board-item" data-testid="review">
                      <h3>{review.reviewer.userId === user?.id ? t('application.yourReview') : t('application.reviewBy', { name: review.reviewer.displayName })}</h3>
                      <ReviewScores review={review} criterionTitle={criterionTitle} scaleMax={application.call.scoreScaleMax} />
                    </div>
                  ))
                ))}
            </section>
          )}
        </>
      )}
    </PageFrame>
  );
}
