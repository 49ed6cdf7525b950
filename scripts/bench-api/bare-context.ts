import type DataLoader from 'dataloader';
import { requestLoader } from '@app/core/graphql/loaders';
import type { Pool } from 'pg';

/**
 * What the baseline's resolvers get (scripts/bench-api/bare-server.ts): the
 * pool, the signed-in person as the platform's session lookup reads them, the
 * request's language and its batched loaders.
 */
export interface BareUser {
  id: string;
  email: string;
  displayName: string;
  language: 'en' | 'ko';
  timeZone: string;
  roles: string[];
  sessionId: string;
}

export interface BareContext {
  db: Pool;
  user: BareUser | null;
  language: 'en' | 'ko';
  loaders: Map<string, unknown>;
  /** The platform's PUBLIC_URL: the links in the emails written to the outbox start with it. */
  publicUrl: string;
}

/**
 * One loader per key and request: the platform's own requestLoader (batches of
 * at most 500, sent in the request's waves), on the baseline's context, since
 * which statements a request sends, and in what order, depends on it.
 */
export function loader<K, V>(ctx: BareContext, key: string, batch: (keys: readonly K[]) => Promise<ArrayLike<V | Error>>): DataLoader<K, V> {
  return requestLoader(ctx, key, batch);
}

/** A result computed once per request (the platform's `once`). */
export function once<T>(ctx: BareContext, key: string, load: () => Promise<T>): Promise<T> {
  let promise = ctx.loaders.get(key) as Promise<T> | undefined;
  if (!promise) {
    promise = load();
    ctx.loaders.set(key, promise);
  }
  return promise;
}

/** The platform's cursors: base64url of JSON [sort value, id]. */
export function encodeCursor(value: string | number | null, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

/**
 * A connection's totalCount as the platform's: a thenable that runs its count
 * when GraphQL asks for the field (counting can cost more than the page), once.
 */
export function lazyCount(count: () => Promise<number>): PromiseLike<number> {
  let counting: Promise<number> | undefined;
  return { then: (resolve, reject) => (counting ??= count()).then(resolve, reject) };
}

/**
 * A list that belongs to a row of another list (an event's registrations, a
 * workspace's members), as the platform's pageOfOwner reads it
 * (libs/core/src/graphql/grouped-pagination.ts), for the lists the benchmark
 * asks for: sorted by a column that is never null, without `after`.
 */
export interface OwnedList<T> {
  /** Names the request's loaders of this list (with its filter, if any). */
  key: string;
  /** The table and its alias: `"event_registration" "r"`. */
  from: string;
  columns: string;
  /** The owner's column: `"r"."event_id"`. */
  owner: string;
  /** Conditions after the owner's, each value written through `value` (which numbers its placeholder). */
  where?: (value: (v: unknown) => string) => string;
  /** The sort expression as the platform orders by it (a time at the cursor's precision: `date_trunc('milliseconds', …)`). */
  sort: string;
  direction: 'ASC' | 'DESC';
  /** The row's id column, which breaks ties. */
  id: string;
  of: (row: Record<string, unknown>) => T;
  ownerOf: (row: T) => string;
  cursorOf: (row: T) => string | number;
}

/**
 * One owner's page, read with every other owner's page of the request: the
 * pages in one statement (each owner's first + 1 rows by row_number() per
 * owner; an owner asked about alone with a LIMIT), their totals, when asked,
 * in one more.
 */
export function pageOfOwner<T extends { id: string }>(ctx: BareContext, list: OwnedList<T>, ownerId: string, first: number) {
  const numbered = () => {
    const values: unknown[] = [];
    return { values, value: (v: unknown) => `$${values.push(v)}` };
  };
  const conditions = (ownerIds: readonly string[], value: (v: unknown) => string) =>
    `${list.owner} IN (${ownerIds.map(value).join(', ')})${list.where ? ` AND ${list.where(value)}` : ''}`;
  const totals = loader<string, number>(ctx, `${list.key}:total`, async (ownerIds) => {
    const { values, value } = numbered();
    const found = await rows<{ owner: string; total: number }>(
      ctx,
      `SELECT ${list.owner} AS "owner", count(DISTINCT ${list.id})::int AS "total" FROM ${list.from} WHERE ${conditions(ownerIds, value)} GROUP BY ${list.owner}`,
      values,
    );
    return ownerIds.map((owner) => found.find((r) => String(r.owner) === owner)?.total ?? 0);
  });
  const pages = loader<string, T[]>(ctx, `${list.key}:page:${first}`, async (ownerIds) => {
    const { values, value } = numbered();
    const order = `${list.sort} ${list.direction}, ${list.id} ${list.direction}`;
    if (ownerIds.length === 1) {
      return [(await rows(ctx, `SELECT ${list.columns} FROM ${list.from} WHERE ${conditions(ownerIds, value)} ORDER BY ${order} LIMIT ${first + 1}`, values)).map(list.of)];
    }
    const where = conditions(ownerIds, value);
    const ranked = `SELECT ${list.id} AS "id", row_number() OVER (PARTITION BY ${list.owner} ORDER BY ${order}) AS "place" FROM ${list.from} WHERE ${conditions(ownerIds, value)}`;
    const text = `SELECT ${list.columns} FROM ${list.from} WHERE ${where} AND ${list.id} IN (SELECT ranked.id FROM (${ranked}) ranked WHERE ranked.place <= ${value(first + 1)}) ORDER BY ${list.owner} ASC, ${order}`;
    const byOwner = new Map<string, T[]>(ownerIds.map((owner) => [owner, []]));
    for (const row of (await rows(ctx, text, values)).map(list.of)) byOwner.get(list.ownerOf(row))?.push(row);
    return ownerIds.map((owner) => byOwner.get(owner)!);
  });
  const totalCount: PromiseLike<number> = { then: (resolve, reject) => totals.load(ownerId).then(resolve, reject) };
  return pages.load(ownerId).then((found) => {
    const nodes = found.slice(0, first);
    const edges = nodes.map((node) => ({ node, cursor: encodeCursor(list.cursorOf(node), node.id) }));
    return { nodes, edges, totalCount, pageInfo: { hasNextPage: found.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
  });
}

export async function rows<T = Record<string, unknown>>(ctx: BareContext, text: string, values: unknown[] = []): Promise<T[]> {
  return (await ctx.db.query(text, values)).rows as T[];
}
