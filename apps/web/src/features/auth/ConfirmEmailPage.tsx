import { Link } from 'react-router';
import { useMutation } from 'urql';
import { problemOf } from '../../api/errors';
import { LinkPage, LinkProblem, linkProblemOf, useEmailedLink, useLinkToken, type LinkProblemState } from '../../components/EmailedLink';
import { ErrorNotice } from '../../components/ErrorNotice';
import { usePageTitle } from '../../components/Layout';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n';
import { authMessages } from './messages';

const ConfirmEmail = graphql(`
  mutation ConfirmEmail($input: TokenInput!) {
    confirmEmail(input: $input) {
      ok
    }
  }
`);

const ResendLink = graphql(`
  mutation ResendConfirmationLink($input: ResendEmailConfirmationInput!) {
    resendEmailConfirmation(input: $input) {
      ok
    }
  }
`);

/**
 * The page a confirmation email's link opens: what the link does, and a
 * button that does it (opening the page confirms nothing, so mail scanners
 * that follow links confirm nobody). A link that cannot be used says why and
 * offers the next step: sign in, or a new link.
 */
export default function ConfirmEmailPage() {
  const { t } = useMessages(authMessages);
  usePageTitle(t('confirm.title'));
  const token = useLinkToken();
  const { link, fetching, error, refetch } = useEmailedLink(token);
  const [confirmed, confirm] = useMutation(ConfirmEmail);
  const [resent, resend] = useMutation(ResendLink);

  const signIn = (
    <p>
      <Link className="button button--primary" to="/sign-in">
        {t('signIn.title')}
      </Link>
    </p>
  );
  const refused: LinkProblemState | null = !link || link.purpose !== 'EMAIL_CONFIRMATION' ? 'LINK_NOT_VALID' : link.state !== 'VALID' ? link.state : linkProblemOf(confirmed.error);
  const exists = problemOf(confirmed.error)?.reason === 'ACCOUNT_EXISTS';

  function nextStep(state: LinkProblemState) {
    // A used link confirmed the address: signing in is what is left.
    if (state === 'LINK_USED' && link?.hasAccount) return <p>{t('confirm.alreadyDone')}</p>;
    if (!link || state === 'LINK_NOT_VALID') return <p><Link to="/sign-up">{t('confirm.signUpAgain')}</Link></p>;
    if (resent.data) return <p role="status">{t('confirm.sent', { email: link.email })}</p>;
    return (
      <>
        <ErrorNotice error={resent.error} />
        <button type="button" className="button button--primary" disabled={resent.fetching} onClick={() => void resend({ input: { email: link.email } })}>
          {t('confirm.newLink')}
        </button>
      </>
    );
  }

  return (
    <LinkPage title={t('confirm.title')} checking={fetching} error={link || !error ? undefined : error} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      {confirmed.data ? (
        <>
          <p className="notice notice--success" role="status">
            {t('confirm.done')}
          </p>
          {signIn}
        </>
      ) : exists ? (
        <>
          <p className="notice notice--info" role="status">
            {t('confirm.exists')}
          </p>
          {signIn}
        </>
      ) : refused ? (
        <>
          <LinkProblem state={refused} next={nextStep(refused)} />
          {refused === 'LINK_USED' && link?.hasAccount && signIn}
        </>
      ) : (
        <>
          <p>{t('confirm.intro', { email: link!.email })}</p>
          <ErrorNotice error={confirmed.error} />
          <button type="button" className="button button--primary" disabled={confirmed.fetching} onClick={() => void confirm({ input: { token } })}>
            {confirmed.fetching ? t('confirm.working') : t('confirm.submit')}
          </button>
        </>
      )}
    </LinkPage>
  );
}
