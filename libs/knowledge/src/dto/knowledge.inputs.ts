import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
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
import { HasSomeLanguage, LocalizedTextInput, LocalizedTitleInput, PageArgs, says, trim } from '@app/core';
import { CASE_STUDY_LIMITS } from '@app/rules';

const LANGUAGE = says('must be en or ko', 'en이나 ko여야 합니다.');
const SDG = says('must be UN Sustainable Development Goals, numbered 1 to 17', '1부터 17까지 번호가 붙은 유엔 지속가능발전목표(SDG)여야 합니다.', { each: true });

/** What a case study may hold (CaseStudySharedInput): partners, and success factors or lessons each. */
export const MAX_CASE_STUDY_PARTNERS = CASE_STUDY_LIMITS.partners;
export const MAX_CASE_STUDY_POINTS = CASE_STUDY_LIMITS.items;

@InputType({ description: 'One language version of a case study. The body is Markdown.' })
export class CaseStudyTextInput {
  @Field({ description: 'en or ko.' }) @IsIn(['en', 'ko'], LANGUAGE)
  language: string;

  @Field() @Transform(trim) @Length(1, CASE_STUDY_LIMITS.title, says('must be 1 to 200 characters long', '1자에서 200자 사이로 써 주세요.'))
  title: string;

  @Field() @Transform(trim) @Length(1, CASE_STUDY_LIMITS.summary, says('must be 1 to 2000 characters long', '1자에서 2000자 사이로 써 주세요.'))
  summary: string;

  @Field({ description: 'Markdown (headings, lists, links, emphasis). Scripts and event-handler attributes are removed when shown.' })
  @IsString() @Length(1, CASE_STUDY_LIMITS.body, says('must be 1 to 50,000 characters long', '1자에서 50,000자 사이로 써 주세요.'))
  body: string;

  @Field({ defaultValue: false, description: 'True when this version was translated from the other and no person has checked it yet.' })
  @IsBoolean()
  needsTranslationCheck: boolean = false;
}

@InputType()
export class PartnerInput {
  @Field(() => LocalizedTitleInput) @ValidateNested() @Type(() => LocalizedTitleInput) @HasSomeLanguage()
  name: LocalizedTitleInput;

  @Field(() => ID, { nullable: true, description: 'The organisation on the platform, when it has one.' })
  @IsOptional() @IsUUID('4', says('must be an organisation id', '기관 ID여야 합니다.'))
  organisationId?: string;
}

/** What the language versions share. */
@InputType({ isAbstract: true })
export class CaseStudySharedInput {
  @Field(() => [String], { nullable: true, description: 'City ids, e.g. ["liverpool", "busan"].' })
  @IsOptional() @IsArray() @ArrayMaxSize(CASE_STUDY_LIMITS.cities) @ArrayUnique(says('lists a city twice', '같은 도시가 두 번 들어 있습니다.')) @IsString({ each: true }) @MaxLength(60, { each: true })
  cityIds?: string[];

  @Field(() => [String], { nullable: true, description: 'Sector keys of the shared taxonomy (see the sectors query).' })
  @IsOptional() @IsArray() @ArrayMaxSize(CASE_STUDY_LIMITS.sectors) @ArrayUnique(says('lists a sector twice', '같은 분야가 두 번 들어 있습니다.')) @IsString({ each: true }) @MaxLength(60, { each: true })
  sectors?: string[];

  @Field(() => [Int], { nullable: true, description: 'UN Sustainable Development Goals, 1 to 17.' })
  @IsOptional() @IsArray() @ArrayMaxSize(17) @ArrayUnique(says('lists a goal twice', '같은 목표가 두 번 들어 있습니다.')) @IsInt(SDG) @Min(1, SDG) @Max(17, SDG)
  sdgs?: number[];

  @Field(() => [PartnerInput], { nullable: true })
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_CASE_STUDY_PARTNERS) @ValidateNested({ each: true }) @Type(() => PartnerInput)
  partners?: PartnerInput[];

  @Field(() => [LocalizedTextInput], { nullable: true, description: 'What made it work.' })
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_CASE_STUDY_POINTS) @ValidateNested({ each: true }) @Type(() => LocalizedTextInput) @HasSomeLanguage({ each: true })
  successFactors?: LocalizedTextInput[];

  @Field(() => [LocalizedTextInput], { nullable: true, description: 'What others can learn.' })
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_CASE_STUDY_POINTS) @ValidateNested({ each: true }) @Type(() => LocalizedTextInput) @HasSomeLanguage({ each: true })
  lessons?: LocalizedTextInput[];

  @Field(() => [ID], { nullable: true, description: 'Joint projects it tells of (of its workspace).' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ArrayUnique() @IsUUID('4', says('must be project ids', '프로젝트 ID여야 합니다.', { each: true }))
  projectIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Its authors; you are one. Authors edit it and send it for review.' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ArrayUnique() @IsUUID('4', says('must be user ids', '사용자 ID여야 합니다.', { each: true }))
  authorUserIds?: string[];
}

@InputType()
export class CreateCaseStudyInput extends CaseStudySharedInput {
  @Field(() => String, { nullable: true, description: 'Lower-case words joined by dashes; made from the title when left out.' })
  @IsOptional() @Transform(trim) @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, says('must be lower-case letters and digits joined by dashes, e.g. liverpool-busan-hydrogen', '소문자와 숫자를 대시로 이어 써 주세요(예: liverpool-busan-hydrogen).')) @MaxLength(100)
  slug?: string;

  @Field(() => ID, { nullable: true, description: 'The twin workspace it comes from: you must belong to it; its leads review it.' })
  @IsOptional() @IsUUID('4', says('must be a workspace id', '워크스페이스 ID여야 합니다.'))
  workspaceId?: string;

  @Field(() => [CaseStudyTextInput], { description: 'One or two language versions (en, ko).' })
  @IsArray() @ArrayMinSize(1, says('needs at least one language version', '언어 버전을 하나 이상 넣어 주세요.')) @ArrayMaxSize(2) @ValidateNested({ each: true }) @Type(() => CaseStudyTextInput)
  versions: CaseStudyTextInput[];
}

@InputType({ description: 'Fields left out stay as they are; lists are replaced whole.' })
export class UpdateCaseStudyInput extends CaseStudySharedInput {
  @Field(() => ID) @IsUUID('4', says('must be a case study id', '우수 사례 ID여야 합니다.'))
  id: string;

  @Field(() => Int, { description: 'The version you read.' }) @IsInt() @Min(1)
  version: number;
}

@InputType({ description: 'Write a language version (a new one starts as a draft). Editing a published version makes a new revision.' })
export class WriteCaseStudyTextInput extends CaseStudyTextInput {
  @Field(() => ID) @IsUUID('4', says('must be a case study id', '우수 사례 ID여야 합니다.'))
  caseStudyId: string;

  @Field(() => Int, { nullable: true, description: 'The revision you edited; an edit of an older one fails with CONFLICT.' })
  @IsOptional() @IsInt() @Min(1)
  revision?: number;
}

@InputType()
export class CaseStudyStepInput {
  @Field(() => ID) @IsUUID('4', says('must be a case study id', '우수 사례 ID여야 합니다.'))
  caseStudyId: string;

  @Field({ description: 'en or ko.' }) @IsIn(['en', 'ko'], LANGUAGE)
  language: string;

  @Field(() => String, { nullable: true, description: 'A note; required when a review sends the version back.' })
  @IsOptional() @Transform(trim) @Length(1, 2000, says('must be 1 to 2000 characters long', '1자에서 2000자 사이로 써 주세요.'))
  note?: string;
}

@InputType()
export class ReviewCaseStudyInput extends CaseStudyStepInput {
  @Field({ description: 'true publishes it; false sends it back to its authors as a draft, with your note.' }) @IsBoolean()
  approve: boolean;
}

@InputType()
export class CaseStudyFilter {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(60)
  sector?: string;

  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1, says('must be a goal from 1 to 17', '1부터 17까지의 목표 번호여야 합니다.')) @Max(17, says('must be a goal from 1 to 17', '1부터 17까지의 목표 번호여야 합니다.'))
  sdg?: number;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(60)
  cityId?: string;

  @Field(() => String, { nullable: true, description: 'GB or KR.' }) @IsOptional() @Matches(/^[A-Z]{2}$/, says('must be a two-letter country code such as GB or KR', 'GB나 KR 같은 두 글자 국가 코드여야 합니다.'))
  countryCode?: string;

  @Field(() => Int, { nullable: true, description: 'The year it was first published.' }) @IsOptional() @IsInt() @Min(2000) @Max(2100)
  year?: number;

  @Field(() => String, { nullable: true, description: 'en or ko: only versions in this language.' }) @IsOptional() @IsIn(['en', 'ko'], LANGUAGE)
  language?: string;
}

@ArgsType()
export class SearchCaseStudiesArgs extends PageArgs {
  @Field({ description: 'Words in English or Korean; parts of Korean words match (풍력 finds 해상풍력).' })
  @Transform(trim) @Length(1, 200, says('must be 1 to 200 characters long', '1자에서 200자 사이로 써 주세요.'))
  query: string;

  @Field(() => CaseStudyFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => CaseStudyFilter)
  filter?: CaseStudyFilter;
}
