import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Language, LANGUAGES, PageArgs } from '@app/core';

const COUNTRY_CODE = /^[A-Za-z]{2}$/;
const COUNTRY_CODE_MESSAGE = 'must be a two-letter country code such as GB or KR.';

@InputType({ description: 'Narrows a list of cities; all given conditions must hold.' })
export class CityFilterInput {
  @Field(() => String, { nullable: true, description: 'Two-letter country code, e.g. GB or KR.' })
  @IsOptional()
  @Matches(COUNTRY_CODE, { message: COUNTRY_CODE_MESSAGE })
  countryCode?: string;

  @Field(() => Int, { nullable: true, description: "The founding report's peer group (1 or 2)." })
  @IsOptional()
  @IsInt({ message: 'must be a whole number such as 1 or 2.' })
  @Min(1, { message: 'must be 1 or more.' })
  @Max(99, { message: 'must be 99 or less.' })
  peerGroup?: number;

  @Field(() => String, {
    nullable: true,
    description: 'Part of a name in English or Korean, or of the id ("Busan", "busan" and "부산" all find Busan). Best matches first.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'must be 100 characters or fewer.' })
  search?: string;
}

@ArgsType()
export class CountriesArgs {
  @Field(() => String, { nullable: true, description: 'Part of a name in English or Korean, or of the code. Best matches first.' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'must be 100 characters or fewer.' })
  search?: string;
}

@ArgsType()
export class CountryArgs {
  @Field({ description: 'Two-letter country code, e.g. GB or KR.' })
  @Matches(COUNTRY_CODE, { message: COUNTRY_CODE_MESSAGE })
  code: string;
}

@ArgsType()
export class CityArgs {
  @Field(() => ID, { description: 'The city id, e.g. busan.' })
  @IsString()
  @Length(1, 100, { message: 'must be a city id such as busan.' })
  id: string;
}

@ArgsType()
export class IndicatorHistoryArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only this indicator, e.g. metroPopulationMillions; all when omitted.' })
  @IsOptional()
  @IsString()
  @MaxLength(64, { message: 'must be an indicator key such as metroPopulationMillions.' })
  key?: string;
}

@ArgsType()
export class DisplayArgs {
  @Field(() => String, { nullable: true, description: `Language of the text: ${LANGUAGES.join(' or ')}. Defaults to yours, or en.` })
  @IsOptional()
  @IsIn(LANGUAGES as Language[], { message: `must be ${LANGUAGES.join(' or ')}.` })
  language?: Language;
}
