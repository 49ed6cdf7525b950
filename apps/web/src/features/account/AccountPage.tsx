import { type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { fieldProblems, problemOf } from '../../api/errors';
import { useAuth } from '../../auth/AuthProvider';
import { sessionStore } from '../../auth/session';
import { ErrorNotice, Loading } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { usePageTitle } from '../../components/Layout';
import { graphql } from '../../gql';
import { useDraft } from '../../hooks/useDraft';
import { isLanguage, useMessages } from '../../i18n';
import { useLanguageSwitch } from '../../i18n/useLanguageSwitch';
import { browserZone, zoneOptions } from '../../i18n/format';
import { accountMessages } from './messages';
import { ChangePasswordForm } from './ChangePasswordForm';
import OfficerAccountPanel from '../funding/ApplicationsAccountPanel';
import { AccountCaseStudiesPanel } from '../knowledge/AccountCaseStudiesPanel';
import { BoardAccountPanel } from '../board/BoardAccountPanel';
import { EventsAccountPanel } from '../events/EventsAccountPanel';
import { OrganisationPanel } from '../organisations/OrganisationPanel';
import { SessionsPanel } from './SessionsPanel';

const AccountQuery = graphql(`
  query Account {
    me {
      id
      displayName
      preferredLanguage
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

const UpdateMyProfile = graphql(`
  mutation UpdateMyProfile($input: UpdateProfileInput!) {
    updateMyProfile(input: $input) {
      id
      displayName
      preferredLanguage
      timeZone
    }
  }
`);

export default function AccountPage() {
  const { t, language } = useMessages(accountMessages);
  usePageTitle(t('title'));
  const { user } = useAuth();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: AccountQuery });
  const [saved, save] = useMutation(UpdateMyProfile);
  const switchLanguage = useLanguageSwitch();
  const [draft, update, clear] = useDraft('profile', { displayName: user?.displayName ?? '', timeZone: user?.timeZone ?? browserZone() });
  const zones = zoneOptions(language, [draft.timeZone, user?.timeZone, browserZone()]);
  const server = fieldProblems(problemOf(saved.error));
  // Someone who belongs to no organisation yet meets that panel first: little else works until they do.
  const noOrganisation = !!data && data.me.organisations.length === 0;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft.displayName.trim()) return;
    const { data: result } = await save({ input: { displayName: draft.displayName.trim(), timeZone: draft.timeZone } });
    if (result) {
      sessionStore.updateUser(result.updateMyProfile);
      clear({ displayName: result.updateMyProfile.displayName, timeZone: result.updateMyProfile.timeZone ?? draft.timeZone });
    }
  }

  return (
    <div className="page">
      <h1>{t('title')}</h1>
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {fetching && !data && <Loading />}
      {noOrganisation && <OrganisationPanel />}
      <div className="columns">
        <section>
          <h2>{t('profile.title')}</h2>
          <form className="form" onSubmit={submit} noValidate>
            <Field label={t('profile.displayName')} autoComplete="name" value={draft.displayName} onChange={(e) => update({ displayName: e.target.value })} problem={server.displayName} />
            <Field
              label={t('profile.timeZone')}
              render={(control) => (
                <select {...control} value={draft.timeZone} onChange={(e) => update({ timeZone: e.target.value })}>
                  {zones.map((zone) => (
                    <option key={zone.value} value={zone.value}>
                      {zone.label}
                    </option>
                  ))}
                </select>
              )}
            />
            <Field
              label={t('profile.language')}
              render={(control) => (
                <select {...control} value={language} onChange={(e) => isLanguage(e.target.value) && switchLanguage(e.target.value)}>
                  <option value="en" lang="en">English</option>
                  <option value="ko" lang="ko">한국어</option>
                </select>
              )}
            />
            <ErrorNotice error={saved.error} />
            <button type="submit" className="button button--primary" disabled={saved.fetching}>
              {t('profile.save')}
            </button>
            <p role="status" className="form__status">
              {saved.data && !saved.fetching ? t('profile.saved') : ''}
            </p>
          </form>
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
