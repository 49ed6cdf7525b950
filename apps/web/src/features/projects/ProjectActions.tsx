import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { fieldProblems, problemOf } from '../../api/errors';
import { BilingualField, bilingualInput, bilingualProblem, fromLocalized, TEXT_MAX, TITLE_MAX, type Bilingual } from '../../components/BilingualField';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { Time } from '../../components/Time';
import type { OfficerProjectQuery } from '../../gql/graphql';
import { useDraft } from '../../hooks/useDraft';
import { useMessages } from '../../i18n';
import { formMessages } from '../../i18n/forms';
import { ConfirmGroup } from '../../components/Confirm';
import { CloseProject, PublishProject, ReopenProject, UpdateProject } from './documents';
import { projectMessages } from './messages';
import { ProjectDatesFields, ProjectTypeField, SectorChoices, type ProjectType } from './NewProjectForm';

type Project = NonNullable<OfficerProjectQuery['project']>;

interface EditDraft {
  title: Bilingual;
  summary: Bilingual;
  sectors: string[];
  type: ProjectType;
  startDate: string;
  endDate: string;
}

/** A member edits the project's title, summary, sectors, type and dates; an edit from an older version is refused (CONFLICT). */
export function EditProjectForm({ project, onDone }: { project: Project; onDone: (message: string) => void }) {
  const { t } = useMessages(projectMessages);
  const { t: tForm } = useMessages(formMessages);
  const [open, setOpen] = useState(false);
  const initial: EditDraft = {
    title: fromLocalized(project.title),
    summary: fromLocalized(project.summary),
    sectors: project.sectors,
    type: project.type,
    startDate: project.startDate,
    endDate: project.endDate ?? '',
  };
  const [draft, update, clear] = useDraft<EditDraft>(`officer.project-edit.${project.id}.${project.version}`, initial);
  const [submitted, setSubmitted] = useState(false);
  const [result, save] = useMutation(UpdateProject);
  const server = fieldProblems(problemOf(result.error));
  const problems = {
    title: bilingualProblem(draft.title, TITLE_MAX, tForm),
    summary: bilingualProblem(draft.summary, TEXT_MAX, tForm),
    sectors: draft.sectors.length < 1 || draft.sectors.length > 10 ? tForm('validation.sectors') : null,
    startDate: /^\d{4}-\d{2}-\d{2}$/.test(draft.startDate) ? null : tForm('validation.date'),
    endDate: draft.endDate && draft.endDate < draft.startDate ? tForm('validation.endBeforeStart') : null,
  };
  const shown = (field: keyof typeof problems) => (submitted ? problems[field] : null) ?? server[field] ?? null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (Object.values(problems).some(Boolean)) return;
    const { data } = await save({
      input: {
        id: project.id,
        version: project.version,
        title: bilingualInput(draft.title),
        summary: bilingualInput(draft.summary),
        sectors: draft.sectors,
        type: draft.type,
        startDate: draft.startDate,
        // null clears the end date: the project becomes open-ended.
        endDate: draft.endDate || null,
      },
    });
    if (data) {
      clear();
      setSubmitted(false);
      setOpen(false);
      onDone(t('project.edit.saved'));
    }
  }

  return (
    <details className="panel" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('project.edit.open')}</summary>
      <form className="form officer-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('project.edit.title')}>
        <BilingualField label={t('newProject.projectTitle')} value={draft.title} onChange={(title) => update({ title })} problem={shown('title')} maxLength={TITLE_MAX} />
        <BilingualField label={t('newProject.summary')} value={draft.summary} onChange={(summary) => update({ summary })} problem={shown('summary')} maxLength={TEXT_MAX} multiline />
        <SectorChoices value={draft.sectors} onChange={(sectors) => update({ sectors })} problem={shown('sectors')} />
        <ProjectTypeField value={draft.type} onChange={(type) => update({ type })} />
        <ProjectDatesFields startDate={draft.startDate} endDate={draft.endDate} onChange={update} problems={{ startDate: shown('startDate'), endDate: shown('endDate') }} />
        <ErrorNotice error={result.error} onRetry={problemOf(result.error)?.code === 'CONFLICT' ? () => onDone('') : undefined} />
        <div className="row-actions">
          <button type="submit" className="button button--primary" disabled={result.fetching}>
            {result.fetching ? tForm('saving') : t('project.edit.submit')}
          </button>
          <button
            type="button"
            className="button button--ghost"
            onClick={() => {
              clear();
              setOpen(false);
            }}
          >
            {t('project.edit.cancel')}
          </button>
        </div>
      </form>
    </details>
  );
}

const REASON_MAX = 2000;

/** Those who steer the project close it (confirmed, with a reason) or reopen it (with a reason). */
export function CloseOrReopen({ project, onDone }: { project: Project; onDone: (message: string) => void }) {
  const { t } = useMessages(projectMessages);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [closed, close] = useMutation(CloseProject);
  const [reopened, reopen] = useMutation(ReopenProject);
  const result = project.closedAt ? reopened : closed;
  const reasonProblem = missing && (!reason.trim() || reason.trim().length > REASON_MAX) ? t('project.close.reasonNeeded') : null;

  async function act() {
    const trimmed = reason.trim();
    if (!trimmed || trimmed.length > REASON_MAX) {
      setMissing(true);
      return;
    }
    const input = { id: project.id, version: project.version, reason: trimmed };
    const ok = project.closedAt ? !!(await reopen({ input })).data : !!(await close({ input })).data;
    if (ok) {
      setReason('');
      setMissing(false);
      setConfirming(false);
      onDone(project.closedAt ? t('project.close.reopened') : t('project.close.done'));
    }
  }

  const reasonField = (label: string) => (
    <Field label={label} problem={reasonProblem} render={(control) => <textarea {...control} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />} />
  );

  return (
    <section aria-labelledby="close-heading">
      <h2 id="close-heading">{t('project.close.title')}</h2>
      <ErrorNotice error={result.error} onRetry={problemOf(result.error)?.code === 'CONFLICT' ? () => onDone('') : undefined} />
      {project.closedAt ? (
        <form
          className="form officer-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void act();
          }}
        >
          {project.closeReason && (
            <p>
              <strong>{t('project.close.closedBecause')}:</strong> {project.closeReason}
            </p>
          )}
          {reasonField(t('project.close.reopenReason'))}
          <div>
            <button type="submit" className="button button--primary" disabled={result.fetching}>
              {t('project.close.reopen')}
            </button>
          </div>
        </form>
      ) : confirming ? (
        <ConfirmGroup
          label={t('project.close.open')}
          confirm={t('project.close.confirm')}
          confirmClass="button--danger"
          cancel={t('project.close.keep')}
          busy={result.fetching}
          onConfirm={() => void act()}
          onCancel={() => setConfirming(false)}
        >
          <p>{t('project.close.warning')}</p>
          {reasonField(t('project.close.reason'))}
        </ConfirmGroup>
      ) : (
        <>
          <p>{t('project.close.intro')}</p>
          <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
            {t('project.close.open')}
          </button>
        </>
      )}
    </section>
  );
}

/** A workspace lead publishes the project's summary for everyone, or takes it down. */
export function PublishSummary({ project, onDone }: { project: Project; onDone: (message: string) => void }) {
  const { t } = useMessages(projectMessages);
  const [result, publish] = useMutation(PublishProject);
  const published = !!project.publishedAt;
  return (
    <section aria-labelledby="publish-heading">
      <h2 id="publish-heading">{t('project.publish.title')}</h2>
      <p data-testid="publication">
        {project.publishedAt ? (
          <>
            {t('project.publish.published')} <Time value={project.publishedAt} />
          </>
        ) : (
          t('project.publish.private')
        )}
      </p>
      <ErrorNotice error={result.error} />
      <button
        type="button"
        className="button button--secondary"
        disabled={result.fetching}
        onClick={async () => {
          const { data } = await publish({ input: { id: project.id, published: !published } });
          if (data) onDone(published ? t('project.publish.unpublishedStatus') : t('project.publish.publishedStatus'));
        }}
      >
        {published ? t('project.publish.unpublish') : t('project.publish.publish')}
      </button>
    </section>
  );
}
