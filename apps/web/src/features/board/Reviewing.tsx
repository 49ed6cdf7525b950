import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Field } from '../../components/Field';
import { LocalText } from '../../components/LocalText';
import { graphql } from '../../gql';
import type { BoardApplicationQuery, BoardReviewSummaryFieldsFragment } from '../../gql/graphql';
import { useDraft } from '../../hooks/useDraft';
import { useMessages } from '../../i18n';
import { formatNumber, pickText } from '../../i18n/format';
import { roundScore, weightedScore } from '@app/rules';
import { boardMessages } from './messages';
import { BoardError } from './shared';

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

/** A weighted score as every board page writes it, e.g. "4.05 out of 5": the API's value, already rounded by its one rule. */
export function ScoreOutOf({ score, max }: { score: number; max: number }) {
  const { t, language } = useMessages(boardMessages);
  return <strong>{t('application.scoreOutOf', { score: formatNumber(score, language, { maximumFractionDigits: 2 }), max })}</strong>;
}

/**
 * Where an application's reviews stand, as the API counts them for its
 * decision: how many are in, and, for a reader who may read them, their mean
 * and recommendations; otherwise why not yet.
 */
export function ReviewsAggregate({ summary, scaleMax }: { summary: BoardReviewSummaryFieldsFragment; scaleMax: number }) {
  const { t } = useMessages(boardMessages);
  return (
    <>
      <p data-testid="review-aggregate">
        {t('application.reviewsIn', { submitted: summary.reviewsSubmitted, needed: summary.reviewsNeeded })}
        {summary.weightedScore != null && (
          <>
            {' · '}
            {t('application.weighted')}: <ScoreOutOf score={summary.weightedScore} max={scaleMax} />
          </>
        )}
        {summary.recommendFund != null && summary.reviewsSubmitted > 0 && (
          <>
            <br />
            {t('recommendation.FUND')} {summary.recommendFund} · {t('recommendation.FUND_WITH_CONDITIONS')} {summary.recommendFundWithConditions} · {t('recommendation.DO_NOT_FUND')} {summary.recommendDoNotFund}
          </>
        )}
      </p>
      {summary.hidden && <p className="muted">{t(`application.hidden.${summary.hidden}`)}</p>}
      {summary.disagreement && <p className="notice notice--info">{t('application.disagreement')}</p>}
    </>
  );
}

/** A submitted review's scores, criterion by criterion, with the reviewer's comments. */
export function ReviewScores({
  review,
  criterionTitle,
  scaleMax,
}: {
  review: { recommendation?: string | null; comment?: string | null; weightedScore?: number | null; scores: Array<{ criterionKey: string; score: number; comment?: string | null }> };
  criterionTitle: (key: string) => { en?: string | null; ko?: string | null } | undefined;
  scaleMax: number;
}) {
  const { t } = useMessages(boardMessages);
  return (
    <>
      {review.weightedScore != null && (
        <p>
          {t('application.reviewWeighted')}: <ScoreOutOf score={review.weightedScore} max={scaleMax} />
        </p>
      )}
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
          {t('application.recommendation')}: <strong>{t(`recommendation.${review.recommendation as 'FUND'}`)}</strong>
        </p>
      )}
      {review.comment && <p>{review.comment}</p>}
    </>
  );
}

/** A board member declares a conflict of interest: they then neither see the reviews nor vote. */
export function DeclareConflict({ applicationId, onDeclared }: { applicationId: string; onDeclared: () => void }) {
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

/** The reviewer's form: a score per criterion, comments and a recommendation, kept as a draft until submitted. */
export function ReviewForm({ application, onSubmitted }: { application: Application; onSubmitted: () => void }) {
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
  // The API's own rule and rounding: the score previewed is the score the board will read.
  const preview =
    scored.length === criteria.length && totalWeight
      ? roundScore(weightedScore(criteria.map((c) => ({ criterionKey: c.key, score: scoreOf(c.key)! })), new Map(criteria.map((c) => [c.key, c.weight]))))
      : null;
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
