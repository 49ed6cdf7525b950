import { EntityManager, In } from 'typeorm';
import { City } from '@app/cities';
import { Twinning } from './entities/twinning.entity';

/** The twinning's two cities, city A (the proposer's) first. */
export async function citiesOfTwinning(em: EntityManager, twinning: Pick<Twinning, 'cityAId' | 'cityBId'>): Promise<[City, City]> {
  const cities = await em.findBy(City, { id: In([twinning.cityAId, twinning.cityBId]) });
  return [cities.find((c) => c.id === twinning.cityAId)!, cities.find((c) => c.id === twinning.cityBId)!];
}

/** A city's name in both languages, as emails carry it. */
export const cityNames = (city: City) => ({ en: city.nameEn, ko: city.nameKo });
