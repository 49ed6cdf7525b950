import { EntityManager, In } from 'typeorm';
import { Sector } from './entities/sector.entity';

/** Which of these keys name a sector of the programme's list: one statement. */
export async function knownSectorKeys(em: EntityManager, keys: readonly string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  return new Set((await em.findBy(Sector, { key: In([...new Set(keys)]) })).map((s) => s.key));
}
