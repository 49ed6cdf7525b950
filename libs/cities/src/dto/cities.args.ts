import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Language, LANGUAGES, PageArgs, says } from '@app/core';

const COUNTRY_CODE = /^[A-Za-z]{2}$/;
const COUNTRY_CODE_MESSAGE = says('must be a two-letter country code such as GB or KR.', 'GB나 KR 같은 두 글자 국가 코드여야 합니다.');

@InputType({ description: 'Narrows a list of cities; all given conditions must hold.' })
export class CityFilterInput {
  @Field(() => String, { nullable: true, description: 'Two-letter country code, e.g. GB or KR.' })
  @IsOptional()
  @Matches(COUNTRY_CODE, COUNTRY_CODE_MESSAGE)
  countryCode?: string;

  @Field(() => Int, { nullable: true, description: "The founding report's peer group (1 or 2)." })
  @IsOptional()
  @IsInt(says('must be a whole number such as 1 or 2.', '1이나 2 같은 정수여야 합니다.'))
  @Min(1, says('must be 1 or more.', '1 이상이어야 합니다.'))
  @Max(99, says('must be 99 or less.', '99 이하여야 합니다.'))
  peerGroup?: number;

  @Field(() => String, {
    nullable: true,
    description: 'Part of a name in English or Korean, or of the id ("Busan", "busan" and "부산" all find Busan). Best matches first.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100, says('must be 100 characters or fewer.', '최대 100자까지 쓸 수 있습니다.'))
  search?: string;
}

@ArgsType()
export class CountriesArgs {
  @Field(() => String, { nullable: true, description: 'Part of a name in English or Korean, or of the code. Best matches first.' })
  @IsOptional()
  @IsString()
  @MaxLength(100, says('must be 100 characters or fewer.', '최대 100자까지 쓸 수 있습니다.'))
  search?: string;
}

@ArgsType()
export class CountryArgs {
  @Field({ description: 'Two-letter country code, e.g. GB or KR.' })
  @Matches(COUNTRY_CODE, COUNTRY_CODE_MESSAGE)
  code: string;
}

@ArgsType()
export class CityArgs {
  @Field(() => ID, { description: 'The city id, e.g. busan.' })
  @IsString()
  @Length(1, 100, says('must be a city id such as busan.', 'busan 같은 도시 ID여야 합니다.'))
  id: string;
}

@ArgsType()
export class IndicatorHistoryArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only this indicator, e.g. metroPopulationMillions; all when omitted.' })
  @IsOptional()
  @IsString()
  @MaxLength(64, says('must be an indicator key such as metroPopulationMillions.', 'metroPopulationMillions 같은 지표 키여야 합니다.'))
  key?: string;
}

@ArgsType()
export class DisplayArgs {
  @Field(() => String, { nullable: true, description: `Language of the text: ${LANGUAGES.join(' or ')}. Defaults to yours, or en.` })
  @IsOptional()
  @IsIn(LANGUAGES as Language[], says(`must be ${LANGUAGES.join(' or ')}.`, `${LANGUAGES.join(' 또는 ')} 중 하나여야 합니다.`))
  language?: Language;
}
