import { useState } from 'react';
import { useMutation } from 'urql';
import { Field } from '../../../components/Field';
import { StatusBadge } from '../../../components/StatusBadge';
import { useMessages } from '../../../i18n';
import { ConfirmStep } from '../../../components/Confirm';
import { ConsoleError } from './ConsoleError';
import { ConfirmEligibility, ReturnApplication, type AdminApplicationData } from './documents';
import { adminApplicationMessages } from './messages';

const RULES = ['ACTIVE_TWINNING', 'PROJECT_STAGE', 'PROJECT_OPEN', 'BUDGET', 'BUDGET_SIDES', 'MAX_AWARD', 'MATCH_RATIO'] as const;
type Rule = (typeof RULES)[number];

/** The call's rules as the application stands, and the secretariat's two answers to a submission: eligible, or back to the applicants with a reason. */
export function EligibilityPanel({ application, onDone }: { application: AdminApplicationData; onDone: (message: string) => void }) {
  const { t, language } = useMessages(adminApplicationMessages);
  const [confirmed, confirm] = useMutation(ConfirmEligibility);
  const [returned, giveBack] = useMutation(ReturnApplication);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  if (application.status === 'DRAFT' || application.status === 'WITHDRAWN') return null;

  async function doConfirm(): Promise<boolean> {
    const { data } = await confirm({ input: { id: application.id } });
    if (data) onDone(t('detail.done.confirmed'));
    return !!data;
  }

  async function doReturn(): Promise<boolean> {
    if (!reason.trim()) {
      setMissing(true);
      return false;
    }
    const { data } = await giveBack({ input: { id: application.id, reason: reason.trim() } });
    if (data) onDone(t('detail.done.returned'));
    return !!data;
  }

  return (
    <section aria-labelledby="eligibility-heading">
      <h2 id="eligibility-heading">{t('eligibility.title')}</h2>
      <p>{t('eligibility.intro')}</p>
      <ul className="list">
        {application.eligibility.map((check) => (
          <li key={check.rule}>
            <StatusBadge kind="rule" status={check.passed ? 'passed' : 'failed'}>
              {check.passed ? t('eligibility.passed') : t('eligibility.failed')}
            </StatusBadge>{' '}
            {RULES.includes(check.rule as Rule) ? t(`rules.${check.rule as Rule}`) : check.rule}
            {language === 'en' && !check.passed && <p className="field__hint">{check.message}</p>}
          </li>
        ))}
      </ul>
      <ConsoleError error={confirmed.error ?? returned.error} />
      <div className="admin-application__actions">
        {application.nextSteps.includes('confirmEligibility') && (
          <ConfirmStep label={t('eligibility.confirm')} confirm={t('eligibility.confirmYes')} cancel={t('eligibility.keep')} busy={confirmed.fetching} primary onConfirm={doConfirm}>
            <p>{t('eligibility.confirmIntro')}</p>
          </ConfirmStep>
        )}
        {application.nextSteps.includes('returnToApplicant') && (
          <ConfirmStep label={t('eligibility.return')} confirm={t('eligibility.returnConfirm')} cancel={t('eligibility.keep')} busy={returned.fetching} danger onConfirm={doReturn}>
            <p>{t('eligibility.returnIntro')}</p>
            <Field
              label={t('eligibility.reason')}
              problem={missing && !reason.trim() ? t('eligibility.reasonRequired') : null}
              render={(control) => <textarea {...control} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />}
            />
          </ConfirmStep>
        )}
      </div>
    </section>
  );
}
