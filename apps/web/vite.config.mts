import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react-swc';
import { defineConfig, loadEnv } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
/**
 * In development the dev server hands every API path to the API of npm start: at API_ORIGIN, else on
 * the PORT it listens on (the environment's, then the repository's .env), so a link to the open data
 * or a calendar reaches the API wherever it was started.
 */
const env = loadEnv('development', fileURLToPath(new URL('../..', import.meta.url)), '');
const api = env.API_ORIGIN || `http://localhost:${env.PORT || '3000'}`;
/**
 * The browser's Host stays as it is (changeOrigin off): the session cookie's endpoints accept a
 * request only from the site it names (its Origin must match the Host it was sent to), and the
 * dev server's site is this one.
 */
const toApi = { target: api, changeOrigin: false };

export default defineConfig({
  root,
  plugins: [react()],
  // The rules the API applies too, from their one copy (libs/rules: plain TypeScript).
  resolve: { alias: { '@app/rules': fileURLToPath(new URL('../../libs/rules/src', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    // The GraphQL IDE's editor (Monaco, about 2.8 MB) is the one chunk above Vite's default of 500 kB; pages
    // never load it. The web app's own largest chunk is about 440 kB: the limit still catches it growing.
    chunkSizeWarningLimit: 3000,
    // The web app, and the developers' GraphQL IDE the API serves at /graphql outside production.
    rollupOptions: {
      input: { main: fileURLToPath(new URL('index.html', import.meta.url)), graphiql: fileURLToPath(new URL('graphiql.html', import.meta.url)) },
      // GraphiQL's modules start with React Compiler directives ("use no memo") a bundle cannot keep: harmless, and not ours to fix.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.id?.includes('node_modules')) return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '^/(graphql|health|auth|account|open-data|feeds|calendars)(/|$)': toApi,
      '^/(events|workspaces)/(unsubscribe|accept-invitation)': toApi,
      '^/.+\\.(ics|csv|atom|json)$': toApi,
    },
  },
});
