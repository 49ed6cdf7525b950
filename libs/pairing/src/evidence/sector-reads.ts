import { EntityManager, In } from 'typeorm';
import { Sector } from './entities/sector.entity';

/** The sectors in the order of `keys`, undefined for a key the taxonomy has not: one statement. */
export async function sectorsByKey(em: EntityManager, keys: readonly string[]): Promise<Array<Sector | undefined>> {
  if (keys.length === 0) return [];
  const found = await em.findBy(Sector, { key: In([...new Set(keys)]) });
  return keys.map((key) => found.find((s) => s.key === key));
}

/** Which of these keys name a sector of the programme's list: one statement. */
export async function knownSectorKeys(em: EntityManager, keys: readonly string[]): Promise<Set<string>> {
  return new Set((await sectorsByKey(em, keys)).filter((s) => !!s).map((s) => s.key));
}
