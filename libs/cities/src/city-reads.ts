import { EntityManager, In } from 'typeorm';
import { NotFoundError } from '@app/core';
import { City } from './entities/city.entity';
import { Country } from './entities/country.entity';
import { IndicatorDefinition } from './entities/indicator-definition.entity';

/*
 * The cities context's rows as other contexts read them, on the caller's
 * EntityManager (so inside its transaction).
 */

/** The cities in the order of `ids`, undefined where there is none: one statement. */
export async function citiesById(em: EntityManager, ids: readonly string[]): Promise<Array<City | undefined>> {
  if (ids.length === 0) return [];
  const found = await em.findBy(City, { id: In([...new Set(ids)]) });
  return ids.map((id) => found.find((c) => c.id === id));
}

/** The city and its country, for an id the caller knows exists (it throws otherwise). */
export async function cityWithCountry(em: EntityManager, id: string): Promise<{ city: City; country: Country }> {
  const city = await em.findOneByOrFail(City, { id });
  return { city, country: await em.findOneByOrFail(Country, { code: city.countryCode }) };
}

/** The countries in the order of `codes`, undefined where there is none: one statement. */
export async function countriesByCode(em: EntityManager, codes: readonly string[]): Promise<Array<Country | undefined>> {
  if (codes.length === 0) return [];
  const found = await em.findBy(Country, { code: In([...new Set(codes)]) });
  return codes.map((code) => found.find((c) => c.code === code));
}

/** Locks the city row for the rest of the transaction (serialising writes to what hangs on it) and returns it; NOT_FOUND when there is none. */
export async function lockCity(em: EntityManager, cityId: string): Promise<City> {
  const city = await em.createQueryBuilder(City, 'c').setLock('for_no_key_update').where('c.id = :cityId', { cityId }).getOne();
  if (!city) throw new NotFoundError('city', cityId);
  return city;
}

/** The city, or NOT_FOUND. */
export async function requireCity(em: EntityManager, cityId: string): Promise<City> {
  const city = await em.findOneBy(City, { id: cityId });
  if (!city) throw new NotFoundError('city', cityId);
  return city;
}

/** Every city's id, in order. */
export async function allCityIds(em: EntityManager): Promise<string[]> {
  return (await em.find(City, { select: { id: true }, order: { id: 'ASC' } })).map((c) => c.id);
}

/** The keys of every indicator the platform defines. */
export async function indicatorKeys(em: EntityManager): Promise<Set<string>> {
  return new Set((await em.find(IndicatorDefinition, { select: { key: true } })).map((d) => d.key));
}

/** Every city (id, country, peer group) and every indicator value, as the pairing engine reads them: both in city-id order. Not inside a transaction: the two run at once. */
export async function citiesWithIndicatorValues(em: EntityManager): Promise<{
  cities: Array<{ id: string; country_code: string; peer_group: number | null }>;
  values: Array<Record<string, unknown>>;
}> {
  const [cities, values] = await Promise.all([
    em.query(`SELECT id, country_code, peer_group FROM city ORDER BY id`),
    em.query(
      `SELECT city_id, indicator_key, number_value, boolean_value, text_value, source, as_of::text AS as_of, entered_by_user_id
         FROM city_indicator_value ORDER BY city_id, indicator_key`,
    ),
  ]);
  return { cities, values };
}

/** Each city's country code, in the order of `cityIds` (undefined for an unknown city): one statement, for code that runs without the Nest container (seeds). */
export async function countryCodesOfCities(em: EntityManager, cityIds: readonly string[]): Promise<Array<string | undefined>> {
  return (await citiesById(em, cityIds)).map((city) => city?.countryCode.trim());
}
