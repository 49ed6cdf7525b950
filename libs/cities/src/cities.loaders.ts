import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { RequestContext, requestLoader } from '@app/core';
import { CitiesService } from './cities.service';
import { CityIndicatorValue } from './entities/city-indicator-value.entity';
import { City } from './entities/city.entity';
import { Country } from './entities/country.entity';
import { IndicatorDefinition } from './entities/indicator-definition.entity';
import { IndicatorService } from './indicator.service';

/**
 * The request's batched reads of cities, countries and indicators, kept in
 * `ctx.loaders` under `cities.*` keys: a page of cities with their countries
 * and indicators costs one query per kind of thing, not one per city. Other
 * contexts use `city(ctx)` for their own city fields.
 */
@Injectable()
export class CitiesLoaders {
  constructor(
    private readonly citiesService: CitiesService,
    private readonly indicatorService: IndicatorService,
  ) {}

  city(ctx: RequestContext): DataLoader<string, City | undefined> {
    return requestLoader(ctx, 'cities.cityById', (ids: readonly string[]) => this.citiesService.getMany(ids));
  }

  country(ctx: RequestContext): DataLoader<string, Country | undefined> {
    return requestLoader(ctx, 'cities.countryByCode', (codes: readonly string[]) => this.citiesService.getCountries(codes));
  }

  /** Each city's stored indicator values (rows nobody entered are absent). */
  indicatorValues(ctx: RequestContext): DataLoader<string, CityIndicatorValue[]> {
    return requestLoader(ctx, 'cities.indicatorValuesByCity', (ids: readonly string[]) => this.indicatorService.valuesForCities(ids));
  }

  /** Every indicator definition in display order, read once per request. */
  definitions(ctx: RequestContext): Promise<IndicatorDefinition[]> {
    return this.once(ctx, 'cities.definitions', () => this.indicatorService.definitions());
  }

  definitionsByKey(ctx: RequestContext): Promise<Map<string, IndicatorDefinition>> {
    return this.once(ctx, 'cities.definitionsByKey', async () => new Map((await this.definitions(ctx)).map((d) => [d.key, d])));
  }

  private once<T>(ctx: RequestContext, key: string, load: () => Promise<T>): Promise<T> {
    let promise = ctx.loaders.get(key) as Promise<T> | undefined;
    if (!promise) {
      promise = load();
      ctx.loaders.set(key, promise);
    }
    return promise;
  }
}
