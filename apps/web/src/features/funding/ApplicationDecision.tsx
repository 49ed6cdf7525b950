import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { LocalText } from '../../components/LocalText';
import { Time } from '../../components/Time';
import { useMessages } from '../../i18n';
import { KR_ZONE, UK_ZONE } from '../../i18n/format';
import { formMessages } from '../../i18n/forms';
import { fundingMessages } from './messages';
import { moneyText } from '../../i18n/money';
import { AcceptAward, type Application, DeclineAward, WithdrawApplication } from './documents';

/** The board's current decision on the application, and the lead's answer to an award (accept, or decline with a reason). */
export function ApplicationDecision({
  application,
  decisions,
  canAct,
  onDone,
}: {
  application: Application;
  decisions: Array<{ id: string; outcome: string; decidedAt: string; supersededByDecisionId?: string | null; amounts: Array<{ currency: string; amountMinor: string }>; rationale: { en?: string | null; ko?: string | null } }>;
  canAct: boolean;
  onDone: (message: string) => void;
}) {
  const { t, language } = useMessages(fundingMessages);
  const [accepted, accept] = useMutation(AcceptAward);
  const current = decisions.find((d) => !d.supersededByDecisionId) ?? decisions[0];
  if (!current && ['DRAFT', 'WITHDRAWN'].includes(application.status)) return null;
  const conditions = application.decisions.find((d) => d.id === current?.id)?.conditions;
  return (
    <section aria-labelledby="decision-heading">
      <h2 id="decision-heading">{t('application.decision.title')}</h2>
      {!current ? (
        <p>{t('application.decision.none')}</p>
      ) : (
        <>
          <p>
            <strong>{t(`outcome.${current.outcome}` as 'outcome.APPROVED')}</strong>
          </p>
          <dl className="meta">
            <dt>{t('application.decision.decidedAt')}</dt>
            <dd>
              <Time value={current.decidedAt} also={[UK_ZONE, KR_ZONE]} />
            </dd>
            {current.amounts.length > 0 && (
              <>
                <dt>{t('application.decision.award')}</dt>
                <dd>{moneyText(current.amounts, language)}</dd>
              </>
            )}
            <dt>{t('application.decision.rationale')}</dt>
            <dd>
              <LocalText value={current.rationale} />
            </dd>
            {conditions && (conditions.en || conditions.ko) && (
              <>
                <dt>{t('application.decision.conditions')}</dt>
                <dd>
                  <LocalText value={conditions} />
                </dd>
              </>
            )}
          </dl>
        </>
      )}
      {canAct && application.nextSteps.includes('acceptAward') && (
        <div className="actions">
          <button
            type="button"
            className="button button--primary"
            disabled={accepted.fetching}
            onClick={async () => {
              const { data } = await accept({ input: { id: application.id } });
              if (data) onDone(t('application.decision.accepted'));
            }}
          >
            {t('application.decision.accept')}
          </button>
        </div>
      )}
      <ErrorNotice error={accepted.error} />
      {canAct && application.nextSteps.includes('declineAward') && (
        <ReasonAction
          heading={t('application.decision.decline')}
          label={t('application.decision.declineReason')}
          button={t('application.decision.decline')}
          danger
          mutation={DeclineAward}
          applicationId={application.id}
          onDone={() => onDone(t('application.decision.declined'))}
        />
      )}
    </section>
  );
}

/** A step that needs a reason (withdraw, decline an award), behind a disclosure so it is not pressed by accident. */
export function ReasonAction({
  heading,
  label,
  button,
  danger,
  mutation,
  applicationId,
  onDone,
}: {
  heading: string;
  label: string;
  button: string;
  danger?: boolean;
  mutation: typeof WithdrawApplication | typeof DeclineAward;
  applicationId: string;
  onDone: () => void;
}) {
  const { t: tForm } = useMessages(formMessages);
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [result, run] = useMutation(mutation);
  const problem = attempted && (!reason.trim() || reason.trim().length > 2000) ? tForm('validation.reason') : null;
  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (!reason.trim() || reason.trim().length > 2000) return;
    const { data } = await run({ input: { id: applicationId, reason: reason.trim() } });
    if (data) onDone();
  }
  return (
    <details className="panel">
      <summary>{heading}</summary>
      <form className="form" onSubmit={submit} noValidate>
        <Field label={label} problem={problem} render={(control) => <textarea {...control} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />} />
        <ErrorNotice error={result.error} />
        <div>
          <button type="submit" className={`button ${danger ? 'button--danger' : 'button--primary'}`} disabled={result.fetching}>
            {button}
          </button>
        </div>
      </form>
    </details>
  );
}
