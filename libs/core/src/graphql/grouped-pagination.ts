import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from '../auth/auth-user';
import { requestLoader } from './loaders';
import { afterCursor, atCursorPrecision, Connection, connectionOf, DEFAULT_PAGE_SIZE, orderedBy, orderSql, PageArgs, SortKey } from './pagination';

/** A list that belongs to a row of another list (an event's registrations, a workspace's members), paged per owner. */
export interface GroupedList<T extends ObjectLiteral> {
  /** Names the request's loaders of this list (the field: 'twinning.members'). */
  key: string;
  /**
   * What else than the owner the rows are chosen by (the field's filter, the reader's view): two
   * selections of one field with other filters in one request are two lists.
   */
  filter?: object;
  /** The rows of these owners the reader may see, filtered, without order or cursor. */
  rows: (ownerIds: readonly string[]) => SelectQueryBuilder<T>;
  /** The SQL expression naming a row's owner (`r.event_id`), and the owner's id read from a row. */
  owner: { expression: string; of: (row: T) => string };
  sort: SortKey<T>;
  /** The row's unique id column; ties on the sort key are broken by it (default `<alias>.id`). */
  idExpression?: string;
}

/**
 * One owner's page of a list, as `paginate` gives it (same order, cursors and
 * totalCount), read with every other owner's page the request asks for: the
 * pages of all the owners of one list (every event of a page of events) are
 * one statement, each owner's first + 1 rows picked by
 * row_number() OVER (PARTITION BY owner ...), and their totals, when asked,
 * one more. The page arguments are part of the loader's key: owners asked
 * with the same `first` and `after` share a statement. The window ranks every
 * row of the owners asked about; an owner asked about alone is read with a
 * LIMIT instead.
 */
export function pageOfOwner<T extends ObjectLiteral & { id: string }>(ctx: RequestContext, list: GroupedList<T>, ownerId: string, page: PageArgs): Promise<Connection<T>> {
  const first = page.first ?? DEFAULT_PAGE_SIZE;
  const sort = atCursorPrecision(list.sort);
  const key = `${list.key}:${filterKey(list.filter ?? {})}`;
  const totals = requestLoader<string, number>(ctx, `${key}:total`, async (ownerIds) => {
    const query = list.rows(ownerIds);
    const id = list.idExpression ?? `${query.alias}.id`;
    const rows: Array<{ owner: string; total: number }> = await query
      .select(list.owner.expression, 'owner')
      .addSelect(`count(DISTINCT ${id})::int`, 'total')
      .groupBy(list.owner.expression)
      .getRawMany();
    return ownerIds.map((owner) => rows.find((r) => String(r.owner) === owner)?.total ?? 0);
  });
  const pages = requestLoader<string, T[]>(ctx, `${key}:page:${first}:${page.after ?? ''}`, async (ownerIds) => {
    const query = list.rows(ownerIds);
    const id = list.idExpression ?? `${query.alias}.id`;
    afterCursor(query, page.after, sort, id);
    // One owner (a fund's log on its own page): its page as paginate reads it, by the index and a LIMIT.
    if (ownerIds.length === 1) return [await orderedBy(query.orderBy(), sort, id).limit(first + 1).getMany()];
    const ranked = query
      .clone()
      .select(id, 'id')
      .addSelect(`row_number() OVER (PARTITION BY ${list.owner.expression} ORDER BY ${orderSql(sort, id)})`, 'place');
    query.andWhere(`${id} IN (SELECT ranked.id FROM (${ranked.getQuery()}) ranked WHERE ranked.place <= :pageRows)`, { pageRows: first + 1 });
    const rows = await orderedBy(query.orderBy(list.owner.expression), sort, id).getMany();
    const byOwner = new Map<string, T[]>(ownerIds.map((owner) => [owner, []]));
    for (const row of rows) byOwner.get(list.owner.of(row))?.push(row);
    return ownerIds.map((owner) => byOwner.get(owner)!);
  });
  const totalCount: PromiseLike<number> = { then: (resolve, reject) => totals.load(ownerId).then(resolve, reject) };
  return pages.load(ownerId).then((rows) => connectionOf(rows, first, sort, totalCount));
}

/** The filter as text, its keys sorted and the ones not given left out: equal filters, equal text. */
function filterKey(filter: object): string {
  const given = Object.entries(filter).filter(([, value]) => value !== undefined && value !== null);
  return JSON.stringify(given.sort(([a], [b]) => a.localeCompare(b)));
}
