import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CITY_ID_MESSAGE, DATE_MESSAGE, SOURCE_MAX, SOURCE_MESSAGE, SOURCE_MIN } from '../evidence-common';
import { SECTOR_LEVEL_MESSAGE } from '../rubric';
import { Trim } from '@app/core';
import { DATE_PATTERN, KEY_PATTERN } from './common';

export const MAX_PROJECTS = 20;
const SECTOR_MESSAGE = 'must be a sector key such as hydrogen or data_management (see sectors).';

@InputType({ description: "A project that justifies a city's activity in a sector." })
export class SectorProjectInput {
  @Field({ description: 'The project’s name, 1 to 200 characters.' })
  @Trim() @IsString({ message: 'must be the project’s name.' }) @Length(1, 200, { message: 'must be the project’s name, 1 to 200 characters.' })
  title: string;

  @Field(() => String, { nullable: true, description: 'What the project does, up to 1000 characters.' })
  @IsOptional() @Trim() @IsString() @MaxLength(1000, { message: 'must be 1000 characters or fewer.' })
  summary?: string | null;
}

@InputType({ description: "A city's activity in one sector, replacing what was recorded for that sector." })
export class SetSectorActivityInput {
  @Field(() => ID, { description: 'The city, e.g. busan.' })
  @IsString() @Length(1, 100, { message: CITY_ID_MESSAGE })
  cityId: string;

  @Field({ description: 'The sector key, e.g. hydrogen (see sectors).' })
  @IsString({ message: SECTOR_MESSAGE }) @Matches(KEY_PATTERN, { message: SECTOR_MESSAGE })
  sector: string;

  @Field(() => Int, { description: '1 live infrastructure or testbed, 2 business-cluster priority, 3 both.' })
  @IsInt({ message: SECTOR_LEVEL_MESSAGE }) @Min(1, { message: SECTOR_LEVEL_MESSAGE }) @Max(3, { message: SECTOR_LEVEL_MESSAGE })
  level: number;

  @Field(() => [SectorProjectInput], { description: `The projects that justify the level: 1 to ${MAX_PROJECTS}.` })
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one project that justifies the level.' })
  @ArrayMaxSize(MAX_PROJECTS, { message: `must list ${MAX_PROJECTS} projects or fewer; keep the ones that best justify the level.` })
  @ValidateNested({ each: true })
  @Type(() => SectorProjectInput)
  projects: SectorProjectInput[];

  @Field({ description: `Where the evidence comes from: ${SOURCE_MIN} to ${SOURCE_MAX} characters.` })
  @Trim() @IsString({ message: SOURCE_MESSAGE }) @Length(SOURCE_MIN, SOURCE_MAX, { message: SOURCE_MESSAGE })
  source: string;

  @Field(() => String, { nullable: true, description: 'The date the evidence is for, YYYY-MM-DD; defaults to today.' })
  @IsOptional() @Matches(DATE_PATTERN, { message: DATE_MESSAGE })
  asOf?: string | null;
}

@InputType({ description: "Removes a city's activity in one sector (the audit keeps what it was)." })
export class ClearSectorActivityInput {
  @Field(() => ID, { description: 'The city, e.g. busan.' })
  @IsString() @Length(1, 100, { message: CITY_ID_MESSAGE })
  cityId: string;

  @Field({ description: 'The sector key, e.g. hydrogen.' })
  @IsString({ message: SECTOR_MESSAGE }) @Matches(KEY_PATTERN, { message: SECTOR_MESSAGE })
  sector: string;
}
