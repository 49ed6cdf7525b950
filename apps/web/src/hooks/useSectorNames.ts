import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { Language } from '../i18n';

const SectorNamesQuery = graphql(`
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
 * A sector's name in the language. Until the names arrive, an ellipsis: a key ("iot", "ar_vr") is no
 * word of either language, and a Korean page must not show it even for a moment.
 */
export function sectorLabel(sector: SectorNames | undefined, language: Language): string {
  if (!sector) return '…';
  return language === 'ko' ? sector.nameKo : sector.nameEn;
}

/**
 * The taxonomy's sector names, as a function from a key to its name in the language: "…" until the
 * names arrive (see sectorLabel), and the key itself for a sector the taxonomy no longer has.
 */
export function useSectorNames(language: Language, { pause = false }: { pause?: boolean } = {}): (key: string) => string {
  const [{ data }] = useQuery({ query: SectorNamesQuery, pause });
  const sectors = new Map((data?.sectors ?? []).map((s) => [s.key, s]));
  return (key) => (data && !sectors.has(key) ? key : sectorLabel(sectors.get(key), language));
}
