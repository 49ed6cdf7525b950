import { useMemo } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { Language } from '../i18n';

/** The taxonomy's sectors with their names: one document for every page that names or offers them. */
export const SectorNamesQuery = graphql(`
  query SectorNames {
    sectors {
      key
      nameEn
      nameKo
    }
  }
`);

/** A sector's names as the API gives them. */
export interface SectorNames {
  nameEn: string;
  nameKo: string;
}

/**
 * A sector's name in the language, from the taxonomy by key. Until the taxonomy arrives (an empty
 * map: it is never empty once loaded), an ellipsis: a key ("iot", "ar_vr") is no word of either
 * language, and a Korean page must not show it even for a moment. A key the taxonomy no longer has
 * is shown as it is.
 */
export function sectorLabel(sectors: ReadonlyMap<string, SectorNames>, key: string, language: Language): string {
  if (sectors.size === 0) return '…';
  const sector = sectors.get(key);
  if (!sector) return key;
  return language === 'ko' ? sector.nameKo : sector.nameEn;
}

/** The taxonomy's sector names, as a function from a key to its name in the language (see sectorLabel). */
export function useSectorNames(language: Language, { pause = false }: { pause?: boolean } = {}): (key: string) => string {
  const [{ data }] = useQuery({ query: SectorNamesQuery, pause });
  const sectors = useMemo(() => new Map((data?.sectors ?? []).map((s) => [s.key, s])), [data]);
  return (key) => sectorLabel(sectors, key, language);
}
