import { prepareCities } from './prepare';
import { CityEvidence } from './types';
import { compareStrings, READINESS_PARTS } from './weights';

/**
 * The City Typology Index (choice 11): an ELO rating per domain from pairwise
 * comparisons of cities measured in the same benchmark.
 *
 * - A benchmark is one indicator within one country's cities (figures are
 *   relative to national leaders, so only cities of one country are
 *   comparable on them). Readiness sub-scores use one rubric everywhere, so
 *   by default their benchmarks span all countries (`readinessScope: 'all'`);
 *   'national' makes them per country like the indicators.
 * - In a benchmark every participant meets every other once: the higher
 *   value wins (1), the lower loses (0), equal values draw (0.5).
 * - Order independence: all expected scores of a benchmark come from the
 *   ratings at its start and the summed deltas are applied at its end;
 *   benchmarks run in key order and participants in city-id order, so the same
 *   data gives bit-for-bit the same ratings whatever the input order.
 * - A city rated in a domain took part in at least one comparison there
 *   (a benchmark with two or more cities); otherwise its rating is null and
 *   its label "Unrated".
 */

export type TypologyDomain = 'systems' | 'ecosystem' | 'strategy';
export const TYPOLOGY_DOMAINS: readonly TypologyDomain[] = ['systems', 'ecosystem', 'strategy'];

/** Indicators of each domain; the strategy domain reads the readiness sub-scores. */
export const TYPOLOGY_INDICATORS: Readonly<Record<Exclude<TypologyDomain, 'strategy'>, readonly string[]>> = Object.freeze({
  systems: ['metroPopulationMillions', 'nationalSizeRank', 'metroGovernance', 'massTransitScore', 'capitalFunction'],
  ecosystem: ['startupHqIndex', 'scaleupHqIndex', 'gdpPerCapitaUsdPpp', 'universityStemScore', 'manufacturingSharePct'],
});

export const ELO_K = 16;
export const ELO_START = 1500;

/**
 * Archetype bands around the start rating (choice 11). A game against an
 * evenly rated city is worth ±8 points, so 1500 ± 20 is two or three more
 * wins than losses: the middle band reads "no clear lean".
 */
export const ARCHETYPE_BANDS = Object.freeze({ upper: 1520, lower: 1480 });
export const UNRATED = 'Unrated';

export function archetypeLabel(domain: TypologyDomain, rating: number | null): string {
  if (rating === null) return UNRATED;
  const { upper, lower } = ARCHETYPE_BANDS;
  switch (domain) {
    case 'systems':
      return rating >= upper ? 'Innovator' : 'Prospector';
    case 'ecosystem':
      return rating >= upper ? 'Mobiliser' : rating >= lower ? 'Non-converter' : 'Embryonic';
    case 'strategy':
      return rating >= upper ? 'Strategist' : rating >= lower ? 'Catalyser' : 'Aspirer';
  }
}

export interface TypologyOptions {
  k?: number;
  start?: number;
  readinessScope?: 'all' | 'national';
}

export interface Benchmark {
  /** `<domain>|<country code or *>|<indicator>`; benchmarks run in key order. */
  key: string;
  domain: TypologyDomain;
  countryCode: string | null;
  indicator: string;
  /** Participants in city-id order, with the value compared (higher wins). */
  participants: Array<{ cityId: string; value: number }>;
}

export interface DomainRating {
  rating: number | null;
  label: string;
  /** Benchmarks in which the city met at least one other city. */
  benchmarks: number;
  comparisons: number;
}

export interface CityTypology {
  cityId: string;
  countryCode: string;
  domains: Record<TypologyDomain, DomainRating>;
}

export interface TypologyResult {
  /** In city-id order. */
  cities: CityTypology[];
  /** In processing (key) order. */
  benchmarks: Benchmark[];
}

/** The benchmarks of a set of cities, in key order. */
export function typologyBenchmarks(cities: readonly CityEvidence[], options: TypologyOptions = {}): Benchmark[] {
  const scope = options.readinessScope ?? 'all';
  const prepared = prepareCities(cities);
  const byKey = new Map<string, Benchmark>();
  const add = (domain: TypologyDomain, countryCode: string | null, indicator: string, cityId: string, value: number) => {
    const key = `${domain}|${countryCode ?? '*'}|${indicator}`;
    let b = byKey.get(key);
    if (!b) byKey.set(key, (b = { key, domain, countryCode, indicator, participants: [] }));
    b.participants.push({ cityId, value });
  };
  for (const c of prepared) {
    for (const domain of ['systems', 'ecosystem'] as const) {
      for (const indicator of TYPOLOGY_INDICATORS[domain]) {
        const v = c.relative.get(indicator);
        if (v !== undefined) add(domain, c.countryCode, indicator, c.cityId, v);
      }
    }
    if (c.readiness) {
      for (const part of READINESS_PARTS) add('strategy', scope === 'all' ? null : c.countryCode, part, c.cityId, c.readiness[part]);
    }
  }
  const out = [...byKey.values()].sort((x, y) => compareStrings(x.key, y.key));
  for (const b of out) b.participants.sort((x, y) => compareStrings(x.cityId, y.cityId));
  return out;
}

/** ELO ratings and archetypes per domain for every city. */
export function computeTypology(cities: readonly CityEvidence[], options: TypologyOptions = {}): TypologyResult {
  const k = options.k ?? ELO_K;
  const start = options.start ?? ELO_START;
  const benchmarks = typologyBenchmarks(cities, options);

  const ratings = new Map<TypologyDomain, Map<string, number>>(TYPOLOGY_DOMAINS.map((d) => [d, new Map()]));
  const counts = new Map<string, { benchmarks: number; comparisons: number }>();
  const countOf = (domain: TypologyDomain, cityId: string) => {
    const key = `${domain}|${cityId}`;
    let c = counts.get(key);
    if (!c) counts.set(key, (c = { benchmarks: 0, comparisons: 0 }));
    return c;
  };

  for (const b of benchmarks) {
    const n = b.participants.length;
    if (n < 2) continue;
    const domainRatings = ratings.get(b.domain)!;
    const r = b.participants.map((p) => domainRatings.get(p.cityId) ?? start);
    const delta = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const expectedI = 1 / (1 + Math.pow(10, (r[j] - r[i]) / 400));
        const vi = b.participants[i].value;
        const vj = b.participants[j].value;
        const scoreI = vi > vj ? 1 : vi < vj ? 0 : 0.5;
        delta[i] += k * (scoreI - expectedI);
        delta[j] += k * (1 - scoreI - (1 - expectedI));
      }
    }
    for (let i = 0; i < n; i++) {
      const id = b.participants[i].cityId;
      domainRatings.set(id, r[i] + delta[i]);
      const c = countOf(b.domain, id);
      c.benchmarks++;
      c.comparisons += n - 1;
    }
  }

  const out: CityTypology[] = [...cities]
    .sort((x, y) => compareStrings(x.cityId, y.cityId))
    .map((c) => {
      const domains = {} as Record<TypologyDomain, DomainRating>;
      for (const d of TYPOLOGY_DOMAINS) {
        const rating = ratings.get(d)!.get(c.cityId) ?? null;
        const cnt = counts.get(`${d}|${c.cityId}`) ?? { benchmarks: 0, comparisons: 0 };
        domains[d] = { rating, label: archetypeLabel(d, rating), ...cnt };
      }
      return { cityId: c.cityId, countryCode: c.countryCode, domains };
    });
  return { cities: out, benchmarks };
}
