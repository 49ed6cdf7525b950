import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EntityManager, EntityTarget, FindOptionsWhere, In, ObjectLiteral } from 'typeorm';
import { CityIndicatorChange } from '../entities/city-indicator-change.entity';
import { CityIndicatorValue } from '../entities/city-indicator-value.entity';
import { City } from '../entities/city.entity';
import { Country } from '../entities/country.entity';
import { IndicatorDefinition } from '../entities/indicator-definition.entity';
import { checkIndicatorValue, IndicatorScalar, valueColumns, valueOfColumns } from '../indicator-value';
import { SEED_AS_OF, SEED_COUNTRIES, SEED_INDICATOR_DEFINITIONS } from './seed-data';

/** One city of the founding report's cities.json; indicator figures sit beside the named fields. */
export interface CitiesFileCity {
  id: string;
  name: { en: string; ko: string };
  country: string;
  peerGroup: number | null;
  notes?: string;
  [indicatorKey: string]: unknown;
}

export interface CitiesFile {
  source: string;
  cities: CitiesFileCity[];
}

export interface SeedCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface CitiesSeedSummary {
  countries: SeedCounts;
  indicatorDefinitions: SeedCounts;
  cities: SeedCounts;
  /** Seeded figures; `keptAdminValues` counts figures an admin has since entered, which the seed never overwrites. */
  indicatorValues: SeedCounts & { keptAdminValues: number };
}

const CITY_ID = /^[a-z][a-z0-9-]{0,99}$/;

/** Reads and checks cities.json, failing with the city and field at fault. */
export function readCitiesFile(path: string): CitiesFile {
  const file = JSON.parse(readFileSync(path, 'utf8')) as Partial<CitiesFile>;
  const problem = (message: string) => new Error(`${path}: ${message}`);
  if (typeof file.source !== 'string' || file.source.trim().length < 2) throw problem('"source" must say where the figures come from.');
  if (!Array.isArray(file.cities)) throw problem('"cities" must be a list.');
  const seen = new Set<string>();
  for (const [index, city] of file.cities.entries()) {
    const where = `cities[${index}]${typeof city?.id === 'string' ? ` (${city.id})` : ''}`;
    if (typeof city?.id !== 'string' || !CITY_ID.test(city.id)) throw problem(`${where}: "id" must be a lower-case slug such as busan.`);
    if (seen.has(city.id)) throw problem(`${where}: the id "${city.id}" appears twice.`);
    seen.add(city.id);
    if (typeof city.name?.en !== 'string' || !city.name.en.trim() || typeof city.name?.ko !== 'string' || !city.name.ko.trim()) {
      throw problem(`${where}: "name" needs both "en" and "ko".`);
    }
    if (typeof city.country !== 'string' || !/^[A-Z]{2}$/.test(city.country)) throw problem(`${where}: "country" must be a code such as GB.`);
    if (city.peerGroup != null && !Number.isInteger(city.peerGroup)) throw problem(`${where}: "peerGroup" must be a whole number or null.`);
    if (city.notes != null && typeof city.notes !== 'string') throw problem(`${where}: "notes" must be text.`);
  }
  return file as CitiesFile;
}

/**
 * Seeds countries (GB, KR), the indicator definitions and the founding
 * report's cities and figures from `${dataDir}/cities.json`. Idempotent:
 * rows are inserted when missing and updated when the seed differs; a second
 * run changes nothing and writes no history. A figure an admin has entered
 * is never overwritten. Every figure written gets a history row (changed by
 * null = the seed), so the history of a value starts with its source.
 */
export async function seedCountriesAndCities(em: EntityManager, dataDir: string): Promise<CitiesSeedSummary> {
  const file = readCitiesFile(join(dataDir, 'cities.json'));
  return em.transaction(async (tx) => {
    // Two processes seeding at once take turns.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['seed:countries-and-cities']);

    const countries = await upsertByKey(tx, Country, 'code', SEED_COUNTRIES);
    const indicatorDefinitions = await upsertByKey(tx, IndicatorDefinition, 'key', SEED_INDICATOR_DEFINITIONS);

    const countryCodes = new Set((await tx.find(Country, { select: { code: true } })).map((c) => c.code));
    for (const city of file.cities) {
      if (!countryCodes.has(city.country)) {
        throw new Error(`cities.json: city "${city.id}" is in country "${city.country}", which is not set up; add the country first.`);
      }
    }
    const cities = await upsertByKey(
      tx,
      City,
      'id',
      file.cities.map((city) => ({
        id: city.id,
        countryCode: city.country,
        nameEn: city.name.en.normalize('NFC').trim(),
        nameKo: city.name.ko.normalize('NFC').trim(),
        peerGroup: city.peerGroup ?? null,
        notes: city.notes ?? null,
      })),
    );

    const indicatorValues = await seedIndicatorValues(tx, file);
    return { countries, indicatorDefinitions, cities, indicatorValues };
  });
}

async function seedIndicatorValues(tx: EntityManager, file: CitiesFile): Promise<CitiesSeedSummary['indicatorValues']> {
  const counts = { inserted: 0, updated: 0, unchanged: 0, keptAdminValues: 0 };
  const cityIds = file.cities.map((c) => c.id);
  if (cityIds.length === 0) return counts;
  // The same lock IndicatorService takes, so an admin's edit in flight is seen, not overwritten.
  await tx.createQueryBuilder(City, 'c').setLock('for_no_key_update').where('c.id IN (:...cityIds)', { cityIds }).getMany();

  const definitions = await tx.find(IndicatorDefinition);
  const existing = await tx.findBy(CityIndicatorValue, { cityId: In(cityIds) });
  const byPair = new Map(existing.map((v) => [`${v.cityId}/${v.indicatorKey}`, v]));
  const source = file.source.trim();
  const now = new Date();
  const values: Array<Omit<CityIndicatorValue, 'city' | 'definition'>> = [];
  const changes: Array<Omit<CityIndicatorChange, 'id' | 'city' | 'definition'>> = [];

  for (const city of file.cities) {
    for (const definition of definitions) {
      if (!Object.hasOwn(city, definition.key)) continue;
      let value: IndicatorScalar;
      try {
        value = checkIndicatorValue(definition, city[definition.key] as IndicatorScalar, definition.key);
      } catch (error) {
        throw new Error(`cities.json: city "${city.id}": ${(error as Error).message}`);
      }
      const current = byPair.get(`${city.id}/${definition.key}`);
      if (current?.enteredByUserId) {
        counts.keptAdminValues++;
        continue;
      }
      const previous = current ? valueOfColumns(current) : null;
      if (current && previous === value && current.source === source && current.asOf === SEED_AS_OF) {
        counts.unchanged++;
        continue;
      }
      counts[current ? 'updated' : 'inserted']++;
      values.push({
        cityId: city.id,
        indicatorKey: definition.key,
        ...valueColumns(definition, value),
        source,
        asOf: SEED_AS_OF,
        enteredByUserId: null,
        updatedAt: now,
      });
      changes.push({
        cityId: city.id,
        indicatorKey: definition.key,
        oldValue: previous,
        newValue: value,
        source,
        asOf: SEED_AS_OF,
        changedByUserId: null,
        changedAt: now,
      });
    }
  }
  if (values.length > 0) {
    await tx.upsert(CityIndicatorValue, values, ['cityId', 'indicatorKey']);
    await tx.insert(CityIndicatorChange, changes);
  }
  return counts;
}

/** Inserts rows missing by `key`, updates the fields that differ, leaves equal rows alone. */
async function upsertByKey<T extends ObjectLiteral>(
  tx: EntityManager,
  entity: EntityTarget<T>,
  key: keyof T & string,
  rows: Array<Partial<T>>,
): Promise<SeedCounts> {
  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  const existing = await tx.findBy(entity, { [key]: In(rows.map((row) => row[key])) } as FindOptionsWhere<T>);
  const byKey = new Map<unknown, T>(existing.map((row) => [row[key], row]));
  for (const row of rows) {
    const current = byKey.get(row[key]);
    if (!current) {
      await tx.insert(entity, row as never);
      counts.inserted++;
      continue;
    }
    const changed = Object.fromEntries(Object.entries(row).filter(([field, value]) => canonical(current[field]) !== canonical(value)));
    if (Object.keys(changed).length === 0) {
      counts.unchanged++;
      continue;
    }
    await tx.update(entity, { [key]: row[key] } as FindOptionsWhere<T>, changed as never);
    counts.updated++;
  }
  return counts;
}

/** JSON with object keys sorted: PostgreSQL's jsonb does not keep key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
