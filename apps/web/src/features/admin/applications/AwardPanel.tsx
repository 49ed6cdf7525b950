import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { fieldProblems, problemOf } from '../../../api/errors';
import { Field } from '../../../components/Field';
import { Time } from '../../../components/Time';
import { useMessages } from '../../../i18n';
import { KR_ZONE, UK_ZONE } from '../../../i18n/format';
import { formMessages } from '../../../i18n/forms';
import { amountProblem, moneyText, parseAmount } from '../../../i18n/money';
import { fundingMessages } from '../../funding/messages';
import { ConfirmStep } from '../../../components/Confirm';
import { ConsoleError } from './ConsoleError';
import { CloseAward, StartDelivery, type AdminApplicationData } from './documents';
import { adminApplicationMessages } from './messages';

/** What was spent, typed: "0" (nothing at all) or an amount of the currency. */
function spentMinor(text: string, currency: string): string | null {
  if (/^\s*0+([.,]0*)?\s*$/.test(text)) return '0';
  const parsed = parseAmount(text, currency);
  return parsed.ok ? parsed.minor : null;
}

/** The board's decisions on the application (the current one linked to its public page), what the fund has committed to it, and the award's delivery and closing. */
export function AwardPanel({ application, onDone }: { application: AdminApplicationData; onDone: (message: string) => void }) {
  const { t, language } = useMessages(adminApplicationMessages);
  const funding = useMessages(fundingMessages);
  const { t: tForm } = useMessages(formMessages);
  const [started, start] = useMutation(StartDelivery);
  const [closed, close] = useMutation(CloseAward);
  const committed = application.award.filter((a) => a.amountMinor !== '0');
  const [spent, setSpent] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const serverProblems = fieldProblems(problemOf(closed.error));
  if (!application.decisions.length && !['DECIDED', 'AWARD_ACCEPTED', 'IN_DELIVERY', 'CLOSED'].includes(application.status)) {
    return (
      <section aria-labelledby="award-heading">
        <h2 id="award-heading">{t('award.title')}</h2>
        <p>{t('award.none')}</p>
      </section>
    );
  }
  const current = application.decisions.find((d) => !d.supersededByDecisionId);
  const spentProblem = (currency: string) => (attempted && spentMinor(spent[currency] ?? '', currency) === null ? amountProblem(spent[currency] ?? '', currency, tForm) : null);

  async function doStart(): Promise<boolean> {
    const { data } = await start({ input: { id: application.id } });
    if (data) onDone(t('detail.done.delivery'));
    return !!data;
  }

  async function doClose(): Promise<boolean> {
    setAttempted(true);
    const amounts = committed.map((a) => ({ currency: a.currency, amountMinor: spentMinor(spent[a.currency] ?? '', a.currency) }));
    if (!reason.trim() || amounts.some((a) => a.amountMinor === null)) return false;
    const { data } = await close({ input: { id: application.id, reason: reason.trim(), spent: amounts.map((a) => ({ currency: a.currency, amountMinor: a.amountMinor! })) } });
    if (data) onDone(t('detail.done.closed'));
    return !!data;
  }

  return (
    <section aria-labelledby="award-heading">
      <h2 id="award-heading">{t('award.title')}</h2>
      {application.decisions.length > 0 && (
        <ul className="list">
          {[...application.decisions].reverse().map((decision) => (
            <li key={decision.id}>
              <strong>{funding.t(`outcome.${decision.outcome}`)}</strong>
              {decision.amounts.length > 0 && <> · {moneyText(decision.amounts, language)}</>} · {t('award.decidedAt')} <Time value={decision.recordedAt} also={[UK_ZONE, KR_ZONE]} />
              {decision.supersededByDecisionId ? (
                <> · {t('award.superseded')}</>
              ) : (
                <>
                  {' · '}
                  <Link to={`/decisions/${decision.id}`}>{t('award.publicPage')}</Link>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {!current && <p>{t('award.none')}</p>}
      <dl className="meta">
        <dt>{t('award.committed')}</dt>
        <dd data-testid="award-committed">{committed.length ? moneyText(committed, language) : t('award.nothingCommitted')}</dd>
      </dl>
      {application.status === 'DECIDED' && application.nextSteps.includes('acceptAward') && <p className="notice notice--info">{t('award.waitingAcceptance')}</p>}
      <ConsoleError error={started.error ?? closed.error} />
      {application.nextSteps.includes('startDelivery') && (
        <>
          <p>{t('award.startIntro')}</p>
          <ConfirmStep label={t('award.startDelivery')} confirm={t('award.startConfirm')} cancel={t('award.notYet')} busy={started.fetching} primary onConfirm={doStart}>
            <p>{t('award.startWarning')}</p>
          </ConfirmStep>
        </>
      )}
      {application.nextSteps.includes('closeAward') && (
        <div className="admin-application__actions">
          <ConfirmStep label={t('award.close')} confirm={t('award.closeConfirm')} cancel={t('award.keep')} busy={closed.fetching} danger onConfirm={doClose}>
            <p>{t('award.closeIntro')}</p>
            {committed.map((a) => (
              <Field
                key={a.currency}
                label={t('award.spent', { currency: a.currency })}
                hint={`${t('award.committed')}: ${a[language]}`}
                inputMode="decimal"
                value={spent[a.currency] ?? ''}
                onChange={(e) => setSpent((all) => ({ ...all, [a.currency]: e.target.value }))}
                problem={spentProblem(a.currency) ?? (serverProblems.spent ? t('reasons.OVERSPENT') : null)}
              />
            ))}
            <Field
              label={t('award.reason')}
              problem={attempted && !reason.trim() ? t('award.reasonRequired') : null}
              render={(control) => <textarea {...control} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />}
            />
          </ConfirmStep>
        </div>
      )}
    </section>
  );
}
