import type { CodegenConfig } from '@graphql-codegen/cli';

/** Types for every query the web app sends, from the committed schema.gql (run from the repository root). */
const config: CodegenConfig = {
  schema: 'schema.gql',
  documents: ['apps/web/src/**/*.{ts,tsx}', '!apps/web/src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'apps/web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string' }, skipTypename: true },
    },
  },
};
export default config;
