import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useAuth } from '../../auth/AuthProvider';
import { ErrorNotice, Loading } from '../../components/ErrorNotice';
import { usePageTitle } from '../../components/Layout';
import { LocalText } from '../../components/LocalText';
import { CalendarDate, Time } from '../../components/Time';
import { useMessages } from '../../i18n';
import { KR_ZONE, pickText, UK_ZONE } from '../../i18n/format';
import { PageProblem } from '../../components/PageProblem';
import { useSectorNames } from '../../hooks/useSectorNames';
import { cityName } from '../../i18n/cities';
import { ApplicationStatus } from '../funding/ApplicationStatus';
import { OpenCalls } from '../funding/OpenCalls';
import { projectMessages } from './messages';
import { SideBadge } from '../../components/StatusBadge';
import { ProjectContextQuery, ProjectQuery } from './documents';
import { ChangeStageForm } from './ChangeStageForm';
import { Milestones } from './Milestones';
import { CloseOrReopen, EditProjectForm, PublishSummary } from './ProjectActions';
import '../../components/panels.css';
import { moneyText } from '../../i18n/money';

export default function ProjectPage() {
  const { id = '' } = useParams();
  const { t, language } = useMessages(projectMessages);
  const { user } = useAuth();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: ProjectQuery, variables: { id } });
  const project = data?.project;
  const [{ data: context }, reexecuteContext] = useQuery({ query: ProjectContextQuery, variables: { workspaceId: project?.workspaceId ?? '' }, pause: !project });
  const sectorName = useSectorNames(language);
  usePageTitle(project ? pickText(project.title, language).text : '');
  const [done, setDone] = useState('');

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
  const steers = isLead || (role === 'MEMBER' && isProjectLead);
  const canSteer = !project.closedAt && steers;
  const afterAction = (message: string) => {
    setDone(message);
    reload();
  };
  const applications = (context?.fundApplications.nodes ?? []).filter((a) => a.projectId === project.id);
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
            <dd>{moneyText(project.budgets, language)}</dd>
          </>
        )}
      </dl>
      <p role="status" className="form__status">
        {done}
      </p>
      {canEdit && !project.closedAt && <EditProjectForm key={project.version} project={project} onDone={afterAction} />}
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

      {(steers || isLead) && (
        <div className="columns">
          {steers && <CloseOrReopen project={project} onDone={afterAction} />}
          {isLead && <PublishSummary project={project} onDone={afterAction} />}
        </div>
      )}

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
