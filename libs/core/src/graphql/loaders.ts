import DataLoader from 'dataloader';
import type { RequestContext } from '../auth/auth-user';

/**
 * A DataLoader living as long as the request: relation fields batch their
 * lookups into one query per field per request instead of one per row.
 */
export function requestLoader<K, V>(
  ctx: RequestContext,
  key: string,
  batch: (keys: readonly K[]) => Promise<ArrayLike<V | Error>>,
): DataLoader<K, V> {
  let loader = ctx.loaders.get(key) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(batch, { maxBatchSize: 500 });
    ctx.loaders.set(key, loader);
  }
  return loader;
}
