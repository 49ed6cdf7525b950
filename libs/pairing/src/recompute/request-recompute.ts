import { EntityManager } from 'typeorm';

/**
 * Marks cities whose pairs must be scored again. Call it inside the
 * transaction that changes their evidence: the request commits exactly when
 * the change does.
 */
export async function requestPairingRecompute(em: EntityManager, cityIds: readonly string[]): Promise<void> {
  const unique = [...new Set(cityIds)];
  if (unique.length === 0) return;
  await em.query(
    `INSERT INTO pairing_recompute_request (city_id, version, requested_at, queued_at)
     SELECT id, 1, now(), NULL FROM unnest($1::text[]) AS id
     ON CONFLICT (city_id) DO UPDATE
       SET version = pairing_recompute_request.version + 1, requested_at = now(), queued_at = NULL`,
    [unique],
  );
}
