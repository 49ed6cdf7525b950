import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { fieldProblems, problemOf } from '../../api/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { usePageTitle } from '../../components/Layout';
import { graphql } from '../../gql';
import { useDraft } from '../../hooks/useDraft';
import { useMessages } from '../../i18n';
import { browserZone } from '../../i18n/format';
import { ZoneField } from '../../components/ZoneField';
import { authMessages } from './messages';
import { EMAIL_MAX, looksLikeEmail, PASSWORD_LENGTH } from '@app/rules';

const SignUp = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      ok
    }
  }
`);

export default function SignUpPage() {
  const { t, language } = useMessages(authMessages);
  usePageTitle(t('signUp.title'));
  const [draft, update, clear] = useDraft('sign-up', { displayName: '', email: '', timeZone: browserZone(), preferredLanguage: language as string });
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [result, signUp] = useMutation(SignUp);
  const server = fieldProblems(problemOf(result.error));

  const problems = {
    displayName: !draft.displayName.trim() ? t('validation.required') : null,
    email: !looksLikeEmail(draft.email) ? t('validation.email') : draft.email.trim().length > EMAIL_MAX ? t('validation.tooLong', { max: EMAIL_MAX }) : null,
    password:
      password.length < PASSWORD_LENGTH.min ? t('validation.passwordLength') : password.length > PASSWORD_LENGTH.max ? t('validation.tooLong', { max: PASSWORD_LENGTH.max }) : null,
  };
  const shown = (field: keyof typeof problems) => (touched[field] ? problems[field] : null) ?? server[field] ?? null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched({ displayName: true, email: true, password: true });
    if (Object.values(problems).some(Boolean)) return;
    const { data } = await signUp({ input: { ...draft, displayName: draft.displayName.trim(), email: draft.email.trim(), password } });
    if (data) clear();
  }

  return (
    <div className="page page--narrow">
      <h1>{t('signUp.title')}</h1>
      {result.data ? (
        <p className="notice notice--success" role="status">
          {t('signUp.sent')}
        </p>
      ) : (
        <>
          <ErrorNotice error={result.error} />
          <form onSubmit={submit} noValidate className="form">
            <Field label={t('signUp.displayName')} autoComplete="name" required value={draft.displayName} onChange={(e) => update({ displayName: e.target.value })} onBlur={() => setTouched((s) => ({ ...s, displayName: true }))} problem={shown('displayName')} />
            <Field label={t('signIn.email')} type="email" autoComplete="email" required value={draft.email} onChange={(e) => update({ email: e.target.value })} onBlur={() => setTouched((s) => ({ ...s, email: true }))} problem={shown('email')} />
            <Field label={t('signIn.password')} hint={t('signUp.passwordHint')} type="password" autoComplete="new-password" required value={password} onChange={(e) => setPassword(e.target.value)} onBlur={() => setTouched((s) => ({ ...s, password: true }))} problem={shown('password')} />
            <ZoneField label={t('signUp.timeZone')} language={language} value={draft.timeZone} onChange={(timeZone) => update({ timeZone })} />
            <Field
              label={t('signUp.preferredLanguage')}
              render={(control) => (
                <select {...control} value={draft.preferredLanguage} onChange={(e) => update({ preferredLanguage: e.target.value })}>
                  <option value="en" lang="en">English</option>
                  <option value="ko" lang="ko">한국어</option>
                </select>
              )}
            />
            <button type="submit" className="button button--primary" disabled={result.fetching}>
              {t('signUp.submit')}
            </button>
          </form>
        </>
      )}
      <p>
        {t('signUp.haveAccount')} <Link to="/sign-in">{t('signIn.title')}</Link>
      </p>
    </div>
  );
}
