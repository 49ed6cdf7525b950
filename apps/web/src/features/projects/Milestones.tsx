import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { fieldProblems, problemOf } from '../../api/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { LocalText } from '../../components/LocalText';
import { CalendarDate, Time } from '../../components/Time';
import { useDraft } from '../../hooks/useDraft';
import { useMessages } from '../../i18n';
import { pickText } from '../../i18n/format';
import { BilingualField, bilingualInput, bilingualProblem, fromLocalized, TITLE_MAX, type Bilingual, type FormT } from '../../components/BilingualField';
import { formMessages } from '../../i18n/forms';
import { MILESTONE_STATUSES } from './kinds';
import { projectMessages } from './messages';
import { AddMilestone, RemoveMilestone, UpdateMilestone } from './documents';
import { ConfirmGroup } from '../../components/Confirm';

type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

interface ProjectForMilestones {
  id: string;
  startDate: string;
  endDate?: string | null;
  milestones: Array<{ id: string; version: number; title: { en?: string | null; ko?: string | null }; dueDate: string; status: MilestoneStatus; completedAt?: string | null }>;
}

/** The API's rule for a due date: within the project's dates. */
function dueProblem(project: ProjectForMilestones, dueDate: string, tForm: FormT): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) return tForm('validation.date');
  if (dueDate < project.startDate || (project.endDate && dueDate > project.endDate)) {
    return project.endDate ? tForm('validation.dueOutside', { start: project.startDate, end: project.endDate }) : tForm('validation.dueBeforeStart', { start: project.startDate });
  }
  return null;
}

/** The project's milestones: their dates and status, marking one done, and (for members) adding and editing them. */
export function Milestones({ project, canEdit, onDone }: { project: ProjectForMilestones; canEdit: boolean; onDone: () => void }) {
  const { t, language } = useMessages(projectMessages);
  const { t: tForm } = useMessages(formMessages);
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [updated, updateMilestone] = useMutation(UpdateMilestone);
  const [removed, removeMilestone] = useMutation(RemoveMilestone);
  const toRemove = project.milestones.find((m) => m.id === removing);

  return (
    <section aria-labelledby="milestones-heading">
      <h2 id="milestones-heading">{t('project.milestones.title')}</h2>
      {project.milestones.length === 0 ? (
        <p>{t('project.milestones.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="stack-table">
            <thead>
              <tr>
                <th scope="col">{t('project.milestones.name')}</th>
                <th scope="col">{t('project.milestones.due')}</th>
                <th scope="col">{t('project.milestones.status')}</th>
                {canEdit && <th scope="col">{t('project.milestones.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {project.milestones.map((milestone) => (
                <tr key={milestone.id}>
                  <td data-label={t('project.milestones.name')}>
                    <LocalText value={milestone.title} />
                  </td>
                  <td className="nowrap" data-label={t('project.milestones.due')}>
                    <CalendarDate value={milestone.dueDate} />
                  </td>
                  <td data-label={t('project.milestones.status')}>
                    {t(`milestoneStatus.${milestone.status}`)}
                    {milestone.completedAt && (
                      <>
                        <br />
                        <small>
                          {t('project.milestones.completed')} <Time value={milestone.completedAt} />
                        </small>
                      </>
                    )}
                  </td>
                  {canEdit && (
                    <td data-label={t('project.milestones.actions')}>
                      <div className="row-actions">
                        {milestone.status !== 'DONE' && (
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            disabled={updated.fetching}
                            onClick={async () => {
                              const { data } = await updateMilestone({ input: { id: milestone.id, version: milestone.version, status: 'DONE' } });
                              if (data) {
                                setStatus(t('project.milestones.updated'));
                                onDone();
                              }
                            }}
                          >
                            {t('project.milestones.complete')}
                            <span className="visually-hidden">: <LocalText value={milestone.title} /></span>
                          </button>
                        )}
                        <button type="button" className="button button--ghost button--small" aria-expanded={editing === milestone.id} onClick={() => setEditing(editing === milestone.id ? null : milestone.id)}>
                          {tForm('edit')}
                          <span className="visually-hidden">: <LocalText value={milestone.title} /></span>
                        </button>
                        <button type="button" className="button button--ghost button--small" aria-expanded={removing === milestone.id} onClick={() => setRemoving(removing === milestone.id ? null : milestone.id)}>
                          {t('project.milestones.remove')}
                          <span className="visually-hidden">: <LocalText value={milestone.title} /></span>
                        </button>
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ErrorNotice error={updated.error ?? removed.error} onRetry={updated.error || removed.error ? onDone : undefined} />
      {canEdit && toRemove && (
        <ConfirmGroup
          label={`${t('project.milestones.remove')}: ${pickText(toRemove.title, language).text}`}
          confirm={t('project.milestones.removeConfirm')}
          confirmClass="button--danger"
          cancel={t('project.milestones.keep')}
          busy={removed.fetching}
          onConfirm={async () => {
            const { data } = await removeMilestone({ input: { id: toRemove.id, version: toRemove.version } });
            if (data) {
              setRemoving(null);
              setStatus(t('project.milestones.removed'));
              onDone();
            }
          }}
          onCancel={() => setRemoving(null)}
        >
          <p>
            <strong>
              <LocalText value={toRemove.title} />
            </strong>
            : {t('project.milestones.removeWarning')}
          </p>
        </ConfirmGroup>
      )}
      <p role="status" className="form__status">
        {status}
      </p>
      {canEdit && editing && project.milestones.find((m) => m.id === editing) && (
        <MilestoneForm
          key={editing}
          project={project}
          milestone={project.milestones.find((m) => m.id === editing)!}
          onDone={(message) => {
            setEditing(null);
            setStatus(message);
            onDone();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {canEdit && (
        <MilestoneForm
          project={project}
          onDone={(message) => {
            setStatus(message);
            onDone();
          }}
        />
      )}
    </section>
  );
}

/** Add a milestone, or (given one) change its title, date and status. */
function MilestoneForm({
  project,
  milestone,
  onDone,
  onCancel,
}: {
  project: ProjectForMilestones;
  milestone?: ProjectForMilestones['milestones'][number];
  onDone: (message: string) => void;
  onCancel?: () => void;
}) {
  const { t, language } = useMessages(projectMessages);
  const { t: tForm } = useMessages(formMessages);
  const initial = { title: fromLocalized(milestone?.title), dueDate: milestone?.dueDate ?? '', status: (milestone?.status ?? 'PLANNED') as MilestoneStatus };
  const [draft, update, clear] = useDraft<{ title: Bilingual; dueDate: string; status: MilestoneStatus }>(`officer.milestone.${milestone?.id ?? `new.${project.id}`}`, initial);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [submitted, setSubmitted] = useState(false);
  const [added, addMilestone] = useMutation(AddMilestone);
  const [updated, updateMilestone] = useMutation(UpdateMilestone);
  const result = milestone ? updated : added;
  const server = fieldProblems(problemOf(result.error));
  const problems = { title: bilingualProblem(draft.title, TITLE_MAX, tForm), dueDate: dueProblem(project, draft.dueDate, tForm) };
  const shown = (field: 'title' | 'dueDate') => ((submitted || touched[field]) && problems[field]) || server[field] || null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (problems.title || problems.dueDate) return;
    if (milestone) {
      const { data } = await updateMilestone({ input: { id: milestone.id, version: milestone.version, title: bilingualInput(draft.title), dueDate: draft.dueDate, status: draft.status } });
      if (!data) return;
      clear();
      onDone(t('project.milestones.updated'));
    } else {
      const { data } = await addMilestone({ input: { projectId: project.id, title: bilingualInput(draft.title), dueDate: draft.dueDate, status: draft.status } });
      if (!data) return;
      clear();
      setSubmitted(false);
      setTouched({});
      onDone(t('project.milestones.added'));
    }
  }

  const heading = milestone ? t('project.milestones.editing', { title: pickText(milestone.title, language).text }) : t('project.milestones.addTitle');
  return (
    <form className="form panel officer-form" onSubmit={submit} noValidate aria-label={heading}>
      <h3>{heading}</h3>
      <BilingualField label={t('project.milestones.milestoneTitle')} value={draft.title} onChange={(title) => update({ title })} onBlur={() => setTouched((a) => ({ ...a, title: true }))} problem={shown('title')} maxLength={TITLE_MAX} />
      <Field
        label={t('project.milestones.dueDate')}
        type="date"
        min={project.startDate}
        max={project.endDate ?? undefined}
        value={draft.dueDate}
        onChange={(e) => update({ dueDate: e.target.value })}
        onBlur={() => setTouched((a) => ({ ...a, dueDate: true }))}
        problem={shown('dueDate')}
      />
      <Field
        label={tForm('status')}
        render={(control) => (
          <select {...control} value={draft.status} onChange={(e) => update({ status: e.target.value as MilestoneStatus })}>
            {MILESTONE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`milestoneStatus.${s}`)}
              </option>
            ))}
          </select>
        )}
      />
      <ErrorNotice error={result.error} />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={result.fetching}>
          {milestone ? t('project.milestones.save') : t('project.milestones.add')}
        </button>
        {onCancel && (
          <button
            type="button"
            className="button button--ghost"
            onClick={() => {
              clear();
              onCancel();
            }}
          >
            {tForm('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
