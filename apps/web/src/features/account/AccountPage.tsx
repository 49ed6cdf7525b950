import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorNotice, Loading } from '../../components/ErrorNotice';
import { usePageTitle } from '../../components/Layout';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n';
import { accountMessages } from './messages';
import { ChangePasswordForm } from './ChangePasswordForm';
import OfficerAccountPanel from '../funding/ApplicationsAccountPanel';
import { AccountCaseStudiesPanel } from '../knowledge/AccountCaseStudiesPanel';
import { BoardAccountPanel } from '../board/BoardAccountPanel';
import { EventsAccountPanel } from '../events/EventsAccountPanel';
import { OrganisationPanel } from '../organisations/OrganisationPanel';
import { ProfileForm } from './ProfileForm';
import { SessionsPanel } from './SessionsPanel';

const AccountQuery = graphql(`
  query Account {
    me {
      id
      nameAsWritten
      nameEn
      nameKo
      timeZone
      organisations {
        id
      }
    }
    myWorkspaces {
      ...WorkspaceCities
    }
    mySessions {
      id
      current
      createdAt
      lastUsedAt
      userAgent
    }
  }
`);

export default function AccountPage() {
  const { t, language } = useMessages(accountMessages);
  usePageTitle(t('title'));
  const [{ data, error, fetching }, reexecute] = useQuery({ query: AccountQuery });
  // Someone who belongs to no organisation yet meets that panel first: little else works until they do.
  const noOrganisation = !!data && data.me.organisations.length === 0;

  return (
    <div className="page">
      <h1>{t('title')}</h1>
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {fetching && !data && <Loading />}
      {noOrganisation && <OrganisationPanel />}
      <div className="columns">
        <section>
          <h2>{t('profile.title')}</h2>
          {data && <ProfileForm profile={data.me} />}
        </section>
        <section>
          <h2>{t('workspaces.title')}</h2>
          {data && data.myWorkspaces.length === 0 && <p>{t('workspaces.none')}</p>}
          <ul className="list">
            {data?.myWorkspaces.map((workspace) => (
              <li key={workspace.id}>
                <Link to={`/workspaces/${workspace.id}`}>
                  {language === 'ko'
                    ? `${workspace.twinning.cityA.nameKo} · ${workspace.twinning.cityB.nameKo}`
                    : `${workspace.twinning.cityA.nameEn} · ${workspace.twinning.cityB.nameEn}`}
                </Link>{' '}
                {workspace.myRole && <span className="badge">{t(`workspaces.role.${workspace.myRole}`)}</span>}
              </li>
            ))}
          </ul>
        </section>
      </div>
      {/* account panels: organisations */}
      {data && !noOrganisation && <OrganisationPanel />}
      {/* account panels: officer */}
      <OfficerAccountPanel />
      {/* account panels: board */}
      <BoardAccountPanel />
      {/* account panels: case studies */}
      <AccountCaseStudiesPanel />
      {/* account panels: events */}
      <EventsAccountPanel />
      <section>
        <ChangePasswordForm />
      </section>
      <SessionsPanel sessions={data?.mySessions ?? []} onChanged={() => reexecute({ requestPolicy: 'network-only' })} />
    </div>
  );
}
