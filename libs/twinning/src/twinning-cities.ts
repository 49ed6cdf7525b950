import { EntityManager } from 'typeorm';
import { citiesById, City } from '@app/cities';
import { Twinning } from './entities/twinning.entity';

/** The twinning's two cities, city A (the proposer's) first. */
export async function citiesOfTwinning(em: EntityManager, twinning: Pick<Twinning, 'cityAId' | 'cityBId'>): Promise<[City, City]> {
  const [cityA, cityB] = await citiesById(em, [twinning.cityAId, twinning.cityBId]);
  return [cityA!, cityB!];
}

/** A city's name in both languages, as emails carry it. */
export const cityNames = (city: City) => ({ en: city.nameEn, ko: city.nameKo });
