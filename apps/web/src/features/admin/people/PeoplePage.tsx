import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorNotice, Loading } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { usePageTitle } from '../../../components/Layout';
import { MoreButton, Paged } from '../../../components/Paged';
import { StatusBadge } from '../../../components/StatusBadge';
import type { AdminUserRowFragment, Role, UserFilterInput } from '../../../gql/graphql';
import { useDebounced } from '../../../hooks/useDebounced';
import { useMessages } from '../../../i18n';
import { AdminUsers } from './documents';
import { InviteForm } from './InviteForm';
import { peopleMessages } from './messages';
import { Choice, PAGE, ROLES } from './shared';
import { useAnnouncer } from '../../../components/useAnnouncer';

type State = 'enabled' | 'disabled';

/** /admin/people: every account, found by name or address, filtered by role and by whether it is disabled, page by page; and inviting someone. */
export default function PeoplePage() {
  const { t } = useMessages(peopleMessages);
  usePageTitle(t('people.title'));
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [state, setState] = useState<State | ''>('');
  const [inviting, setInviting] = useState(false);
  const { announce: say, line } = useAnnouncer();
  const query = useDebounced(search.trim(), 300);
  const filter: UserFilterInput = { ...(query ? { search: query } : {}), ...(role ? { role } : {}), ...(state ? { disabled: state === 'disabled' } : {}) };
  return (
    <div className="page">
      <h1>{t('people.title')}</h1>
      <p>{t('people.intro')}</p>
      {inviting ? (
        <InviteForm
          onDone={(email) => {
            setInviting(false);
            say(t('invite.sent', { email }));
          }}
          onCancel={() => setInviting(false)}
        />
      ) : (
        <p>
          <button type="button" className="button button--primary" onClick={() => setInviting(true)}>
            {t('people.invite')}
          </button>
        </p>
      )}
      {line}
      <div className="admin-filters" role="search" aria-label={t('search')}>
        <Field label={t('people.search')} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        <Choice label={t('people.role')} value={role} onChange={setRole} empty={t('any')} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        <Choice
          label={t('people.state')}
          value={state}
          onChange={setState}
          empty={t('any')}
          options={[
            { value: 'enabled', label: t('people.enabled') },
            { value: 'disabled', label: t('people.disabled') },
          ]}
        />
      </div>
      <Paged
        key={JSON.stringify(filter)}
        renderPage={(after, isLast, onMore) => <UsersPage key={after ?? 'first'} filter={filter} after={after} isLast={isLast} onMore={onMore} />}
      />
    </div>
  );
}

function UsersPage({ filter, after, isLast, onMore }: { filter: UserFilterInput; after: string | null; isLast: boolean; onMore: (cursor: string) => void }) {
  const { t } = useMessages(peopleMessages);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: AdminUsers, variables: { filter, first: PAGE, after }, requestPolicy: 'cache-and-network' });
  const users = data?.users;
  return (
    <>
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {fetching && !data && <Loading />}
      {users && after === null && <p aria-live="polite">{users.totalCount === 0 ? t('people.none') : t('people.count', { count: users.totalCount })}</p>}
      {users && users.nodes.length > 0 && (
        <ul className="list admin-rows" aria-label={t('people.results')}>
          {users.nodes.map((user) => (
            <li key={user.id}>
              <UserLine user={user} />
            </li>
          ))}
        </ul>
      )}
      {users && isLast && (
        <MoreButton pageInfo={users.pageInfo} onMore={onMore}>
          {t('more')}
        </MoreButton>
      )}
    </>
  );
}

/** A person in a list: their name (to their page), address, roles, and whether the account is disabled. */
export function UserLine({ user }: { user: AdminUserRowFragment }) {
  const { t } = useMessages(peopleMessages);
  return (
    <div className="admin-row">
      <span className="admin-row__main">
        <Link to={`/admin/people/${user.id}`}>{user.displayName}</Link> <span className="admin-row__detail">{user.email}</span>
      </span>
      <span className="admin-row__badges">
        {user.disabledAt && (
          <StatusBadge status="disabled" kind="admin-state">
            {t('people.disabledBadge')}
          </StatusBadge>
        )}
        {(user.roles ?? []).map((role) => (
          <StatusBadge key={role} status={role} kind="admin-role">
            {t(`role.${role}`)}
          </StatusBadge>
        ))}
      </span>
    </div>
  );
}
