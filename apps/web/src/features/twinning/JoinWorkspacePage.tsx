import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { fieldProblems, problemOf } from '../../api/errors';
import { useAuth } from '../../auth/AuthProvider';
import { LinkPage, LinkProblem, linkProblemOf, OtherAccountNotice, useEmailedLink, useLinkToken, useSignedInAs } from '../../components/EmailedLink';
import { ErrorNotice } from '../../components/ErrorNotice';
import { usePageTitle } from '../../components/Layout';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n';
import { cityName } from '../../i18n/cities';
import { authMessages } from '../auth/messages';
import { useNewAccount } from '../auth/NewAccountFields';
import { workspaceLinkMessages } from './linkMessages';
import { twinningMessages } from './messages';

const AcceptWorkspaceInvitation = graphql(`
  mutation AcceptWorkspaceInvitationFromLink($input: AcceptWorkspaceInvitationInput!) {
    acceptWorkspaceInvitation(input: $input) {
      workspaceId
      email
      role
      accountCreated
      joined
    }
  }
`);

/**
 * The page a workspace invitation opens: which workspace, which role, for
 * which address. The invited address, signed in, joins with the button; its
 * account, not signed in, signs in first and comes back here; a newcomer
 * chooses a name and password; anyone else signed in is told so and may
 * switch account.
 */
export default function JoinWorkspacePage() {
  const { t, language } = useMessages(workspaceLinkMessages);
  const { t: tAuth } = useMessages(authMessages);
  const { t: tRole } = useMessages(twinningMessages);
  usePageTitle(t('join.title'));
  const auth = useAuth();
  const navigate = useNavigate();
  const token = useLinkToken();
  const { link, fetching, error, refetch } = useEmailedLink(token);
  const signedInAsInvitee = useSignedInAs(link?.email);
  const [touched, setTouched] = useState(false);
  const [result, accept] = useMutation(AcceptWorkspaceInvitation);
  const newcomer = !!link && !link.hasAccount && !auth.user;
  const newAccount = useNewAccount(newcomer);

  const invitation = link?.workspaceInvitation;
  const refused = !link || !invitation ? 'LINK_NOT_VALID' : link.state !== 'VALID' ? link.state : linkProblemOf(result.error);
  const server = fieldProblems(problemOf(result.error));
  const here = `/join-workspace?token=${encodeURIComponent(token)}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!newAccount.valid) return;
    const { data } = await accept({ input: { token, ...newAccount.input } });
    // Signed in: straight into the workspace, which says the rest.
    if (data && !data.acceptWorkspaceInvitation.accountCreated && signedInAsInvitee) navigate(`/workspaces/${data.acceptWorkspaceInvitation.workspaceId}`);
  }

  const done = result.data?.acceptWorkspaceInvitation;
  return (
    <LinkPage title={t('join.title')} checking={fetching} error={link || !error ? undefined : error} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      {done ? (
        <>
          <p className="notice notice--success" role="status">
            {done.accountCreated ? t('join.created', { email: done.email }) : done.joined ? t('join.joined') : t('join.already')}
          </p>
          <p>
            <Link className="button button--primary" to={done.accountCreated ? `/sign-in?next=${encodeURIComponent(`/workspaces/${done.workspaceId}`)}` : `/workspaces/${done.workspaceId}`}>
              {done.accountCreated ? tAuth('signIn.title') : t('join.open')}
            </Link>
          </p>
        </>
      ) : refused ? (
        <LinkProblem state={refused} next={<p>{t('join.askAgain')}</p>} />
      ) : (
        <>
          <p>
            {t('join.intro', {
              a: cityName({ nameEn: invitation!.twinning.cityA.nameEn, nameKo: invitation!.twinning.cityA.nameKo }, language),
              b: cityName({ nameEn: invitation!.twinning.cityB.nameEn, nameKo: invitation!.twinning.cityB.nameKo }, language),
              role: tRole(`role.${invitation!.role}`),
              email: link!.email,
            })}
          </p>
          {auth.user && !signedInAsInvitee ? (
            <OtherAccountNotice email={link!.email} />
          ) : !auth.user && link!.hasAccount ? (
            <>
              <p>{t('join.signInFirst')}</p>
              <p>
                <Link className="button button--primary" to={`/sign-in?next=${encodeURIComponent(here)}`}>
                  {tAuth('signIn.title')}
                </Link>
              </p>
            </>
          ) : (
            <>
              {newcomer && <p>{t('join.newcomer')}</p>}
              {!server.displayName && !server.password && <ErrorNotice error={result.error} />}
              <form onSubmit={submit} noValidate className="form">
                {newAccount.fields(touched, server)}
                <button type="submit" className="button button--primary" disabled={result.fetching}>
                  {result.fetching ? t('join.working') : t('join.submit')}
                </button>
              </form>
            </>
          )}
        </>
      )}
    </LinkPage>
  );
}
