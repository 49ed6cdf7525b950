import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { fieldProblems, problemOf } from '../../api/errors';
import { useAuth } from '../../auth/AuthProvider';
import { LinkPage, LinkProblem, linkProblemOf, useEmailedLink, useLinkToken } from '../../components/EmailedLink';
import { ErrorNotice } from '../../components/ErrorNotice';
import { usePageTitle } from '../../components/Layout';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n';
import { authMessages } from './messages';
import { NewPasswordField, usePasswordProblem } from './NewAccountFields';

const ResetPassword = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      ok
    }
  }
`);

/**
 * The page a reset email's link opens: the new password, saved by its
 * button. A link that cannot be used says why, with a way to a new one.
 */
export default function ResetPasswordPage() {
  const { t } = useMessages(authMessages);
  usePageTitle(t('reset.title'));
  const auth = useAuth();
  const token = useLinkToken();
  const { link, fetching, error, refetch } = useEmailedLink(token);
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const [result, reset] = useMutation(ResetPassword);
  const refused = !link || link.purpose !== 'PASSWORD_RESET' ? 'LINK_NOT_VALID' : link.state !== 'VALID' ? link.state : linkProblemOf(result.error);
  const problem = usePasswordProblem(password);
  const serverProblem = fieldProblems(problemOf(result.error)).newPassword ? t('validation.passwordLength') : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (problem) return;
    const { data } = await reset({ input: { token, newPassword: password } });
    // A new password ends every session, this browser's too: it stops showing one (the server has ended it already).
    if (data && auth.user) await auth.signOut().catch(() => undefined);
  }

  return (
    <LinkPage title={t('reset.title')} checking={fetching} error={link || !error ? undefined : error} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      {result.data ? (
        <>
          <p className="notice notice--success" role="status">
            {t('reset.done')}
          </p>
          <p>
            <Link className="button button--primary" to="/sign-in">
              {t('signIn.title')}
            </Link>
          </p>
        </>
      ) : refused ? (
        <LinkProblem
          state={refused}
          next={
            <p>
              <Link to="/forgot-password">{t('reset.askAgain')}</Link>
            </p>
          }
        />
      ) : (
        <>
          <p>{t('reset.intro', { email: link!.email })}</p>
          {!serverProblem && <ErrorNotice error={result.error} />}
          <form onSubmit={submit} noValidate className="form">
            <NewPasswordField label={t('reset.newPassword')} value={password} onChange={(e) => setPassword(e.target.value)} onBlur={() => setTouched(true)} problem={(touched ? problem : null) ?? serverProblem} />
            <button type="submit" className="button button--primary" disabled={result.fetching}>
              {result.fetching ? t('reset.working') : t('reset.submit')}
            </button>
          </form>
        </>
      )}
    </LinkPage>
  );
}
