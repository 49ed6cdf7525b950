import { ArgsType, Field, Float, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Trim } from '@app/core';

export const MAX_WEIGHT = 100;
export const MAX_INDICATOR_WEIGHTS = 50;
const WEIGHT_MESSAGE = `must be a number from 0 to ${MAX_WEIGHT} (0 leaves it out).`;
const weight = { message: WEIGHT_MESSAGE };
const finite = { allowNaN: false, allowInfinity: false };
const NAME_MESSAGE = 'must be 1 to 80 characters, e.g. "Innovation first".';

@InputType({ description: 'How much each pillar counts; at least one must be more than 0.' })
export class PillarWeightsInput {
  @Field(() => Float) @IsNumber(finite, weight) @Min(0, weight) @Max(MAX_WEIGHT, weight) similarity: number;
  @Field(() => Float) @IsNumber(finite, weight) @Min(0, weight) @Max(MAX_WEIGHT, weight) internationalisation: number;
  @Field(() => Float) @IsNumber(finite, weight) @Min(0, weight) @Max(MAX_WEIGHT, weight) synergy: number;
  @Field(() => Float) @IsNumber(finite, weight) @Min(0, weight) @Max(MAX_WEIGHT, weight) relationship: number;
}

@InputType({ description: 'The weight of one city indicator inside the similarity pillar.' })
export class IndicatorWeightInput {
  @Field({ description: 'An indicator key, e.g. metroPopulationMillions (see indicatorDefinitions).' })
  @IsString() @Matches(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, { message: 'must be an indicator key such as metroPopulationMillions.' })
  key: string;

  @Field(() => Float)
  @IsNumber(finite, weight) @Min(0, weight) @Max(MAX_WEIGHT, weight)
  weight: number;
}

@InputType({
  description:
    'One of your weight profiles. With an id, changes that profile; without, creates one (or replaces your profile of the same name).',
})
export class SaveWeightProfileInput {
  @Field(() => ID, { nullable: true, description: 'The profile to change; omit to create one.' })
  @IsOptional() @IsUUID('all', { message: 'must be the id of one of your weight profiles.' })
  id?: string | null;

  @Field({ description: 'A name you will recognise, 1 to 80 characters; unique among your profiles.' })
  @Trim() @IsString({ message: NAME_MESSAGE }) @Length(1, 80, { message: NAME_MESSAGE })
  name: string;

  @Field(() => String, { nullable: true, description: 'What the profile is for, up to 500 characters.' })
  @IsOptional() @Trim() @IsString() @MaxLength(500, { message: 'must be 500 characters or fewer.' })
  description?: string | null;

  @Field(() => PillarWeightsInput)
  @ValidateNested() @Type(() => PillarWeightsInput)
  pillars: PillarWeightsInput;

  @Field(() => [IndicatorWeightInput], { description: `Indicator weights inside the similarity pillar (at most ${MAX_INDICATOR_WEIGHTS}); indicators not listed are not used.` })
  @IsArray() @ArrayMaxSize(MAX_INDICATOR_WEIGHTS, { message: `must list at most ${MAX_INDICATOR_WEIGHTS} indicators.` })
  @ValidateNested({ each: true }) @Type(() => IndicatorWeightInput)
  indicators: IndicatorWeightInput[];

  @Field(() => [Float], { description: 'Two star thresholds t1, t2 with 0 < t1 < t2 < 1, e.g. [0.333, 0.667].' })
  @IsArray()
  @ArrayMinSize(2, { message: 'must be two numbers t1, t2 with 0 < t1 < t2 < 1, e.g. [0.333, 0.667].' })
  @ArrayMaxSize(2, { message: 'must be two numbers t1, t2 with 0 < t1 < t2 < 1, e.g. [0.333, 0.667].' })
  @IsNumber(finite, { each: true, message: 'must be two numbers t1, t2 with 0 < t1 < t2 < 1, e.g. [0.333, 0.667].' })
  starThresholds: number[];
}

@ArgsType()
export class WeightProfileIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be the id of one of your weight profiles.' })
  id: string;
}
