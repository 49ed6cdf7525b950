import { EntityManager, In } from 'typeorm';
import { City } from './entities/city.entity';

/**
 * Each city's country code, in the order of `cityIds` (undefined for an
 * unknown city): one statement in the caller's transaction, for code that
 * runs without the Nest container (seeds).
 */
export async function countryCodesOfCities(em: EntityManager, cityIds: readonly string[]): Promise<Array<string | undefined>> {
  if (cityIds.length === 0) return [];
  const found = await em.findBy(City, { id: In([...new Set(cityIds)]) });
  return cityIds.map((id) => found.find((c) => c.id === id)?.countryCode.trim());
}
