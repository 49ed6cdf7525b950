import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { fieldProblems, problemOf } from '../../api/errors';
import { useAuth } from '../../auth/AuthProvider';
import { ErrorNotice, Loading } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { usePageTitle } from '../../components/Layout';
import { LocalText } from '../../components/LocalText';
import { CalendarDate, Time } from '../../components/Time';
import { graphql } from '../../gql';
import { useDraft } from '../../hooks/useDraft';
import { useMessages } from '../../i18n';
import { KR_ZONE, pickText, UK_ZONE } from '../../i18n/format';
import { BilingualField, bilingualInput, bilingualProblem, fromLocalized, TITLE_MAX, type Bilingual, type FormT } from '../../components/BilingualField';
import { PageProblem } from '../../components/PageProblem';
import { cityName } from '../../i18n/cities';
import { formMessages } from '../../i18n/forms';
import { ApplicationStatus } from '../funding/ApplicationStatus';
import { OpenCalls } from '../funding/OpenCalls';
import { MILESTONE_STATUSES, STAGES } from './kinds';
import { projectMessages } from './messages';
import { SectorsQuery } from './NewProjectForm';
import '../../components/panels.css';
import { SideBadge } from '../../components/StatusBadge';

const ProjectQuery = graphql(`
  query OfficerProject($id: ID!) {
    project(id: $id) {
      id
      version
      workspaceId
      title {
        en
        ko
      }
      summary {
        en
        ko
      }
      stage
      type
      sectors
      startDate
      endDate
      closedAt
      leads {
        city {
          id
          nameEn
          nameKo
          countryCode
        }
        user {
          id
          displayName
        }
      }
      budgets {
        countryCode
        formatted
      }
      milestones {
        id
        version
        title {
          en
          ko
        }
        dueDate
        status
        completedAt
      }
      stageHistory {
        id
        fromStage
        toStage
        reason
        at
        actor {
          displayName
        }
      }
    }
  }
`);

const ProjectContextQuery = graphql(`
  query OfficerProjectContext($workspaceId: ID!) {
    workspace(id: $workspaceId) {
      id
      myRole
      twinning {
        cityA {
          id
          nameEn
          nameKo
        }
        cityB {
          id
          nameEn
          nameKo
        }
      }
    }
    fundApplications(first: 100, filter: { workspaceId: $workspaceId }) {
      nodes {
        id
        projectId
        callId
        status
        updatedAt
        title {
          en
          ko
        }
        call {
          title {
            en
            ko
          }
        }
      }
    }
  }
`);

const ChangeStage = graphql(`
  mutation OfficerChangeProjectStage($input: ChangeProjectStageInput!) {
    changeProjectStage(input: $input) {
      id
      version
      stage
    }
  }
`);

const AddMilestone = graphql(`
  mutation OfficerAddMilestone($input: AddMilestoneInput!) {
    addMilestone(input: $input) {
      id
      version
      status
    }
  }
`);

const UpdateMilestone = graphql(`
  mutation OfficerUpdateMilestone($input: UpdateMilestoneInput!) {
    updateMilestone(input: $input) {
      id
      version
      status
      dueDate
      completedAt
      title {
        en
        ko
      }
    }
  }
`);

type Stage = (typeof STAGES)[number];
type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export default function ProjectPage() {
  const { id = '' } = useParams();
  const { t, language } = useMessages(projectMessages);
  const { user } = useAuth();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: ProjectQuery, variables: { id } });
  const project = data?.project;
  const [{ data: context }, reexecuteContext] = useQuery({ query: ProjectContextQuery, variables: { workspaceId: project?.workspaceId ?? '' }, pause: !project });
  const [{ data: sectorData }] = useQuery({ query: SectorsQuery });
  usePageTitle(project ? pickText(project.title, language).text : '');

  if (error && !project) return <PageProblem error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!project) return fetching ? <Loading /> : null;

  const reload = () => {
    reexecute({ requestPolicy: 'network-only' });
    reexecuteContext({ requestPolicy: 'network-only' });
  };
  const role = context?.workspace.myRole;
  const isLead = role === 'LEAD';
  const canEdit = role === 'LEAD' || role === 'MEMBER';
  const isProjectLead = project.leads.some((lead) => lead.user.id === user?.id);
  const canSteer = !project.closedAt && (isLead || (role === 'MEMBER' && isProjectLead));
  const applications = (context?.fundApplications.nodes ?? []).filter((a) => a.projectId === project.id);
  const sectorName = (key: string) => {
    const sector = sectorData?.sectors.find((s) => s.key === key);
    return sector ? (language === 'ko' ? sector.nameKo : sector.nameEn) : key;
  };
  const history = [...project.stageHistory].reverse();

  return (
    <div className="page">
      <p>
        <Link to={`/workspaces/${project.workspaceId}`}>← {t('project.workspace')}</Link>
      </p>
      <LocalText value={project.title} as="h1" />
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {project.closedAt && <p className="notice notice--info">{t('project.closed')}</p>}
      <LocalText value={project.summary} as="p" className="lead" />
      <dl className="meta">
        <dt>{t('project.stage')}</dt>
        <dd>
          <strong data-testid="project-stage">{t(`stage.${project.stage}`)}</strong>
        </dd>
        <dt>{t('project.type')}</dt>
        <dd>{t(`type.${project.type}`)}</dd>
        <dt>{t('project.sectors')}</dt>
        <dd>{project.sectors.map(sectorName).join(', ')}</dd>
        <dt>{t('project.dates')}</dt>
        <dd>
          <CalendarDate value={project.startDate} /> – {project.endDate ? <CalendarDate value={project.endDate} /> : t('project.openEnded')}
        </dd>
        <dt>{t('project.leads')}</dt>
        <dd>
          {project.leads.map((lead, index) => (
            <span key={lead.city.id}>
              {index > 0 && ', '}
              {lead.user.displayName} <SideBadge countryCode={lead.city.countryCode}>{cityName(lead.city, language)}</SideBadge>
            </span>
          ))}
        </dd>
        {project.budgets.length > 0 && (
          <>
            <dt>{t('project.budgets')}</dt>
            <dd>{project.budgets.map((b) => b.formatted).join(' · ')}</dd>
          </>
        )}
      </dl>
      <p>
        <Link className="button button--secondary" to={`/case-studies/new?projectId=${project.id}`}>
          {t('project.caseStudy')}
        </Link>
      </p>

      <div className="columns">
        <section aria-labelledby="history-heading">
          <h2 id="history-heading">{t('project.history.title')}</h2>
          <ol className="stage-history" reversed>
            {history.map((change) => (
              <li key={change.id}>
                <strong>
                  {change.fromStage
                    ? t('project.history.moved', { from: t(`stage.${change.fromStage}`), to: t(`stage.${change.toStage}`) })
                    : t('project.history.started', { stage: t(`stage.${change.toStage}`) })}
                </strong>
                <br />
                <small>
                  <Time value={change.at} also={[UK_ZONE, KR_ZONE]} />
                  {change.actor && <> · {t('project.history.by', { name: change.actor.displayName })}</>}
                </small>
                {change.fromStage && change.reason && <p>{change.reason}</p>}
              </li>
            ))}
          </ol>
        </section>
        {canSteer && <ChangeStageForm projectId={project.id} version={project.version} current={project.stage} onDone={reload} />}
      </div>

      <Milestones project={project} canEdit={canEdit && !project.closedAt} onDone={reload} />

      <section aria-labelledby="applications-heading">
        <h2 id="applications-heading">{t('project.applications.title')}</h2>
        {context && applications.length === 0 && <p>{t('project.applications.none')}</p>}
        <ul className="list">
          {applications.map((application) => (
            <li key={application.id}>
              <Link to={`/applications/${application.id}`}>
                <LocalText value={application.title} />
              </Link>{' '}
              <ApplicationStatus status={application.status} />
              <br />
              <small>
                <LocalText value={application.call.title} /> · <Time value={application.updatedAt} />
              </small>
            </li>
          ))}
        </ul>
        {context && (
          <OpenCalls
            headingLevel={3}
            canApply={isLead}
            project={{ id: project.id, stage: project.stage, closed: !!project.closedAt, applications }}
          />
        )}
      </section>
    </div>
  );
}

function ChangeStageForm({ projectId, version, current, onDone }: { projectId: string; version: number; current: Stage; onDone: () => void }) {
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

function Milestones({ project, canEdit, onDone }: { project: ProjectForMilestones; canEdit: boolean; onDone: () => void }) {
  const { t } = useMessages(projectMessages);
  const { t: tForm } = useMessages(formMessages);
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [updated, updateMilestone] = useMutation(UpdateMilestone);

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
                            <span className="visually-hidden">: {milestone.title.en ?? milestone.title.ko}</span>
                          </button>
                        )}
                        <button type="button" className="button button--ghost button--small" aria-expanded={editing === milestone.id} onClick={() => setEditing(editing === milestone.id ? null : milestone.id)}>
                          {tForm('edit')}
                          <span className="visually-hidden">: {milestone.title.en ?? milestone.title.ko}</span>
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
      <ErrorNotice error={updated.error} onRetry={updated.error ? onDone : undefined} />
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
