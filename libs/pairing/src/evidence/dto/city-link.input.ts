import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { CITY_ID_MESSAGE, DATE_MESSAGE, SOURCE_MAX, SOURCE_MESSAGE, SOURCE_MIN } from '../evidence-common';
import { FORMALITY_MESSAGE } from '../rubric';
import { HasSomeLanguage, LocalizedTextInput, says, Trim } from '@app/core';
import { DATE_PATTERN } from './common';

export const LINK_KIND_PATTERN = /^[a-z][a-z0-9-]{1,59}$/;
export const LINK_KIND_MESSAGE = says(
  'must be a short lower-case kind such as research, city-to-city or business-to-government.',
  'research, city-to-city, business-to-government처럼 짧은 소문자 종류여야 합니다.',
);
export const MAX_PARTNERS = 20;
export const PARTNERS_MESSAGE = says(`must list at most ${MAX_PARTNERS} partners, each 1 to 200 characters.`, `파트너는 ${MAX_PARTNERS}곳까지, 각각 1자에서 200자 사이로 써 주세요.`);
const COUNTRY_MESSAGE = says('must be a two-letter country code such as GB or KR.', 'GB나 KR 같은 두 글자 국가 코드여야 합니다.');
const OTHER_PLACE_MESSAGE = says('must name the place or institution, 1 to 200 characters (e.g. Seoul).', '장소나 기관의 이름을 써 주세요(1~200자, 예: 서울).');
const SINCE_MESSAGE = says('must be the year the link began, e.g. 2019.', '연계가 시작된 해여야 합니다(예: 2019).');
const LINK_ID_MESSAGE = says('must be the id of a link.', '연계의 ID여야 합니다.');

/**
 * The fields of a link. For an update every field is optional: omitted
 * fields keep their value; cityBId or otherPlace may be set to null to
 * switch the other end between a city and another place.
 */
@InputType({ isAbstract: true })
abstract class CityLinkFields {
  @Field(() => ID, { nullable: true, description: 'The other end, when it is one of our cities in another country. Give this or otherPlace.' })
  @IsOptional() @IsString() @Length(1, 100, CITY_ID_MESSAGE)
  cityBId?: string | null;

  @Field(() => String, { nullable: true, description: 'The other end when it is not one of our cities, e.g. Seoul or Rolls-Royce. Give this or cityBId.' })
  @IsOptional() @Trim() @IsString(OTHER_PLACE_MESSAGE) @Length(1, 200, OTHER_PLACE_MESSAGE)
  otherPlace?: string | null;

  @Field(() => String, { nullable: true, description: 'The country of otherPlace, e.g. KR. Required with otherPlace.' })
  @IsOptional() @Matches(/^[A-Za-z]{2}$/, COUNTRY_MESSAGE)
  otherPlaceCountryCode?: string | null;

  @Field(() => [String], { nullable: true, description: `The institutions taking part (at most ${MAX_PARTNERS}).` })
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_PARTNERS, PARTNERS_MESSAGE)
  @IsString({ ...PARTNERS_MESSAGE, each: true }) @Length(1, 200, { ...PARTNERS_MESSAGE, each: true })
  partners?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'The year the link began, when known.' })
  @IsOptional() @IsInt(SINCE_MESSAGE) @Min(1900, SINCE_MESSAGE) @Max(2999, SINCE_MESSAGE)
  since?: number | null;

  @Field(() => String, { nullable: true, description: 'The date the evidence is for, YYYY-MM-DD; defaults to today.' })
  @IsOptional() @Matches(DATE_PATTERN, DATE_MESSAGE)
  asOf?: string | null;
}

@InputType({ description: 'A new link between a city and a city (or another place) in another country.' })
export class CreateCityLinkInput extends CityLinkFields {
  @Field(() => ID, { description: 'One end: a city, e.g. belfast.' })
  @IsString() @Length(1, 100, CITY_ID_MESSAGE)
  cityAId: string;

  @Field({ description: 'What kind of link, e.g. research, city-to-city, business-to-government, business-to-research.' })
  @Trim() @IsString(LINK_KIND_MESSAGE) @Matches(LINK_KIND_PATTERN, LINK_KIND_MESSAGE)
  kind: string;

  @Field(() => Int, { description: FORMALITY_MESSAGE.message.replace('must be a whole number from', 'From') })
  @IsInt(FORMALITY_MESSAGE) @Min(0, FORMALITY_MESSAGE) @Max(4, FORMALITY_MESSAGE)
  formality: number;

  @Field(() => LocalizedTextInput, { description: 'What the link is and does, in English and/or Korean: 2 to 2000 characters each.' })
  @ValidateNested() @Type(() => LocalizedTextInput) @HasSomeLanguage()
  summary: LocalizedTextInput;

  @Field({ description: `Where the evidence comes from: ${SOURCE_MIN} to ${SOURCE_MAX} characters.` })
  @Trim() @IsString(SOURCE_MESSAGE) @Length(SOURCE_MIN, SOURCE_MAX, SOURCE_MESSAGE)
  source: string;
}

@InputType({ description: 'Changes to a link; omitted fields keep their value.' })
export class UpdateCityLinkInput extends CityLinkFields {
  @Field(() => ID)
  @IsUUID('all', LINK_ID_MESSAGE)
  id: string;

  @Field(() => ID, { nullable: true, description: 'One end: a city.' })
  @IsOptional() @IsString() @Length(1, 100, CITY_ID_MESSAGE)
  cityAId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional() @Trim() @IsString(LINK_KIND_MESSAGE) @Matches(LINK_KIND_PATTERN, LINK_KIND_MESSAGE)
  kind?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional() @IsInt(FORMALITY_MESSAGE) @Min(0, FORMALITY_MESSAGE) @Max(4, FORMALITY_MESSAGE)
  formality?: number;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'Both versions of the summary, replacing the current ones; omit to keep them.' })
  @IsOptional() @ValidateNested() @Type(() => LocalizedTextInput) @HasSomeLanguage()
  summary?: LocalizedTextInput;

  @Field(() => String, { nullable: true, description: 'Where the evidence comes from; omit to keep the current source.' })
  @IsOptional() @Trim() @IsString(SOURCE_MESSAGE) @Length(SOURCE_MIN, SOURCE_MAX, SOURCE_MESSAGE)
  source?: string;
}

@ArgsType()
export class CityLinkIdArgs {
  @Field(() => ID)
  @IsUUID('all', LINK_ID_MESSAGE)
  id: string;
}
