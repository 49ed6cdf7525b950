import type { DocumentNode, GraphQLField, GraphQLSchema } from 'graphql';
import type { ComplexityEstimator as FieldComplexity } from '@nestjs/graphql';
import { getComplexity, type ComplexityEstimator, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
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
 * where size is the page size (`first`, default DEFAULT_PAGE_SIZE) for a
 * paginated field and 1 for anything else. `complexity` is either that work
 * (a number) or a function returning the whole cost of the field (see
 * costWhen and listOfAtMost).
 */
export const costEstimator: ComplexityEstimator = (options) => {
  const declared = options.field.extensions?.complexity as number | FieldComplexity | undefined;
  if (typeof declared === 'function') return declared(options);
  return (typeof declared === 'number' ? declared : 0) + selectionCost(options);
};

/** What a field costs for what it returns: 1 plus what is selected inside it, times its page size. */
export function selectionCost({ field, args, childComplexity }: Pick<ComplexityEstimatorArgs, 'field' | 'args' | 'childComplexity'>): number {
  return (1 + childComplexity) * pageSize(field, args);
}

/**
 * The page size a paginated field will return, from its `first` argument.
 * Never below 0: a negative `first` (which validation refuses later) must
 * not lower the cost of the rest of the request.
 */
function pageSize(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  if (!field.args.some((a) => a.name === 'first')) return 1;
  const first = typeof args.first === 'number' && Number.isFinite(args.first) ? args.first : DEFAULT_PAGE_SIZE;
  return Math.max(0, first);
}

/** Work that only some calls do: `work` when `applies(args)` (a search term, weights of one's own), else none. */
export function costWhen(work: number, applies: (args: Record<string, unknown>) => boolean): FieldComplexity {
  return (options) => (applies(options.args) ? work : 0) + selectionCost(options);
}

/** A list without pagination that may hold up to `maxItems`: each item costs what is selected of it. */
export function listOfAtMost(maxItems: number, work = 0): FieldComplexity {
  return (options) => work + (1 + options.childComplexity) * maxItems;
}

/** The cost of one operation of `document` (the named one, or its only one) with these variables. */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string): number {
  return getComplexity({ schema, query: document, variables, operationName, estimators: [costEstimator] });
}
