import { type FormEvent } from 'react';
import { useMutation } from 'urql';
import { fieldProblems, problemOf } from '../../api/errors';
import { sessionStore } from '../../auth/session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { graphql } from '../../gql';
import { useDraft } from '../../hooks/useDraft';
import { isLanguage, useMessages } from '../../i18n';
import { useLanguageSwitch } from '../../i18n/useLanguageSwitch';
import { browserZone } from '../../i18n/format';
import { ZoneField } from '../../components/ZoneField';
import { accountMessages } from './messages';

const UpdateMyProfile = graphql(`
  mutation UpdateMyProfile($input: UpdateProfileInput!) {
    updateMyProfile(input: $input) {
      id
      nameAsWritten
      nameEn
      nameKo
      preferredLanguage
      timeZone
    }
  }
`);

/** The account as the profile form edits it: the name as the person writes it, its versions for English and Korean pages, the zone. */
export interface Profile {
  nameAsWritten?: string | null;
  nameEn?: string | null;
  nameKo?: string | null;
  timeZone?: string | null;
}

function draftOf(profile: Profile) {
  return { displayName: profile.nameAsWritten ?? '', nameEn: profile.nameEn ?? '', nameKo: profile.nameKo ?? '', timeZone: profile.timeZone ?? browserZone() };
}

/** The profile: name (with its versions for the other language's pages), time zone and language. */
export function ProfileForm({ profile }: { profile: Profile }) {
  const { t, language } = useMessages(accountMessages);
  const [saved, save] = useMutation(UpdateMyProfile);
  const switchLanguage = useLanguageSwitch();
  const [draft, update, clear] = useDraft('profile', draftOf(profile));
  const server = fieldProblems(problemOf(saved.error));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft.displayName.trim()) return;
    const { data: result } = await save({ input: { displayName: draft.displayName.trim(), nameEn: draft.nameEn.trim(), nameKo: draft.nameKo.trim(), timeZone: draft.timeZone } });
    if (result) {
      sessionStore.updateUser({ displayName: result.updateMyProfile.nameAsWritten, timeZone: result.updateMyProfile.timeZone });
      clear(draftOf(result.updateMyProfile));
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <Field label={t('profile.displayName')} autoComplete="name" value={draft.displayName} onChange={(e) => update({ displayName: e.target.value })} problem={server.displayName} />
      <Field label={t('profile.nameEn')} hint={t('profile.nameEnHint')} lang="en" maxLength={100} value={draft.nameEn} onChange={(e) => update({ nameEn: e.target.value })} problem={server.nameEn} />
      <Field label={t('profile.nameKo')} hint={t('profile.nameKoHint')} lang="ko" maxLength={100} value={draft.nameKo} onChange={(e) => update({ nameKo: e.target.value })} problem={server.nameKo} />
      <ZoneField label={t('profile.timeZone')} language={language} value={draft.timeZone} also={[profile.timeZone]} onChange={(timeZone) => update({ timeZone })} />
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
  );
}
