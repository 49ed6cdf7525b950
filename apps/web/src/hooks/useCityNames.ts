import { useQuery } from 'urql';
import { graphql } from '../gql';

const CityNamesQuery = graphql(`
  query CityNames {
    cities(first: 100) {
      nodes {
        id
        nameEn
        nameKo
      }
    }
  }
`);

/** Names of the programme's cities, by id: for pages that get only city ids (read them with cityLabel). */
export function useCityNames(): Map<string, { en: string; ko: string }> {
  const [{ data }] = useQuery({ query: CityNamesQuery });
  return new Map((data?.cities.nodes ?? []).map((c) => [c.id, { en: c.nameEn, ko: c.nameKo }]));
}
