import {
  type DocumentNode,
  type FieldNode,
  getNamedType,
  getNullableType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  isListType,
  isObjectType,
  Kind,
  parse,
  type SelectionSetNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { DemoPerson, TestApp } from '../../support/harness';

/**
 * The lists of the schema, and what a query selects of them: the statement
 * count test (list-statement-counts.e2e-spec.ts) runs every list field at two
 * sizes and fails on a list field no case selects.
 */

export type Variables = Record<string, unknown>;

/** What the cases share: the app, who is signed in, and the ids of the rows each domain's setup made. */
export interface Fixture {
  app: TestApp;
  /** Access tokens by demo person (and any extra person a setup signs in). */
  t: Record<string, string>;
  /** User ids by the same keys. */
  id: Record<string, string>;
  /** Ids of rows the setups made, by name. */
  rows: Record<string, string>;
}

export interface ListCase {
  name: string;
  /** Who reads: a demo person (or a person a setup signed in); nobody signed in when absent. */
  as?: DemoPerson | string;
  query: string;
  /** The variables of the smaller run and of the larger one (none when absent). */
  sizes?: (f: Fixture) => [Variables, Variables];
  /** Adds rows between the two runs, for lists no argument sizes (the reader's own sessions, say). */
  grow?: (f: Fixture) => Promise<void>;
}

/** A paged list: an object type with nodes, edges and pageInfo. */
export function isConnection(type: GraphQLObjectType): boolean {
  const fields = type.getFields();
  return !!fields.nodes && !!fields.edges && !!fields.pageInfo;
}

/** A field returning a paged list, or a list (nullable or not) of objects; scalar lists are columns of their row. */
function isListField(field: GraphQLField<unknown, unknown>): boolean {
  const named = getNamedType(field.type);
  if (!isObjectType(named)) return false;
  return isConnection(named) || isListType(getNullableType(field.type));
}

/**
 * Every list field of the schema the API answers queries with, as Type.field:
 * on Query and on every object type, except the connections' own nodes and
 * edges (the field returning the connection covers them) and Mutation's fields
 * (answers to one change, not lists read).
 */
export function listFieldsOf(schema: GraphQLSchema): string[] {
  const fields: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type === schema.getMutationType() || isConnection(type)) continue;
    for (const field of Object.values(type.getFields())) if (isListField(field)) fields.push(`${type.name}.${field.name}`);
  }
  return fields.sort();
}

/** The list fields a query selects, as Type.field. */
export function listFieldsSelected(schema: GraphQLSchema, document: DocumentNode): Set<string> {
  const typeInfo = new TypeInfo(schema);
  const selected = new Set<string>();
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (parent && field && isListField(field)) selected.add(`${parent.name}.${field.name}`);
      },
    }),
  );
  return selected;
}

/** How much of each list field an answer holds: in how many places it was answered (not null), and how many items in all. */
export type Sizes = Map<string, { places: number; items: number }>;

/** Measures the lists of an answer to `document` (fields and inline fragments; no named fragments). */
export function listSizes(schema: GraphQLSchema, document: DocumentNode, data: unknown): Sizes {
  const sizes: Sizes = new Map();
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) throw new Error('The document holds no operation');
  const walk = (selections: SelectionSetNode, type: GraphQLObjectType, value: Record<string, unknown>) => {
    for (const selection of selections.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as GraphQLObjectType) : type, value);
        continue;
      }
      if (selection.kind !== Kind.FIELD) throw new Error('Named fragments are not measured: write the fields out');
      const node: FieldNode = selection;
      const field = type.getFields()[node.name.value];
      if (!field) continue; // __typename
      const answer = value[node.alias?.value ?? node.name.value];
      const named = getNamedType(field.type);
      if (answer === null || answer === undefined || !isObjectType(named) || !node.selectionSet) continue;
      if (isListField(field)) {
        const key = `${type.name}.${field.name}`;
        const size = sizes.get(key) ?? { places: 0, items: 0 };
        const page = answer as { nodes?: unknown[]; edges?: unknown[] };
        size.places += 1;
        size.items += Array.isArray(answer) ? answer.length : (page.nodes ?? page.edges ?? []).length;
        sizes.set(key, size);
      }
      for (const item of Array.isArray(answer) ? answer : [answer]) walk(node.selectionSet, named, item as Record<string, unknown>);
    }
  };
  walk(operation.selectionSet, schema.getQueryType()!, data as Record<string, unknown>);
  return sizes;
}

/** The statements that ran a different number of times in two runs, with both counts: what the larger one repeats. */
export function statementsThatDiffer(smaller: readonly string[], larger: readonly string[]): string[] {
  // A list of parameters ($1, $2, $3) is one whatever its length, and a page's LIMIT is its size: the same statement for more rows.
  const same = (s: string) => s.replace(/\$\d+(, \$\d+)*/g, '$n').replace(/\bLIMIT \d+/g, 'LIMIT n');
  const count = (statements: readonly string[]) => statements.map(same).reduce((m, s) => m.set(s, (m.get(s) ?? 0) + 1), new Map<string, number>());
  const [a, b] = [count(smaller), count(larger)];
  return [...new Set([...a.keys(), ...b.keys()])].filter((s) => a.get(s) !== b.get(s)).map((s) => `${a.get(s) ?? 0} → ${b.get(s) ?? 0}: ${s.slice(0, 400)}`);
}

export const document = (query: string): DocumentNode => parse(query);
