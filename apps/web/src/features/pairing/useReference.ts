import { useMemo } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ExplorerReferenceQuery } from '../../gql/graphql';

const ExplorerReference = graphql(`
  query ExplorerReference {
    sectors {
      key
      nameEn
      nameKo
    }
    indicatorDefinitions {
      key
      labelEn
      labelKo
      unitEn
      unitKo
      valueType
      categories {
        value
        labelEn
        labelKo
      }
    }
  }
`);

export type IndicatorDefinitionView = ExplorerReferenceQuery['indicatorDefinitions'][number];
export type SectorView = ExplorerReferenceQuery['sectors'][number];

/** Sector names and indicator definitions in both languages (the score's own labels are English only). */
export function useReference(): { sectors: Map<string, SectorView>; indicators: Map<string, IndicatorDefinitionView> } {
  const [{ data }] = useQuery({ query: ExplorerReference, requestPolicy: 'cache-first' });
  return useMemo(
    () => ({
      sectors: new Map((data?.sectors ?? []).map((s) => [s.key, s])),
      indicators: new Map((data?.indicatorDefinitions ?? []).map((d) => [d.key, d])),
    }),
    [data],
  );
}
