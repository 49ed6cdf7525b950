import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsNumber, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { says } from '@app/core';
import { SOURCE_MAX_LENGTH, SOURCE_MIN_LENGTH } from '../indicator-value';

@InputType({
  description:
    "A new figure for one of a city's indicators. Send exactly one of numberValue, booleanValue or textValue " +
    "(the one the indicator's valueType names), or clear: true when there is no figure.",
})
export class SetCityIndicatorInput {
  @Field(() => ID, { description: 'The city id, e.g. busan.' })
  @IsString()
  @Length(1, 100, says('must be a city id such as busan.', 'busan 같은 도시 ID여야 합니다.'))
  cityId: string;

  @Field({ description: 'The indicator key, e.g. metroPopulationMillions (see indicatorDefinitions).' })
  @IsString()
  @Length(1, 64, says('must be an indicator key such as metroPopulationMillions.', 'metroPopulationMillions 같은 지표 키여야 합니다.'))
  key: string;

  @Field(() => Float, { nullable: true, description: 'For NUMBER indicators.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, says('must be a finite number.', '유한한 숫자여야 합니다.'))
  numberValue?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'For BOOLEAN indicators.' })
  @IsOptional()
  @IsBoolean(says('must be true or false.', 'true 또는 false여야 합니다.'))
  booleanValue?: boolean | null;

  @Field(() => String, { nullable: true, description: 'For CATEGORY indicators: one of the definition’s category values.' })
  @IsOptional()
  @IsString()
  @MaxLength(100, says('must be a category value of 100 characters or fewer.', '100자 이하의 범주 값이어야 합니다.'))
  textValue?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true records that there is no figure (the value becomes null).' })
  @IsOptional()
  @IsBoolean(says('must be true or false.', 'true 또는 false여야 합니다.'))
  clear?: boolean | null;

  @Field({ description: `Where the figure comes from (publication, table, year): ${SOURCE_MIN_LENGTH} to ${SOURCE_MAX_LENGTH} characters.` })
  @IsString(says('must say where the figure comes from.', '수치의 출처를 써 주세요.'))
  @Length(
    SOURCE_MIN_LENGTH,
    SOURCE_MAX_LENGTH,
    says(
      `must be ${SOURCE_MIN_LENGTH} to ${SOURCE_MAX_LENGTH} characters: say where the figure comes from (publication, table, year).`,
      `수치의 출처(간행물, 표, 연도)를 ${SOURCE_MIN_LENGTH}~${SOURCE_MAX_LENGTH}자로 써 주세요.`,
    ),
  )
  source: string;

  @Field(() => String, { nullable: true, description: 'The date the figure is for, YYYY-MM-DD; defaults to today.' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, says('must be a date written YYYY-MM-DD, e.g. 2024-03-31.', 'YYYY-MM-DD 형식의 날짜여야 합니다(예: 2024-03-31).'))
  asOf?: string | null;
}
