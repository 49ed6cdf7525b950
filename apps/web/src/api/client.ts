import { authExchange } from '@urql/exchange-auth';
import { cacheExchange, Client, fetchExchange } from 'urql';
import { sessionStore } from '../auth/session';
import { i18n } from '../i18n';

/**
 * One GraphQL client for the app. Every request carries the current access
 * token; one that expired is refreshed first (or on an UNAUTHENTICATED answer)
 * and the request is sent again, so an expired session never loses what a
 * person was doing.
 */
export function createClient(): Client {
  let token = sessionStore.get()?.accessToken ?? null;
  return new Client({
    url: '/graphql',
    requestPolicy: 'cache-and-network',
    // POST with a JSON body: Apollo Server's CSRF protection refuses a GET without a preflight header.
    preferGetMethod: false,
    fetchOptions: () => ({ headers: { 'accept-language': i18n.language } }),
    exchanges: [
      cacheExchange,
      authExchange(async (utils) => ({
        addAuthToOperation(operation) {
          token = sessionStore.get()?.accessToken ?? null;
          return token ? utils.appendHeaders(operation, { authorization: `Bearer ${token}` }) : operation;
        },
        willAuthError() {
          const session = sessionStore.get();
          return !!session && Date.parse(session.accessTokenExpiresAt) - Date.now() < 30_000;
        },
        didAuthError(error) {
          return error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED') && !!sessionStore.get();
        },
        async refreshAuth() {
          token = await sessionStore.freshAccessToken(true).catch(() => token);
        },
      })),
      fetchExchange,
    ],
  });
}
