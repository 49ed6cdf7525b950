import { Injectable } from '@nestjs/common';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { BadInputError, Connection, decodeCursor, DEFAULT_PAGE_SIZE, encodeCursor, NotFoundError, PageArgs } from '@app/core';
import { citiesById, cityMatchesSql, normaliseSearchTerm } from '@app/cities';
import { JUDGED_CONFIDENCE, PILLARS, StarScale } from '../engine';
import { PairScore } from './pair-score.entity';
import { PairingCityEvidence } from './pairing-city-evidence.entity';
import { PairingStarScale } from './pairing-star-scale.entity';
import type { PairFilterInput, ShortlistRuleInput } from './pair-score.types';
import { NOT_A_CURSOR } from './pairing-views.mapping';
import { countriesKey, scaleOfStored } from './stored-scale';

/**
 * The judged pairs (METHOD.md, choice 7), as SQL. The constant is written
 * into the statement, not bound, so the partial index on the pairs that need
 * evidence (`confidence < 0.5`) serves its complement's queries.
 */
const JUDGED = `p.confidence >= ${JUDGED_CONFIDENCE}`;
const NOT_JUDGED = `p.confidence < ${JUDGED_CONFIDENCE}`;

/** What a stored ranking is asked for: the pairs of two countries, or one city's pairs. */
export type RankingScope = { countries: string } | { cityId: string };

/**
 * Reads stored pair scores (the report's default weights): rankings never
 * wait for a computation. Ranked by the ranking score, then confidence, then
 * pair key (all descending), on the indexes (countries | city, adjusted,
 * confidence, pair key); stars are read with the comparison set's scale.
 */
@Injectable()
export class PairScoresService {
  constructor(private readonly dataSource: DataSource) {}

  /** The star scale of the pairs of two countries (absolute cut points until the worker has calibrated one). */
  async scale(countries: string): Promise<StarScale> {
    const row = await this.dataSource.getRepository(PairingStarScale).findOneBy({ countries });
    return scaleOfStored(row?.scale);
  }

  /** Scales of several comparison sets at once. */
  async scales(countries: readonly string[]): Promise<Map<string, StarScale>> {
    const keys = [...new Set(countries)];
    const rows = keys.length ? await this.dataSource.getRepository(PairingStarScale).createQueryBuilder('s').where('s.countries IN (:...keys)', { keys }).getMany() : [];
    const byKey = new Map(rows.map((r) => [r.countries, r.scale]));
    return new Map(keys.map((k) => [k, scaleOfStored(byKey.get(k))]));
  }

  /** A page of two countries' judged pairs, and the star scale of their comparison set (which the page's stars need too). */
  async ranking(countryA: string, countryB: string, filter: PairFilterInput, page: PageArgs): Promise<{ connection: Connection<PairScore>; scale: StarScale }> {
    const countries = countriesKey(countryA.toUpperCase(), countryB.toUpperCase());
    const scale = await this.scale(countries);
    const query = this.base(filter, scale).andWhere(JUDGED).andWhere('p.countries = :countries', { countries });
    return { connection: await this.page(query, page), scale };
  }

  async partnersFor(cityId: string, filter: PairFilterInput, page: PageArgs): Promise<Connection<PairScore>> {
    const [city] = await citiesById(this.dataSource.manager, [cityId]);
    if (!city) throw new NotFoundError('city', cityId);
    // Star filters compare each pair with its own comparison set; a city's partners in one other country share one.
    const scales = await this.scalesOfCity(city.countryCode);
    const query = this.base(filter, null).andWhere(JUDGED).andWhere('(p.city_a_id = :cityId OR p.city_b_id = :cityId)', { cityId });
    this.whereStars(query, filter, scales);
    return this.page(query, page);
  }

  /** The pairs that cannot be judged yet, those the missing evidence could lift highest first. */
  async needingEvidence(scope: RankingScope, first: number): Promise<{ pairs: PairScore[]; count: () => Promise<number> }> {
    const query = this.dataSource.getRepository(PairScore).createQueryBuilder('p').where(NOT_JUDGED);
    if ('countries' in scope) query.andWhere('p.countries = :countries', { countries: scope.countries });
    else query.andWhere('(p.city_a_id = :cityId OR p.city_b_id = :cityId)', { cityId: scope.cityId });
    const counted = query.clone();
    const pairs = await query.orderBy('p.potential', 'DESC').addOrderBy('p.pair_key', 'ASC').take(first).getMany();
    // Two countries' pairs may be a million: their count was taken when the worker calibrated the set.
    const count = async () =>
      'countries' in scope
        ? ((await this.dataSource.getRepository(PairingStarScale).findOneBy({ countries: scope.countries }))?.unjudged ?? counted.getCount())
        : counted.getCount();
    return { pairs, count };
  }

  /**
   * Cities whose own evidence holds their pairs back, most headroom first: those of two countries,
   * or one city and every city of the other countries (its possible partners).
   */
  async cityGaps(countryCodes: readonly string[] | null, cityId: string | null, first: number): Promise<PairingCityEvidence[]> {
    const query = this.dataSource.getRepository(PairingCityEvidence).createQueryBuilder('g').where('g.headroom > 0');
    if (countryCodes) query.andWhere('g.country_code IN (:...codes)', { codes: countryCodes });
    else query.andWhere('(g.city_id = :cityId OR g.country_code <> (SELECT own.country_code FROM pairing_city_evidence own WHERE own.city_id = :cityId))', { cityId });
    return query.orderBy('g.headroom', 'DESC').addOrderBy('g.city_id', 'ASC').take(first).getMany();
  }

  /**
   * Every city's stored gaps (those the worker last computed), most headroom first, then by id: the
   * secretariat's worklist. Narrowed to a country, or to cities whose id or name contains `search`.
   */
  async cityNeeds(filter: { countryCode?: string | null; search?: string | null }, page: PageArgs): Promise<Connection<PairingCityEvidence>> {
    const first = page.first ?? DEFAULT_PAGE_SIZE;
    const query = this.dataSource.getRepository(PairingCityEvidence).createQueryBuilder('g');
    if (filter.countryCode) query.andWhere('g.country_code = :countryCode', { countryCode: filter.countryCode.toUpperCase() });
    const term = normaliseSearchTerm(filter.search);
    if (term) query.andWhere(cityMatchesSql('g.city_id', 'search'), { search: term });
    const counted = query.clone();
    if (page.after) {
      const [headroom, cityId] = decodeCursor(page.after);
      if (typeof headroom !== 'number' || !Number.isFinite(headroom)) throw BadInputError.field('after', NOT_A_CURSOR);
      query.andWhere('(g.headroom < :headroom OR (g.headroom = :headroom AND g.city_id > :cityId))', { headroom, cityId });
    }
    const rows = await query.orderBy('g.headroom', 'DESC').addOrderBy('g.city_id', 'ASC').take(first + 1).getMany();
    const nodes = rows.slice(0, first);
    const edges = nodes.map((node) => ({ node, cursor: encodeCursor(node.headroom, node.cityId) }));
    return {
      nodes,
      edges,
      totalCount: { then: (resolve, reject) => counted.getCount().then(resolve, reject) },
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    };
  }

  /** Pairs meeting a shortlist rule, best first, at most `limit`; and the best of those that missed it. */
  async shortlist(countryA: string, countryB: string, rule: ShortlistRuleInput, limit: number): Promise<{ pairs: PairScore[]; candidates: PairScore[]; scale: StarScale }> {
    const countries = countriesKey(countryA, countryB);
    const scale = await this.scale(countries);
    const query = this.base({ minPillarStars: rule.minPillarStars, minCoverage: rule.minCoverage, peerGroup: rule.peerGroup }, scale)
      .andWhere(JUDGED)
      .andWhere('p.countries = :countries', { countries })
      .orderBy('p.adjusted', 'DESC')
      .addOrderBy('p.confidence', 'DESC')
      .addOrderBy('p.pair_key', 'DESC')
      .take(limit);
    if (rule.sectors?.length) query.andWhere('p.shared_sectors @> :sectors', { sectors: rule.sectors });
    const pairs = await query.getMany();
    // The pairs ranked just below: the best-ranked of the whole set, for the caller to say which rule each missed.
    const candidates = await this.dataSource
      .getRepository(PairScore)
      .createQueryBuilder('p')
      .where('p.countries = :countries', { countries })
      .andWhere(pairs.length ? 'p.pair_key NOT IN (:...taken)' : 'TRUE', { taken: pairs.map((p) => p.pairKey) })
      .orderBy('p.adjusted', 'DESC')
      .addOrderBy('p.confidence', 'DESC')
      .addOrderBy('p.pair_key', 'DESC')
      .take(SHORTLIST_CANDIDATES)
      .getMany();
    return { pairs, candidates, scale };
  }

  get(pairKey: string): Promise<PairScore | null> {
    return this.dataSource.getRepository(PairScore).findOneBy({ pairKey });
  }

  private async scalesOfCity(countryCode: string): Promise<Map<string, StarScale>> {
    const rows = await this.dataSource.getRepository(PairingStarScale).find();
    return new Map(rows.filter((r) => r.countries.split('~').includes(countryCode)).map((r) => [r.countries, scaleOfStored(r.scale)]));
  }

  private base(filter: Pick<PairFilterInput, 'peerGroup' | 'sector' | 'minCoverage' | 'minStars' | 'minPillarStars'>, scale: StarScale | null): SelectQueryBuilder<PairScore> {
    const query = this.dataSource.getRepository(PairScore).createQueryBuilder('p');
    if (filter.peerGroup !== undefined) query.andWhere('p.peer_group_a = :pg AND p.peer_group_b = :pg', { pg: filter.peerGroup });
    if (filter.sector) query.andWhere(':sector = ANY(p.shared_sectors)', { sector: filter.sector });
    if (filter.minCoverage !== undefined) query.andWhere('p.confidence >= :minCoverage', { minCoverage: filter.minCoverage });
    if (scale) this.whereStars(query, filter, new Map([['*', scale]]));
    return query;
  }

  /**
   * Star filters as score conditions: stars ≥ k exactly when the score reaches the (k − 1)th cut
   * point of its comparison set (a cut nobody reaches matches nothing). `scales` maps a countries
   * key to its scale; the key `*` applies one scale to every pair.
   */
  private whereStars(query: SelectQueryBuilder<PairScore>, filter: Pick<PairFilterInput, 'minStars' | 'minPillarStars'>, scales: Map<string, StarScale>): void {
    if (filter.minStars === undefined && filter.minPillarStars === undefined) return;
    const condition = (scale: StarScale) => {
      const parts: string[] = [];
      const reach = (column: string, cuts: readonly [number, number], stars: number) => {
        if (stars <= 1) return `p.${column} IS NOT NULL`;
        const cut = cuts[stars - 2];
        return Number.isFinite(cut) ? `p.${column} >= ${Number(cut)}` : 'FALSE';
      };
      if (filter.minStars !== undefined) parts.push(reach('adjusted', scale.overall, filter.minStars));
      if (filter.minPillarStars !== undefined) for (const pillar of PILLARS) parts.push(reach(snake(pillar), scale[pillar], filter.minPillarStars));
      return `(${parts.join(' AND ')})`;
    };
    const all = scales.get('*');
    if (all) {
      query.andWhere(condition(all));
      return;
    }
    // A countries key is two codes the worker wrote (e.g. GB~KR); only letters and ~ are kept in the SQL.
    const branches = [...scales].map(([key, scale]) => `(p.countries = '${key.replace(/[^A-Z~]/g, '')}' AND ${condition(scale)})`);
    query.andWhere(branches.length ? `(${branches.join(' OR ')})` : 'FALSE');
  }

  /** Keyset pages on (adjusted, confidence, pair key), all descending: one row comparison the indexes serve. */
  private async page(query: SelectQueryBuilder<PairScore>, page: PageArgs): Promise<Connection<PairScore>> {
    const first = page.first ?? DEFAULT_PAGE_SIZE;
    const counted = query.clone();
    if (page.after) {
      const [value, key] = decodeCursor(page.after);
      const position = typeof value === 'string' ? (JSON.parse(value) as unknown) : null;
      if (!Array.isArray(position) || position.length !== 2 || !position.every((v) => typeof v === 'number' && Number.isFinite(v))) {
        throw BadInputError.field('after', NOT_A_CURSOR);
      }
      query.andWhere('(p.adjusted, p.confidence, p.pair_key) < (:adjusted, :confidence, :key)', { adjusted: position[0], confidence: position[1], key });
    }
    const rows = await query.orderBy('p.adjusted', 'DESC').addOrderBy('p.confidence', 'DESC').addOrderBy('p.pair_key', 'DESC').take(first + 1).getMany();
    const nodes = rows.slice(0, first);
    const edges = nodes.map((node) => ({ node, cursor: encodeCursor(JSON.stringify([node.adjusted, node.confidence]), node.pairKey) }));
    return {
      nodes,
      edges,
      totalCount: { then: (resolve, reject) => counted.getCount().then(resolve, reject) },
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    };
  }
}

/** How many pairs below a shortlist are read to find the ones that just missed it. */
export const SHORTLIST_CANDIDATES = 30;

const snake = (pillar: string) => pillar.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
