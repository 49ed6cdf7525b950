import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Allow } from '../auth/allow.decorator';
import { BadInputError } from '../errors/error-codes';
import { words } from '../i18n/words';
import { itemsOfPage } from './cost';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `How many items (1 to ${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}).` })
  @IsOptional() @IsInt() @Min(1) @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional() @IsString() @MaxLength(500)
  after?: string;
}

@ObjectType()
@Allow('PUBLIC')
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

export interface Connection<T> {
  nodes: T[];
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  /** A number, or a lazy promise that counts only when GraphQL awaits it, i.e. when the client asks (counting can cost more than the page). */
  totalCount: number | PromiseLike<number>;
}

/**
 * A cursor-paginated list type. Access is governed by the operation that
 * returns it, so the wrapper itself is public.
 */
export function Paginated<T>(classRef: Type<T>, name = classRef.name): Type<Connection<T>> {
  @ObjectType(`${name}Edge`)
  @Allow('PUBLIC')
  class Edge {
    @Field() cursor: string;
    @Field(() => classRef) node: T;
  }

  @ObjectType(`${name}Connection`, { isAbstract: false })
  @Allow('PUBLIC')
  class ConnectionType {
    // Counted by the paginated field's `first` (cost.ts), not as lists of their own.
    @Field(() => [classRef], { complexity: itemsOfPage }) nodes: T[];
    @Field(() => [Edge], { complexity: itemsOfPage }) edges: Edge[];
    @Field(() => PageInfo) pageInfo: PageInfo;
    @Field(() => Int, { description: 'How many items match, across all pages.' }) totalCount: number;
  }
  return ConnectionType as Type<Connection<T>>;
}

/** A sort key: the SQL expression to order by and how to read it from a row. */
export interface SortKey<T> {
  expression: string;
  direction: 'ASC' | 'DESC';
  valueOf: (row: T) => string | number | null;
  /** SQL cast applied to the cursor value when comparing (e.g. 'timestamptz'). */
  cast?: string;
  /** The expression is never NULL: compare rows as (value, id) tuples, which an index on both serves directly. */
  notNull?: boolean;
}

/**
 * Keyset pagination on (sort key, id): stable under inserts, no OFFSET scans.
 * Rows without a sort value come last in either direction.
 * `idExpression` is the row's unique id column; ties on the sort key are broken by it.
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  page: PageArgs,
  sort: SortKey<T>,
  idExpression = `${query.alias}.id`,
): Promise<Connection<T>> {
  const first = page.first ?? DEFAULT_PAGE_SIZE;
  const countQuery = query.clone();
  const totalCount: PromiseLike<number> = { then: (resolve, reject) => countQuery.getCount().then(resolve, reject) };
  sort = atCursorPrecision(sort);
  afterCursor(query, page.after, sort, idExpression);
  const rows = await orderedBy(query.orderBy(), sort, idExpression)
    .take(first + 1)
    .getMany();
  return connectionOf(rows, first, sort, totalCount);
}

/**
 * Cursors carry timestamps to the millisecond; PostgreSQL keeps microseconds. Compare and
 * order at the cursor's precision, so rows sharing a millisecond are split only by id.
 */
export function atCursorPrecision<T>(sort: SortKey<T>): SortKey<T> {
  return sort.cast === 'timestamptz' ? { ...sort, expression: `date_trunc('milliseconds', ${sort.expression})` } : sort;
}

/** Keeps the rows after the cursor `after` (none when there is none) in the order of (sort key, id). */
export function afterCursor<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, after: string | undefined, sort: SortKey<T>, idExpression: string): void {
  if (!after) return;
  const cmp = sort.direction === 'ASC' ? '>' : '<';
  const [value, id] = decodeCursor(after);
  const cast = sort.cast ? `::${sort.cast}` : '';
  if (sort.notNull) {
    query.andWhere(`(${sort.expression}, ${idExpression}) ${cmp} (:cursorValue${cast}, :cursorId)`, { cursorValue: value, cursorId: id });
  } else if (value === null) {
    query.andWhere(`(${sort.expression} IS NULL AND ${idExpression} ${cmp} :cursorId)`, { cursorId: id });
  } else {
    query.andWhere(
      `(${sort.expression} ${cmp} :cursorValue${cast} OR (${sort.expression} = :cursorValue${cast} AND ${idExpression} ${cmp} :cursorId)` +
        ` OR ${sort.expression} IS NULL)`,
      { cursorValue: value, cursorId: id },
    );
  }
}

/** The SQL that orders rows by (sort key, id), rows without a sort value last: for a window's ORDER BY. */
export function orderSql<T>(sort: SortKey<T>, idExpression: string): string {
  return `${sort.expression} ${sort.direction}${sort.notNull ? '' : ' NULLS LAST'}, ${idExpression} ${sort.direction}`;
}

/** Orders by (sort key, id), after whatever order the query has (call orderBy first to replace it). */
export function orderedBy<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, sort: SortKey<T>, idExpression: string): SelectQueryBuilder<T> {
  return query.addOrderBy(sort.expression, sort.direction, sort.notNull ? undefined : 'NULLS LAST').addOrderBy(idExpression, sort.direction);
}

/** A page of `first` items from `rows`, read with one more than `first` to know whether a next page exists. */
export function connectionOf<T extends { id: string }>(rows: T[], first: number, sort: SortKey<T>, totalCount: number | PromiseLike<number>): Connection<T> {
  const hasNextPage = rows.length > first;
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ node, cursor: encodeCursor(sort.valueOf(node), node.id) }));
  return {
    nodes,
    edges,
    totalCount,
    pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
  };
}

export function encodeCursor(value: string | number | null, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [string | number | null, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'string') {
      return parsed as [string | number | null, string];
    }
  } catch {
    // fall through to the error below
  }
  throw BadInputError.field('after', words('is not a cursor this list returned; start again without it.', '이 목록이 준 커서가 아닙니다. after 없이 처음부터 다시 불러와 주세요.'));
}
