import DataLoader from 'dataloader';
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
 * One loader per key and request, batched as the platform's requestLoader
 * batches (maxBatchSize 500) and sent in the request's waves as the platform's
 * are (libs/core/src/graphql/loaders.ts): which statements a request sends,
 * and in what order, depends on them.
 */
export function loader<K, V>(ctx: BareContext, key: string, batch: (keys: readonly K[]) => Promise<ArrayLike<V | Error>>): DataLoader<K, V> {
  let found = ctx.loaders.get(key) as DataLoader<K, V> | undefined;
  if (!found) {
    const waves = wavesOf(ctx);
    found = new DataLoader<K, V>((keys) => waves.run(() => batch(keys)), { maxBatchSize: 500, batchScheduleFn: waves.schedule });
    ctx.loaders.set(key, found);
  }
  return found;
}

/**
 * The platform's waves: a batch asked while none runs goes once the tick's
 * work is done, with every other asked meanwhile; one asked while batches run
 * waits until they have all answered (and the fields reading them have asked),
 * then goes with all of it.
 */
class Waves {
  private running = 0;
  private waiting: Array<() => void> = [];
  private sendScheduled = false;

  readonly schedule = (send: () => void): void => {
    this.waiting.push(send);
    this.sendWhenIdle();
  };

  async run<T>(batch: () => Promise<T>): Promise<T> {
    this.running += 1;
    try {
      return await batch();
    } finally {
      this.running -= 1;
      this.sendWhenIdle();
    }
  }

  private sendWhenIdle(): void {
    if (this.sendScheduled || this.running > 0 || this.waiting.length === 0) return;
    this.sendScheduled = true;
    setImmediate(() => {
      this.sendScheduled = false;
      if (this.running > 0) return;
      for (const send of this.waiting.splice(0)) send();
    });
  }
}

function wavesOf(ctx: BareContext): Waves {
  let waves = ctx.loaders.get('core.loaderWaves') as Waves | undefined;
  if (!waves) {
    waves = new Waves();
    ctx.loaders.set('core.loaderWaves', waves);
  }
  return waves;
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

export async function rows<T = Record<string, unknown>>(ctx: BareContext, text: string, values: unknown[] = []): Promise<T[]> {
  return (await ctx.db.query(text, values)).rows as T[];
}
