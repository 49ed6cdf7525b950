import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { fieldProblems, problemOf } from '../../../api/errors';
import { Field } from '../../../components/Field';
import { usePageTitle } from '../../../components/Layout';
import { PageFrame } from '../../../components/PageFrame';
import { SideBadge, StatusBadge } from '../../../components/StatusBadge';
import { Time } from '../../../components/Time';
import type { AdminMembershipFragment, AdminOrganisationQuery, AdminUserRowFragment, OrganisationMemberRole } from '../../../gql/graphql';
import { useDebounced } from '../../../hooks/useDebounced';
import { useMessages } from '../../../i18n';
import { cityName } from '../../../i18n/cities';
import { ConfirmGroup } from '../../../components/Confirm';
import { organisationName } from '../../organisations/shared';
import { AddMember, AdminOrganisation, AdminUsers, RemoveMember, SetEmailDomain, SetMemberRole } from './documents';
import { peopleMessages } from './messages';
import { UserLine } from './PeoplePage';
import { Picker } from './Picker';
import { PAGE, Refusal, useKinds } from './shared';
import { useAnnouncer } from '../../../components/useAnnouncer';

type Data = AdminOrganisationQuery;
type Organisation = Data['organisation'];

/** A domain as the API keeps it: letters, digits and hyphens in dot-separated labels, with a dot at least once. */
const DOMAIN = /^(?!-)[a-z0-9-]{1,63}(\.[a-z0-9-]{1,63})+$/i;

/** /admin/organisations/:id: an organisation, its email domain, its members (add, remove, make managers) and who waits to join. */
export default function OrganisationPage() {
  const { id = '' } = useParams();
  const { t, language } = useMessages(peopleMessages);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: AdminOrganisation, variables: { id }, requestPolicy: 'cache-and-network' });
  usePageTitle(data ? organisationName(data.organisation, language) : t('orgs.title'));
  return (
    <PageFrame
      data={data}
      error={error}
      fetching={fetching}
      onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      back={{ to: '/admin/organisations', label: t('backToOrganisations') }}
      notFound={{ title: t('notFound.organisation'), message: t('notFound.organisationBody'), back: { to: '/admin/organisations', label: t('backToOrganisations') } }}
    >
      {(loaded) => <OrganisationView data={loaded} />}
    </PageFrame>
  );
}

function OrganisationView({ data }: { data: Data }) {
  const { t, language } = useMessages(peopleMessages);
  const organisation = data.organisation;
  const { kindName } = useKinds();
  const { announce: say, line } = useAnnouncer();
  const created = (useLocation().state as { created?: boolean } | null)?.created;
  // A newly added organisation says so once, when its page first opens.
  useEffect(() => {
    if (created) say(t('orgs.created'));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <>
      <h1>{organisationName(organisation, language)}</h1>
      <dl className="admin-facts">
        <dt>{t('orgs.nameEn')}</dt>
        <dd lang="en">{organisation.nameEn}</dd>
        <dt>{t('orgs.nameKo')}</dt>
        <dd lang="ko">{organisation.nameKo}</dd>
        <dt>{t('org.kind')}</dt>
        <dd>{kindName(organisation.kind)}</dd>
        <dt>{t('org.city')}</dt>
        <dd>
          <SideBadge countryCode={organisation.city.countryCode}>{cityName(organisation.city, language)}</SideBadge>
        </dd>
        {organisation.website && (
          <>
            <dt>{t('org.website')}</dt>
            <dd>
              <a href={organisation.website} rel="noreferrer" target="_blank">
                {organisation.website}
              </a>
            </dd>
          </>
        )}
        <dt>{t('org.added')}</dt>
        <dd>
          <Time value={organisation.createdAt} />
        </dd>
      </dl>
      {line}
      <EmailDomain organisation={organisation} onSaved={say} />
      <Members organisation={organisation} onChanged={say} />
      <Waiting requests={data.organisationRequests} />
    </>
  );
}

function EmailDomain({ organisation, onSaved }: { organisation: Organisation; onSaved: (text: string) => void }) {
  const { t } = useMessages(peopleMessages);
  const [domain, setDomain] = useState(organisation.emailDomain ?? '');
  const [tried, setTried] = useState(false);
  const [result, save] = useMutation(SetEmailDomain);
  const value = domain.trim().replace(/^@/, '').toLowerCase();
  const invalid = value !== '' && !DOMAIN.test(value);
  const fromServer = fieldProblems(problemOf(result.error));
  const problem = (tried && invalid) || fromServer.emailDomain ? t('refusal.invalidDomain') : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (invalid) return;
    const { data } = await save({ input: { organisationId: organisation.id, emailDomain: value || null } });
    if (data) onSaved(value ? t('org.domain.saved') : t('org.domain.removed'));
  }

  return (
    <section aria-labelledby="organisation-domain">
      <h2 id="organisation-domain">{t('org.domain.title')}</h2>
      <p>{t('org.domain.intro')}</p>
      {!organisation.emailDomain && <p>{t('org.domain.none')}</p>}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('org.domain.label')} hint={t('org.domain.hint')} value={domain} onChange={(e) => setDomain(e.target.value)} problem={problem} autoComplete="off" />
        {!fromServer.emailDomain && <Refusal error={result.error} />}
        <div>
          <button type="submit" className="button button--primary" disabled={result.fetching}>
            {t('org.domain.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

function Members({ organisation, onChanged }: { organisation: Organisation; onChanged: (text: string) => void }) {
  const { t } = useMessages(peopleMessages);
  const members = (organisation.memberships ?? []).map((m) => m.user);
  const roles = new Map((organisation.memberships ?? []).map((m) => [m.userId, m.role]));
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);
  const [shown, setShown] = useState(PAGE);
  const [added, add] = useMutation(AddMember);
  const [removed, remove] = useMutation(RemoveMember);
  const [roleChanged, changeRole] = useMutation(SetMemberRole);

  async function addMember(user: { id: string; name: string }) {
    const { data } = await add({ input: { organisationId: organisation.id, userId: user.id } });
    if (!data) return;
    setAdding(false);
    onChanged(t('org.members.added', { name: user.name }));
  }

  async function removeMember(user: AdminUserRowFragment) {
    const { data } = await remove({ input: { organisationId: organisation.id, userId: user.id } });
    if (!data) return;
    setRemoving(null);
    onChanged(t('org.members.removed', { name: user.displayName }));
  }

  async function setRole(user: AdminUserRowFragment, role: OrganisationMemberRole) {
    const { data } = await changeRole({ input: { organisationId: organisation.id, userId: user.id, role } });
    if (!data) return;
    onChanged(t(role === 'MANAGER' ? 'org.members.nowManager' : 'org.members.nowMember', { name: user.displayName }));
  }

  return (
    <section aria-labelledby="organisation-members">
      <h2 id="organisation-members">{t('org.members.title')}</h2>
      <p>{t('org.members.rolesIntro')}</p>
      <p>{members.length === 0 ? t('org.members.none') : t('org.members.count', { count: members.length })}</p>
      <Refusal error={added.error} />
      <Refusal error={removed.error} notFound={t('refusal.NOT_MEMBER')} />
      <Refusal error={roleChanged.error} notFound={t('refusal.NOT_MEMBER')} />
      {members.length > 0 && (
        <ul className="list admin-rows" aria-labelledby="organisation-members">
          {members.slice(0, shown).map((member) => (
            <li key={member.id}>
              <div className="admin-member">
                <UserLine user={member} />
                <MemberRole
                  name={member.displayName}
                  role={roles.get(member.id) ?? 'MEMBER'}
                  busy={roleChanged.fetching}
                  onChange={(role) => void setRole(member, role)}
                />
                {removing !== member.id && (
                  <button type="button" className="button button--secondary" aria-label={t('org.members.removeLabel', { name: member.displayName })} onClick={() => setRemoving(member.id)}>
                    {t('org.members.remove')}
                  </button>
                )}
              </div>
              {removing === member.id && (
                <ConfirmGroup
                  label={t('org.members.removeLabel', { name: member.displayName })}
                  confirm={t('org.members.removeConfirm')}
                  confirmClass="button--danger"
                  cancel={t('org.members.keep')}
                  busy={removed.fetching}
                  onConfirm={() => void removeMember(member)}
                  onCancel={() => setRemoving(null)}
                >
                  <p>{t('org.members.removeWarning', { name: member.displayName })}</p>
                </ConfirmGroup>
              )}
            </li>
          ))}
        </ul>
      )}
      {members.length > shown && (
        <p>
          <button type="button" className="button button--secondary" onClick={() => setShown((n) => n + PAGE)}>
            {t('more')}
          </button>
        </p>
      )}
      {adding ? (
        <div className="panel">
          <MemberPicker memberIds={new Set(members.map((m) => m.id))} onPick={(user) => void addMember(user)} />
          <button type="button" className="button button--ghost" onClick={() => setAdding(false)}>
            {t('cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setAdding(true)}>
          {t('org.members.add')}
        </button>
      )}
    </section>
  );
}

/** A member's role in the organisation, and the button that gives them the other one (a change that can be undone, so not confirmed). */
function MemberRole({ name, role, busy, onChange }: { name: string; role: AdminMembershipFragment['role']; busy: boolean; onChange: (role: OrganisationMemberRole) => void }) {
  const { t } = useMessages(peopleMessages);
  const other = role === 'MANAGER' ? 'MEMBER' : 'MANAGER';
  return (
    <span className="admin-row__badges">
      <StatusBadge status={role} kind="admin-member-role">
        {t(`org.members.role.${role}`)}
      </StatusBadge>
      <button
        type="button"
        className="button button--secondary"
        disabled={busy}
        aria-label={t(other === 'MANAGER' ? 'org.members.makeManagerLabel' : 'org.members.makeMemberLabel', { name })}
        onClick={() => onChange(other)}
      >
        {t(other === 'MANAGER' ? 'org.members.makeManager' : 'org.members.makeMember')}
      </button>
    </span>
  );
}

function MemberPicker({ memberIds, onPick }: { memberIds: Set<string>; onPick: (user: { id: string; name: string }) => void }) {
  const { t } = useMessages(peopleMessages);
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 300);
  const [{ data, error }] = useQuery({ query: AdminUsers, variables: { filter: { search: query }, first: 8 }, pause: !query });
  const results = data?.users.nodes.map((u) => ({
    id: u.id,
    name: u.displayName,
    detail: u.email ?? undefined,
    unavailable: memberIds.has(u.id) ? t('org.members.already') : undefined,
  }));
  return (
    <Picker
      label={t('pick.userSearch')}
      search={search}
      onSearch={setSearch}
      query={query}
      results={results}
      error={error}
      pickLabel={(item) => t('org.members.addLabel', { name: item.name })}
      onPick={onPick}
    />
  );
}

function Waiting({ requests }: { requests: Data['organisationRequests'] }) {
  const { t } = useMessages(peopleMessages);
  return (
    <section aria-labelledby="organisation-requests">
      <h2 id="organisation-requests">{t('org.requests.title')}</h2>
      {requests.totalCount === 0 ? (
        <p>{t('org.requests.none')}</p>
      ) : (
        <>
          <p>{t('org.requests.count', { count: requests.totalCount })}</p>
          <ul className="list">
            {requests.nodes.map((r) => (
              <li key={r.id}>
                {r.user.displayName} <span className="admin-row__detail">{r.requesterEmail}</span> · {t('org.requests.asked')} <Time value={r.createdAt} />
              </li>
            ))}
          </ul>
          <p>
            <Link to="/admin/organisation-requests">{t('org.requests.decide')}</Link>
          </p>
        </>
      )}
    </section>
  );
}
