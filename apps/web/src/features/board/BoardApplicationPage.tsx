import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useAuth } from '../../auth/AuthProvider';
import { Field } from '../../components/Field';
import { usePageTitle } from '../../components/Layout';
import { PageFrame } from '../../components/PageFrame';
import { LocalText } from '../../components/LocalText';
import { Time } from '../../components/Time';
import { graphql } from '../../gql';
import type { BoardApplicationQuery } from '../../gql/graphql';
import { useDraft } from '../../hooks/useDraft';
import { useMessages } from '../../i18n';
import { formatDate, formatNumber, pickText } from '../../i18n/format';
import { boardMessages } from './messages';
import { cityLabel } from '../../i18n/cities';
import { useCityNames } from '../../hooks/useCityNames';
import { moneyText } from '../../i18n/money';
import { BoardError, countryName, useBoardFunds, withoutHiddenFields } from './shared';

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
        currency
        amountMinor
        en
        ko
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
        member {
          id
          userId
          displayName
          countryCode
        }
        automaticCityIds
        workspaceMember
        declaredReason
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
        scores {
          criterionKey
          score
          comment
        }
        reviewer {
          id
          userId
          displayName
          countryCode
        }
      }
      reviewSummary {
        reviewsNeeded
        reviewsSubmitted
        weightedScore
        disagreement
        recommendFund
        recommendFundWithConditions
        recommendDoNotFund
      }
    }
  }
`);

const BoardSubmitReview = graphql(`
  mutation BoardSubmitReview($input: SubmitReviewInput!) {
    submitReview(input: $input) {
      id
      submittedAt
      recommendation
    }
  }
`);

const BoardDeclareConflict = graphql(`
  mutation BoardDeclareConflict($input: DeclareConflictInput!) {
    declareConflictOfInterest(input: $input) {
      id
      reason
      declaredAt
    }
  }
`);

type Application = BoardApplicationQuery['fundApplication'];

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
  const others = (reviews.data?.fundApplication.reviews ?? []).filter((r) => r.submittedAt && r.reviewer.userId !== user?.id);
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
                      <td lang="en">{line.description}</td>
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
                        {[
                          c.automaticCityIds.length ? t('application.automatic', { cities: cityNames(c.automaticCityIds) }) : null,
                          c.workspaceMember ? t('application.workspaceMember') : null,
                          c.declaredReason ? t('application.declared', { reason: c.declaredReason }) : null,
                        ]
                          .filter(Boolean)
                          .join(' · ')}
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
                    <ReviewScores review={myReview} criterionTitle={criterionTitle} />
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

          {!myConflict && reviews.data && (myReview?.submittedAt || !myReview) && (
            <section aria-labelledby="app-reviews">
              <h2 id="app-reviews">{t('application.reviewsTitle')}</h2>
              {summary && (
                <p>
                  {t('application.reviewsIn', { submitted: summary.reviewsSubmitted, needed: summary.reviewsNeeded })}
                  {summary.weightedScore != null && (
                    <>
                      {' · '}
                      {t('application.weighted')}: <strong>{formatNumber(summary.weightedScore, language, { maximumFractionDigits: 2 })}</strong> / {application.call.scoreScaleMax}
                    </>
                  )}
                </p>
              )}
              {summary?.disagreement && <p className="notice notice--info">{t('application.disagreement')}</p>}
              {others.length === 0 ? (
                <p>{t('application.noReviews')}</p>
              ) : (
                others.map((review) => (
                  <div key={review.id} className="board-item">
                    <h3>{t('application.reviewBy', { name: review.reviewer.displayName })}</h3>
                    <ReviewScores review={review} criterionTitle={criterionTitle} />
                  </div>
                ))
              )}
            </section>
          )}
          {!myConflict && myReview && !myReview.submittedAt && <p className="muted">{t('application.reviewsHidden')}</p>}
        </>
      )}
    </PageFrame>
  );
}

function ReviewScores({
  review,
  criterionTitle,
}: {
  review: { recommendation?: string | null; comment?: string | null; scores: Array<{ criterionKey: string; score: number; comment?: string | null }> };
  criterionTitle: (key: string) => { en?: string | null; ko?: string | null } | undefined;
}) {
  const { t } = useMessages(boardMessages);
  return (
    <>
      <ul className="list">
        {review.scores.map((s) => (
          <li key={s.criterionKey}>
            <LocalText value={criterionTitle(s.criterionKey) ?? { en: s.criterionKey }} />: <strong>{s.score}</strong>
            {s.comment && <span className="muted"> · {s.comment}</span>}
          </li>
        ))}
      </ul>
      {review.recommendation && (
        <p>
          {t('review.recommendation')}: <strong>{t(`recommendation.${review.recommendation as 'FUND'}`)}</strong>
        </p>
      )}
      {review.comment && <p>{review.comment}</p>}
    </>
  );
}

function DeclareConflict({ applicationId, onDeclared }: { applicationId: string; onDeclared: () => void }) {
  const { t } = useMessages(boardMessages);
  const [draft, update, clear] = useDraft(`board.conflict.${applicationId}`, { reason: '' });
  const [touched, setTouched] = useState(false);
  const [result, declare] = useMutation(BoardDeclareConflict);
  const reason = draft.reason.trim();
  const problem = !reason ? t('conflict.reasonRequired') : reason.length > 2000 ? t('conflict.reasonTooLong') : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (problem) return;
    const { data } = await declare({ input: { applicationId, reason } });
    if (data) {
      clear();
      onDeclared();
    }
  }

  return (
    <details className="board-item" open={!!draft.reason || undefined}>
      <summary>
        <strong>{t('conflict.declareTitle')}</strong>
      </summary>
      <form className="form board-form" onSubmit={submit} noValidate>
        <p>{t('conflict.declareIntro')}</p>
        <Field
          label={t('conflict.reason')}
          hint={t('conflict.reasonHint')}
          problem={touched ? problem : null}
          render={(control) => <textarea {...control} value={draft.reason} maxLength={2000} onChange={(e) => update({ reason: e.target.value })} onBlur={() => setTouched(true)} />}
        />
        <BoardError error={result.error} />
        <div>
          <button type="submit" className="button button--danger" disabled={result.fetching}>
            {t('conflict.declare')}
          </button>
        </div>
        <p role="status" className="form__status">
          {result.data && !result.fetching ? t('conflict.declared') : ''}
        </p>
      </form>
    </details>
  );
}

type Recommendation = 'FUND' | 'FUND_WITH_CONDITIONS' | 'DO_NOT_FUND';
const RECOMMENDATIONS: Recommendation[] = ['FUND', 'FUND_WITH_CONDITIONS', 'DO_NOT_FUND'];

function ReviewForm({ application, onSubmitted }: { application: Application; onSubmitted: () => void }) {
  const { t, language } = useMessages(boardMessages);
  const max = application.call.scoreScaleMax;
  const criteria = application.call.criteria;
  const [draft, update, clear] = useDraft(`board.review.${application.id}`, {
    scores: {} as Record<string, string>,
    comments: {} as Record<string, string>,
    recommendation: '' as Recommendation | '',
    comment: '',
  });
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [tried, setTried] = useState(false);
  const [result, submitReview] = useMutation(BoardSubmitReview);

  const scoreOf = (key: string): number | null => {
    const raw = (draft.scores[key] ?? '').trim();
    if (!/^\d+$/.test(raw)) return null;
    const n = Number(raw);
    return n >= 1 && n <= max ? n : null;
  };
  const problems: Record<string, string | null> = Object.fromEntries(criteria.map((c) => [c.key, scoreOf(c.key) == null ? t('review.scoreProblem', { max }) : null]));
  const recommendationProblem = draft.recommendation ? null : t('review.recommendationRequired');
  const valid = criteria.every((c) => !problems[c.key]) && !recommendationProblem;
  const totalWeight = criteria.reduce((sum, c) => sum + c.weight, 0);
  const scored = criteria.filter((c) => scoreOf(c.key) != null);
  const preview = scored.length === criteria.length && totalWeight ? criteria.reduce((sum, c) => sum + scoreOf(c.key)! * c.weight, 0) / totalWeight : null;
  const started = Object.values(draft.scores).some(Boolean) || !!draft.recommendation || !!draft.comment;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!valid) return;
    const { data } = await submitReview({
      input: {
        applicationId: application.id,
        recommendation: draft.recommendation as Recommendation,
        comment: draft.comment.trim() || undefined,
        scores: criteria.map((c) => ({ criterionKey: c.key, score: scoreOf(c.key)!, comment: draft.comments[c.key]?.trim() || undefined })),
      },
    });
    if (data) {
      clear();
      onSubmitted();
    }
  }

  return (
    <form className="form board-form" onSubmit={submit} noValidate aria-describedby="review-intro">
      <p id="review-intro">{t('review.intro', { max })}</p>
      {tried && !valid && (
        <p className="notice notice--error" role="alert">
          {t('review.fixProblems')}
        </p>
      )}
      {criteria.map((criterion) => {
        const title = pickText(criterion.title, language).text;
        const show = touched[criterion.key] || tried;
        return (
          <fieldset key={criterion.key} className="board-criterion" data-criterion={criterion.key}>
            <legend>
              {title} <span className="badge">{t('review.weight', { weight: Math.round((criterion.weight / (totalWeight || 1)) * 100) })}</span>
            </legend>
            <Field
              label={t('review.score', { max })}
              type="number"
              inputMode="numeric"
              min={1}
              max={max}
              step={1}
              value={draft.scores[criterion.key] ?? ''}
              onChange={(e) => update({ scores: { ...draft.scores, [criterion.key]: e.target.value } })}
              onBlur={() => setTouched((current) => ({ ...current, [criterion.key]: true }))}
              problem={show ? problems[criterion.key] : null}
            />
            <Field
              label={t('review.comment', { criterion: title })}
              render={(control) => (
                <textarea {...control} value={draft.comments[criterion.key] ?? ''} maxLength={4000} onChange={(e) => update({ comments: { ...draft.comments, [criterion.key]: e.target.value } })} />
              )}
            />
          </fieldset>
        );
      })}
      <fieldset className={`board-choices${tried && recommendationProblem ? ' board-choices--invalid' : ''}`} aria-describedby={tried && recommendationProblem ? 'recommendation-problem' : undefined}>
        <legend>{t('review.recommendation')}</legend>
        {RECOMMENDATIONS.map((r) => (
          <label key={r}>
            <input type="radio" name="recommendation" value={r} checked={draft.recommendation === r} onChange={() => update({ recommendation: r })} />
            {t(`recommendation.${r}`)}
          </label>
        ))}
        {tried && recommendationProblem && (
          <p id="recommendation-problem" className="field__problem">
            {recommendationProblem}
          </p>
        )}
      </fieldset>
      <Field label={t('review.overall')} render={(control) => <textarea {...control} value={draft.comment} maxLength={8000} onChange={(e) => update({ comment: e.target.value })} />} />
      <p aria-live="polite">{preview != null ? t('review.preview', { score: formatNumber(preview, language, { maximumFractionDigits: 2 }), max }) : ''}</p>
      <BoardError error={result.error} />
      <div>
        <button type="submit" className="button button--primary" disabled={result.fetching}>
          {t('review.submit')}
        </button>
      </div>
      <p className="form__status muted">{started ? t('review.draftKept') : ''}</p>
    </form>
  );
}
