import { Injectable } from '@nestjs/common';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { Connection, NotFoundError, PageArgs, paginate } from '@app/core';
import { citiesById } from '@app/cities';
import { PairScore } from './pair-score.entity';
import type { PairFilterInput, ShortlistRuleInput } from './pair-score.types';

export function countriesKey(a: string, b: string): string {
  return [a, b].sort().join('~');
}

/**
 * Reads stored pair scores (the report's default weights): rankings never
 * wait for a computation and use the index on (countries, overall).
 */
@Injectable()
export class PairScoresService {
  constructor(private readonly dataSource: DataSource) {}

  async ranking(countryA: string, countryB: string, filter: PairFilterInput, page: PageArgs): Promise<Connection<PairScore>> {
    const query = this.base(filter).andWhere('p.countries = :countries', { countries: countriesKey(countryA.toUpperCase(), countryB.toUpperCase()) });
    return this.page(query, page);
  }

  async partnersFor(cityId: string, filter: PairFilterInput, page: PageArgs): Promise<Connection<PairScore>> {
    if (!(await citiesById(this.dataSource.manager, [cityId]))[0]) throw new NotFoundError('city', cityId);
    const query = this.base(filter).andWhere('(p.city_a_id = :cityId OR p.city_b_id = :cityId)', { cityId });
    return this.page(query, page);
  }

  /** Pairs meeting a shortlist rule, best first, at most `limit`. */
  shortlist(countryA: string, countryB: string, rule: ShortlistRuleInput, limit: number): Promise<PairScore[]> {
    const query = this.base({ minPillarStars: rule.minPillarStars, minCoverage: rule.minCoverage })
      .andWhere('p.countries = :countries', { countries: countriesKey(countryA, countryB) })
      .orderBy('p.overall', 'DESC')
      .addOrderBy('p.pair_key', 'DESC')
      .take(limit);
    if (rule.sectors?.length) query.andWhere('p.shared_sectors @> :sectors', { sectors: rule.sectors });
    return query.getMany();
  }

  get(pairKey: string): Promise<PairScore | null> {
    return this.dataSource.getRepository(PairScore).findOneBy({ pairKey });
  }

  private base(filter: PairFilterInput): SelectQueryBuilder<PairScore> {
    const query = this.dataSource.getRepository(PairScore).createQueryBuilder('p');
    if (filter.peerGroup !== undefined) query.andWhere('p.peer_group_a = :pg AND p.peer_group_b = :pg', { pg: filter.peerGroup });
    if (filter.sector) query.andWhere(':sector = ANY(p.shared_sectors)', { sector: filter.sector });
    if (filter.minCoverage !== undefined) query.andWhere('p.confidence >= :minCoverage', { minCoverage: filter.minCoverage });
    if (filter.minStars !== undefined) query.andWhere('p.overall_stars >= :minStars', { minStars: filter.minStars });
    if (filter.minPillarStars !== undefined) query.andWhere('p.min_pillar_stars >= :minPillarStars', { minPillarStars: filter.minPillarStars });
    return query;
  }

  private page(query: SelectQueryBuilder<PairScore>, page: PageArgs): Promise<Connection<PairScore>> {
    return paginate(query, page, { expression: 'p.overall', direction: 'DESC', valueOf: (p) => p.overall, notNull: true }, 'p.pair_key');
  }
}
