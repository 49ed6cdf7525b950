import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  BatchScores,
  buildBatch,
  calibrateStarsOf,
  JUDGED_CONFIDENCE,
  cityEvidenceGaps,
  CityEvidence,
  prepareCities,
  compareStrings,
  PairingBatch,
  PairScoreResult,
  readPair,
  REPORT_DEFAULT_WEIGHTS,
  SCORING_METHOD_VERSION,
  scoreAllPairs,
  scoreBatch,
  allocateScores,
  scorePairsForCity,
  NationalScales,
  nationalScales,
  numericIndicators,
} from '../engine';
import { EvidenceService } from '../evidence/evidence.service';
import { countriesKey, storedScale } from './stored-scale';
import { PairingMethod } from './pairing-method.entity';
import { PairingCountryScale } from './pairing-country-scale.entity';
import { PairingStarScale } from './pairing-star-scale.entity';
import { PairingCityEvidence } from './pairing-city-evidence.entity';
import { citiesWithIndicatorValues } from '@app/cities';

/**
 * Loads evidence from the database into the engine and stores what it
 * computes. Used by the worker's recompute jobs and by the seed.
 */
@Injectable()
export class PairingComputeService {
  private readonly logger = new Logger(PairingComputeService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly evidence: EvidenceService,
  ) {}

  /** Every city's evidence in the engine's shape, in city-id order. */
  async loadEvidence(em: EntityManager = this.dataSource.manager): Promise<CityEvidence[]> {
    const [{ cities, values }, pairing] = await Promise.all([citiesWithIndicatorValues(em), this.evidence.loadCityEvidence(undefined, em)]);
    const indicators = new Map<string, CityEvidence['indicators']>();
    for (const v of values) {
      const list = indicators.get(v.city_id as string) ?? [];
      list.push({
        key: v.indicator_key as string,
        value: (v.number_value ?? v.boolean_value ?? v.text_value ?? null) as number | boolean | string | null,
        source: v.source as string,
        asOf: v.as_of as string,
        enteredByUserId: (v.entered_by_user_id as string | null) ?? null,
      });
      indicators.set(v.city_id as string, list);
    }
    return cities.map((c) => {
      const e = pairing.get(c.id);
      return {
        cityId: c.id,
        countryCode: c.country_code,
        peerGroup: c.peer_group,
        indicators: indicators.get(c.id) ?? [],
        readiness: e?.readiness ?? null,
        sectors: e?.sectors ?? [],
        links: e?.links ?? [],
      };
    });
  }

  /**
   * Runs one computation at a time across every worker process (a
   * PostgreSQL advisory lock), so a computation that read older evidence can
   * never store its scores over a newer one's.
   */
  private async exclusively<T>(work: () => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query(`SELECT pg_advisory_lock(hashtext('pairing.recompute'))`);
      try {
        return await work();
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtext('pairing.recompute'))`);
      }
    } finally {
      await runner.release();
    }
  }

  /** Scores every pair of every two countries and stores them. */
  recomputeAll(): Promise<number> {
    return this.exclusively(() => this.recomputeAllNow());
  }

  private async recomputeAllNow(): Promise<number> {
    const cities = await this.loadEvidence();
    const byCountry = groupByCountry(cities);
    const codes = [...byCountry.keys()].sort(compareStrings);
    let written = 0;
    for (let a = 0; a < codes.length; a++) {
      for (let b = a + 1; b < codes.length; b++) {
        const { batch, scores } = scoreAllPairs(byCountry.get(codes[a])!, byCountry.get(codes[b])!, REPORT_DEFAULT_WEIGHTS);
        written += await this.store(batch, scores, range(scores.nX * scores.nY), cities);
      }
    }
    await this.saveScales(cities, codes);
    const now = new Date();
    await saveStarScales(this.dataSource.manager, countryPairs(codes), now);
    await saveCityGaps(this.dataSource.manager, cities, now);
    await this.dataSource.getRepository(PairingMethod).upsert({ name: 'default', fingerprint: methodFingerprint(), computedAt: new Date() }, ['name']);
    return written;
  }

  /** Whether the stored scores are missing, or were computed by another method or other default weights. */
  async storedScoresAreStale(): Promise<boolean> {
    const [{ count }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM pair_score`);
    if (count === 0) return true;
    const method = await this.dataSource.getRepository(PairingMethod).findOneBy({ name: 'default' });
    return method?.fingerprint !== methodFingerprint();
  }

  /**
   * Scores again the pairs that involve these cities, loading the evidence
   * once for all of them. When a change moved a country's national leader,
   * every pair of that country is scored again instead.
   */
  recomputeCities(cityIds: readonly string[]): Promise<{ pairs: number; wholeCountries: string[] }> {
    return this.exclusively(() => this.recomputeCitiesNow(cityIds));
  }

  private async recomputeCitiesNow(cityIds: readonly string[]): Promise<{ pairs: number; wholeCountries: string[] }> {
    const cities = await this.loadEvidence();
    const wanted = new Set(cityIds);
    const byCountry = groupByCountry(cities);
    const changedCountries = [...new Set(cities.filter((c) => wanted.has(c.cityId)).map((c) => c.countryCode))].sort(compareStrings);
    const wholeCountries: string[] = [];
    for (const code of changedCountries) if (await this.leadersMoved(code, cities)) wholeCountries.push(code);
    let pairs = 0;
    for (const code of changedCountries) {
      const whole = wholeCountries.includes(code);
      for (const [other, others] of byCountry) {
        if (other === code) continue;
        const batch = buildBatch(byCountry.get(code)!, others);
        const scores = allocateScores(batch);
        if (whole) {
          scoreBatch(batch, REPORT_DEFAULT_WEIGHTS, scores);
          pairs += await this.store(batch, scores, range(scores.nX * scores.nY), cities);
          continue;
        }
        const rows = range(batch.x.n).filter((i) => wanted.has(batch.x.cityIds[i]));
        for (const i of rows) scorePairsForCity(batch, 'x', i, REPORT_DEFAULT_WEIGHTS, scores);
        pairs += await this.store(batch, scores, rows.flatMap((i) => range(scores.nY).map((j) => i * scores.nY + j)), cities);
      }
    }
    if (wholeCountries.length) await this.saveScales(cities, wholeCountries);
    // The comparison sets these cities are in moved: their stars are calibrated again.
    const now = new Date();
    const codes = [...byCountry.keys()].sort(compareStrings);
    await saveStarScales(this.dataSource.manager, countryPairs(codes).filter((key) => changedCountries.some((c) => key.split('~').includes(c))), now);
    // A city's gaps read relative figures, which a new national leader moves for its whole country.
    await saveCityGaps(this.dataSource.manager, cities.filter((c) => wanted.has(c.cityId) || wholeCountries.includes(c.countryCode)), now);
    return { pairs, wholeCountries };
  }

  private async leadersMoved(countryCode: string, cities: CityEvidence[]): Promise<boolean> {
    const stored = await this.dataSource.getRepository(PairingCountryScale).findOneBy({ countryCode });
    const current = leadersOf(countryCode, cities);
    return !stored || JSON.stringify(sortKeys(stored.leaders)) !== JSON.stringify(sortKeys(current));
  }

  /** Records the national leaders the stored scores of these countries were computed with. */
  private async saveScales(cities: CityEvidence[], codes: string[]): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(PairingCountryScale)
      .values(codes.map((code) => ({ countryCode: code, leaders: leadersOf(code, cities), computedAt: new Date() })))
      .orUpdate(['leaders', 'computed_at'], ['country_code'])
      .execute();
  }

  /** Upserts the given pairs of a batch, a few thousand rows per statement. */
  private async store(batch: PairingBatch, scores: BatchScores, pairs: number[], cities: CityEvidence[]): Promise<number> {
    const peerGroup = new Map(cities.map((c) => [c.cityId, c.peerGroup]));
    const country = new Map(cities.map((c) => [c.cityId, c.countryCode]));
    const now = new Date();
    for (let start = 0; start < pairs.length; start += 5000) {
      const rows = pairs.slice(start, start + 5000).map((p) => readPair(batch, scores, p, REPORT_DEFAULT_WEIGHTS));
      await writePairScores(this.dataSource.manager, rows, peerGroup, country, now);
    }
    this.logger.debug(`Stored ${pairs.length} pair scores`);
    return pairs.length;
  }
}

/** One statement per batch of rows: arrays in, ON CONFLICT update. */
export async function writePairScores(
  em: EntityManager,
  rows: PairScoreResult[],
  peerGroup: Map<string, number | null>,
  country: Map<string, string>,
  computedAt: Date,
): Promise<void> {
  if (rows.length === 0) return;
  const col = <T>(f: (r: PairScoreResult) => T) => rows.map(f);
  await em.query(
    `INSERT INTO pair_score (pair_key, city_a_id, city_b_id, countries, peer_group_a, peer_group_b,
        similarity, internationalisation, synergy, relationship, overall, adjusted, potential, similarity_evidence,
        indicators_used, numeric_used, numeric_known_a, numeric_known_b, numeric_weighted, indicators_weighted,
        sectors_compared, assessments, links, confidence, shared_sectors, computed_at)
     SELECT t.pair_key, t.city_a_id, t.city_b_id, t.countries, t.pga, t.pgb, t.sim, t.intl, t.syn, t.rel, t.overall, t.adj, t.pot, t.se,
            t.iu, t.nu, t.nka, t.nkb, t.nw, t.iw, t.sc, t.asm, t.lk, t.conf, string_to_array(t.ss, ','), $26
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::float8[], $8::float8[], $9::float8[],
                   $10::float8[], $11::float8[], $12::float8[], $13::float8[], $14::float8[], $15::int2[], $16::int2[], $17::int2[],
                   $18::int2[], $19::int2[], $20::int2[], $21::int2[], $22::int2[], $23::int2[], $24::float8[], $25::text[])
         AS t(pair_key, city_a_id, city_b_id, countries, pga, pgb, sim, intl, syn, rel, overall, adj, pot, se, iu, nu, nka, nkb, nw, iw, sc, asm, lk, conf, ss)
     ON CONFLICT (pair_key) DO UPDATE SET
        similarity = EXCLUDED.similarity, internationalisation = EXCLUDED.internationalisation, synergy = EXCLUDED.synergy,
        relationship = EXCLUDED.relationship, overall = EXCLUDED.overall, adjusted = EXCLUDED.adjusted, potential = EXCLUDED.potential,
        similarity_evidence = EXCLUDED.similarity_evidence, indicators_used = EXCLUDED.indicators_used, numeric_used = EXCLUDED.numeric_used,
        numeric_known_a = EXCLUDED.numeric_known_a, numeric_known_b = EXCLUDED.numeric_known_b, numeric_weighted = EXCLUDED.numeric_weighted,
        indicators_weighted = EXCLUDED.indicators_weighted, sectors_compared = EXCLUDED.sectors_compared,
        assessments = EXCLUDED.assessments, links = EXCLUDED.links, confidence = EXCLUDED.confidence,
        shared_sectors = EXCLUDED.shared_sectors, peer_group_a = EXCLUDED.peer_group_a, peer_group_b = EXCLUDED.peer_group_b,
        computed_at = EXCLUDED.computed_at`,
    [
      col((r) => r.pairKey),
      col((r) => r.cityAId),
      col((r) => r.cityBId),
      col((r) => countriesKey(country.get(r.cityAId)!, country.get(r.cityBId)!)),
      col((r) => peerGroup.get(r.cityAId) ?? null),
      col((r) => peerGroup.get(r.cityBId) ?? null),
      col((r) => r.pillars.similarity.score),
      col((r) => r.pillars.internationalisation.score),
      col((r) => r.pillars.synergy.score),
      col((r) => r.pillars.relationship.score),
      col((r) => r.overall),
      col((r) => r.adjusted),
      col((r) => r.potential),
      col((r) => r.pillars.similarity.evidence),
      col((r) => r.coverage.indicatorsUsed),
      col((r) => r.coverage.numericUsed),
      col((r) => r.coverage.numericKnownA),
      col((r) => r.coverage.numericKnownB),
      col((r) => r.coverage.numericWeighted),
      col((r) => r.coverage.indicatorsWeighted),
      col((r) => r.coverage.sectorsCompared),
      col((r) => r.coverage.assessments),
      col((r) => r.coverage.links),
      col((r) => r.coverage.confidence),
      col((r) => r.sharedSectors.join(',')),
      computedAt,
    ],
  );
}

/**
 * Calibrates the stars of each comparison set on its stored scores (the
 * engine's calibrateStarsOf) and keeps the cut points, so every pair's stars
 * follow the set without rewriting its row.
 */
export async function saveStarScales(em: EntityManager, countries: readonly string[], computedAt: Date): Promise<void> {
  for (const key of countries) {
    const rows = (await em.query(
      `SELECT similarity, internationalisation, synergy, adjusted, confidence FROM pair_score WHERE countries = $1`,
      [key],
    )) as Array<{ similarity: number | null; internationalisation: number | null; synergy: number | null; adjusted: number; confidence: number }>;
    const column = (f: (r: (typeof rows)[number]) => number | null) => Float64Array.from(rows, (r) => f(r) ?? NaN);
    const scale = calibrateStarsOf(
      {
        similarity: column((r) => r.similarity),
        internationalisation: column((r) => r.internationalisation),
        synergy: column((r) => r.synergy),
        adjusted: column((r) => r.adjusted),
        confidence: column((r) => r.confidence),
      },
      REPORT_DEFAULT_WEIGHTS,
    );
    const judged = rows.filter((r) => r.confidence >= JUDGED_CONFIDENCE).length;
    await em.getRepository(PairingStarScale).upsert({ countries: key, scale: storedScale(scale), judged, unjudged: rows.length - judged, computedAt }, ['countries']);
  }
}

/** What each city lacks for its pairs to be judged (the engine's cityEvidenceGaps), kept for rankings to list. */
export async function saveCityGaps(em: EntityManager, cities: readonly CityEvidence[], computedAt: Date): Promise<void> {
  if (cities.length === 0) return;
  const byCountry = groupByCountry([...cities]);
  const rows: PairingCityEvidence[] = [];
  for (const group of byCountry.values()) {
    for (const prepared of prepareCities(group)) {
      const g = cityEvidenceGaps(prepared, REPORT_DEFAULT_WEIGHTS);
      rows.push(Object.assign(new PairingCityEvidence(), { cityId: g.cityId, countryCode: g.countryCode, numericKnown: g.numericKnown, numericWeighted: g.numericWeighted, gaps: g.gaps, headroom: g.headroom, computedAt }));
    }
  }
  await em.getRepository(PairingCityEvidence).upsert(rows, ['cityId']);
}

function groupByCountry(cities: CityEvidence[]): Map<string, CityEvidence[]> {
  const map = new Map<string, CityEvidence[]>();
  for (const c of cities) map.set(c.countryCode, [...(map.get(c.countryCode) ?? []), c]);
  return map;
}

function leadersOf(countryCode: string, cities: CityEvidence[]): Record<string, number> {
  const scales: NationalScales = nationalScales(
    cities.filter((c) => c.countryCode === countryCode).map((c) => ({ countryCode: c.countryCode, numeric: numericIndicators(c) })),
  );
  return Object.fromEntries(scales.get(countryCode) ?? new Map());
}

function sortKeys(record: Record<string, number>): Array<[string, number]> {
  return Object.entries(record).sort(([a], [b]) => compareStrings(a, b));
}

/** Every comparison set of these countries: `A~B` for each two of them. */
function countryPairs(codes: readonly string[]): string[] {
  const out: string[] = [];
  for (let a = 0; a < codes.length; a++) for (let b = a + 1; b < codes.length; b++) out.push(countriesKey(codes[a], codes[b]));
  return out;
}

/** 0, 1, …, n − 1. */
export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** The method version and the default weights, hashed: what stored scores were computed with. */
export function methodFingerprint(): string {
  return createHash('sha256').update(JSON.stringify({ version: SCORING_METHOD_VERSION, weights: REPORT_DEFAULT_WEIGHTS })).digest('hex').slice(0, 32);
}
