import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import ownTables from './eslint-rules/own-tables.mjs';

/*
 * Imports between libs. A lib is used through its index (`@app/x`), never
 * through its files (`@app/x/some/file`, `../../libs/x/src/...`); the one
 * public entry below an index is the pure pairing engine, for the benchmark.
 * And each lib imports only libs of a lower layer: libs of one layer never
 * import each other, so no cycle can form. libs/dev-services is for the
 * launcher and the tests only: no lib imports it.
 */
const LAYERS = {
  rules: -1,
  core: 0,
  notifications: 1,
  cities: 1,
  identity: 2,
  pairing: 3,
  twinning: 4,
  projects: 5,
  funding: 6,
  knowledge: 7,
  events: 7,
  platform: 8,
  'dev-services': 0,
};
const INTO_A_LIB = [
  { regex: '^@app/(?!pairing/engine$)[a-z-]+/', message: 'Import a lib through its index (@app/<lib>): its files are its own.' },
  { regex: '^(\\.\\./)+(libs/)?[a-z-]+/src(/|$)', message: 'Import a lib through its index (@app/<lib>), not by a relative path into it.' },
];
/** Resolvers take their arguments through @app/core's Args, which validates them (libs/core/src/graphql/args.decorator.ts). */
const VALIDATED_ARGS = [{ name: '@nestjs/graphql', importNames: ['Args'], message: "Use Args from @app/core: it validates the argument against its class's rules." }];
const importRules = (patterns) => ({ 'no-restricted-imports': ['error', { patterns, paths: VALIDATED_ARGS }] });
/** libs/rules is plain TypeScript for the API and the browser alike: no framework, no database, no other lib. */
const PURE = [{ group: ['@nestjs/*', 'typeorm', 'pg', 'ioredis', 'bullmq', 'node:*', '@app/*'], message: 'libs/rules is plain TypeScript that the web app runs too: no Nest, database, Node or other lib.' }];
/** The web app reaches the server's code only through libs/rules. */
const WEB = [{ regex: '^@app/(?!rules$)', message: 'The web app uses the API through GraphQL; of the libs it imports only @app/rules.' }];
const layerBlocks = Object.entries(LAYERS).map(([lib, layer]) => ({
  files: [`libs/${lib}/**/*.{ts,tsx}`],
  rules: importRules([
    ...INTO_A_LIB,
    ...Object.entries(LAYERS)
      .filter(([other, otherLayer]) => other !== lib && (otherLayer >= layer || other === 'dev-services') && lib !== 'dev-services')
      .map(([other, otherLayer]) => ({
        group: [`@app/${other}`],
        message:
          other === 'dev-services'
            ? 'libs/dev-services is for the launcher and the tests, never for a lib.'
            : `libs/${lib} (layer ${layer}) may not import libs/${other} (layer ${otherLayer}): a lib imports only lower layers (README: how the libs depend on each other).`,
      })),
  ]),
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', 'jest.config.js', 'apps/web/src/gql/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Decorated entity relations and Function types for migration lists are idiomatic here.
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through loadConfig() (libs/core/src/config).' },
      ],
    },
  },
  {
    // The config module is the only reader of the environment; test infrastructure passes it on.
    files: ['libs/core/src/config/**', 'test/**', 'scripts/start.ts', 'scripts/test-stack.ts', 'scripts/web-stack.ts', 'scripts/bench-web.ts', 'scripts/bench-api.ts', 'scripts/drill.ts', 'scripts/drill/settings.ts', 'scripts/drill/stack.ts', 'scripts/bench-api/io-recorder.ts', 'scripts/bench-api/cpu-profile.ts', 'libs/dev-services/**', 'apps/web/vite.config.mts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  { files: ['**/*.{ts,tsx,mts}'], rules: importRules(INTO_A_LIB) },
  ...layerBlocks,
  { files: ['libs/rules/**/*.ts'], rules: importRules([...INTO_A_LIB, ...PURE]) },
  {
    // Each lib answers for its own tables (eslint-rules/own-tables.mjs).
    files: ['libs/**/*.ts'],
    plugins: { boundaries: { rules: { 'own-tables': ownTables } } },
    rules: { 'boundaries/own-tables': 'error' },
  },
  { files: ['apps/web/**/*.{ts,tsx}'], rules: importRules([...INTO_A_LIB, ...WEB]) },
  {
    // The API benchmark's bare server imports the pure files the platform's own code runs (the request
    // limit's window, the request loaders, Markdown to text, the pairing engine, @app/rules), past the indexes that would load Nest; never a framework.
    files: ['scripts/bench-api/bare-*.ts'],
    rules: importRules([
      { group: ['@nestjs/*', 'typeorm', 'class-validator', 'class-transformer'], message: 'The benchmark\'s baseline runs without Nest, TypeORM or class-validator: that is what it measures.' },
      { regex: '^@app/(?!(core/graphql/sliding-window-limiter|core/graphql/loaders|knowledge/markdown|pairing/engine|rules)$)', message: 'The baseline imports only the pure files it names (core/graphql/sliding-window-limiter, core/graphql/loaders, knowledge/markdown, pairing/engine, rules): an index would load Nest.' },
    ]),
  },
  {
    // Jest's global setup (and the template builder it shares) runs without the module mapping: it reaches dev-services by its path.
    files: ['test/setup/global-setup.ts', 'test/setup/global-teardown.ts', 'test/support/template.ts'],
    rules: importRules([INTO_A_LIB[0]]),
  },
  {
    // The web app: React's rules of hooks; it reads no server environment.
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
