import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorNotice, Loading } from '../../components/ErrorNotice';
import { LocalText } from '../../components/LocalText';
import { Time } from '../../components/Time';
import { graphql } from '../../gql';
import type { ProjectStage } from '../../gql/graphql';
import { useMessages } from '../../i18n';
import { KR_ZONE, UK_ZONE } from '../../i18n/format';
import { projectMessages } from '../projects/messages';
import { moneyText } from '../../i18n/money';
import { fundingMessages } from './messages';

const OpenCallsQuery = graphql(`
  query OfficerOpenCalls {
    fundCalls(open: true, first: 20) {
      nodes {
        id
        title {
          en
          ko
        }
        closesAt
        allowedStages
        maxAward {
          ...Amount
        }
      }
    }
  }
`);

/**
 * Calls taking submissions now. With a project: apply with it (or open its
 * application to that call); without: start an application and choose a project.
 */
export function OpenCalls({
  headingLevel = 2,
  project,
  canApply,
}: {
  headingLevel?: 2 | 3;
  project?: { id: string; stage: string; closed: boolean; applications: Array<{ id: string; callId: string; status: string }> };
  canApply: boolean;
}) {
  const { t, language } = useMessages(fundingMessages);
  const { t: tProject } = useMessages(projectMessages);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: OpenCallsQuery });
  const Heading = `h${headingLevel}` as const;
  const calls = data?.fundCalls.nodes ?? [];
  return (
    <section aria-labelledby="open-calls-heading">
      <Heading id="open-calls-heading">{t('calls.title')}</Heading>
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {fetching && !data && <Loading />}
      {data && calls.length === 0 && <p>{t('calls.none')}</p>}
      <ul className="list">
        {calls.map((call) => {
          const existing = project?.applications.find((a) => a.callId === call.id && a.status !== 'WITHDRAWN');
          const stageAllowed = !project || call.allowedStages.includes(project.stage as never);
          return (
            <li key={call.id}>
              <LocalText value={call.title} as="h3" />
              <CallFacts closesAt={call.closesAt} maxAward={moneyText(call.maxAward, language)} allowedStages={call.allowedStages} />
              {existing ? (
                <Link to={`/applications/${existing.id}`}>{t('calls.already')}</Link>
              ) : !canApply ? (
                <p className="muted">{t('calls.leadsOnly')}</p>
              ) : project && !stageAllowed ? (
                <p className="muted">{t('calls.needStage', { stage: tProject(`stage.${project.stage}` as 'stage.DISCOVERY') })}</p>
              ) : project && project.closed ? null : (
                <Link className="button button--secondary" to={`/applications/new?callId=${call.id}${project ? `&projectId=${project.id}` : ''}`}>
                  {project ? t('calls.apply') : t('calls.applyChoose')}
                </Link>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** What applicants read of a call among the open calls: its close in both countries' zones, the largest award, the stages that may apply. */
export function CallFacts({ closesAt, maxAward, allowedStages }: { closesAt: string; maxAward: string; allowedStages: readonly ProjectStage[] }) {
  const { t } = useMessages(fundingMessages);
  const { t: tProject } = useMessages(projectMessages);
  return (
    <dl className="meta">
      <dt>{t('calls.closes')}</dt>
      <dd>
        <Time value={closesAt} also={[UK_ZONE, KR_ZONE]} />
      </dd>
      <dt>{t('calls.maxAward')}</dt>
      <dd>{maxAward}</dd>
      <dt>{t('calls.stages')}</dt>
      <dd>{allowedStages.map((s) => tProject(`stage.${s}`)).join(', ')}</dd>
    </dl>
  );
}
