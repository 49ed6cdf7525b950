import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { fieldProblems, problemOf } from '../../api/errors';
import { ErrorNotice, Loading } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { usePageTitle } from '../../components/Layout';
import { LocalText } from '../../components/LocalText';
import { Time } from '../../components/Time';
import { graphql } from '../../gql';
import { useDraft } from '../../hooks/useDraft';
import { useMessages, type Language } from '../../i18n';
import { KR_ZONE, UK_ZONE, localeOf } from '../../i18n/format';
import { PageProblem } from '../../components/PageProblem';
import { useNow } from '../../hooks/useNow';
import { cityName } from '../../i18n/cities';
import { formMessages } from '../../i18n/forms';
import { OpenCalls } from '../funding/OpenCalls';
import { projectMessages } from '../projects/messages';
import { NewProjectForm } from '../projects/NewProjectForm';
import { twinningMessages } from './messages';
import { ROLES } from './roles';
import '../../components/panels.css';
import { SideBadge } from '../../components/StatusBadge';

const WorkspaceQuery = graphql(`
  query OfficerWorkspace($id: ID!, $now: DateTime!) {
    workspace(id: $id) {
      id
      myRole
      createdAt
      twinning {
        id
        status
        activeSince
        cityA {
          id
          nameEn
          nameKo
          countryCode
          country {
            timeZone
          }
        }
        cityB {
          id
          nameEn
          nameKo
          countryCode
          country {
            timeZone
          }
        }
      }
      timeInCities(at: $now) {
        cityId
        timeZone
        zoneName
        utcOffset
      }
      health {
        activeProjects
        lastActivityAt
        membersPerCity {
          cityId
          leads
          members
        }
      }
      myFollow {
        id
        frequency
        nextDigestAt
      }
      members(first: 100) {
        totalCount
        nodes {
          id
          role
          cityId
          joinedAt
          user {
            id
            displayName
          }
          organisation {
            nameEn
            nameKo
          }
        }
      }
      invitations(first: 50, filter: { pending: true }) {
        totalCount
        nodes {
          id
          email
          role
          status
          expiresAt
        }
      }
      joinRequests(first: 50, filter: { status: PENDING }) {
        totalCount
        nodes {
          id
          cityId
          message
          createdAt
          user {
            id
            displayName
          }
        }
      }
    }
  }
`);

const ProjectsQuery = graphql(`
  query OfficerWorkspaceProjects($id: ID!, $after: String) {
    workspace(id: $id) {
      id
      projects(first: 10, after: $after) {
        totalCount
        pageInfo {
          endCursor
          hasNextPage
        }
        nodes {
          id
          title {
            en
            ko
          }
          stage
          type
          closedAt
          updatedAt
          leads {
            city {
              id
            }
            user {
              id
              displayName
            }
          }
        }
      }
    }
  }
`);

const ActivityQuery = graphql(`
  query OfficerWorkspaceActivity($id: ID!, $after: String) {
    workspace(id: $id) {
      id
      activity(first: 10, after: $after) {
        pageInfo {
          endCursor
          hasNextPage
        }
        nodes {
          id
          at
          actorName
          verb
          objectType
          objectId
          summary {
            en
            ko
          }
        }
      }
    }
  }
`);

const InviteToWorkspace = graphql(`
  mutation OfficerInviteToWorkspace($input: InviteToWorkspaceInput!) {
    inviteToWorkspace(input: $input) {
      id
      email
      role
      status
      expiresAt
    }
  }
`);

const RevokeInvitation = graphql(`
  mutation OfficerRevokeWorkspaceInvitation($id: ID!) {
    revokeWorkspaceInvitation(id: $id) {
      id
      status
    }
  }
`);

const DecideJoinRequest = graphql(`
  mutation OfficerDecideJoinRequest($input: DecideJoinRequestInput!) {
    decideJoinRequest(input: $input) {
      id
      status
    }
  }
`);

const FollowWorkspace = graphql(`
  mutation OfficerFollowWorkspace($workspaceId: ID!, $frequency: DigestFrequency!) {
    followWorkspace(workspaceId: $workspaceId, frequency: $frequency) {
      id
      frequency
      nextDigestAt
    }
  }
`);

const UnfollowWorkspace = graphql(`
  mutation OfficerUnfollowWorkspace($workspaceId: ID!) {
    unfollowWorkspace(workspaceId: $workspaceId)
  }
`);

type City = { id: string; nameEn: string; nameKo: string; countryCode: string; country: { timeZone: string } };

const sideClass = (countryCode: string) => (countryCode === 'KR' ? 'kr' : countryCode === 'GB' ? 'uk' : '');

export default function WorkspacePage() {
  const { id = '' } = useParams();
  const { t, language } = useMessages(twinningMessages);
  const { t: tForm } = useMessages(formMessages);
  const [now] = useState(() => new Date().toISOString());
  const [{ data, error, fetching }, reexecute] = useQuery({ query: WorkspaceQuery, variables: { id, now } });
  const [refresh, setRefresh] = useState(0);
  const workspace = data?.workspace;
  const title = workspace
    ? t('workspace.title', { a: cityName(workspace.twinning.cityA, language), b: cityName(workspace.twinning.cityB, language) })
    : '';
  usePageTitle(title);

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
                      <td>{t(`role.${member.role}`)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
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
                    {t('workspace.health.members', {
                      city: cityName(cities.find((c) => c.id === count.cityId), language),
                      leads: count.leads,
                      members: count.members,
                    })}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {workspace.myRole && <FollowPanel workspaceId={workspace.id} follow={workspace.myFollow ?? null} />}
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

/** Pages of a list shown one after another; "Show more" asks for the page after the last one's endCursor. */
function Paged({ renderPage }: { renderPage: (after: string | null, isLast: boolean, onMore: (cursor: string) => void) => ReactNode }) {
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  return <>{cursors.map((after, index) => renderPage(after, index === cursors.length - 1, (cursor) => setCursors((all) => (all.includes(cursor) ? all : [...all, cursor]))))}</>;
}

function CityClocks({ cities, zones }: { cities: City[]; zones: Array<{ cityId?: string | null; timeZone: string; zoneName: string; utcOffset: string }> }) {
  const { t, language } = useMessages(twinningMessages);
  const now = new Date(useNow(15_000));
  return (
    <ul className="city-clocks">
      {cities.map((city) => {
        const zone = zones.find((z) => z.cityId === city.id);
        const timeZone = zone?.timeZone ?? city.country.timeZone;
        return (
          <li key={city.id} className={`side--${sideClass(city.countryCode)}`}>
            <strong>{cityName(city, language)}</strong>
            <span className="visually-hidden">{t('cities.now')}</span>
            <time className="clock" dateTime={now.toISOString()}>
              {clockText(now, timeZone, language)}
            </time>
            <small>
              {dateText(now, timeZone, language)} · {t('cities.zone', { zone: zone?.zoneName ?? timeZone, offset: zone?.utcOffset ?? '' })}
            </small>
          </li>
        );
      })}
    </ul>
  );
}

const clockText = (now: Date, timeZone: string, language: Language) =>
  new Intl.DateTimeFormat(localeOf(language), { hour: '2-digit', minute: '2-digit', timeZone }).format(now);
const dateText = (now: Date, timeZone: string, language: Language) =>
  new Intl.DateTimeFormat(localeOf(language), { weekday: 'long', day: 'numeric', month: 'long', timeZone }).format(now);

function ProjectsPage({ id, after, isLast, onMore, cities }: { id: string; after: string | null; isLast: boolean; onMore: (cursor: string) => void; cities: City[] }) {
  const { t, language } = useMessages(twinningMessages);
  const { t: tProject } = useMessages(projectMessages);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: ProjectsQuery, variables: { id, after } });
  const connection = data?.workspace.projects;
  return (
    <>
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {fetching && !data && <Loading />}
      {!after && connection && connection.nodes.length === 0 && <p>{t('workspace.projects.none')}</p>}
      <ul className="list">
        {connection?.nodes.map((project) => (
          <li key={project.id}>
            <Link to={`/projects/${project.id}`}>
              <LocalText value={project.title} />
            </Link>{' '}
            <span className="badge">{tProject(`stage.${project.stage}`)}</span> <span className="badge">{tProject(`type.${project.type}`)}</span>
            <br />
            <small>
              {t('workspace.projects.leads')}:{' '}
              {project.leads.map((lead) => `${lead.user.displayName} (${cityName(cities.find((c) => c.id === lead.city.id), language)})`).join(', ')} ·{' '}
              {t('workspace.projects.updated')} <Time value={project.updatedAt} />
            </small>
          </li>
        ))}
      </ul>
      {isLast && connection?.pageInfo.hasNextPage && connection.pageInfo.endCursor && (
        <button type="button" className="button button--secondary" onClick={() => onMore(connection.pageInfo.endCursor!)}>
          {t('workspace.projects.more')}
        </button>
      )}
    </>
  );
}

function ActivityPage({ id, after, isLast, onMore }: { id: string; after: string | null; isLast: boolean; onMore: (cursor: string) => void }) {
  const { t } = useMessages(twinningMessages);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: ActivityQuery, variables: { id, after } });
  const connection = data?.workspace.activity;
  const linkOf = (entry: { objectType: string; objectId: string }) => (entry.objectType === 'PROJECT' ? `/projects/${entry.objectId}` : null);
  return (
    <>
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {fetching && !data && <Loading />}
      {!after && connection && connection.nodes.length === 0 && <p>{t('workspace.feed.none')}</p>}
      <ol className="feed" aria-label={after ? undefined : t('workspace.feed.title')}>
        {connection?.nodes.map((entry) => {
          const link = linkOf(entry);
          return (
            <li key={entry.id}>
              {link ? (
                <Link to={link}>
                  <LocalText value={entry.summary} />
                </Link>
              ) : (
                <LocalText value={entry.summary} />
              )}
              <small>
                <Time value={entry.at} also={[UK_ZONE, KR_ZONE]} />
              </small>
            </li>
          );
        })}
      </ol>
      {isLast && connection?.pageInfo.hasNextPage && connection.pageInfo.endCursor && (
        <button type="button" className="button button--secondary" onClick={() => onMore(connection.pageInfo.endCursor!)}>
          {t('workspace.feed.more')}
        </button>
      )}
    </>
  );
}

const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());

function InviteForm({ workspaceId, onDone }: { workspaceId: string; onDone: () => void }) {
  const { t } = useMessages(twinningMessages);
  const { t: tForm } = useMessages(formMessages);
  const [draft, update, clear] = useDraft(`officer.invite.${workspaceId}`, { email: '', role: 'MEMBER' as (typeof ROLES)[number] });
  const [touched, setTouched] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [result, invite] = useMutation(InviteToWorkspace);
  const server = fieldProblems(problemOf(result.error));
  const emailProblem = touched && !looksLikeEmail(draft.email) ? tForm('validation.email') : (server.email ?? null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    setSentTo(null);
    if (!looksLikeEmail(draft.email)) return;
    const { data } = await invite({ input: { workspaceId, email: draft.email.trim(), role: draft.role } });
    if (data) {
      setSentTo(data.inviteToWorkspace.email);
      setTouched(false);
      clear();
      onDone();
    }
  }

  return (
    <form className="form panel officer-form" onSubmit={submit} noValidate aria-labelledby="invite-heading">
      <h3 id="invite-heading">{t('workspace.invite.title')}</h3>
      <p className="field__hint">{t('workspace.invite.intro')}</p>
      <Field
        label={t('workspace.invite.email')}
        type="email"
        autoComplete="off"
        value={draft.email}
        onChange={(e) => update({ email: e.target.value })}
        onBlur={() => draft.email && setTouched(true)}
        problem={emailProblem}
      />
      <Field
        label={t('workspace.invite.role')}
        render={(control) => (
          <select {...control} value={draft.role} onChange={(e) => update({ role: e.target.value as (typeof ROLES)[number] })}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </select>
        )}
      />
      <ErrorNotice error={result.error} />
      <div>
        <button type="submit" className="button button--primary" disabled={result.fetching}>
          {t('workspace.invite.submit')}
        </button>
      </div>
      <p role="status" className="form__status">
        {sentTo ? t('workspace.invite.sent', { email: sentTo }) : ''}
      </p>
    </form>
  );
}

function Invitations({ invitations, onDone }: { invitations: Array<{ id: string; email: string; role: string; expiresAt: string }>; onDone: () => void }) {
  const { t } = useMessages(twinningMessages);
  const [result, revoke] = useMutation(RevokeInvitation);
  const [status, setStatus] = useState('');
  return (
    <section aria-labelledby="invitations-heading">
      <h3 id="invitations-heading">{t('workspace.invitations.title')}</h3>
      <ErrorNotice error={result.error} />
      {invitations.length === 0 ? (
        <p>{t('workspace.invitations.none')}</p>
      ) : (
        <ul className="list">
          {invitations.map((invitation) => (
            <li key={invitation.id}>
              <strong>{invitation.email}</strong> <span className="badge">{t(`role.${invitation.role}` as 'role.LEAD')}</span>
              <br />
              <small>
                {t('workspace.invitations.expires')}: <Time value={invitation.expiresAt} />
              </small>
              <div>
                <button
                  type="button"
                  className="button button--ghost button--small"
                  disabled={result.fetching}
                  onClick={async () => {
                    const { data } = await revoke({ id: invitation.id });
                    if (data) {
                      setStatus(t('workspace.invitations.revoked', { email: invitation.email }));
                      onDone();
                    }
                  }}
                >
                  {t('workspace.invitations.revoke')}
                  <span className="visually-hidden">: {invitation.email}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <p role="status" className="form__status">
        {status}
      </p>
    </section>
  );
}

function JoinRequests({
  requests,
  cities,
  onDone,
}: {
  requests: Array<{ id: string; cityId: string; message: string; createdAt: string; user: { displayName: string } }>;
  cities: City[];
  onDone: () => void;
}) {
  const { t, language } = useMessages(twinningMessages);
  const [result, decide] = useMutation(DecideJoinRequest);
  const [roles, setRoles] = useState<Record<string, string>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  async function act(id: string, approve: boolean) {
    const reason = reasons[id]?.trim();
    const { data } = await decide({
      input: { id, approve, role: approve ? ((roles[id] ?? 'MEMBER') as (typeof ROLES)[number]) : undefined, reason: reason || undefined },
    });
    if (data) {
      setStatus(approve ? t('workspace.joinRequests.approved') : t('workspace.joinRequests.declined'));
      onDone();
    }
  }
  return (
    <section aria-labelledby="join-heading">
      <h3 id="join-heading">{t('workspace.joinRequests.title')}</h3>
      <ErrorNotice error={result.error} />
      {requests.length === 0 ? (
        <p>{t('workspace.joinRequests.none')}</p>
      ) : (
        <ul className="list">
          {requests.map((request) => (
            <li key={request.id}>
              <strong>{request.user.displayName}</strong> ·{' '}
              {t('workspace.joinRequests.from', { city: cityName(cities.find((c) => c.id === request.cityId), language) })} ·{' '}
              <Time value={request.createdAt} />
              <p>{request.message}</p>
              <div className="inline-form">
                <Field
                  label={t('workspace.joinRequests.role')}
                  render={(control) => (
                    <select {...control} value={roles[request.id] ?? 'MEMBER'} onChange={(e) => setRoles({ ...roles, [request.id]: e.target.value })}>
                      {ROLES.map((role) => (
                        <option key={role} value={role}>
                          {t(`role.${role}`)}
                        </option>
                      ))}
                    </select>
                  )}
                />
                <Field label={t('workspace.joinRequests.reason')} value={reasons[request.id] ?? ''} onChange={(e) => setReasons({ ...reasons, [request.id]: e.target.value })} />
                <div className="row-actions">
                  <button type="button" className="button button--primary" disabled={result.fetching} onClick={() => void act(request.id, true)}>
                    {t('workspace.joinRequests.approve')}
                  </button>
                  <button type="button" className="button button--ghost" disabled={result.fetching} onClick={() => void act(request.id, false)}>
                    {t('workspace.joinRequests.decline')}
                  </button>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      <p role="status" className="form__status">
        {status}
      </p>
    </section>
  );
}

function FollowPanel({ workspaceId, follow }: { workspaceId: string; follow: { frequency: string; nextDigestAt: string } | null }) {
  const { t } = useMessages(twinningMessages);
  const [frequency, setFrequency] = useState<'DAILY' | 'WEEKLY'>((follow?.frequency as 'DAILY' | 'WEEKLY') ?? 'WEEKLY');
  const [followed, followWorkspace] = useMutation(FollowWorkspace);
  const [unfollowed, unfollowWorkspace] = useMutation(UnfollowWorkspace);
  // What this page last did, over what the workspace query said.
  const [override, setOverride] = useState<{ value: { frequency: string; nextDigestAt: string } | null } | null>(null);
  const current = override ? override.value : follow;
  const setCurrent = (value: { frequency: string; nextDigestAt: string } | null) => setOverride({ value });
  const [status, setStatus] = useState('');
  const busy = followed.fetching || unfollowed.fetching;
  return (
    <section aria-labelledby="follow-heading" className="panel">
      <h2 id="follow-heading">{t('workspace.follow.title')}</h2>
      {current ? (
        <p>
          {t('workspace.follow.following', { frequency: t(`frequency.${current.frequency}` as 'frequency.DAILY') })} <Time value={current.nextDigestAt} />
        </p>
      ) : (
        <p>{t('workspace.follow.notFollowing')}</p>
      )}
      <div className="inline-form">
        <Field
          label={t('workspace.follow.frequency')}
          render={(control) => (
            <select {...control} value={frequency} onChange={(e) => setFrequency(e.target.value as 'DAILY' | 'WEEKLY')}>
              <option value="WEEKLY">{t('frequency.WEEKLY')}</option>
              <option value="DAILY">{t('frequency.DAILY')}</option>
            </select>
          )}
        />
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={async () => {
            const { data } = await followWorkspace({ workspaceId, frequency });
            if (data) {
              setCurrent(data.followWorkspace);
              setStatus(t('workspace.follow.followedStatus'));
            }
          }}
        >
          {current ? t('workspace.follow.change') : t('workspace.follow.follow')}
        </button>
        {current && (
          <button
            type="button"
            className="button button--ghost"
            disabled={busy}
            onClick={async () => {
              const { data } = await unfollowWorkspace({ workspaceId });
              if (data) {
                setCurrent(null);
                setStatus(t('workspace.follow.unfollowedStatus'));
              }
            }}
          >
            {t('workspace.follow.unfollow')}
          </button>
        )}
      </div>
      <ErrorNotice error={followed.error ?? unfollowed.error} />
      <p role="status" className="form__status">
        {status}
      </p>
    </section>
  );
}
