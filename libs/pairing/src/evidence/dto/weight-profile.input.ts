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
import { says, Trim } from '@app/core';

export const MAX_WEIGHT = 100;
export const MAX_INDICATOR_WEIGHTS = 50;
const weight = says(`must be a number from 0 to ${MAX_WEIGHT} (0 leaves it out).`, `0에서 ${MAX_WEIGHT} 사이의 수여야 합니다(0이면 빼고 계산합니다).`);
const finite = { allowNaN: false, allowInfinity: false };
const NAME_MESSAGE = says('must be 1 to 80 characters, e.g. "Innovation first".', '1자에서 80자 사이로 써 주세요(예: "혁신 우선").');
const PROFILE_ID_MESSAGE = says('must be the id of one of your weight profiles.', '내 가중치 프로필 가운데 하나의 ID여야 합니다.');
export const THRESHOLDS_MESSAGE = says('must be two numbers t1, t2 with 0 < t1 < t2 < 1, e.g. [0.333, 0.667].', '0 < t1 < t2 < 1인 두 수 t1, t2여야 합니다(예: [0.333, 0.667]).');

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
  @IsString() @Matches(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, says('must be an indicator key such as metroPopulationMillions.', 'metroPopulationMillions 같은 지표 키여야 합니다.'))
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
  @IsOptional() @IsUUID('all', PROFILE_ID_MESSAGE)
  id?: string | null;

  @Field({ description: 'A name you will recognise, 1 to 80 characters; unique among your profiles.' })
  @Trim() @IsString(NAME_MESSAGE) @Length(1, 80, NAME_MESSAGE)
  name: string;

  @Field(() => String, { nullable: true, description: 'What the profile is for, up to 500 characters.' })
  @IsOptional() @Trim() @IsString() @MaxLength(500, says('must be 500 characters or fewer.', '500자 이하로 써 주세요.'))
  description?: string | null;

  @Field(() => PillarWeightsInput)
  @ValidateNested() @Type(() => PillarWeightsInput)
  pillars: PillarWeightsInput;

  @Field(() => [IndicatorWeightInput], { description: `Indicator weights inside the similarity pillar (at most ${MAX_INDICATOR_WEIGHTS}); indicators not listed are not used.` })
  @IsArray() @ArrayMaxSize(MAX_INDICATOR_WEIGHTS, says(`must list at most ${MAX_INDICATOR_WEIGHTS} indicators.`, `지표는 ${MAX_INDICATOR_WEIGHTS}개까지 넣을 수 있습니다.`))
  @ValidateNested({ each: true }) @Type(() => IndicatorWeightInput)
  indicators: IndicatorWeightInput[];

  @Field(() => [Float], { description: 'Two star thresholds t1, t2 with 0 < t1 < t2 < 1, e.g. [0.333, 0.667].' })
  @IsArray()
  @ArrayMinSize(2, THRESHOLDS_MESSAGE)
  @ArrayMaxSize(2, THRESHOLDS_MESSAGE)
  @IsNumber(finite, { ...THRESHOLDS_MESSAGE, each: true })
  starThresholds: number[];
}

@ArgsType()
export class WeightProfileIdArgs {
  @Field(() => ID)
  @IsUUID('all', PROFILE_ID_MESSAGE)
  id: string;
}
