import { useQuery } from 'urql';
import { useAuth } from '../../auth/AuthProvider';
import { graphql } from '../../gql';

const PairingMe = graphql(`
  query PairingMe {
    me {
      id
      organisations {
        id
        cityId
        kind
      }
    }
  }
`);

/**
 * The signed-in person's organisations, to offer the actions they could
 * take (propose, answer). Only a hint: the API decides, and its refusal is shown.
 */
export function useMyOrganisations(): { userId: string | null; cityIds: Set<string>; governmentCityIds: Set<string> } {
  const { user } = useAuth();
  const [{ data }] = useQuery({ query: PairingMe, pause: !user, requestPolicy: 'cache-and-network' });
  const organisations = user && data?.me.id === user.id ? data.me.organisations : [];
  return {
    userId: user?.id ?? null,
    cityIds: new Set(organisations.map((o) => o.cityId)),
    governmentCityIds: new Set(organisations.filter((o) => o.kind === 'CITY_GOVERNMENT').map((o) => o.cityId)),
  };
}
