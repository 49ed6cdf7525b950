import { BareContext, encodeCursor, lazyCount, loader, rows } from './bare-context';

/** Cities and countries as the platform reads them (libs/cities: CitiesService.list, countriesByCode, citiesById). */
export interface CityRow {
  id: string;
  countryCode: string;
  nameEn: string;
  nameKo: string;
  peerGroup: number | null;
  notes: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const COUNTRY_COLUMNS =
  'SELECT "Country"."code" AS "Country_code", "Country"."name_en" AS "Country_name_en", "Country"."name_ko" AS "Country_name_ko", "Country"."currency" AS "Country_currency", "Country"."time_zone" AS "Country_time_zone", "Country"."default_language" AS "Country_default_language", "Country"."created_at" AS "Country_created_at", "Country"."updated_at" AS "Country_updated_at" FROM "country" "Country"';

export interface CountryRow {
  code: string;
  nameEn: string;
  nameKo: string;
  currency: string;
  timeZone: string;
  defaultLanguage: string;
}

const countryOf = (r: Record<string, unknown>): CountryRow => ({
  code: r.Country_code as string,
  nameEn: r.Country_name_en as string,
  nameKo: r.Country_name_ko as string,
  currency: r.Country_currency as string,
  timeZone: r.Country_time_zone as string,
  defaultLanguage: r.Country_default_language as string,
});

/** Countries by code, in the order asked (cities' countriesByCode): one statement. */
export async function countriesByCode(ctx: BareContext, codes: readonly string[]): Promise<Array<CountryRow | undefined>> {
  const placeholders = codes.map((_, i) => `$${i + 1}`).join(', ');
  const found = (await rows(ctx, `${COUNTRY_COLUMNS} WHERE (("Country"."code" IN (${placeholders})))`, [...codes])).map(countryOf);
  return codes.map((code) => found.find((c) => c.code === code));
}

export function countryLoader(ctx: BareContext) {
  return loader<string, CountryRow | undefined>(ctx, 'cities.countryByCode', (codes) => countriesByCode(ctx, codes));
}

export const cityOf = (r: Record<string, unknown>, prefix: string): CityRow => ({
  id: r[`${prefix}_id`] as string,
  countryCode: r[`${prefix}_country_code`] as string,
  nameEn: r[`${prefix}_name_en`] as string,
  nameKo: r[`${prefix}_name_ko`] as string,
  peerGroup: r[`${prefix}_peer_group`] as number | null,
  notes: r[`${prefix}_notes`] as string | null,
  createdAt: r[`${prefix}_created_at`] as Date,
  updatedAt: r[`${prefix}_updated_at`] as Date,
});

/** `cities(first)` without a filter: by English name, then id; 28 in the demo. */
export async function citiesPage(ctx: BareContext, first = 20) {
  const found = (
    await rows(
      ctx,
      'SELECT "c"."id" AS "c_id", "c"."country_code" AS "c_country_code", "c"."name_en" AS "c_name_en", "c"."name_ko" AS "c_name_ko", "c"."peer_group" AS "c_peer_group", "c"."notes" AS "c_notes", "c"."created_at" AS "c_created_at", "c"."updated_at" AS "c_updated_at" FROM "city" "c" ORDER BY "c"."name_en" ASC NULLS LAST, "c"."id" ASC LIMIT ' +
        (first + 1),
    )
  ).map((r) => cityOf(r, 'c'));
  const nodes = found.slice(0, first);
  const edges = nodes.map((node) => ({ node, cursor: encodeCursor(node.nameEn, node.id) }));
  return {
    nodes,
    edges,
    totalCount: lazyCount(async () => Number((await rows<{ cnt: string }>(ctx, 'SELECT COUNT(1) AS "cnt" FROM "city" "c"'))[0].cnt)),
    pageInfo: { hasNextPage: found.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
  };
}

const CITY_COLUMNS =
  'SELECT "City"."id" AS "City_id", "City"."country_code" AS "City_country_code", "City"."name_en" AS "City_name_en", "City"."name_ko" AS "City_name_ko", "City"."peer_group" AS "City_peer_group", "City"."notes" AS "City_notes", "City"."created_at" AS "City_created_at", "City"."updated_at" AS "City_updated_at" FROM "city" "City"';

/** The request's batched read of cities by id (cities' CitiesLoaders.city, citiesById). */
export const cityLoader = (ctx: BareContext) =>
  loader<string, CityRow | undefined>(ctx, 'cities.cityById', async (ids) => {
    const placeholders = ids.map((_, i) => `$${i + 1}`).join(', ');
    const found = (await rows(ctx, `${CITY_COLUMNS} WHERE (("City"."id" IN (${placeholders})))`, [...ids])).map((r) => cityOf(r, 'City'));
    return ids.map((id) => found.find((c) => c.id === id));
  });

export const cityResolvers = {
  City: {
    country: async (city: CityRow, _args: unknown, ctx: BareContext) => {
      const country = await countryLoader(ctx).load(city.countryCode);
      if (!country) throw new Error(`City ${city.id} refers to country ${city.countryCode}, which does not exist`);
      return country;
    },
  },
};
