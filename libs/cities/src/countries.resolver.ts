import { Query, Resolver } from '@nestjs/graphql';
import { Allow, Args } from '@app/core';
import { CitiesService } from './cities.service';
import { CountriesArgs, CountryArgs } from './dto/cities.args';
import { Country } from './entities/country.entity';

@Resolver(() => Country)
export class CountriesResolver {
  constructor(private readonly cities: CitiesService) {}

  @Query(() => [Country], { description: 'The countries taking part, by code; best matches first when searching.' })
  @Allow('PUBLIC')
  countries(@Args() args: CountriesArgs): Promise<Country[]> {
    return this.cities.listCountries(args.search);
  }

  @Query(() => Country, { description: 'One country by its two-letter code; NOT_FOUND when it does not take part.' })
  @Allow('PUBLIC')
  country(@Args() args: CountryArgs): Promise<Country> {
    return this.cities.getCountry(args.code);
  }
}
