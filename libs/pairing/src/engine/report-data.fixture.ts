import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CityEvidence, LinkEvidence, ReadinessEvidence, SectorEvidence } from './types';
import { SEED_INDICATOR_DEFINITIONS } from '@app/cities';

/**
 * Test helper: the founding report's 28 cities as engine input, built from
 * data/cities.json, data/sector-activity.json and data/uk-kr-links.json.
 * Used by the specs beside it; not part of the engine.
 */

const DATA_DIR = join(__dirname, '../../../../data');
const read = <T>(file: string): T => JSON.parse(readFileSync(join(DATA_DIR, file), 'utf8')) as T;

interface CityRow {
  id: string;
  country: string;
  peerGroup: number | null;
  [key: string]: unknown;
}
interface ProjectRow {
  sector: string;
  level: 1 | 2 | 3;
  title: string;
  summary?: string;
}
interface LinkRow {
  uk: string | null;
  kr: string | null;
  kind: string;
  partners: string[];
  since?: number | null;
  formality: number;
  summary: string;
  summaryKo?: string;
}

/** Every indicator the cities file carries: the definitions the cities context seeds. */
export const REPORT_INDICATOR_KEYS = SEED_INDICATOR_DEFINITIONS.map((d) => d.key);

export function loadReportCities(): CityEvidence[] {
  const citiesFile = read<{ source: string; cities: CityRow[] }>('cities.json');
  const sectorsFile = read<{ source: string; projects: Record<string, ProjectRow[]> }>('sector-activity.json');
  const linksFile = read<{ source: string; links: LinkRow[] }>('uk-kr-links.json');
  const ids = new Set(citiesFile.cities.map((c) => c.id));

  const links = new Map<string, LinkEvidence[]>();
  linksFile.links.forEach((row, n) => {
    if (!row.uk || !row.kr || !ids.has(row.uk) || !ids.has(row.kr)) return; // one end outside the 28 cities
    const base = { id: `report-link-${n}`, kind: row.kind, partners: row.partners, formality: row.formality, summary: { en: row.summary, ko: row.summaryKo ?? null }, since: row.since ?? null };
    const prov = { source: linksFile.source, asOf: null, enteredByUserId: null };
    for (const [self, other] of [
      [row.uk, row.kr],
      [row.kr, row.uk],
    ]) {
      const list = links.get(self) ?? [];
      list.push({ ...base, ...prov, otherCityId: other });
      links.set(self, list);
    }
  });

  return citiesFile.cities.map((c) => {
    const sectors: SectorEvidence[] = (sectorsFile.projects[c.id] ?? []).map((p) => ({
      sector: p.sector,
      level: p.level,
      projects: [{ title: p.title, summary: p.summary }],
      source: sectorsFile.source,
      asOf: null,
      enteredByUserId: null,
    }));
    return {
      cityId: c.id,
      countryCode: c.country,
      peerGroup: c.peerGroup,
      indicators: REPORT_INDICATOR_KEYS.filter((key) => key in c).map((key) => ({
        key,
        value: c[key] as number | boolean | string | null,
        source: citiesFile.source,
        asOf: null,
        enteredByUserId: null,
      })),
      readiness: null, // the data files carry no readiness assessments
      sectors,
      links: links.get(c.id) ?? [],
    };
  });
}

/** A made-up readiness assessment for tests (the report's data has none). */
export function testReadiness(strategy: number, visibleHome: number, networks: number, collaboration: number): ReadinessEvidence {
  return { strategy, visibleHome, networks, collaboration, source: 'test fixture', asOf: '2026-01-01', enteredByUserId: 'user-test' };
}

/**
 * The 28 cities with made-up readiness for about two thirds of them (cities
 * at even positions and every third), so every pillar is exercised.
 */
export function loadReportCitiesWithTestReadiness(): CityEvidence[] {
  return loadReportCities().map((c, n) =>
    n % 3 === 2 ? c : { ...c, readiness: testReadiness(1 + (n % 5), n % 3, (n * 7) % 4, (n * 5) % 5) },
  );
}

export const byId = (cities: readonly CityEvidence[]) => new Map(cities.map((c) => [c.cityId, c]));
