import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

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
    files: ['libs/core/src/config/**', 'test/**', 'scripts/start.ts', 'scripts/test-stack.ts', 'scripts/web-stack.ts', 'scripts/bench-web.ts', 'libs/dev-services/**', 'apps/web/vite.config.mts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // The web app: React's rules of hooks; it reads no server environment.
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
