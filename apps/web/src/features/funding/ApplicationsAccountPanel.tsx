import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorNotice, Loading } from '../../components/ErrorNotice';
import { LocalText } from '../../components/LocalText';
import { MoreButton, Paged } from '../../components/Paged';
import { Time } from '../../components/Time';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n';
import { ApplicationStatus } from './ApplicationStatus';
import { fundingMessages } from './messages';
import { OpenCalls } from './OpenCalls';
import '../../components/panels.css';

const AccountApplicationsQuery = graphql(`
  query OfficerAccountApplications($after: String) {
    myWorkspaces {
      id
      myRole
    }
    fundApplications(first: 10, after: $after) {
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        ...ApplicationSummary
      }
    }
  }
`);

/** The account page's officer panel: my seed-fund applications and the calls I could apply to. */
export default function OfficerAccountPanel() {
  const { t } = useMessages(fundingMessages);
  const [{ data }] = useQuery({ query: AccountApplicationsQuery, variables: { after: null } });
  const workspaces = data?.myWorkspaces ?? [];
  if (!workspaces.length) return null;
  const leads = workspaces.some((w) => w.myRole === 'LEAD');
  return (
    <div className="columns">
      <section aria-labelledby="my-applications-heading">
        <h2 id="my-applications-heading">{t('account.applications.title')}</h2>
        <Paged renderPage={(after, isLast, onMore) => <ApplicationsPage key={after ?? 'first'} after={after} isLast={isLast} onMore={onMore} />} />
      </section>
      <OpenCalls canApply={leads} />
    </div>
  );
}

function ApplicationsPage({ after, isLast, onMore }: { after: string | null; isLast: boolean; onMore: (cursor: string) => void }) {
  const { t } = useMessages(fundingMessages);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: AccountApplicationsQuery, variables: { after } });
  const connection = data?.fundApplications;
  return (
    <>
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {fetching && !data && <Loading />}
      {!after && connection && connection.nodes.length === 0 && <p>{t('account.applications.none')}</p>}
      <ul className="list">
        {connection?.nodes.map((application) => (
          <li key={application.id}>
            <Link to={`/applications/${application.id}`}>
              <LocalText value={application.title} />
            </Link>{' '}
            <ApplicationStatus status={application.status} />
            <br />
            <small>
              <LocalText value={application.call.title} /> · {t('account.applications.updated')} <Time value={application.updatedAt} />
            </small>
          </li>
        ))}
      </ul>
      {isLast && (
        <MoreButton pageInfo={connection?.pageInfo} onMore={onMore}>
          {t('account.applications.more')}
        </MoreButton>
      )}
    </>
  );
}
