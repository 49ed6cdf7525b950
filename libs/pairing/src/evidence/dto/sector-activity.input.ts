import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CITY_ID_MESSAGE, DATE_MESSAGE, SOURCE_MAX, SOURCE_MESSAGE, SOURCE_MIN } from '../evidence-common';
import { SECTOR_LEVEL_MESSAGE } from '../rubric';
import { says, Trim } from '@app/core';
import { DATE_PATTERN, KEY_PATTERN } from './common';

export const MAX_PROJECTS = 20;
const SECTOR_MESSAGE = says('must be a sector key such as hydrogen or data_management (see sectors).', 'hydrogen이나 data_management 같은 분야 키여야 합니다(sectors 참고).');

@InputType({ description: "A project that justifies a city's activity in a sector." })
export class SectorProjectInput {
  @Field({ description: 'The project’s name, 1 to 200 characters.' })
  @Trim() @IsString(says('must be the project’s name.', '프로젝트 이름이어야 합니다.')) @Length(1, 200, says('must be the project’s name, 1 to 200 characters.', '프로젝트 이름을 써 주세요(1~200자).'))
  title: string;

  @Field(() => String, { nullable: true, description: 'What the project does, up to 1000 characters.' })
  @IsOptional() @Trim() @IsString() @MaxLength(1000, says('must be 1000 characters or fewer.', '1000자 이하로 써 주세요.'))
  summary?: string | null;
}

@InputType({ description: "A city's activity in one sector, replacing what was recorded for that sector." })
export class SetSectorActivityInput {
  @Field(() => ID, { description: 'The city, e.g. busan.' })
  @IsString() @Length(1, 100, CITY_ID_MESSAGE)
  cityId: string;

  @Field({ description: 'The sector key, e.g. hydrogen (see sectors).' })
  @IsString(SECTOR_MESSAGE) @Matches(KEY_PATTERN, SECTOR_MESSAGE)
  sector: string;

  @Field(() => Int, { description: '1 live infrastructure or testbed, 2 business-cluster priority, 3 both.' })
  @IsInt(SECTOR_LEVEL_MESSAGE) @Min(1, SECTOR_LEVEL_MESSAGE) @Max(3, SECTOR_LEVEL_MESSAGE)
  level: number;

  @Field(() => [SectorProjectInput], { description: `The projects that justify the level: 1 to ${MAX_PROJECTS}.` })
  @IsArray()
  @ArrayMinSize(1, says('must name at least one project that justifies the level.', '이 수준의 근거가 되는 프로젝트를 하나 이상 써 주세요.'))
  @ArrayMaxSize(MAX_PROJECTS, says(`must list ${MAX_PROJECTS} projects or fewer; keep the ones that best justify the level.`, `프로젝트는 ${MAX_PROJECTS}개까지 쓸 수 있습니다. 이 수준을 가장 잘 뒷받침하는 것만 남겨 주세요.`))
  @ValidateNested({ each: true })
  @Type(() => SectorProjectInput)
  projects: SectorProjectInput[];

  @Field({ description: `Where the evidence comes from: ${SOURCE_MIN} to ${SOURCE_MAX} characters.` })
  @Trim() @IsString(SOURCE_MESSAGE) @Length(SOURCE_MIN, SOURCE_MAX, SOURCE_MESSAGE)
  source: string;

  @Field(() => String, { nullable: true, description: 'The date the evidence is for, YYYY-MM-DD; defaults to today.' })
  @IsOptional() @Matches(DATE_PATTERN, DATE_MESSAGE)
  asOf?: string | null;
}

@InputType({ description: "Removes a city's activity in one sector (the audit keeps what it was)." })
export class ClearSectorActivityInput {
  @Field(() => ID, { description: 'The city, e.g. busan.' })
  @IsString() @Length(1, 100, CITY_ID_MESSAGE)
  cityId: string;

  @Field({ description: 'The sector key, e.g. hydrogen.' })
  @IsString(SECTOR_MESSAGE) @Matches(KEY_PATTERN, SECTOR_MESSAGE)
  sector: string;
}
