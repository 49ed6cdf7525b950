import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { fieldProblems, problemOf } from '../../../api/errors';
import { Field } from '../../../components/Field';
import type { Role } from '../../../gql/graphql';
import { useDebounced } from '../../../hooks/useDebounced';
import { useMessages, type Language } from '../../../i18n';
import { ActionPair } from '../../../components/Confirm';
import { organisationName } from '../../organisations/shared';
import { AdminOrganisations, InviteUser } from './documents';
import { peopleMessages } from './messages';
import { Picker, type Pickable } from './Picker';
import { Choice, Refusal, ROLES } from './shared';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Inviting someone by email, with the roles they get and the organisation they join when they accept. */
export function InviteForm({ onDone, onCancel }: { onDone: (email: string) => void; onCancel: () => void }) {
  const { t, language } = useMessages(peopleMessages);
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [organisation, setOrganisation] = useState<Pickable | null>(null);
  const [emailLanguage, setEmailLanguage] = useState<Language>(language);
  const [tried, setTried] = useState(false);
  const [result, invite] = useMutation(InviteUser);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const fromServer = fieldProblems(problemOf(result.error));
  const emailProblem = (tried && !EMAIL.test(email.trim())) || fromServer.email ? t('refusal.invalidEmail') : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!EMAIL.test(email.trim())) return;
    const { data } = await invite({ input: { email: email.trim(), roles, organisationId: organisation?.id, language: emailLanguage } });
    if (data) onDone(email.trim());
  }

  return (
    <form className="form panel" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="invite-title">
      <h2 id="invite-title" ref={headingRef} tabIndex={-1}>
        {t('invite.title')}
      </h2>
      <p>{t('invite.intro')}</p>
      <Field label={t('invite.email')} type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} problem={emailProblem} />
      <fieldset className="admin-checks">
        <legend>{t('invite.roles')}</legend>
        {ROLES.map((role) => (
          <label key={role}>
            <input
              type="checkbox"
              checked={roles.includes(role)}
              onChange={(e) => setRoles((all) => (e.target.checked ? [...all, role] : all.filter((r) => r !== role)))}
            />{' '}
            {t(`role.${role}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="admin-checks">
        <legend>{t('invite.organisation')}</legend>
        {organisation ? (
          <p>
            {t('pick.chosen', { name: organisation.name })}{' '}
            <button type="button" className="button button--ghost" onClick={() => setOrganisation(null)}>
              {t('pick.change')}
            </button>
          </p>
        ) : (
          <OrganisationPicker language={language} onPick={setOrganisation} />
        )}
      </fieldset>
      <Choice
        label={t('invite.language')}
        value={emailLanguage}
        onChange={(value) => setEmailLanguage(value || language)}
        options={[
          { value: 'en' as const, label: t('invite.en') },
          { value: 'ko' as const, label: t('invite.ko') },
        ]}
      />
      {!fromServer.email && <Refusal error={result.error} />}
      <ActionPair confirm={t('invite.send')} cancel={t('cancel')} busy={result.fetching} onCancel={onCancel} />
    </form>
  );
}

function OrganisationPicker({ language, onPick }: { language: Language; onPick: (organisation: Pickable) => void }) {
  const { t } = useMessages(peopleMessages);
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 300);
  const [{ data, error }] = useQuery({ query: AdminOrganisations, variables: { filter: { search: query }, first: 8 }, pause: !query });
  const results = data?.organisations.nodes.map((o) => ({ id: o.id, name: organisationName(o, language) }));
  return (
    <Picker
      label={t('pick.organisationSearch')}
      search={search}
      onSearch={setSearch}
      query={query}
      results={results}
      error={error}
      pickLabel={(item) => t('pick.chooseLabel', { name: item.name })}
      onPick={onPick}
    />
  );
}
