import { EntityManager } from 'typeorm';

/**
 * Marks cities whose pairs must be scored again. Call it inside the
 * transaction that changes their evidence: the request commits exactly when
 * the change does.
 */
export async function requestPairingRecompute(em: EntityManager, cityIds: readonly string[]): Promise<void> {
  const unique = [...new Set(cityIds)];
  if (unique.length === 0) return;
  // The database function the indicator trigger calls too (migration OneRecomputeRequestFunction).
  await em.query(`SELECT request_pairing_recompute($1::text[])`, [unique]);
}
