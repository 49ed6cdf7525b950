import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { problemOf } from '../../api/errors';
import { useAuth } from '../../auth/AuthProvider';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { usePageTitle } from '../../components/Layout';
import { graphql } from '../../gql';
import { useDraft } from '../../hooks/useDraft';
import { isLanguage, setLanguage, useMessages } from '../../i18n';
import { authMessages } from './messages';
import { PASSWORD_CHANGED_KEY } from '../account/ChangePasswordForm';
import { looksLikeEmail } from '@app/rules';

const SignIn = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      ...SessionFields
    }
  }
`);

const ResendEmailConfirmation = graphql(`
  mutation ResendEmailConfirmation($input: ResendEmailConfirmationInput!) {
    resendEmailConfirmation(input: $input) {
      ok
    }
  }
`);

/**
 * Where to go after signing in: the page that sent the person here, or
 * `?next=` from a link (only a path of this site), else the account page.
 */
function returnPath(state: { from?: string } | null, search: string): string {
  const next = state?.from ?? new URLSearchParams(search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : '/me';
}

export default function SignInPage() {
  const { t } = useMessages(authMessages);
  usePageTitle(t('signIn.title'));
  const auth = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const from = returnPath(location.state as { from?: string } | null, location.search);
  // Sent here after changing the password, which ends every session.
  const [passwordChanged] = useState(() => sessionStorage.getItem(PASSWORD_CHANGED_KEY) === '1');
  useEffect(() => sessionStorage.removeItem(PASSWORD_CHANGED_KEY), []);
  // The address is kept as a draft; the password never leaves memory.
  const [draft, update] = useDraft('sign-in', { email: '' });
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const [result, signIn] = useMutation(SignIn);
  const [resent, resend] = useMutation(ResendEmailConfirmation);
  const problem = problemOf(result.error);
  // The address the refusal was about (the field may have changed since).
  const [triedEmail, setTriedEmail] = useState('');

  const emailProblem = touched && !looksLikeEmail(draft.email) ? t('validation.email') : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!looksLikeEmail(draft.email) || !password) return;
    setTriedEmail(draft.email.trim());
    const { data } = await signIn({ input: { email: draft.email.trim(), password } });
    if (!data) return;
    auth.signedIn(data.signIn);
    if (isLanguage(data.signIn.user.preferredLanguage)) setLanguage(data.signIn.user.preferredLanguage);
    navigate(from, { replace: true });
  }

  return (
    <div className="page page--narrow">
      <h1>{t('signIn.title')}</h1>
      {passwordChanged && !result.data && (
        <p className="notice notice--info" role="status">
          {t('signIn.passwordChanged')}
        </p>
      )}
      {auth.user && !result.data && (
        <p className="notice notice--info">
          {t('signIn.already', { name: auth.user.displayName })} <Link to={from}>{t('signIn.continue')}</Link>
        </p>
      )}
      {problem &&
        // The same answer whether or not the address already had an account (a sign-up's password, not confirmed yet).
        (problem.code === 'UNAUTHENTICATED' && problem.reason === 'EMAIL_NOT_CONFIRMED' ? (
          <div className="notice notice--info" role="alert" data-error-code={problem.code}>
            <p>{t('signIn.confirmFirst', { email: triedEmail })}</p>
            {resent.data && resent.operation?.variables.input.email === triedEmail ? (
              <p role="status">{t('signIn.resent', { email: triedEmail })}</p>
            ) : (
              <>
                <ErrorNotice error={resent.error} />
                <button type="button" className="button button--secondary" disabled={resent.fetching} onClick={() => void resend({ input: { email: triedEmail } })}>
                  {resent.fetching ? t('signIn.resending') : t('signIn.resend')}
                </button>
              </>
            )}
          </div>
        ) : problem.code === 'UNAUTHENTICATED' || problem.code === 'BAD_USER_INPUT' ? (
          <p className="notice notice--error" role="alert" data-error-code={problem.code}>
            {t('signIn.wrong')}
          </p>
        ) : (
          <ErrorNotice problem={problem} />
        ))}
      <form onSubmit={submit} noValidate className="form">
        <Field
          label={t('signIn.email')}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={draft.email}
          onChange={(e) => update({ email: e.target.value })}
          onBlur={() => setTouched(true)}
          problem={emailProblem}
        />
        <Field
          label={t('signIn.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          problem={touched && !password ? t('validation.required') : null}
        />
        <button type="submit" className="button button--primary" disabled={result.fetching}>
          {result.fetching ? t('signIn.working') : t('signIn.submit')}
        </button>
      </form>
      <p>
        <Link to="/forgot-password">{t('signIn.forgot')}</Link>
      </p>
      <p>
        {t('signIn.noAccount')} <Link to="/sign-up">{t('signIn.signUp')}</Link>
      </p>
    </div>
  );
}
