import type { Fixture, ListCase } from './lists';

/** Cities, their indicators and the history of their figures; the countries. */

export async function setup(f: Fixture): Promise<void> {
  // An admin corrects a figure of each of the first three British cities: each has a history.
  const { cities } = await f.app.gqlOk<{ cities: { nodes: Array<{ id: string }> } }>(`query { cities(first: 3, filter: { countryCode: "GB" }) { nodes { id } } }`);
  for (const [i, city] of cities.nodes.entries()) {
    await f.app.gqlOk(
      `mutation($input: SetCityIndicatorInput!) { setCityIndicator(input: $input) { key } }`,
      { input: { cityId: city.id, key: 'manufacturingSharePct', numberValue: 10 + i, source: 'Test: city statistics 2024', asOf: '2024-01-01' } },
      { token: f.t.admin },
    );
  }
}

export const cases: ListCase[] = [
  {
    name: 'cities with their indicators, definitions and figures’ history, for an admin',
    as: 'admin',
    query: `query($n: Int!) { cities(first: $n, filter: { countryCode: "GB" }) { nodes { id country { code }
      indicators { key value { displayValue } city { id } definition { key categories { value labelEn } } }
      indicatorHistory(first: $n) { totalCount nodes { id key changedAt } } } } }`,
    sizes: () => [{ n: 1 }, { n: 3 }],
  },
  {
    name: 'the countries, found by a search or all',
    query: `query($search: String) { countries(search: $search) { code nameEn } }`,
    sizes: () => [{ search: 'Korea' }, {}],
  },
];
