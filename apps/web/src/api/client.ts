import { authExchange } from '@urql/exchange-auth';
import { cacheExchange, Client, fetchExchange } from 'urql';
import { sessionStore } from '../auth/session';
import { i18n } from '../i18n';

/**
 * One GraphQL client for the app. Every request carries this tab's access
 * token (held in memory only, see auth/session.ts); a missing or expiring one
 * is refreshed first (or on an UNAUTHENTICATED answer) and the request is sent
 * again, so an expired token never loses what a person was doing. A refresh
 * that fails without ending the session fails the request with its problem.
 */
export function createClient(language: string = i18n.language): Client {
  return new Client({
    url: '/graphql',
    requestPolicy: 'cache-and-network',
    // POST with a JSON body: Apollo Server's CSRF protection refuses a GET without a preflight header.
    preferGetMethod: false,
    fetchOptions: () => ({ headers: { 'accept-language': language } }),
    exchanges: [
      cacheExchange,
      authExchange(async (utils) => ({
        addAuthToOperation(operation) {
          const token = sessionStore.currentAccessToken();
          return token ? utils.appendHeaders(operation, { authorization: `Bearer ${token}` }) : operation;
        },
        // Signed in without a good token (a reload, a new tab, a long sleep): refresh before sending.
        willAuthError() {
          return sessionStore.needsRefresh();
        },
        didAuthError(error) {
          return error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED') && !!sessionStore.currentUser();
        },
        async refreshAuth() {
          // A refresh that failed without ending the session (too many requests, an outage, offline)
          // fails the waiting requests with its problem (problemOf reports it); the person stays signed in.
          await sessionStore.freshAccessToken(true);
        },
      })),
      fetchExchange,
    ],
  });
}
