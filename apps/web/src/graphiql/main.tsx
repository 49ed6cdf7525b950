/**
 * The developers' GraphQL IDE at /graphql (outside production): GraphiQL from
 * the app's own bundle, so it works offline and loads nothing from a CDN.
 * The API serves this page for a browser's GET of /graphql (apps/api/src/graphql-ide.ts).
 */
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './graphiql.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/** Signed-in operations need a token: sign in with this mutation and send `Authorization: Bearer <accessToken>` in Headers. */
const FIRST_QUERY = `# The Innovation Twins API. Public reads need no sign-in; for the others, run
#   mutation { signIn(input: { email: "admin@demo.twins.test", password: "twins-demo-2026" }) { accessToken } }
# and put {"Authorization": "Bearer <accessToken>"} in Headers below.
query Countries {
  countries {
    code
    nameEn
    nameKo
  }
}
`;

const fetcher = createGraphiQLFetcher({ url: '/graphql' });

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultQuery={FIRST_QUERY} />
  </StrictMode>,
);
