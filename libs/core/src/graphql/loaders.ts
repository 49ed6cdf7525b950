import DataLoader from 'dataloader';
import type { RequestContext } from '../auth/auth-user';

/**
 * A DataLoader living as long as the request: relation fields batch their
 * lookups into one query per field per request instead of one per row.
 *
 * Its batches go in the request's waves (below), not at the end of the tick
 * the first key was asked in, so what a request costs in statements does not
 * depend on the order the database answers in. A batch function must not wait
 * on a request loader itself: its load would wait for the wave it runs in.
 */
export function requestLoader<K, V>(
  ctx: Pick<RequestContext, 'loaders'>,
  key: string,
  batch: (keys: readonly K[]) => Promise<ArrayLike<V | Error>>,
): DataLoader<K, V> {
  let loader = ctx.loaders.get(key) as DataLoader<K, V> | undefined;
  if (!loader) {
    const waves = wavesOf(ctx);
    loader = new DataLoader<K, V>((keys) => waves.run(() => batch(keys)), { maxBatchSize: 500, batchScheduleFn: waves.schedule });
    ctx.loaders.set(key, loader);
  }
  return loader;
}

/**
 * When a request's loaders send their batches. DataLoader's own schedule sends
 * a loader's batch at the end of the tick its first key was asked in: the keys
 * asked as the answer of one statement arrives (a page of members, each with
 * its user) and those asked as another's arrives (a page of activity, each with
 * its actor) go in two batches or one depending on which answer came first, so
 * the statements of a request would vary from one run to the next.
 *
 * Here the loaders of a request send in waves: a batch asked while none runs
 * goes once the tick's work is done (with every other asked meanwhile); one
 * asked while batches run waits until the last of them has answered and the
 * fields reading those answers have asked what they need, then goes with all
 * of it. A request's statements are then the same whatever order answers
 * arrive in: one per loader per level of the answer that needs it.
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

  /** After the current I/O callbacks and every microtask they queued: the fields reading the last answers have asked by then. */
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

const WAVES = 'core.loaderWaves';

function wavesOf(ctx: Pick<RequestContext, 'loaders'>): Waves {
  let waves = ctx.loaders.get(WAVES) as Waves | undefined;
  if (!waves) {
    waves = new Waves();
    ctx.loaders.set(WAVES, waves);
  }
  return waves;
}
