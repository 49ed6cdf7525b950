import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { AuthUser, BadInputError, Clock, Connection, NotFoundError, PageArgs, pageOfOwner, RequestContext, requestLoader, words } from '@app/core';
import { CityIndicatorChange } from './entities/city-indicator-change.entity';
import { CityIndicatorValue } from './entities/city-indicator-value.entity';
import { City } from './entities/city.entity';
import { IndicatorDefinition } from './entities/indicator-definition.entity';
import {
  checkAsOf,
  checkSource,
  IndicatorScalar,
  IndicatorValueInput,
  valueColumns,
  valueFromInput,
  valueOfColumns,
} from './indicator-value';

/** What one indicator write did: the value now held, and whether anything changed. */
export interface SetIndicatorResult {
  value: CityIndicatorValue;
  definition: IndicatorDefinition;
  /** false when the value, source and date were already exactly these (no history row is written). */
  changed: boolean;
}

/**
 * City indicators: their definitions, current values with evidence, and the
 * append-only history of every change.
 */
@Injectable()
export class IndicatorService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @InjectRepository(IndicatorDefinition) private readonly definitionsRepo: Repository<IndicatorDefinition>,
    @InjectRepository(CityIndicatorValue) private readonly values: Repository<CityIndicatorValue>,
    @InjectRepository(CityIndicatorChange) private readonly changes: Repository<CityIndicatorChange>,
  ) {}

  /** Every indicator definition, in display order. */
  definitions(): Promise<IndicatorDefinition[]> {
    return this.definitionsRepo.find({ order: { position: 'ASC', key: 'ASC' } });
  }

  /** One definition; an unknown key is the caller's mistake, named as `key`. */
  async definition(key: string, em: EntityManager = this.dataSource.manager): Promise<IndicatorDefinition> {
    const definition = await em.findOneBy(IndicatorDefinition, { key });
    if (definition) return definition;
    const known = (await em.find(IndicatorDefinition, { order: { position: 'ASC' } })).map((d) => d.key);
    throw BadInputError.field('key', words(`there is no indicator "${key}". Known indicators: ${known.join(', ')}.`, `"${key}" 지표는 없습니다. 있는 지표: ${known.join(', ')}.`));
  }

  /** Batched for DataLoaders: each city's stored values, in the order of `cityIds`. */
  async valuesForCities(cityIds: readonly string[]): Promise<CityIndicatorValue[][]> {
    if (cityIds.length === 0) return [];
    const rows = await this.values.findBy({ cityId: In([...new Set(cityIds)]) });
    const byCity = new Map<string, CityIndicatorValue[]>();
    for (const row of rows) byCity.set(row.cityId, [...(byCity.get(row.cityId) ?? []), row]);
    return cityIds.map((id) => byCity.get(id) ?? []);
  }

  /**
   * Records a new figure (or "no figure") for one indicator of one city, with
   * its source, in one transaction with its history row. Unknown city:
   * NOT_FOUND; unknown key, a value of the wrong type, or a bad source or
   * date: BAD_USER_INPUT naming the field. Sending what is already recorded
   * changes nothing.
   */
  async setIndicator(
    user: AuthUser,
    cityId: string,
    key: string,
    input: IndicatorValueInput,
    source: string,
    asOf?: string | null,
  ): Promise<SetIndicatorResult> {
    const cleanSource = checkSource(source);
    const now = this.clock.now();
    const figureDate = checkAsOf(asOf ?? now.toISOString().slice(0, 10), now.toISOString().slice(0, 10));

    return this.dataSource.transaction(async (em) => {
      // Locking the city serialises writes to its indicators, so each change
      // row's old value is exactly the value it replaced.
      const city = await em
        .createQueryBuilder(City, 'c')
        .setLock('for_no_key_update')
        .where('c.id = :cityId', { cityId })
        .getOne();
      if (!city) throw new NotFoundError('city', cityId);
      const definition = await this.definition(key, em);
      const next = valueFromInput(definition, input);

      const current = await em.findOneBy(CityIndicatorValue, { cityId, indicatorKey: key });
      const previous: IndicatorScalar = current ? valueOfColumns(current) : null;
      if (current && previous === next && current.source === cleanSource && current.asOf === figureDate) {
        return { value: current, definition, changed: false };
      }

      const value = em.create(CityIndicatorValue, {
        cityId,
        indicatorKey: key,
        ...valueColumns(definition, next),
        source: cleanSource,
        asOf: figureDate,
        enteredByUserId: user.id,
        updatedAt: now,
      });
      await em.upsert(CityIndicatorValue, value, ['cityId', 'indicatorKey']);
      await em.insert(CityIndicatorChange, {
        cityId,
        indicatorKey: key,
        oldValue: previous,
        newValue: next,
        source: cleanSource,
        asOf: figureDate,
        changedByUserId: user.id,
        changedAt: now,
      });
      return { value, definition, changed: true };
    });
  }

  /**
   * A city's indicator changes, newest first; only one indicator's when `key` is given. The
   * histories of every city of the request are one statement (and the key is checked once).
   */
  async history(ctx: RequestContext, cityId: string, key: string | null | undefined, page: PageArgs): Promise<Connection<CityIndicatorChange>> {
    if (key) await requestLoader<string, IndicatorDefinition>(ctx, 'cities.historyKey', (keys) => Promise.all(keys.map((k) => this.definition(k).catch((error: Error) => error)))).load(key);
    return pageOfOwner(ctx, {
      key: 'cities.indicatorHistory',
      filter: { key },
      rows: (cityIds) => {
        const query = this.changes.createQueryBuilder('ch').where('ch.city_id IN (:...cityIds)', { cityIds });
        if (key) query.andWhere('ch.indicator_key = :key', { key });
        return query;
      },
      owner: { expression: 'ch.city_id', of: (change) => change.cityId },
      sort: { expression: 'ch.changed_at', direction: 'DESC', cast: 'timestamptz', valueOf: (change) => change.changedAt.toISOString() },
    }, cityId, page);
  }
}
