import { useState } from 'react';
import { useMutation } from 'urql';
import { problemOf } from '../../../api/errors';
import { ErrorNotice } from '../../../components/ErrorNotice';
import type { TwinningStatus } from '../../../gql/graphql';
import { useMessages } from '../../../i18n';
import { ConfirmGroup } from '../../../components/Confirm';
import { pairingMessages } from '../../pairing/messages';
import { REASON_MAX } from '../../pairing/shared';
import { Field } from '../../../components/Field';
import { ChangeTwinningStatus } from './documents';
import { fits, TextArea } from './EvidenceForm';
import { evidenceMessages } from './messages';

/** Which status may follow which (the API's rule: an active twinning pauses or closes, a dormant one wakes or closes). */
const NEXT_STATUSES: Partial<Record<TwinningStatus, TwinningStatus[]>> = {
  ACTIVE: ['DORMANT', 'CLOSED'],
  DORMANT: ['ACTIVE', 'CLOSED'],
};

/**
 * An admin's control of a twinning's status on the twinning's page: a new
 * status and a reason; closing, which cannot be undone, is confirmed first.
 */
export function TwinningStatusForm({ twinning, onChanged }: { twinning: { id: string; status: TwinningStatus }; onChanged: () => void }) {
  const { t } = useMessages(evidenceMessages);
  const statusName = useMessages(pairingMessages).t;
  const choices = NEXT_STATUSES[twinning.status] ?? [];
  const [to, setTo] = useState<TwinningStatus | ''>('');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState('');
  const [result, change] = useMutation(ChangeTwinningStatus);
  const problem = problemOf(result.error);
  const problems = { to: to ? null : t('indicators.invalid.choose'), reason: fits(reason, 1, REASON_MAX) ? null : t('status.invalid.reason') };

  function ask() {
    setTouched(true);
    if (problems.to || problems.reason) return;
    if (to === 'CLOSED') setConfirming(true);
    else void go();
  }
  async function go() {
    if (!to) return;
    const response = await change({ input: { id: twinning.id, status: to, reason: reason.trim() } });
    setConfirming(false);
    if (response.data) {
      setDone(t('status.done', { status: statusName(`status.${response.data.changeTwinningStatus.status}`) }));
      setTo('');
      setReason('');
      setTouched(false);
      onChanged();
    } else if (problemOf(response.error)?.code === 'CONFLICT') onChanged();
  }

  // Nothing to change (a proposal, an ended twinning) and nothing just changed: nothing to show.
  if (choices.length === 0 && !done) return null;
  return (
    <section className="twinning-action" aria-labelledby="twinning-status">
      <h2 id="twinning-status">{t('status.title')}</h2>
      <p>{t('status.lead')}</p>
      <p role="status" className={done ? 'notice notice--success' : 'form__status'}>
        {done}
      </p>
      {problem?.code === 'CONFLICT' ? (
        <p className="notice notice--info" role="alert">
          {t('status.conflict')}
        </p>
      ) : (
        <ErrorNotice error={result.error} />
      )}
      {choices.length > 0 && (
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            ask();
          }}
        >
          <Field
            label={t('status.to')}
            problem={touched ? problems.to : null}
            render={(control) => (
              <select {...control} value={to} onChange={(e) => setTo(e.target.value as TwinningStatus | '')}>
                <option value="" />
                {choices.map((s) => (
                  <option key={s} value={s}>
                    {statusName(`status.${s}`)}
                  </option>
                ))}
              </select>
            )}
          />
          <TextArea label={t('status.reason')} hint={t('status.reasonHint')} problem={touched ? problems.reason : null} value={reason} onChange={setReason} />
          {confirming ? (
            <ConfirmGroup
              label={t('status.closeConfirm')}
              confirm={t('status.closeConfirm')}
              confirmClass="button--danger"
              cancel={t('status.keep')}
              busy={result.fetching}
              onConfirm={() => void go()}
              onCancel={() => setConfirming(false)}
            >
              <p>{t('status.closeWarning')}</p>
            </ConfirmGroup>
          ) : (
            <button type="submit" className="button button--primary" disabled={result.fetching}>
              {t('status.submit')}
            </button>
          )}
        </form>
      )}
    </section>
  );
}
