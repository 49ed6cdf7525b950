import { CityIndicatorChange } from './entities/city-indicator-change.entity';
import { CityIndicatorValue } from './entities/city-indicator-value.entity';
import { City } from './entities/city.entity';
import { Country } from './entities/country.entity';
import { IndicatorDefinition } from './entities/indicator-definition.entity';

/** Every entity of the cities context, for the DataSource and TypeOrmModule.forFeature. */
export const CITIES_ENTITIES = [Country, City, IndicatorDefinition, CityIndicatorValue, CityIndicatorChange];
