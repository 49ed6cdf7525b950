import { CityEvidence, IndicatorEvidence, SectorEvidence, SectorLevel } from './types';
import { BINARY_INDICATORS, INVERTED_INDICATORS, ORDINAL_INDICATORS, READINESS_MAX, READINESS_PARTS, READINESS_RANGES, ReadinessPart } from './weights';

/**
 * Turns raw city evidence into the relative form every pillar works on.
 *
 * Choice 1 (libs/pairing/METHOD.md): each numeric indicator is divided by the highest
 * value among the cities of the same country (the national leader = 1). Ranks
 * are inverted (best rank in the country / rank); metroGovernance is an
 * ordinal (nascent 1, emerging 2, established 3, special 3) divided by the
 * country's highest; coastal and capitalFunction are 0/1 and not rescaled.
 *
 * "The cities of the same country" are the cities passed in together: the
 * report's 28 cities leave out London and Seoul, so Birmingham leads the UK on
 * population and Busan leads Korea. A relative value therefore depends on the
 * whole set; prepare all the cities of a country in one call.
 */

/** One usable indicator of a city, with every stage of its value. */
export interface PreparedIndicator {
  key: string;
  /** The raw value as entered (number, boolean or category). */
  raw: IndicatorEvidence['value'];
  /** The numeric form before scaling: the number itself, 0/1, or the ordinal. */
  numeric: number;
  /** Relative to the national leader, in [0, 1]. */
  relative: number;
  /** The evidence it came from (provenance). */
  evidence: IndicatorEvidence;
}

export type ReadinessScores = Record<ReadinessPart, number>;

export interface PreparedCity {
  cityId: string;
  countryCode: string;
  evidence: CityEvidence;
  /** Usable indicators only: missing, null or invalid values are absent (never 0). */
  indicators: ReadonlyMap<string, PreparedIndicator>;
  /** key → relative value, the same numbers as `indicators` for quick reads. */
  relative: ReadonlyMap<string, number>;
  /** Sub-scores clamped to their ranges; null when there is no (usable) assessment. */
  readiness: ReadinessScores | null;
  /** Composite / 14 in [0, 1]; null with readiness. */
  readinessShare: number | null;
  /** Sector → level; several entries in one sector combine as bitmasks (1 | 2 = 3). */
  sectorLevels: ReadonlyMap<string, SectorLevel>;
  /** Whether the city has any sector evidence at all (synergy is null otherwise). */
  hasSectorEvidence: boolean;
}

/** Per country, per indicator key: the national leader's numeric value (the max, or the min for ranks). */
export type NationalScales = Map<string, Map<string, number>>;

interface NumericIndicator {
  numeric: number;
  evidence: IndicatorEvidence;
}

/**
 * The numeric form of one raw value, or null when it is not usable: null,
 * non-finite, negative (indicators are non-negative quantities), a rank below
 * 1, an unknown category, or a string for a non-ordinal indicator.
 */
export function numericValue(key: string, value: IndicatorEvidence['value']): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') {
    const scale = ORDINAL_INDICATORS[key];
    const n = scale ? scale[value] : undefined;
    return n === undefined ? null : n;
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return null;
  if (BINARY_INDICATORS.has(key)) return value > 0 ? 1 : 0;
  if (INVERTED_INDICATORS.has(key) && value < 1) return null;
  return value;
}

/**
 * A city's usable numeric indicators. When a key appears more than once, the
 * entry with the latest asOf wins (null counts as oldest); on equal asOf the
 * later entry in the list wins. An unusable latest entry makes the key
 * missing: an older figure is not silently brought back.
 */
export function numericIndicators(city: CityEvidence): Map<string, NumericIndicator> {
  const latest = new Map<string, IndicatorEvidence>();
  for (const ev of city.indicators) {
    const prev = latest.get(ev.key);
    if (!prev || (ev.asOf ?? '') >= (prev.asOf ?? '')) latest.set(ev.key, ev);
  }
  const out = new Map<string, NumericIndicator>();
  for (const [key, ev] of latest) {
    const numeric = numericValue(key, ev.value);
    if (numeric !== null) out.set(key, { numeric, evidence: ev });
  }
  return out;
}

/** National leaders' values, from the numeric indicators of every city, grouped by country. */
export function nationalScales(cities: Iterable<{ countryCode: string; numeric: ReadonlyMap<string, NumericIndicator> }>): NationalScales {
  const scales: NationalScales = new Map();
  for (const city of cities) {
    let country = scales.get(city.countryCode);
    if (!country) scales.set(city.countryCode, (country = new Map()));
    for (const [key, { numeric }] of city.numeric) {
      if (BINARY_INDICATORS.has(key)) continue;
      const prev = country.get(key);
      const inverted = INVERTED_INDICATORS.has(key);
      if (prev === undefined || (inverted ? numeric < prev : numeric > prev)) country.set(key, numeric);
    }
  }
  return scales;
}

/**
 * Relative value in [0, 1]: binary as is; ranks best / rank; others value /
 * leader. When the leader's value is 0 (every city of the country at 0), all
 * are 0, so they count as equal.
 */
export function relativeValue(key: string, numeric: number, leader: number | undefined): number {
  if (BINARY_INDICATORS.has(key)) return numeric;
  if (leader === undefined) return 0; // cannot happen for a prepared city: its own value sets a scale
  if (INVERTED_INDICATORS.has(key)) return leader / numeric;
  return leader > 0 ? numeric / leader : 0;
}

/** Readiness sub-scores clamped to their ranges, or null when absent or a sub-score is not a finite number. */
export function readinessScores(city: CityEvidence): ReadinessScores | null {
  const r = city.readiness;
  if (!r) return null;
  const out = {} as ReadinessScores;
  for (const part of READINESS_PARTS) {
    const v = r[part];
    if (typeof v !== 'number' || !Number.isFinite(v)) return null;
    const [lo, hi] = READINESS_RANGES[part];
    out[part] = Math.min(hi, Math.max(lo, v));
  }
  return out;
}

/** Composite / 14: the share of the readiness rubric a city reaches. */
export function readinessShareOf(r: ReadinessScores): number {
  return (r.strategy + r.visibleHome + r.networks + r.collaboration) / READINESS_MAX;
}

/** Sector → combined level. Levels are bitmasks (1 infrastructure, 2 cluster priority), so 1 and 2 in one sector make 3. */
export function sectorLevels(sectors: readonly SectorEvidence[]): Map<string, SectorLevel> {
  const out = new Map<string, SectorLevel>();
  for (const s of sectors) {
    const level = s.level & 3;
    if (level === 0) continue;
    out.set(s.sector, ((out.get(s.sector) ?? 0) | level) as SectorLevel);
  }
  return out;
}

/** Builds a prepared city from its numeric indicators and the national scales. */
export function prepareCity(city: CityEvidence, numeric: ReadonlyMap<string, NumericIndicator>, scales: NationalScales): PreparedCity {
  const countryScale = scales.get(city.countryCode);
  const indicators = new Map<string, PreparedIndicator>();
  const relative = new Map<string, number>();
  for (const key of [...numeric.keys()].sort()) {
    const n = numeric.get(key)!;
    const rel = Math.min(1, Math.max(0, relativeValue(key, n.numeric, countryScale?.get(key))));
    indicators.set(key, { key, raw: n.evidence.value, numeric: n.numeric, relative: rel, evidence: n.evidence });
    relative.set(key, rel);
  }
  const readiness = readinessScores(city);
  const levels = sectorLevels(city.sectors);
  return {
    cityId: city.cityId,
    countryCode: city.countryCode,
    evidence: city,
    indicators,
    relative,
    readiness,
    readinessShare: readiness ? readinessShareOf(readiness) : null,
    sectorLevels: levels,
    hasSectorEvidence: levels.size > 0,
  };
}

/**
 * Prepares cities for scoring, in the order given. Relative values are taken
 * within each country among the cities passed in. Throws on a repeated city id.
 */
export function prepareCities(cities: readonly CityEvidence[]): PreparedCity[] {
  const seen = new Set<string>();
  for (const c of cities) {
    if (seen.has(c.cityId)) throw new RangeError(`City ${c.cityId} appears twice.`);
    seen.add(c.cityId);
  }
  const numeric = cities.map((c) => ({ countryCode: c.countryCode, numeric: numericIndicators(c) }));
  const scales = nationalScales(numeric);
  return cities.map((c, i) => prepareCity(c, numeric[i].numeric, scales));
}

/** The city that sets a country's scale on an indicator, and its figure. */
export interface NationalLeader {
  cityId: string;
  numeric: number;
}

/** Per country, per numeric indicator: its leader among the prepared cities (ties: the first city id). */
export function nationalLeaders(cities: readonly PreparedCity[]): Map<string, Map<string, NationalLeader>> {
  const out = new Map<string, Map<string, NationalLeader>>();
  for (const city of [...cities].sort((a, b) => (a.cityId < b.cityId ? -1 : a.cityId > b.cityId ? 1 : 0))) {
    let country = out.get(city.countryCode);
    if (!country) out.set(city.countryCode, (country = new Map()));
    for (const [key, ind] of city.indicators) {
      if (BINARY_INDICATORS.has(key)) continue;
      const prev = country.get(key);
      const inverted = INVERTED_INDICATORS.has(key);
      if (!prev || (inverted ? ind.numeric < prev.numeric : ind.numeric > prev.numeric)) country.set(key, { cityId: city.cityId, numeric: ind.numeric });
    }
  }
  return out;
}
