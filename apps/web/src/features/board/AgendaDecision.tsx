import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { Field } from '../../components/Field';
import { Time } from '../../components/Time';
import { graphql } from '../../gql';
import type { BoardMeetingQuery } from '../../gql/graphql';
import { useDraft } from '../../hooks/useDraft';
import { useMessages } from '../../i18n';
import { KR_ZONE, UK_ZONE } from '../../i18n/format';
import { boardMessages } from './messages';
import { decisionMessages } from './decision-messages';
import { amountProblem, minorDigits, minorToInput, moneyText, parseAmount } from '../../i18n/money';
import { formMessages } from '../../i18n/forms';
import { TEXT_LIMITS } from '@app/rules';
import { BoardError } from './shared';

const BoardRecordDecision = graphql(`
  mutation BoardRecordDecision($input: RecordDecisionInput!) {
    recordFundingDecision(input: $input) {
      id
      outcome
      recordedAt
    }
  }
`);

/** A typed award as minor units: zero is an award too (one currency may get none); null when it is not an amount of the currency. */
function awardMinor(text: string, currency: string): string | null {
  const parsed = parseAmount(text, currency);
  return parsed.ok ? parsed.minor : parsed.reason === 'zero' ? '0' : null;
}

type Item = BoardMeetingQuery['boardMeeting']['agenda'][number];

type Outcome = 'APPROVED' | 'APPROVED_WITH_CONDITIONS' | 'REJECTED' | 'DEFERRED';
const OUTCOMES: Outcome[] = ['APPROVED', 'APPROVED_WITH_CONDITIONS', 'REJECTED', 'DEFERRED'];

/** The decision on an agenda item: outcome, award, conditions and rationale in both languages, confirmed before it is recorded for good. */
export function DecisionForm({ meetingId, item, onRecorded }: { meetingId: string; item: Item; onRecorded: () => void }) {
  const { t, language } = useMessages(boardMessages);
  const { t: td } = useMessages(decisionMessages);
  const { t: tForm } = useMessages(formMessages);
  const requested = item.application.requested;
  const [draft, update, clear] = useDraft(`board.decision.${meetingId}.${item.applicationId}`, {
    outcome: 'APPROVED' as Outcome,
    amounts: Object.fromEntries(requested.map((m) => [m.currency, minorToInput(m.amountMinor, m.currency, false)])) as Record<string, string>,
    conditionsEn: '',
    conditionsKo: '',
    rationaleEn: '',
    rationaleKo: '',
  });
  const [step, setStep] = useState<'edit' | 'confirm'>('edit');
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [tried, setTried] = useState(false);
  const [result, record] = useMutation(BoardRecordDecision);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (step === 'confirm') confirmRef.current?.focus();
  }, [step]);

  const approving = draft.outcome === 'APPROVED' || draft.outcome === 'APPROVED_WITH_CONDITIONS';
  const conditional = draft.outcome === 'APPROVED_WITH_CONDITIONS';
  const minor = Object.fromEntries(requested.map((m) => [m.currency, awardMinor(draft.amounts[m.currency] ?? '', m.currency)]));
  const problems: Record<string, string | null> = {};
  if (approving) {
    for (const m of requested) {
      const value = minor[m.currency];
      // Not an amount: what is wrong with it, as every form says it; more than was asked: the board's own rule.
      problems[`amount.${m.currency}`] =
        value == null
          ? amountProblem(draft.amounts[m.currency] ?? '', m.currency, tForm)
          : BigInt(value) > BigInt(m.amountMinor)
            ? td('decision.awardProblem', { requested: m[language], digits: minorDigits(m.currency) })
            : null;
    }
    if (requested.every((m) => minor[m.currency] != null) && requested.every((m) => BigInt(minor[m.currency]!) === 0n)) problems.amounts = td('decision.awardZero');
  }
  const text = (value: string, required: string) => (!value.trim() ? required : value.trim().length > TEXT_LIMITS.text ? td('decision.tooLong') : null);
  problems.rationaleEn = text(draft.rationaleEn, td('decision.rationaleRequired'));
  problems.rationaleKo = text(draft.rationaleKo, td('decision.rationaleRequired'));
  if (conditional) {
    problems.conditionsEn = text(draft.conditionsEn, td('decision.conditionsRequired'));
    problems.conditionsKo = text(draft.conditionsKo, td('decision.conditionsRequired'));
  }
  const valid = Object.values(problems).every((p) => !p);
  const show = (key: string) => (touched[key] || tried ? problems[key] : null);
  const blur = (key: string) => () => setTouched((current) => ({ ...current, [key]: true }));
  const awardWords = approving ? moneyText(requested.flatMap((m) => (minor[m.currency] == null ? [] : [{ currency: m.currency, amountMinor: minor[m.currency]! }])), language) : t('home.noAward');
  const tally = (choice: string) => item.votes?.filter((v) => v.choice === choice).length ?? 0;

  function check(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (valid) setStep('confirm');
  }

  async function confirm() {
    const { data } = await record({
      input: {
        meetingId,
        applicationId: item.applicationId,
        outcome: draft.outcome,
        rationale: { en: draft.rationaleEn.trim(), ko: draft.rationaleKo.trim() },
        conditions: conditional ? { en: draft.conditionsEn.trim(), ko: draft.conditionsKo.trim() } : undefined,
        amounts: approving ? requested.map((m) => ({ currency: m.currency, amountMinor: minor[m.currency]! })) : undefined,
      },
    });
    if (data) {
      clear();
      onRecorded();
    }
  }

  if (step === 'confirm') {
    return (
      <section className="board-confirm" aria-labelledby={`confirm-${item.applicationId}`} data-testid="decision-confirm">
        <h4 id={`confirm-${item.applicationId}`} tabIndex={-1} ref={confirmRef}>
          {td('decision.confirmTitle')}
        </h4>
        <p>
          <strong>{td('decision.confirmWarning')}</strong>
        </p>
        <dl className="board-meta">
          <dt>{td('decision.confirmOutcome')}</dt>
          <dd>{t(`outcome.${draft.outcome}`)}</dd>
          <dt>{td('decision.confirmAward')}</dt>
          <dd>{awardWords}</dd>
          <dt>{td('decision.confirmVotes')}</dt>
          <dd>{td('decision.tally', { for: tally('FOR'), against: tally('AGAINST'), abstain: tally('ABSTAIN'), eligible: item.quorum?.eligibleMembers ?? '—' })}</dd>
          <dt>{td('decision.rationaleEn')}</dt>
          <dd lang="en">{draft.rationaleEn.trim()}</dd>
          <dt>{td('decision.rationaleKo')}</dt>
          <dd lang="ko">{draft.rationaleKo.trim()}</dd>
          {conditional && (
            <>
              <dt>{td('decision.conditionsEn')}</dt>
              <dd lang="en">{draft.conditionsEn.trim()}</dd>
              <dt>{td('decision.conditionsKo')}</dt>
              <dd lang="ko">{draft.conditionsKo.trim()}</dd>
            </>
          )}
        </dl>
        <BoardError error={result.error} />
        <div className="board-actions">
          <button type="button" className="button button--danger" disabled={result.fetching} onClick={() => void confirm()}>
            {td('decision.confirm')}
          </button>
          <button type="button" className="button button--ghost" onClick={() => setStep('edit')}>
            {td('decision.edit')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section aria-labelledby={`decide-${item.applicationId}`}>
      <h4 id={`decide-${item.applicationId}`}>{td('decision.title')}</h4>
      <p className="muted">{td('decision.intro')}</p>
      <form className="form board-form" onSubmit={check} noValidate>
        <fieldset className="board-choices">
          <legend>{td('decision.outcome')}</legend>
          {OUTCOMES.map((outcome) => (
            <label key={outcome}>
              <input type="radio" name={`outcome-${item.applicationId}`} value={outcome} checked={draft.outcome === outcome} onChange={() => update({ outcome })} />
              {t(`outcome.${outcome}`)}
            </label>
          ))}
        </fieldset>
        {approving &&
          requested.map((m) => (
            <Field
              key={m.currency}
              label={td('decision.awardIn', { currency: m.currency })}
              hint={td('decision.awardHint', { requested: m[language] })}
              inputMode="decimal"
              value={draft.amounts[m.currency] ?? ''}
              onChange={(e) => update({ amounts: { ...draft.amounts, [m.currency]: e.target.value } })}
              onBlur={blur(`amount.${m.currency}`)}
              problem={show(`amount.${m.currency}`) ?? (tried ? problems.amounts : null)}
            />
          ))}
        {conditional && (
          <div className="board-bilingual">
            <Field
              label={td('decision.conditionsEn')}
              problem={show('conditionsEn')}
              render={(control) => <textarea {...control} lang="en" value={draft.conditionsEn} onChange={(e) => update({ conditionsEn: e.target.value })} onBlur={blur('conditionsEn')} />}
            />
            <Field
              label={td('decision.conditionsKo')}
              problem={show('conditionsKo')}
              render={(control) => <textarea {...control} lang="ko" value={draft.conditionsKo} onChange={(e) => update({ conditionsKo: e.target.value })} onBlur={blur('conditionsKo')} />}
            />
          </div>
        )}
        <div className="board-bilingual">
          <Field
            label={td('decision.rationaleEn')}
            hint={td('decision.rationaleHint')}
            problem={show('rationaleEn')}
            render={(control) => <textarea {...control} lang="en" value={draft.rationaleEn} onChange={(e) => update({ rationaleEn: e.target.value })} onBlur={blur('rationaleEn')} />}
          />
          <Field
            label={td('decision.rationaleKo')}
            hint={td('decision.rationaleHint')}
            problem={show('rationaleKo')}
            render={(control) => <textarea {...control} lang="ko" value={draft.rationaleKo} onChange={(e) => update({ rationaleKo: e.target.value })} onBlur={blur('rationaleKo')} />}
          />
        </div>
        <div>
          <button type="submit" className="button button--primary">
            {td('decision.review')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** What the decision on an item still waits for, in the words of the checks the API makes (`AgendaItem.decisionBlockers`). */
export function DecisionWaits({ item }: { item: Item }) {
  const { t } = useMessages(boardMessages);
  const { t: td } = useMessages(decisionMessages);
  const summary = item.application.reviewSummary;
  return (
    <section className="notice notice--info" aria-labelledby={`waits-${item.applicationId}`} data-testid="decision-waits">
      <h4 id={`waits-${item.applicationId}`} className="notice__title">
        {td('waits.title')}
      </h4>
      <ul>
        {(item.decisionBlockers ?? []).map((blocker) => (
          <li key={blocker}>
            {blocker === 'REVIEWS_INCOMPLETE'
              ? td('waits.REVIEWS_INCOMPLETE', { count: summary?.reviewsNeeded ?? 0, submitted: summary?.reviewsSubmitted ?? 0 })
              : blocker === 'ILLEGAL_TRANSITION'
                ? td('waits.ILLEGAL_TRANSITION', { status: t(`status.${item.application.status}`) })
                : td(`waits.${blocker}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A recorded decision, as the board and the public record show it. */
export function DecisionRecord({ decision }: { decision: NonNullable<Item['decision']> }) {
  const { t, language } = useMessages(boardMessages);
  const { t: td } = useMessages(decisionMessages);
  return (
    <section className="board-record" aria-labelledby={`record-${decision.id}`} data-testid="decision-record">
      <h4 id={`record-${decision.id}`}>{td('decision.recordedTitle')}</h4>
      <p className="board-outcome">{t(`outcome.${decision.outcome}`)}</p>
      <dl className="board-meta">
        <dt>{td('decision.award')}</dt>
        <dd>{decision.amounts.length ? moneyText(decision.amounts, language) : t('home.noAward')}</dd>
        <dt>{td('decision.confirmVotes')}</dt>
        <dd>{td('decision.tally', { for: decision.votesFor, against: decision.votesAgainst, abstain: decision.abstentions, eligible: decision.eligibleMembers })}</dd>
        <dt>{td('decision.recordedAt')}</dt>
        <dd>
          <Time value={decision.recordedAt} also={[UK_ZONE, KR_ZONE]} />
        </dd>
      </dl>
      <div className="board-bilingual">
        <div>
          <p>
            <strong>{td('decision.rationaleEn')}</strong>
          </p>
          <blockquote lang="en">{decision.rationale.en}</blockquote>
        </div>
        <div>
          <p>
            <strong>{td('decision.rationaleKo')}</strong>
          </p>
          <blockquote lang="ko">{decision.rationale.ko}</blockquote>
        </div>
      </div>
      {decision.conditions && (
        <div className="board-bilingual">
          <div>
            <p>
              <strong>{td('decision.conditionsEn')}</strong>
            </p>
            <blockquote lang="en">{decision.conditions.en}</blockquote>
          </div>
          <div>
            <p>
              <strong>{td('decision.conditionsKo')}</strong>
            </p>
            <blockquote lang="ko">{decision.conditions.ko}</blockquote>
          </div>
        </div>
      )}
      {decision.supersedesDecisionId && <p>{td('decision.supersedes')}</p>}
      <p className="muted">{td('decision.immutable')}</p>
      <p>
        <Link to={`/decisions/${decision.id}`}>{td('decision.publicRecord')}</Link>
      </p>
    </section>
  );
}
