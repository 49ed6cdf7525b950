import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsNumber, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { SOURCE_MAX_LENGTH, SOURCE_MIN_LENGTH } from '../indicator-value';

@InputType({
  description:
    "A new figure for one of a city's indicators. Send exactly one of numberValue, booleanValue or textValue " +
    "(the one the indicator's valueType names), or clear: true when there is no figure.",
})
export class SetCityIndicatorInput {
  @Field(() => ID, { description: 'The city id, e.g. busan.' })
  @IsString()
  @Length(1, 100, { message: 'must be a city id such as busan.' })
  cityId: string;

  @Field({ description: 'The indicator key, e.g. metroPopulationMillions (see indicatorDefinitions).' })
  @IsString()
  @Length(1, 64, { message: 'must be an indicator key such as metroPopulationMillions.' })
  key: string;

  @Field(() => Float, { nullable: true, description: 'For NUMBER indicators.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a finite number.' })
  numberValue?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'For BOOLEAN indicators.' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false.' })
  booleanValue?: boolean | null;

  @Field(() => String, { nullable: true, description: 'For CATEGORY indicators: one of the definition’s category values.' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'must be a category value of 100 characters or fewer.' })
  textValue?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true records that there is no figure (the value becomes null).' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false.' })
  clear?: boolean | null;

  @Field({ description: `Where the figure comes from (publication, table, year): ${SOURCE_MIN_LENGTH} to ${SOURCE_MAX_LENGTH} characters.` })
  @IsString({ message: 'must say where the figure comes from.' })
  @Length(SOURCE_MIN_LENGTH, SOURCE_MAX_LENGTH, {
    message: `must be ${SOURCE_MIN_LENGTH} to ${SOURCE_MAX_LENGTH} characters: say where the figure comes from (publication, table, year).`,
  })
  source: string;

  @Field(() => String, { nullable: true, description: 'The date the figure is for, YYYY-MM-DD; defaults to today.' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD, e.g. 2024-03-31.' })
  asOf?: string | null;
}
