import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { ErrorNotice, Loading } from '../../components/ErrorNotice';
import { usePageTitle } from '../../components/Layout';
import { LocalText } from '../../components/LocalText';
import { useMessages } from '../../i18n';
import { pickText } from '../../i18n/format';
import { PageProblem } from '../../components/PageProblem';
import { ApplicationStatus } from './ApplicationStatus';
import { fundingMessages } from './messages';
import { ApplicationContextQuery, ApplicationQuery, sidesOf, WithdrawApplication, type Side } from './documents';
import { ApplicationForm } from './ApplicationForm';
import { ApplicationDecision, ReasonAction } from './ApplicationDecision';
import { ApplicationReadOnly } from './ApplicationReadOnly';
import { Deadline } from './Deadline';
import { ApplicationHistory } from './ApplicationHistory';
import '../../components/panels.css';

export default function ApplicationPage() {
  const { id = '' } = useParams();
  const { t, language } = useMessages(fundingMessages);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: ApplicationQuery, variables: { id } });
  const application = data?.fundApplication;
  const [{ data: context, error: contextError }, reexecuteContext] = useQuery({
    query: ApplicationContextQuery,
    variables: { workspaceId: application?.workspaceId ?? '', projectId: application?.projectId ?? '', applicationId: id },
    pause: !application,
  });
  const [status, setStatus] = useState('');
  usePageTitle(application ? pickText(application.title, language).text : t('application.title'));

  if (error && !application) return <PageProblem error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!application) return fetching ? <Loading /> : null;

  const reload = () => {
    reexecute({ requestPolicy: 'network-only' });
    reexecuteContext({ requestPolicy: 'network-only' });
  };
  const twinning = context?.workspace.twinning;
  const sides: Side[] = twinning ? sidesOf([twinning.cityA, twinning.cityB]) : [];
  const isLead = context?.workspace.myRole === 'LEAD';
  const editable = application.status === 'DRAFT' && isLead;

  return (
    <div className="page">
      <p>
        {context && (
          <>
            <Link to={`/projects/${application.projectId}`}>
              {t('application.project')}: <LocalText value={context.project.title} />
            </Link>{' '}
            · <Link to={`/workspaces/${application.workspaceId}`}>{t('application.workspace')}</Link>
          </>
        )}
      </p>
      <h1>
        <LocalText value={application.title} /> <ApplicationStatus status={application.status} />
      </h1>
      <ErrorNotice error={error ?? contextError} onRetry={reload} />
      <Deadline call={application.call} />
      <details className="panel">
        <summary>{t('application.guidance')}</summary>
        <LocalText value={application.call.title} as="h2" />
        <LocalText value={application.call.guidance} as="p" />
      </details>
      <p role="status" className="notice notice--success" hidden={!status}>
        {status}
      </p>

      {!context ? (
        <Loading />
      ) : editable ? (
        <ApplicationForm key={application.id} application={application} sides={sides} project={context.project} onSaved={reload} onSubmitted={() => setStatus(t('application.form.submitted'))} />
      ) : (
        <>
          <p className="notice notice--info">{application.status === 'DRAFT' ? t('application.notLead') : t('application.readOnly')}</p>
          <ApplicationReadOnly application={application} sides={sides} />
        </>
      )}

      {context && (
        <ApplicationDecision
          application={application}
          decisions={context.fundingDecisions.nodes}
          canAct={isLead}
          onDone={(message) => {
            setStatus(message);
            reload();
          }}
        />
      )}
      {isLead && application.nextSteps.includes('withdraw') && (
        <ReasonAction
          heading={t('application.withdraw.title')}
          label={t('application.withdraw.reason')}
          button={t('application.withdraw.submit')}
          danger
          mutation={WithdrawApplication}
          applicationId={application.id}
          onDone={() => {
            setStatus(t('application.withdraw.done'));
            reload();
          }}
        />
      )}
      <ApplicationHistory steps={application.transitions} heading={t('application.history')} />
    </div>
  );
}
