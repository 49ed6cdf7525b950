import { useState } from 'react';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { ErrorNotice, Loading } from '../../components/ErrorNotice';
import { usePageTitle } from '../../components/Layout';
import { Time } from '../../components/Time';
import { useMessages } from '../../i18n';
import { PageProblem } from '../../components/PageProblem';
import { cityName } from '../../i18n/cities';
import { formMessages } from '../../i18n/forms';
import { OpenCalls } from '../funding/OpenCalls';
import { NewProjectForm } from '../projects/NewProjectForm';
import { twinningMessages } from './messages';
import '../../components/panels.css';
import { SideBadge } from '../../components/StatusBadge';
import { Paged } from '../../components/Paged';
import { WorkspaceQuery } from './documents';
import { CityClocks } from './CityClocks';
import { FollowPanel } from './FollowPanel';
import { InviteForm, Invitations, JoinRequests } from './MembersPanel';
import { ActivityPage, ProjectsPage } from './WorkspaceLists';
import { LeaveWorkspacePanel, LeftWorkspace, MemberActions } from './MemberActions';
import { useAuth } from '../../auth/AuthProvider';

export default function WorkspacePage() {
  const { id = '' } = useParams();
  const { t, language } = useMessages(twinningMessages);
  const { t: tForm } = useMessages(formMessages);
  const [now] = useState(() => new Date().toISOString());
  const [{ data, error, fetching }, reexecute] = useQuery({ query: WorkspaceQuery, variables: { id, now } });
  const [refresh, setRefresh] = useState(0);
  const { user } = useAuth();
  const [done, setDone] = useState('');
  const [left, setLeft] = useState(false);
  const workspace = data?.workspace;
  const title = workspace
    ? t('workspace.title', { a: cityName(workspace.twinning.cityA, language), b: cityName(workspace.twinning.cityB, language) })
    : '';
  usePageTitle(title);

  if (left && workspace) {
    return (
      <div className="page">
        <h1>{title}</h1>
        <LeftWorkspace twinningId={workspace.twinning.id} />
      </div>
    );
  }
  if (error && !workspace) return <PageProblem error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!workspace) return fetching ? <Loading /> : null;

  const { cityA, cityB } = workspace.twinning;
  const cities = [cityA, cityB];
  const isLead = workspace.myRole === 'LEAD';
  const canWork = workspace.myRole === 'LEAD' || workspace.myRole === 'MEMBER';
  const reload = () => {
    reexecute({ requestPolicy: 'network-only' });
    setRefresh((n) => n + 1);
  };
  const afterMemberAction = (message: string) => {
    setDone(message);
    reload();
  };
  const me = workspace.members?.nodes.find((m) => m.user.id === user?.id);
  const myCity = cities.find((c) => c.id === me?.cityId);
  const onlyLeadOfCity = me?.role === 'LEAD' && workspace.health?.membersPerCity.find((c) => c.cityId === me.cityId)?.leads === 1;

  return (
    <div className="page">
      <h1>{title}</h1>
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      <dl className="meta">
        <dt>{tForm('status')}</dt>
        <dd>{t(`workspace.twinningStatus.${workspace.twinning.status}`)}</dd>
        {workspace.twinning.activeSince && (
          <>
            <dt>{t('workspace.twinnedSince')}</dt>
            <dd>
              <Time value={workspace.twinning.activeSince} />
            </dd>
          </>
        )}
        {workspace.myRole && (
          <>
            <dt>{t('workspace.yourRole')}</dt>
            <dd>{t(`role.${workspace.myRole}`)}</dd>
          </>
        )}
      </dl>

      <section aria-labelledby="cities-heading">
        <h2 id="cities-heading">{t('cities.title')}</h2>
        <CityClocks cities={cities} zones={workspace.timeInCities ?? []} />
      </section>

      <div className="columns">
        <section aria-labelledby="members-heading">
          <h2 id="members-heading">
            {t('workspace.members.title')} <small>({t('workspace.members.count', { count: workspace.members?.totalCount ?? 0 })})</small>
          </h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('workspace.members.name')}</th>
                  <th scope="col">{t('workspace.members.city')}</th>
                  <th scope="col">{t('workspace.members.role')}</th>
                  {isLead && <th scope="col">{t('workspace.members.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {workspace.members?.nodes.map((member) => {
                  const city = cities.find((c) => c.id === member.cityId);
                  return (
                    <tr key={member.id}>
                      <td>
                        {member.user.displayName}
                        {member.organisation && (
                          <>
                            <br />
                            <small>{language === 'ko' ? member.organisation.nameKo : member.organisation.nameEn}</small>
                          </>
                        )}
                      </td>
                      <td>
                        <SideBadge countryCode={city?.countryCode ?? ''}>{cityName(city, language)}</SideBadge>
                      </td>
                      <td>
                        {t(`role.${member.role}`)} {member.user.id === user?.id && t('workspace.members.you')}
                      </td>
                      {isLead && (
                        <td>
                          {member.user.id !== user?.id && <MemberActions workspaceId={workspace.id} member={member} cities={cities} onDone={afterMemberAction} />}
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p role="status" className="form__status">
            {done}
          </p>
          {isLead && <InviteForm workspaceId={workspace.id} onDone={reload} />}
          {workspace.invitations && <Invitations invitations={workspace.invitations.nodes} onDone={reload} />}
          {workspace.joinRequests && <JoinRequests requests={workspace.joinRequests.nodes} cities={cities} onDone={reload} />}
        </section>

        <div>
          {workspace.health && (
            <section aria-labelledby="health-heading">
              <h2 id="health-heading">{t('workspace.health.title')}</h2>
              <dl className="meta">
                <dt>{t('workspace.health.activeProjects')}</dt>
                <dd>{workspace.health.activeProjects}</dd>
                <dt>{t('workspace.health.lastActivity')}</dt>
                <dd>
                  <Time value={workspace.health.lastActivityAt} />
                </dd>
              </dl>
              <ul className="list">
                {workspace.health.membersPerCity.map((count) => (
                  <li key={count.cityId}>
                    {t('workspace.health.people', {
                      city: cityName(cities.find((c) => c.id === count.cityId), language),
                      count: count.members,
                      leads: t('workspace.health.leads', { count: count.leads }),
                    })}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {workspace.myRole && <FollowPanel workspaceId={workspace.id} follow={workspace.myFollow ?? null} />}
          {workspace.myRole && <LeaveWorkspacePanel workspaceId={workspace.id} myCity={myCity} onlyLeadOfCity={!!onlyLeadOfCity} cities={cities} onLeft={() => setLeft(true)} />}
        </div>
      </div>


      <section aria-labelledby="projects-heading">
        <h2 id="projects-heading">{t('workspace.projects.title')}</h2>
        <Paged
          key={`projects-${refresh}`}
          renderPage={(after, isLast, onMore) => <ProjectsPage key={after ?? 'first'} id={workspace.id} after={after} isLast={isLast} onMore={onMore} cities={cities} />}
        />
        {canWork && (
          <NewProjectForm
            workspaceId={workspace.id}
            cities={cities}
            members={workspace.members?.nodes ?? []}
            onCreated={reload}
          />
        )}
      </section>

      <OpenCalls canApply={isLead} />

      <section aria-labelledby="feed-heading">
        <h2 id="feed-heading">{t('workspace.feed.title')}</h2>
        <Paged
          key={`feed-${refresh}`}
          renderPage={(after, isLast, onMore) => <ActivityPage key={after ?? 'first'} id={workspace.id} after={after} isLast={isLast} onMore={onMore} />}
        />
      </section>
    </div>
  );
}
