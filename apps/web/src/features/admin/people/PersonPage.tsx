import { Fragment, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useAuth } from '../../../auth/AuthProvider';
import { usePageTitle } from '../../../components/Layout';
import { PageFrame } from '../../../components/PageFrame';
import { StatusBadge } from '../../../components/StatusBadge';
import { Time } from '../../../components/Time';
import type { AdminUserQuery, Role } from '../../../gql/graphql';
import { useMessages } from '../../../i18n';
import { cityName } from '../../../i18n/cities';
import { zoneChoiceLabel } from '@app/rules';
import { ConfirmGroup } from '../../../components/Confirm';
import { organisationName } from '../../organisations/shared';
import { AdminUser, GrantRole, RevokeRole, SetUserDisabled } from './documents';
import { peopleMessages } from './messages';
import { Refusal, ROLES, useKinds } from './shared';
import { useAnnouncer } from '../../../components/useAnnouncer';

type Person = AdminUserQuery['user'];

/** /admin/people/:id: a person's account, roles, organisations and sessions, and disabling or enabling the account. */
export default function PersonPage() {
  const { id = '' } = useParams();
  const { t } = useMessages(peopleMessages);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: AdminUser, variables: { id }, requestPolicy: 'cache-and-network' });
  usePageTitle(data?.user.displayName ?? t('people.title'));
  return (
    <PageFrame
      data={data?.user}
      error={error}
      fetching={fetching}
      onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      back={{ to: '/admin/people', label: t('backToPeople') }}
      notFound={{ title: t('notFound.person'), message: t('notFound.personBody'), back: { to: '/admin/people', label: t('backToPeople') } }}
    >
      {(person) => <PersonView person={person} />}
    </PageFrame>
  );
}

function PersonView({ person }: { person: Person }) {
  const { t, language } = useMessages(peopleMessages);
  const { announce: say, line } = useAnnouncer();
  const { kindName } = useKinds();
  return (
    <>
      <h1>{person.displayName}</h1>
      <dl className="admin-facts">
        {/* The name as the person writes it, and as each language's pages write it where that differs. */}
        {(['nameAsWritten', 'nameEn', 'nameKo'] as const).map(
          (key) =>
            person[key] &&
            person[key] !== person.displayName && (
              <Fragment key={key}>
                <dt>{t(`person.${key}`)}</dt>
                <dd lang={key === 'nameEn' ? 'en' : key === 'nameKo' ? 'ko' : undefined}>{person[key]}</dd>
              </Fragment>
            ),
        )}
        <dt>{t('person.email')}</dt>
        <dd>{person.email}</dd>
        {person.createdAt && (
          <>
            <dt>{t('person.joined')}</dt>
            <dd>
              <Time value={person.createdAt} />
            </dd>
          </>
        )}
        <dt>{t('person.confirmed')}</dt>
        <dd>{person.emailConfirmedAt ? <Time value={person.emailConfirmedAt} /> : t('person.notConfirmed')}</dd>
        <dt>{t('person.language')}</dt>
        <dd>{t(`person.languageName.${person.preferredLanguage === 'ko' ? 'ko' : 'en'}`)}</dd>
        <dt>{t('person.zone')}</dt>
        <dd>{person.timeZone ? zoneChoiceLabel(person.timeZone, language) : ''}</dd>
      </dl>
      {line}
      <RolesSection person={person} onChanged={say} />
      <section aria-labelledby="person-organisations">
        <h2 id="person-organisations">{t('organisations.title')}</h2>
        {person.organisations.length === 0 ? (
          <p>{t('organisations.none')}</p>
        ) : (
          <ul className="list">
            {person.organisations.map((o) => (
              <li key={o.id}>
                <Link to={`/admin/organisations/${o.id}`}>{organisationName(o, language)}</Link>{' '}
                <span className="admin-row__detail">
                  {kindName(o.kind)} · {cityName(o.city, language)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <SessionsSection sessions={person.sessions ?? []} />
      <AccountSection person={person} onChanged={say} />
    </>
  );
}

function RolesSection({ person, onChanged }: { person: Person; onChanged: (text: string) => void }) {
  const { t } = useMessages(peopleMessages);
  const { user: me } = useAuth();
  const [revoking, setRevoking] = useState<Role | null>(null);
  const [granted, grant] = useMutation(GrantRole);
  const [revoked, revoke] = useMutation(RevokeRole);
  const roles = person.roles ?? [];

  async function change(role: Role, give: boolean) {
    const { data } = give ? await grant({ input: { userId: person.id, role } }) : await revoke({ input: { userId: person.id, role } });
    if (!data) return;
    setRevoking(null);
    onChanged(t(give ? 'roles.granted' : 'roles.revoked', { role: t(`role.${role}`) }));
  }

  return (
    <section aria-labelledby="person-roles">
      <h2 id="person-roles">{t('roles.title')}</h2>
      <Refusal error={granted.error ?? revoked.error} />
      <ul className="list">
        {ROLES.map((role) => {
          const has = roles.includes(role);
          const name = t(`role.${role}`);
          const own = role === 'ADMIN' && person.id === me?.id;
          return (
            <li key={role} data-role={role}>
              <div className="admin-row">
                <span className="admin-row__main">
                  <strong>{name}</strong>{' '}
                  <StatusBadge status={has ? 'has' : 'none'} kind="admin-state">
                    {has ? t('roles.has') : t('roles.hasNot')}
                  </StatusBadge>
                  <br />
                  <span className="admin-row__detail">{t(`roleWhat.${role}`)}</span>
                </span>
                {!has && (
                  <button type="button" className="button button--secondary" aria-label={t('roles.grantLabel', { role: name })} disabled={granted.fetching} onClick={() => void change(role, true)}>
                    {t('roles.grant')}
                  </button>
                )}
                {has && !own && revoking !== role && (
                  <button type="button" className="button button--secondary" aria-label={t('roles.revokeLabel', { role: name })} onClick={() => setRevoking(role)}>
                    {t('roles.revoke')}
                  </button>
                )}
              </div>
              {has && own && <p className="admin-row__detail">{t('roles.ownAdmin')}</p>}
              {revoking === role && (
                <ConfirmGroup
                  label={t('roles.revokeLabel', { role: name })}
                  confirm={t('roles.revokeConfirm')}
                  confirmClass="button--danger"
                  cancel={t('roles.keep')}
                  busy={revoked.fetching}
                  onConfirm={() => void change(role, false)}
                  onCancel={() => setRevoking(null)}
                >
                  <p>{t('roles.revokeWarning', { role: name, name: person.displayName })}</p>
                </ConfirmGroup>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function SessionsSection({ sessions }: { sessions: NonNullable<Person['sessions']> }) {
  const { t } = useMessages(peopleMessages);
  return (
    <section aria-labelledby="person-sessions">
      <h2 id="person-sessions">{t('sessions.title')}</h2>
      {sessions.length === 0 ? (
        <p>{t('sessions.none')}</p>
      ) : (
        <ul className="list">
          {sessions.map((s) => (
            <li key={s.id}>
              <dl className="admin-facts">
                <dt>{t('sessions.device')}</dt>
                <dd className="admin-row__detail">{s.userAgent ? <span translate="no">{s.userAgent}</span> : t('sessions.unknownDevice')}</dd>
                <dt>{t('sessions.lastUsed')}</dt>
                <dd>
                  <Time value={s.lastUsedAt} />
                </dd>
                <dt>{t('sessions.since')}</dt>
                <dd>
                  <Time value={s.createdAt} />
                </dd>
                {s.ipAddress && (
                  <>
                    <dt>{t('sessions.address')}</dt>
                    <dd translate="no">{s.ipAddress}</dd>
                  </>
                )}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AccountSection({ person, onChanged }: { person: Person; onChanged: (text: string) => void }) {
  const { t } = useMessages(peopleMessages);
  const { user: me } = useAuth();
  const [confirming, setConfirming] = useState(false);
  const [result, setDisabled] = useMutation(SetUserDisabled);
  const disabled = !!person.disabledAt;
  const own = person.id === me?.id;

  async function change() {
    const { data } = await setDisabled({ input: { userId: person.id, disabled: !disabled } });
    if (!data) return;
    setConfirming(false);
    onChanged(t(disabled ? 'disable.enabled' : 'disable.disabled'));
  }

  return (
    <section aria-labelledby="person-account">
      <h2 id="person-account">{t('disable.title')}</h2>
      <p>
        {disabled ? (
          <>
            {t('disable.disabledNow')} {t('person.disabledSince')}: <Time value={person.disabledAt!} />
          </>
        ) : (
          t('disable.enabledNow')
        )}
      </p>
      <Refusal error={result.error} />
      {own && !disabled ? (
        <p className="admin-row__detail">{t('disable.ownAccount')}</p>
      ) : confirming ? (
        <ConfirmGroup
          label={disabled ? t('disable.enable') : t('disable.disable')}
          confirm={disabled ? t('disable.enableConfirm') : t('disable.confirm')}
          confirmClass={disabled ? 'button--primary' : 'button--danger'}
          cancel={disabled ? t('disable.keepDisabled') : t('disable.keep')}
          busy={result.fetching}
          onConfirm={() => void change()}
          onCancel={() => setConfirming(false)}
        >
          <p>{disabled ? t('disable.enableWarning') : t('disable.warning', { name: person.displayName })}</p>
        </ConfirmGroup>
      ) : (
        <button type="button" className={`button ${disabled ? 'button--secondary' : 'button--danger'}`} onClick={() => setConfirming(true)}>
          {disabled ? t('disable.enable') : t('disable.disable')}
        </button>
      )}
    </section>
  );
}
