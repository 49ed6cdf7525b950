import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLObjectType, isObjectType, lexicographicSortSchema, printSchema } from 'graphql';
import { startTestApp, TestApp } from '../support/harness';

describe('the GraphQL schema', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ worker: false, env: { GRAPHQL_MAX_DEPTH: '3', GRAPHQL_MAX_COMPLEXITY: '2000' } });
  });
  afterAll(() => app.close());

  it('declares who may use every operation and every field (deny by default)', () => {
    const { schema } = app.api.get(GraphQLSchemaHost);
    const undeclared: string[] = [];
    let checked = 0;
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      const typeRule = (type as GraphQLObjectType).extensions?.allow;
      for (const field of Object.values(type.getFields())) {
        checked++;
        if (!field.extensions?.allow && !typeRule) undeclared.push(`${type.name}.${field.name}`);
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(undeclared).toEqual([]);
    // Root operations must each declare their own rule: a type-wide default would open new ones silently.
    for (const root of [schema.getQueryType(), schema.getMutationType()]) {
      for (const field of Object.values(root!.getFields())) {
        expect([`${root!.name}.${field.name}`, field.extensions?.allow]).toEqual([`${root!.name}.${field.name}`, expect.any(Array)]);
      }
    }
  });

  it('matches the committed schema.gql (run `npm start` or `npm run schema` to regenerate it)', () => {
    const { schema } = app.api.get(GraphQLSchemaHost);
    const committed = readFileSync(join(__dirname, '..', '..', 'schema.gql'), 'utf8');
    const current = printSchema(lexicographicSortSchema(schema));
    expect(normalise(committed)).toBe(normalise(current));
  });

  it('refuses queries nested deeper than the limit', async () => {
    // This file runs with GRAPHQL_MAX_DEPTH=3.
    expect((await app.gql(`query { organisations { nodes { city { id } } } }`)).errors).toBeUndefined();
    const refused = await app.gql(`query { organisations { nodes { city { country { code } } } } }`);
    expect(refused.errors?.[0].message).toMatch(/exceeds maximum operation depth of 3/);
  });

  it('refuses queries that would cost too much', async () => {
    const wide = `query { a: organisations(first: 100) { nodes { id city { id } } } b: organisations(first: 100) { nodes { id city { id } } } c: organisations(first: 100) { nodes { id city { id } } } d: organisations(first: 100) { nodes { id city { id } } } e: organisations(first: 100) { nodes { id city { id } } } f: organisations(first: 100) { nodes { id city { id } } } }`;
    const res = await app.gql(wide);
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/too large/);
  });

  it('caps the page size with a clear message', async () => {
    const res = await app.gql(`query { organisations(first: 101) { nodes { id } } }`);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'first', message: expect.stringMatching(/100/) }] });
  });

  it('paginates with cursors', async () => {
    type Page = { organisations: { nodes: Array<{ nameEn: string }>; pageInfo: { hasNextPage: boolean; endCursor: string }; totalCount: number } };
    const q = `query($after: String) { organisations(first: 5, after: $after) { nodes { nameEn } pageInfo { hasNextPage endCursor } totalCount } }`;
    const first = await app.gqlOk<Page>(q);
    const second = await app.gqlOk<Page>(q, { after: first.organisations.pageInfo.endCursor });
    const names = [...first.organisations.nodes, ...second.organisations.nodes].map((n) => n.nameEn);
    expect(first.organisations.totalCount).toBe(9);
    expect(names).toHaveLength(9);
    expect(new Set(names).size).toBe(9);
    expect([...names].sort()).toEqual(names);
    expect(first.organisations.pageInfo.hasNextPage).toBe(true);
    expect(second.organisations.pageInfo.hasNextPage).toBe(false);
    const bad = await app.gql(q, { after: 'not-a-cursor' });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'after' }] });
  });

  it('answers NOT_FOUND for what does not exist, with a readable message', async () => {
    const res = await app.gql(`query { organisation(id: "00000000-0000-4000-8000-000000000000") { id } }`);
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' }, message: expect.stringMatching(/No organisation/) });
  });

  it('serves liveness and readiness', async () => {
    expect(await (await fetch(`${app.url}/health/live`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${app.url}/health/ready`)).json()).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up' } });
    // Other HTTP errors keep Nest's JSON answers (the GraphQL error filter leaves them alone). Paths
    // outside the API's own are the web app's (test/core/web-app.e2e-spec.ts).
    const missing = await fetch(`${app.url}/health/no-such-check`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ statusCode: 404 });
  });
});

function normalise(schema: string): string {
  return schema
    .replace(/\r\n/g, '\n')
    .split('\n')
    .filter((line) => !line.startsWith('# '))
    .join('\n')
    .trim();
}

describe('input validation', () => {
  it('validates every field of every input and argument type, so none is silently dropped', async () => {
    // Loaded after the app: every resolver module has registered its types.
    // Nest's type registry is internal: reach it by file, next to the package's entry point.
    const storagePath = join(dirname(require.resolve('@nestjs/graphql')), 'schema-builder', 'storages', 'type-metadata.storage.js');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { TypeMetadataStorage } = require(storagePath);
    const { getMetadataStorage } = await import('class-validator');
    const validators = getMetadataStorage();
    const unvalidated: string[] = [];
    const classes = [...TypeMetadataStorage.getInputTypesMetadata(), ...TypeMetadataStorage.getArgumentsMetadata()];
    expect(classes.length).toBeGreaterThan(20);
    for (const type of classes) {
      const checked = new Set(
        validators.getTargetValidationMetadatas(type.target, '', true, false).map((m: { propertyName: string }) => m.propertyName),
      );
      for (const property of type.properties ?? []) {
        if (!checked.has(property.name)) unvalidated.push(`${type.name}.${property.name}`);
      }
    }
    expect(unvalidated).toEqual([]);
  });
});
