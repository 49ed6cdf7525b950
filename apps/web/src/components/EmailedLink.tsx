import { useEffect, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import type { CombinedError } from 'urql';
import { problemOf, problemOfThrown, type ApiProblem } from '../api/errors';
import { useAuth } from '../auth/AuthProvider';
import { graphql } from '../gql';
import { isLanguage, setLanguage, useMessages } from '../i18n';
import { linkMessages } from '../i18n/links';
import { ErrorNotice, Loading } from './ErrorNotice';
import { usePageTitle } from './Layout';

/** Where a link stands, as the API says (LinkState), from its preview or the reason of a refusal. */
export type LinkProblemState = 'LINK_NOT_VALID' | 'LINK_USED' | 'LINK_WITHDRAWN' | 'LINK_EXPIRED';
const PROBLEMS = new Set<string>(['LINK_NOT_VALID', 'LINK_USED', 'LINK_WITHDRAWN', 'LINK_EXPIRED']);

const EmailedLinkQuery = graphql(`
  query EmailedLink($token: String!) {
    emailedLink(token: $token) {
      purpose
      state
      email
      hasAccount
      invitationKind
      workspaceInvitation {
        role
        twinning {
          id
          ...TwinningCities
        }
      }
    }
  }
`);

/**
 * The token of the link that opened this page. The page opens in the
 * language of the email (`lang`), once: the parameter then leaves the
 * address, so the language switch and a reload keep the reader's choice.
 */
export function useLinkToken(): string {
  const location = useLocation();
  const navigate = useNavigate();
  const params = new URLSearchParams(location.search);
  const token = params.get('token') ?? '';
  const lang = params.get('lang');
  useEffect(() => {
    if (!lang) return;
    if (isLanguage(lang)) setLanguage(lang);
    params.delete('lang');
    navigate({ search: params.toString() ? `?${params.toString()}` : '' }, { replace: true });
    // Once per address: the effect removes what it reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lang]);
  return token;
}

/** The link's preview (what it is for, where it stands), read without using it; null for a link the platform never sent. */
export function useEmailedLink(token: string) {
  const [result, refetch] = useQuery({ query: EmailedLinkQuery, variables: { token }, pause: !token, requestPolicy: 'network-only' });
  return { link: token ? result.data?.emailedLink ?? null : null, fetching: !!token && (result.fetching || (!result.data && !result.error)), error: result.error, refetch };
}

/** A refusal to use a link (its reason), as the state the page explains; null for any other problem. */
export function linkProblemOf(error: CombinedError | undefined): LinkProblemState | null {
  const reason = problemOf(error)?.reason;
  return reason && PROBLEMS.has(reason) ? (reason as LinkProblemState) : null;
}

/**
 * The frame of a link's page: its heading, the loading line while the link
 * is checked, an error with a retry, then the page (`children`).
 */
export function LinkPage({ title, checking, error, onRetry, children }: { title: string; checking: boolean; error?: CombinedError; onRetry: () => void; children: ReactNode }) {
  return (
    <div className="page page--narrow">
      <h1>{title}</h1>
      {checking ? <Loading /> : error ? <ErrorNotice error={error} onRetry={onRetry} /> : children}
    </div>
  );
}

/** Why the link cannot be used, in words, and what to do next (`next`). */
export function LinkProblem({ state, next }: { state: LinkProblemState; next?: ReactNode }) {
  const { t } = useMessages(linkMessages);
  return (
    <div className="notice notice--info" role="status" data-link-state={state}>
      <p>{t(`state.${state}`)}</p>
      {next}
    </div>
  );
}

/**
 * For a link meant for one address while someone else is signed in: says so
 * and offers to sign out, after which the page goes on as for anyone not
 * signed in. Renders nothing when nobody, or the link's own address, is signed in.
 */
export function OtherAccountNotice({ email }: { email: string }) {
  const { t } = useMessages(linkMessages);
  const auth = useAuth();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  if (!auth.user || auth.user.email?.toLowerCase() === email.toLowerCase()) return null;
  async function switchAccount() {
    try {
      setProblem(null);
      await auth.signOut();
    } catch (error) {
      setProblem(problemOfThrown(error));
    }
  }
  return (
    <div className="notice notice--info" role="status">
      <p>{t('otherAccount', { email, current: auth.user.email ?? auth.user.displayName })}</p>
      <ErrorNotice problem={problem} />
      <button type="button" className="button button--secondary" onClick={() => void switchAccount()}>
        {t('switchAccount', { email })}
      </button>
    </div>
  );
}

/** Whether the person signed in is the link's own address. */
export function useSignedInAs(email: string | undefined): boolean {
  const auth = useAuth();
  return !!auth.user && !!email && auth.user.email?.toLowerCase() === email.toLowerCase();
}

/**
 * The page of an unsubscribe link: what stops, and the button that stops it
 * (`stop`, whose answer is `result`). The link's token is signed, not
 * stored, so the page learns whether it is genuine only from the answer.
 */
export function UnsubscribePage({
  words,
  result,
  stop,
}: {
  words: { title: string; intro: string; submit: string; done: string; invalid: string };
  result: { data?: unknown; error?: CombinedError; fetching: boolean };
  stop: (token: string) => void;
}) {
  const token = useLinkToken();
  usePageTitle(words.title);
  const refused = !token ? 'LINK_NOT_VALID' : linkProblemOf(result.error);
  return (
    <LinkPage title={words.title} checking={false} onRetry={() => stop(token)}>
      {result.data ? (
        <p className="notice notice--success" role="status">
          {words.done}
        </p>
      ) : refused ? (
        <LinkProblem state={refused} next={<p>{words.invalid}</p>} />
      ) : (
        <>
          <p>{words.intro}</p>
          <ErrorNotice error={result.error} />
          <button type="button" className="button button--primary" disabled={result.fetching} onClick={() => stop(token)}>
            {words.submit}
          </button>
        </>
      )}
    </LinkPage>
  );
}
