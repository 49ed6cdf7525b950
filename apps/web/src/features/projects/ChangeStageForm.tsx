import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { fieldProblems, problemOf } from '../../api/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useDraft } from '../../hooks/useDraft';
import { useMessages } from '../../i18n';
import { formMessages } from '../../i18n/forms';
import { STAGES } from './kinds';
import { projectMessages } from './messages';
import { ChangeStage } from './documents';
import { type Stage } from './kinds';

/** A lead moves the project to another stage, with the reason kept in its history. */
export function ChangeStageForm({ projectId, version, current, onDone }: { projectId: string; version: number; current: Stage; onDone: () => void }) {
  const { t } = useMessages(projectMessages);
  const { t: tForm } = useMessages(formMessages);
  const [draft, update, clear] = useDraft(`officer.stage.${projectId}`, { stage: '' as Stage | '', reason: '' });
  const [submitted, setSubmitted] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [result, change] = useMutation(ChangeStage);
  const server = fieldProblems(problemOf(result.error));
  const problems = {
    stage: draft.stage && draft.stage !== current ? null : tForm('validation.required'),
    reason: draft.reason.trim() && draft.reason.trim().length <= 2000 ? null : tForm('validation.reason'),
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setDone(null);
    if (problems.stage || problems.reason || !draft.stage) return;
    const { data } = await change({ input: { id: projectId, stage: draft.stage, reason: draft.reason.trim(), version } });
    if (data) {
      setDone(t('project.changeStage.done', { stage: t(`stage.${data.changeProjectStage.stage}`) }));
      setSubmitted(false);
      clear();
      onDone();
    }
  }

  return (
    <section aria-labelledby="stage-heading">
      <h2 id="stage-heading">{t('project.changeStage.title')}</h2>
      <form className="form officer-form" onSubmit={submit} noValidate>
        <p className="field__hint">{t('project.changeStage.intro')}</p>
        <Field
          label={t('project.changeStage.to')}
          problem={(submitted ? problems.stage : null) ?? server.stage}
          render={(control) => (
            <select {...control} value={draft.stage} onChange={(e) => update({ stage: e.target.value as Stage })}>
              <option value="" />
              {STAGES.filter((s) => s !== current).map((stage) => (
                <option key={stage} value={stage}>
                  {t(`stage.${stage}`)}
                </option>
              ))}
            </select>
          )}
        />
        <Field
          label={t('project.changeStage.reason')}
          problem={(submitted ? problems.reason : null) ?? server.reason}
          render={(control) => <textarea {...control} rows={3} value={draft.reason} onChange={(e) => update({ reason: e.target.value })} onBlur={() => draft.reason && setSubmitted(true)} />}
        />
        <ErrorNotice error={result.error} onRetry={result.error && problemOf(result.error)?.code === 'CONFLICT' ? onDone : undefined} />
        <div>
          <button type="submit" className="button button--primary" disabled={result.fetching}>
            {t('project.changeStage.submit')}
          </button>
        </div>
        <p role="status" className="form__status">
          {done ?? ''}
        </p>
      </form>
    </section>
  );
}
