import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CITIES_ENTITIES } from './cities.entities';
import { CitiesLoaders } from './cities.loaders';
import { CitiesResolver } from './cities.resolver';
import { CitiesService } from './cities.service';
import { CityIndicatorChangeResolver } from './city-indicator-change.resolver';
import { CountriesResolver } from './countries.resolver';
import { IndicatorService } from './indicator.service';
import { IndicatorValueResolver } from './indicator-value.resolver';
import { IndicatorsResolver } from './indicators.resolver';

/**
 * Countries, cities and their indicators. Needs the global ConfigModule
 * (Clock) and TypeORM's root module.
 */
@Module({
  imports: [TypeOrmModule.forFeature(CITIES_ENTITIES)],
  providers: [
    CitiesService,
    IndicatorService,
    CitiesLoaders,
    CountriesResolver,
    CitiesResolver,
    IndicatorsResolver,
    IndicatorValueResolver,
    CityIndicatorChangeResolver,
  ],
  exports: [CitiesService, IndicatorService, CitiesLoaders],
})
export class CitiesModule {}
