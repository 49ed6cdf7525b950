import { getNamedType, isCompositeType, isListType, isNonNullType, type DocumentNode, type GraphQLField, type GraphQLSchema } from 'graphql';
import type { ComplexityEstimator as FieldComplexity } from '@nestjs/graphql';
import { getComplexity, type ComplexityEstimator, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { LANGUAGES } from '../auth/roles';
import { DEFAULT_PAGE_SIZE } from './pagination';

/**
 * What a query costs, so that one request cannot ask for much more work than
 * a page of the web app does.
 *
 * The unit is about 10 µs of server time, measured on the 2-core development
 * machine with the demo data: a field costs 1, and `cities(first: 20) { nodes
 * { id nameEn } }`, which costs 80, takes about 0.75 ms. A field whose
 * resolver computes or searches declares the work of one call with
 * `complexity` in its @Query/@Field options, from timing that resolver
 * under the same conditions (many aliases of it in one request, divided by
 * their number). That work counts once per call, and every call counts:
 * once per alias, and once per item of every list around it.
 *
 *     cost(field) = work + size × (1 + cost of what is selected inside it)
 *
 * where size is
 * - for a paginated field, its page size (`first`, default DEFAULT_PAGE_SIZE);
 * - for a list of objects without `first`, the most items it can hold: what
 *   the field declares with listOfAtMost where the real bound is known, else
 *   DEFAULT_LIST_SIZE (the items of a page, `nodes` and `edges`, are counted
 *   by the page's `first` and declare itemsOfPage);
 * - 1 for anything else, a list of scalars or enums included (one value).
 * Pricing an unbounded list as one item would let a query nest lists that
 * point back at their parent (a city's indicators, each with its city and
 * its indicators again) and ask for millions of objects at a small cost.
 * `complexity` is either the work (a number) or a function returning the
 * whole cost of the field (see costWhen, listOfAtMost and itemsOfPage).
 */
export const costEstimator: ComplexityEstimator = (options) => {
  // Introspection (off in production) answers from the schema in memory, however much of it is asked.
  if (INTROSPECTION_FIELDS.has(options.field.name)) return INTROSPECTION_COST;
  const declared = options.field.extensions?.complexity as number | FieldComplexity | undefined;
  if (typeof declared === 'function') return declared(options);
  return (typeof declared === 'number' ? declared : 0) + selectionCost(options);
};

/**
 * What `__schema` or `__type` costs, whatever is selected inside: the whole
 * introspection query an IDE sends (graphql-js `getIntrospectionQuery`, with
 * deprecated input values) takes about 21 ms on the 2-core machine over this
 * schema. Priced per field rather than by what it selects, which would price
 * every type as a list of DEFAULT_LIST_SIZE and refuse the IDE its schema.
 * Introspection is off in production (graphql.module.ts).
 */
export const INTROSPECTION_COST = 2_100;
const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

/** What a field costs for what it returns: 1 plus what is selected inside it, times its page size. */
export function selectionCost({ field, args, childComplexity }: Pick<ComplexityEstimatorArgs, 'field' | 'args' | 'childComplexity'>): number {
  return (1 + childComplexity) * pageSize(field, args);
}

/**
 * How many items a list of objects without pagination is priced at when its
 * field declares no bound of its own (listOfAtMost). A little above the
 * default page size, so that leaving a list unpaginated never makes it
 * cheaper than a default page of it; and above what every such list holds
 * in the demo data except the few that declare a larger bound (the largest
 * others hold 12: a city's indicators, a weight profile's weights).
 */
export const DEFAULT_LIST_SIZE = 25;

/**
 * How many items a field is priced at: its page size from `first` for a
 * paginated field (never below 0: a negative `first`, which validation
 * refuses later, must not lower the cost of the rest of the request),
 * DEFAULT_LIST_SIZE for any other list of objects, 1 for anything else.
 */
function pageSize(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  if (field.args.some((a) => a.name === 'first')) {
    const first = typeof args.first === 'number' && Number.isFinite(args.first) ? args.first : DEFAULT_PAGE_SIZE;
    return Math.max(0, first);
  }
  return isObjectList(field) ? DEFAULT_LIST_SIZE : 1;
}

/** A list (nullable or not) whose items are objects, which each select fields of their own. */
function isObjectList(field: GraphQLField<unknown, unknown>): boolean {
  const type = isNonNullType(field.type) ? field.type.ofType : field.type;
  return isListType(type) && isCompositeType(getNamedType(type));
}

/**
 * The work of one password hash or check (argon2id, 64 MiB, 3 passes): about
 * 130 ms of CPU, which by the unit above (13,000) is more than a whole request
 * may cost. Priced at 4,000 instead, so that an operation that hashes once
 * (signUp, signIn, resetPassword, accepting an invitation with a password) or
 * twice (changePassword checks the old password, then hashes the new one)
 * still fits in a request, while three hashes do not (12,000 against the
 * default GRAPHQL_MAX_COMPLEXITY of 10,000): aliases can no longer make one
 * request hash dozens of passwords. Declared on every operation that hashes
 * or checks a password; the cost budget (GRAPHQL_RATE_MAX_COST) then holds a
 * client to about 50 hashes a minute.
 */
export const PASSWORD_HASH_COST = 4000;

/** Work that only some calls do: `work` when `applies(args)` (a search term, weights of one's own), else none. */
export function costWhen(work: number, applies: (args: Record<string, unknown>) => boolean): FieldComplexity {
  return (options) => (applies(options.args) ? work : 0) + selectionCost(options);
}

/**
 * A list without pagination that holds at most `maxItems` (a limit the code
 * enforces, or one the domain sets, said in a comment where it is declared;
 * a function when it depends on the field's arguments): each item costs what
 * is selected of it, and `work` counts once per call.
 */
export function listOfAtMost(maxItems: number | ((args: Record<string, unknown>) => number), work = 0): FieldComplexity {
  return (options) => work + (1 + options.childComplexity) * (typeof maxItems === 'function' ? maxItems(options.args) : maxItems);
}

/** The countries a twinning, a fund or a board brings together: two. */
const PAIRED_COUNTRIES = 2;

/**
 * A list with one item per country of the pair: a twinning's two cities (and a
 * lead, a budget, a member count or a piece of evidence per city), an amount
 * or a balance per currency (each country pays in its own), a time in each
 * country's zone.
 */
export const ONE_PER_COUNTRY = listOfAtMost(PAIRED_COUNTRIES);

/** A list with one item per language of the platform (LANGUAGES: English and Korean), such as a text's versions. */
export const ONE_PER_LANGUAGE = listOfAtMost(LANGUAGES.length);

/** A time in its own zone (an event's), then in each country's zone. */
export const OWN_ZONE_AND_ONE_PER_COUNTRY = listOfAtMost(1 + PAIRED_COUNTRIES);

/**
 * The items of a page (a connection's `nodes` and `edges`, a search's hits):
 * the field that returns the page has already multiplied them by its `first`.
 */
export const itemsOfPage: FieldComplexity = (options) => 1 + options.childComplexity;

/**
 * The cost of one operation of `document` (the named one, or its only one) with these variables.
 *
 * A pure function of its arguments, so it is remembered per document (Apollo hands the same parsed
 * document to every request that sends the same text) and variables: the web app asks the same
 * few questions all day, and walking the document costs about as much as a small query's SQL.
 * Variables longer than COSTS_KEY_LIMIT as JSON (typed text of a mutation) are not remembered.
 */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string): number {
  const json = JSON.stringify(variables);
  if (json.length > COSTS_KEY_LIMIT) return getComplexity({ schema, query: document, variables, operationName, estimators: [costEstimator] });
  let costs = knownCosts.get(document);
  if (!costs || costs.schema !== schema) {
    costs = { schema, byKey: new Map() };
    knownCosts.set(document, costs);
  }
  const key = `${operationName ?? ''}\u0000${json}`;
  let cost = costs.byKey.get(key);
  if (cost === undefined) {
    cost = getComplexity({ schema, query: document, variables, operationName, estimators: [costEstimator] });
    // A few variations per document are remembered; a document asked with ever new variables (a search) starts afresh.
    if (costs.byKey.size >= COSTS_PER_DOCUMENT) costs.byKey.clear();
    costs.byKey.set(key, cost);
  }
  return cost;
}

const COSTS_KEY_LIMIT = 1000;
const COSTS_PER_DOCUMENT = 64;
const knownCosts = new WeakMap<DocumentNode, { schema: GraphQLSchema; byKey: Map<string, number> }>();
