import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { CITY_ID_MESSAGE, DATE_MESSAGE, SOURCE_MAX, SOURCE_MESSAGE, SOURCE_MIN } from '../evidence-common';
import { FORMALITY_MESSAGE } from '../rubric';
import { Trim } from '@app/core';
import { DATE_PATTERN } from './common';

export const LINK_KIND_PATTERN = /^[a-z][a-z0-9-]{1,59}$/;
export const LINK_KIND_MESSAGE = 'must be a short lower-case kind such as research, city-to-city or business-to-government.';
export const MAX_PARTNERS = 20;
const PARTNERS_MESSAGE = `must list at most ${MAX_PARTNERS} partners, each 1 to 200 characters.`;
const COUNTRY_MESSAGE = 'must be a two-letter country code such as GB or KR.';
const OTHER_PLACE_MESSAGE = 'must name the place or institution, 1 to 200 characters (e.g. Seoul).';
const SUMMARY_MESSAGE = 'must say what the link is, 2 to 2000 characters.';
const SINCE_MESSAGE = 'must be the year the link began, e.g. 2019.';

/**
 * The fields of a link. For an update every field is optional: omitted
 * fields keep their value; cityBId or otherPlace may be set to null to
 * switch the other end between a city and another place.
 */
@InputType({ isAbstract: true })
abstract class CityLinkFields {
  @Field(() => ID, { nullable: true, description: 'The other end, when it is one of our cities in another country. Give this or otherPlace.' })
  @IsOptional() @IsString() @Length(1, 100, { message: CITY_ID_MESSAGE })
  cityBId?: string | null;

  @Field(() => String, { nullable: true, description: 'The other end when it is not one of our cities, e.g. Seoul or Rolls-Royce. Give this or cityBId.' })
  @IsOptional() @Trim() @IsString({ message: OTHER_PLACE_MESSAGE }) @Length(1, 200, { message: OTHER_PLACE_MESSAGE })
  otherPlace?: string | null;

  @Field(() => String, { nullable: true, description: 'The country of otherPlace, e.g. KR. Required with otherPlace.' })
  @IsOptional() @Matches(/^[A-Za-z]{2}$/, { message: COUNTRY_MESSAGE })
  otherPlaceCountryCode?: string | null;

  @Field(() => [String], { nullable: true, description: `The institutions taking part (at most ${MAX_PARTNERS}).` })
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_PARTNERS, { message: PARTNERS_MESSAGE })
  @IsString({ each: true, message: PARTNERS_MESSAGE }) @Length(1, 200, { each: true, message: PARTNERS_MESSAGE })
  partners?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'The year the link began, when known.' })
  @IsOptional() @IsInt({ message: SINCE_MESSAGE }) @Min(1900, { message: SINCE_MESSAGE }) @Max(2999, { message: SINCE_MESSAGE })
  since?: number | null;

  @Field(() => String, { nullable: true, description: 'The date the evidence is for, YYYY-MM-DD; defaults to today.' })
  @IsOptional() @Matches(DATE_PATTERN, { message: DATE_MESSAGE })
  asOf?: string | null;
}

@InputType({ description: 'A new link between a city and a city (or another place) in another country.' })
export class CreateCityLinkInput extends CityLinkFields {
  @Field(() => ID, { description: 'One end: a city, e.g. belfast.' })
  @IsString() @Length(1, 100, { message: CITY_ID_MESSAGE })
  cityAId: string;

  @Field({ description: 'What kind of link, e.g. research, city-to-city, business-to-government, business-to-research.' })
  @Trim() @IsString({ message: LINK_KIND_MESSAGE }) @Matches(LINK_KIND_PATTERN, { message: LINK_KIND_MESSAGE })
  kind: string;

  @Field(() => Int, { description: FORMALITY_MESSAGE.replace('must be a whole number from', 'From') })
  @IsInt({ message: FORMALITY_MESSAGE }) @Min(0, { message: FORMALITY_MESSAGE }) @Max(4, { message: FORMALITY_MESSAGE })
  formality: number;

  @Field({ description: 'What the link is and does.' })
  @Trim() @IsString({ message: SUMMARY_MESSAGE }) @Length(2, 2000, { message: SUMMARY_MESSAGE })
  summary: string;

  @Field({ description: `Where the evidence comes from: ${SOURCE_MIN} to ${SOURCE_MAX} characters.` })
  @Trim() @IsString({ message: SOURCE_MESSAGE }) @Length(SOURCE_MIN, SOURCE_MAX, { message: SOURCE_MESSAGE })
  source: string;
}

@InputType({ description: 'Changes to a link; omitted fields keep their value.' })
export class UpdateCityLinkInput extends CityLinkFields {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be the id of a link.' })
  id: string;

  @Field(() => ID, { nullable: true, description: 'One end: a city.' })
  @IsOptional() @IsString() @Length(1, 100, { message: CITY_ID_MESSAGE })
  cityAId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional() @Trim() @IsString({ message: LINK_KIND_MESSAGE }) @Matches(LINK_KIND_PATTERN, { message: LINK_KIND_MESSAGE })
  kind?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional() @IsInt({ message: FORMALITY_MESSAGE }) @Min(0, { message: FORMALITY_MESSAGE }) @Max(4, { message: FORMALITY_MESSAGE })
  formality?: number;

  @Field(() => String, { nullable: true })
  @IsOptional() @Trim() @IsString({ message: SUMMARY_MESSAGE }) @Length(2, 2000, { message: SUMMARY_MESSAGE })
  summary?: string;

  @Field(() => String, { nullable: true, description: 'Where the evidence comes from; omit to keep the current source.' })
  @IsOptional() @Trim() @IsString({ message: SOURCE_MESSAGE }) @Length(SOURCE_MIN, SOURCE_MAX, { message: SOURCE_MESSAGE })
  source?: string;
}

@ArgsType()
export class CityLinkIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be the id of a link.' })
  id: string;
}
