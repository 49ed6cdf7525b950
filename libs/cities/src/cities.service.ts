import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Connection, NotFoundError, PageArgs, paginate, SortKey } from '@app/core';
import { citiesById } from './city-reads';
import { normaliseSearchTerm, SearchRank, searchRank, searchSql } from './city-search';
import { City } from './entities/city.entity';
import { Country } from './entities/country.entity';
import { countriesByCode } from './city-reads';

/** A city's country, as other contexts need it: the currency money is kept in, the zone times are shown in. */
export interface CitySide {
  cityId: string;
  countryCode: string;
  currency: string;
  timeZone: string;
}

export interface CityFilter {
  countryCode?: string | null;
  peerGroup?: number | null;
  /** Part of a name (English or Korean) or of the id; best matches come first. */
  search?: string | null;
}

/** Countries and cities: reading them. Indicators live in IndicatorService. */
@Injectable()
export class CitiesService {
  constructor(
    @InjectRepository(City) private readonly cities: Repository<City>,
    @InjectRepository(Country) private readonly countries: Repository<Country>,
  ) {}

  /** All countries (a handful), best matches first when searching, else by code. */
  listCountries(search?: string | null): Promise<Country[]> {
    const query = this.countries.createQueryBuilder('co');
    const term = normaliseSearchTerm(search);
    if (term) {
      const sql = searchSql(['co.code', 'co.name_en', 'co.name_ko'], 'q');
      query.where(sql.where, { q: term }).orderBy(sql.rank, 'ASC');
    }
    return query.addOrderBy('co.code', 'ASC').getMany();
  }

  async getCountry(code: string): Promise<Country> {
    const country = await this.countries.findOneBy({ code: code.toUpperCase() });
    if (!country) throw new NotFoundError('country', code);
    return country;
  }

  /** Batched for DataLoaders: the countries in the order of `codes`, undefined where there is none. */
  getCountries(codes: readonly string[], em: EntityManager = this.countries.manager): Promise<Array<Country | undefined>> {
    return countriesByCode(em, codes);
  }

  /**
   * Cities matching the filter, one page at a time: by English name, or best
   * match first (exact, then prefix, then substring; ties by id) when searching.
   */
  list(filter: CityFilter, page: PageArgs): Promise<Connection<City>> {
    const query = this.cities.createQueryBuilder('c');
    if (filter.countryCode) query.andWhere('c.country_code = :countryCode', { countryCode: filter.countryCode.toUpperCase() });
    if (filter.peerGroup != null) query.andWhere('c.peer_group = :peerGroup', { peerGroup: filter.peerGroup });
    const term = normaliseSearchTerm(filter.search);
    let sort: SortKey<City> = { expression: 'c.name_en', direction: 'ASC', valueOf: (c) => c.nameEn };
    if (term) {
      const sql = searchSql(['c.id', 'c.name_en', 'c.name_ko'], 'q');
      query.andWhere(sql.where, { q: term });
      sort = {
        expression: sql.rank,
        direction: 'ASC',
        cast: 'int',
        valueOf: (c) => searchRank([c.id, c.nameEn, c.nameKo], term) ?? SearchRank.CONTAINS,
      };
    }
    return paginate(query, page, sort);
  }

  async get(id: string): Promise<City> {
    const city = await this.cities.findOneBy({ id });
    if (!city) throw new NotFoundError('city', id);
    return city;
  }

  /** Batched for DataLoaders: the cities in the order of `ids`, undefined where there is none. */
  getMany(ids: readonly string[], em: EntityManager = this.cities.manager): Promise<Array<City | undefined>> {
    return citiesById(em, ids);
  }

  /** Each city's country, currency and time zone, in the order of `ids` (undefined for an unknown city): one statement. */
  async sidesOf(ids: readonly string[], em: EntityManager = this.cities.manager): Promise<Array<CitySide | undefined>> {
    if (ids.length === 0) return [];
    const rows: Array<{ id: string; code: string; currency: string; time_zone: string }> = await em.query(
      `SELECT c.id, co.code, co.currency, co.time_zone FROM city c JOIN country co ON co.code = c.country_code WHERE c.id = ANY($1)`,
      [[...new Set(ids)]],
    );
    const byId = new Map(rows.map((r) => [r.id, { cityId: r.id, countryCode: r.code.trim(), currency: r.currency.trim(), timeZone: r.time_zone }]));
    return ids.map((id) => byId.get(id));
  }
}
