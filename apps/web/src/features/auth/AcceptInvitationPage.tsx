import { useState, type FormEvent } from 'react';
import { Link, Navigate } from 'react-router';
import { useMutation } from 'urql';
import { fieldProblems, problemOf } from '../../api/errors';
import { LinkPage, LinkProblem, linkProblemOf, OtherAccountNotice, useEmailedLink, useLinkToken, useSignedInAs } from '../../components/EmailedLink';
import { ErrorNotice } from '../../components/ErrorNotice';
import { usePageTitle } from '../../components/Layout';
import { useAuth } from '../../auth/AuthProvider';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n';
import { authMessages } from './messages';
import { useNewAccount } from './NewAccountFields';

const AcceptInvitation = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      email
      accountCreated
    }
  }
`);

/**
 * The page an invitation to the platform opens. A newcomer chooses a name
 * and password; the invited address's account, signed in or not, accepts
 * with the button alone (the link proves the address). Someone else signed
 * in is told so and may switch account. A workspace invitation's link goes
 * to its own page.
 */
export default function AcceptInvitationPage() {
  const { t } = useMessages(authMessages);
  usePageTitle(t('invitation.title'));
  const auth = useAuth();
  const token = useLinkToken();
  const { link, fetching, error, refetch } = useEmailedLink(token);
  const signedInAsInvitee = useSignedInAs(link?.email);
  const [touched, setTouched] = useState(false);
  const [result, accept] = useMutation(AcceptInvitation);
  const newAccount = useNewAccount(!!link && !link.hasAccount);

  if (link?.invitationKind === 'workspace') return <Navigate to={`/join-workspace?token=${encodeURIComponent(token)}`} replace />;
  const refused = !link || link.purpose !== 'INVITATION' ? 'LINK_NOT_VALID' : link.state !== 'VALID' ? link.state : linkProblemOf(result.error);
  const newcomer = !!link && !link.hasAccount;
  const server = fieldProblems(problemOf(result.error));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!newAccount.valid) return;
    await accept({ input: { token, ...newAccount.input } });
  }

  return (
    <LinkPage title={t('invitation.title')} checking={fetching} error={link || !error ? undefined : error} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      {result.data ? (
        <>
          <p className="notice notice--success" role="status">
            {result.data.acceptInvitation.accountCreated ? t('invitation.created', { email: result.data.acceptInvitation.email }) : t('invitation.updated')}
          </p>
          <p>
            <Link className="button button--primary" to={signedInAsInvitee ? '/me' : '/sign-in'}>
              {signedInAsInvitee ? t('signIn.continue') : t('signIn.title')}
            </Link>
          </p>
        </>
      ) : refused ? (
        <LinkProblem state={refused} next={<p>{t('invitation.askAgain')}</p>} />
      ) : auth.user && !signedInAsInvitee ? (
        <OtherAccountNotice email={link!.email} />
      ) : (
        <>
          <p>{t('invitation.intro', { email: link!.email })}</p>
          {newcomer && <p>{t('invitation.newcomer')}</p>}
          {!server.displayName && !server.password && <ErrorNotice error={result.error} />}
          <form onSubmit={submit} noValidate className="form">
            {newAccount.fields(touched, server)}
            <button type="submit" className="button button--primary" disabled={result.fetching}>
              {result.fetching ? t('invitation.working') : t('invitation.accept')}
            </button>
          </form>
        </>
      )}
    </LinkPage>
  );
}
