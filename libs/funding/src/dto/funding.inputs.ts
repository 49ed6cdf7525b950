import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDate,
  IsEnum,
  IsInt,
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
import { HasSomeLanguage, IsCalendarDate, LocalizedTextInput, LocalizedTitleInput, says, trim } from '@app/core';
import { ProjectStage } from '@app/projects';
import { ApplicationStatus, BudgetCategory } from '../applications/application.enums';

const enumMessage = (e: object) => says(`must be one of ${Object.values(e).join(', ')}`, `다음 중 하나여야 합니다: ${Object.values(e).join(', ')}.`);
const COUNTRY = says('must be a two-letter country code such as GB or KR', 'GB나 KR 같은 두 글자 나라 코드여야 합니다.');
const CURRENCY = says('must be a three-letter ISO 4217 code such as GBP or KRW', 'GBP나 KRW 같은 세 글자 ISO 4217 통화 코드여야 합니다.');
const MINOR = says('must be a whole number of minor units (digits only, no decimal point), e.g. 2500000', '최소 화폐 단위의 정수여야 합니다(숫자만, 소수점 없이). 예: 2500000');
const REASON = says('must be 1 to 2000 characters long: say why', '이유를 1~2000자로 써 주세요.');

/** A call's criteria (CreateCallInput), and so a review's scores (the board's SubmitReviewInput). */
export const MAX_CRITERIA = 12;
/** What an application may hold (CreateApplicationInput, UpdateApplicationInput). */
export const MAX_APPLICATION_OBJECTIVES = 20;
export const MAX_APPLICATION_MILESTONES = 30;
export const MAX_BUDGET_LINES = 60;

@InputType({ description: 'An amount in integer minor units of one currency.' })
export class AmountInput {
  @Field({ description: 'ISO 4217 code, e.g. GBP or KRW.' })
  @Transform(trim) @Matches(/^[A-Z]{3}$/, CURRENCY)
  currency: string;

  @Field({ description: 'Integer minor units as a string of digits, e.g. "2500000" for £25,000.00 or ₩2,500,000.' })
  @Transform(trim) @Matches(/^\d{1,15}$/, MINOR)
  amountMinor: string;
}

@InputType()
export class CreateFundInput {
  @Field(() => LocalizedTitleInput) @ValidateNested() @Type(() => LocalizedTitleInput) @HasSomeLanguage()
  name: LocalizedTitleInput;

  @Field(() => LocalizedTextInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => LocalizedTextInput)
  description?: LocalizedTextInput;

  @Field(() => [String], { description: 'The two contributing countries, e.g. ["GB", "KR"]. Each pays in its own currency.' })
  @IsArray() @ArrayMinSize(2, says('needs the two contributing countries', '출연하는 두 나라를 모두 넣어 주세요.')) @ArrayMaxSize(2, says('takes the two contributing countries', '출연하는 두 나라만 넣어 주세요.'))
  @ArrayUnique(says('lists a country twice', '같은 나라가 두 번 들어 있습니다.')) @Matches(/^[A-Z]{2}$/, { ...COUNTRY, each: true })
  countryCodes: string[];
}

@InputType({ description: 'Fields left out stay as they are.' })
export class UpdateFundInput {
  @Field(() => ID) @IsUUID('4', says('must be a fund id', '기금 ID여야 합니다.'))
  id: string;

  @Field(() => LocalizedTitleInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => LocalizedTitleInput) @HasSomeLanguage()
  name?: LocalizedTitleInput;

  @Field(() => LocalizedTextInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => LocalizedTextInput)
  description?: LocalizedTextInput;
}

@InputType({ description: "A government's payment into the fund (or, for returnContribution, back to it), in its own currency." })
export class ContributionInput {
  @Field(() => ID) @IsUUID('4', says('must be a fund id', '기금 ID여야 합니다.'))
  fundId: string;

  @Field({ description: 'The paying country, GB or KR; the amount is in its currency.' })
  @Transform(trim) @Matches(/^[A-Z]{2}$/, COUNTRY)
  countryCode: string;

  @Field({ description: 'Integer minor units, more than zero, e.g. "50000000" = £500,000.00.' })
  @Transform(trim) @Matches(/^[1-9]\d{0,14}$/, says('must be a whole number of minor units above zero (digits only), e.g. 50000000', '0보다 큰, 최소 화폐 단위의 정수여야 합니다(숫자만). 예: 50000000'))
  amountMinor: string;

  @Field(() => String, { nullable: true, description: 'e.g. the payment reference.' })
  @IsOptional() @IsString() @MaxLength(500)
  note?: string;
}

@InputType()
export class CriterionInput {
  @Field({ description: 'A short stable key, e.g. impact.' })
  @Transform(trim) @Matches(/^[a-z][a-z0-9-]{1,39}$/, says('must be 2 to 40 lower-case letters, digits or dashes, starting with a letter, e.g. impact', '영문 소문자로 시작하는 2~40자의 소문자, 숫자, 하이픈이어야 합니다. 예: impact'))
  key: string;

  @Field(() => LocalizedTitleInput) @ValidateNested() @Type(() => LocalizedTitleInput) @HasSomeLanguage()
  title: LocalizedTitleInput;

  @Field(() => Int, { description: 'Its weight in the overall score, 1 to 100.' })
  @IsInt() @Min(1) @Max(100)
  weight: number;
}

@InputType({ description: 'How many units of a currency make one unit of the reference currency, e.g. KRW 1700 per GBP.' })
export class ExchangeRateInput {
  @Field() @Transform(trim) @Matches(/^[A-Z]{3}$/, CURRENCY)
  currency: string;

  @Field(() => Float) @IsNumber({ maxDecimalPlaces: 6 }, says('must be a number with at most six decimal places', '소수점 아래 여섯 자리까지의 숫자여야 합니다.')) @Min(0.000001) @Max(1_000_000)
  unitsPerReference: number;
}

@InputType()
export class CreateCallInput {
  @Field(() => ID) @IsUUID('4', says('must be a fund id', '기금 ID여야 합니다.'))
  fundId: string;

  @Field(() => LocalizedTitleInput) @ValidateNested() @Type(() => LocalizedTitleInput) @HasSomeLanguage()
  title: LocalizedTitleInput;

  @Field(() => LocalizedTextInput) @ValidateNested() @Type(() => LocalizedTextInput) @HasSomeLanguage()
  guidance: LocalizedTextInput;

  @Field({ description: 'An instant, e.g. 2027-01-10T09:00:00+09:00.' }) @Type(() => Date) @IsDate(says('must be an instant such as 2027-01-10T09:00:00+09:00', '2027-01-10T09:00:00+09:00 같은 시각이어야 합니다.'))
  opensAt: Date;

  @Field({ description: 'After opensAt. Submissions are refused from this instant.' }) @Type(() => Date) @IsDate(says('must be an instant such as 2027-03-31T17:00:00Z', '2027-03-31T17:00:00Z 같은 시각이어야 합니다.'))
  closesAt: Date;

  @Field(() => [ProjectStage], { description: 'The stages a project may be at to apply.' })
  @IsArray() @ArrayMinSize(1, says('needs at least one stage', '단계를 하나 이상 골라 주세요.')) @ArrayUnique() @IsEnum(ProjectStage, { ...enumMessage(ProjectStage), each: true })
  allowedStages: ProjectStage[];

  @Field(() => [AmountInput], { description: 'The most one award may have in each of the fund’s currencies.' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(2) @ValidateNested({ each: true }) @Type(() => AmountInput)
  maxAward: AmountInput[];

  @Field(() => Int, { defaultValue: 50, description: 'The smaller side must request at least this percentage of the larger (0 to 100; 100 = equal).' })
  @IsInt() @Min(0) @Max(100)
  matchRatioPercent: number = 50;

  @Field({ description: 'The currency the two sides are compared in, e.g. GBP.' }) @Transform(trim) @Matches(/^[A-Z]{3}$/, CURRENCY)
  referenceCurrency: string;

  @Field(() => [ExchangeRateInput], { description: 'A rate for every other currency of the fund.' })
  @IsArray() @ArrayMaxSize(2) @ValidateNested({ each: true }) @Type(() => ExchangeRateInput)
  exchangeRates: ExchangeRateInput[];

  @Field(() => [CriterionInput]) @IsArray() @ArrayMinSize(1, says('needs at least one criterion', '평가 기준을 하나 이상 넣어 주세요.')) @ArrayMaxSize(MAX_CRITERIA) @ValidateNested({ each: true }) @Type(() => CriterionInput)
  criteria: CriterionInput[];

  @Field(() => Int, { defaultValue: 5, description: 'Reviewers score each criterion from 1 to this (2 to 10).' })
  @IsInt() @Min(2) @Max(10)
  scoreScaleMax: number = 5;

  @Field(() => Int, { defaultValue: 2, description: 'Reviews needed before a decision (1 to 10).' })
  @IsInt() @Min(1) @Max(10)
  reviewersPerApplication: number = 2;
}

@InputType({
  description: 'Fields left out stay as they are. Before the call opens every field may change (its rules checked as createFundCall checks them); once it has opened only the texts and the close may.',
})
export class UpdateCallInput {
  @Field(() => ID) @IsUUID('4', says('must be a call id', '공모 ID여야 합니다.'))
  id: string;

  @Field(() => LocalizedTitleInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => LocalizedTitleInput) @HasSomeLanguage()
  title?: LocalizedTitleInput;

  @Field(() => LocalizedTextInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => LocalizedTextInput) @HasSomeLanguage()
  guidance?: LocalizedTextInput;

  @Field({ nullable: true }) @IsOptional() @Type(() => Date) @IsDate(says('must be an instant such as 2027-01-10T09:00:00+09:00', '2027-01-10T09:00:00+09:00 같은 시각이어야 합니다.'))
  opensAt?: Date;

  @Field({ nullable: true }) @IsOptional() @Type(() => Date) @IsDate(says('must be an instant such as 2027-03-31T17:00:00Z', '2027-03-31T17:00:00Z 같은 시각이어야 합니다.'))
  closesAt?: Date;

  @Field(() => [ProjectStage], { nullable: true, description: 'Before it opens: the stages a project may be at to apply.' })
  @IsOptional() @IsArray() @ArrayMinSize(1, says('needs at least one stage', '단계를 하나 이상 골라 주세요.')) @ArrayUnique() @IsEnum(ProjectStage, { ...enumMessage(ProjectStage), each: true })
  allowedStages?: ProjectStage[];

  @Field(() => [AmountInput], { nullable: true, description: 'Before it opens: the most one award may have in each of the fund’s currencies.' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(2) @ValidateNested({ each: true }) @Type(() => AmountInput)
  maxAward?: AmountInput[];

  @Field(() => Int, { nullable: true, description: 'Before it opens: the match ratio (0 to 100).' })
  @IsOptional() @IsInt() @Min(0) @Max(100)
  matchRatioPercent?: number;

  @Field({ nullable: true, description: 'Before it opens: the currency the two sides are compared in.' })
  @IsOptional() @Transform(trim) @Matches(/^[A-Z]{3}$/, CURRENCY)
  referenceCurrency?: string;

  @Field(() => [ExchangeRateInput], { nullable: true, description: 'Before it opens: a rate for every other currency of the fund.' })
  @IsOptional() @IsArray() @ArrayMaxSize(2) @ValidateNested({ each: true }) @Type(() => ExchangeRateInput)
  exchangeRates?: ExchangeRateInput[];

  @Field(() => [CriterionInput], { nullable: true, description: 'Before it opens: the assessment criteria, replaced whole.' })
  @IsOptional() @IsArray() @ArrayMinSize(1, says('needs at least one criterion', '평가 기준을 하나 이상 넣어 주세요.')) @ArrayMaxSize(MAX_CRITERIA) @ValidateNested({ each: true }) @Type(() => CriterionInput)
  criteria?: CriterionInput[];

  @Field(() => Int, { nullable: true, description: 'Before it opens: reviewers score each criterion from 1 to this (2 to 10).' })
  @IsOptional() @IsInt() @Min(2) @Max(10)
  scoreScaleMax?: number;

  @Field(() => Int, { nullable: true, description: 'Before it opens: reviews needed before a decision (1 to 10).' })
  @IsOptional() @IsInt() @Min(1) @Max(10)
  reviewersPerApplication?: number;
}

/** What of a call only changes before it opens: its rules. */
export const CALL_RULES = ['allowedStages', 'maxAward', 'matchRatioPercent', 'referenceCurrency', 'exchangeRates', 'criteria', 'scoreScaleMax', 'reviewersPerApplication'] as const;

@InputType()
export class BudgetLineInput {
  @Field({ description: 'The side spending it, GB or KR; the amount is in its currency.' })
  @Transform(trim) @Matches(/^[A-Z]{2}$/, COUNTRY)
  countryCode: string;

  @Field(() => BudgetCategory) @IsEnum(BudgetCategory, enumMessage(BudgetCategory))
  category: BudgetCategory;

  @Field() @Transform(trim) @Length(1, 500, says('must be 1 to 500 characters long', '1~500자로 써 주세요.'))
  description: string;

  @Field({ description: 'Integer minor units of the side’s currency, above zero, e.g. "1500000" = £15,000.00.' })
  @Transform(trim) @Matches(/^[1-9]\d{0,14}$/, says('must be a whole number of minor units above zero (digits only), e.g. 1500000', '0보다 큰, 최소 화폐 단위의 정수여야 합니다(숫자만). 예: 1500000'))
  amountMinor: string;
}

@InputType()
export class ApplicationMilestoneInput {
  @Field(() => LocalizedTitleInput) @ValidateNested() @Type(() => LocalizedTitleInput) @HasSomeLanguage()
  title: LocalizedTitleInput;

  @Field() @IsCalendarDate()
  dueDate: string;
}

@InputType()
export class CreateApplicationInput {
  @Field(() => ID) @IsUUID('4', says('must be a call id', '공모 ID여야 합니다.'))
  callId: string;

  @Field(() => ID, { description: 'One of your workspace’s joint projects; you must lead the workspace.' }) @IsUUID('4', says('must be a project id', '프로젝트 ID여야 합니다.'))
  projectId: string;

  @Field(() => LocalizedTitleInput) @ValidateNested() @Type(() => LocalizedTitleInput) @HasSomeLanguage()
  title: LocalizedTitleInput;

  @Field(() => LocalizedTextInput) @ValidateNested() @Type(() => LocalizedTextInput) @HasSomeLanguage()
  summary: LocalizedTextInput;

  @Field(() => [LocalizedTextInput], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(MAX_APPLICATION_OBJECTIVES) @ValidateNested({ each: true }) @Type(() => LocalizedTextInput) @HasSomeLanguage({ each: true })
  objectives?: LocalizedTextInput[];

  @Field(() => LocalizedTextInput, { nullable: true, description: 'How the work becomes business as usual after the award.' })
  @IsOptional() @ValidateNested() @Type(() => LocalizedTextInput)
  routeToBusinessAsUsual?: LocalizedTextInput;

  @Field(() => [ApplicationMilestoneInput], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(MAX_APPLICATION_MILESTONES) @ValidateNested({ each: true }) @Type(() => ApplicationMilestoneInput)
  milestones?: ApplicationMilestoneInput[];

  @Field(() => [BudgetLineInput], { nullable: true, description: 'What each side spends the award on, in its own currency.' })
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_BUDGET_LINES) @ValidateNested({ each: true }) @Type(() => BudgetLineInput)
  budgetLines?: BudgetLineInput[];
}

@InputType({ description: 'Fields left out stay as they are; lists are replaced whole. Drafts only.' })
export class UpdateApplicationInput {
  @Field(() => ID) @IsUUID('4', says('must be an application id', '신청서 ID여야 합니다.'))
  id: string;

  @Field(() => Int, { description: 'The version you read.' }) @IsInt() @Min(1)
  version: number;

  @Field(() => LocalizedTitleInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => LocalizedTitleInput) @HasSomeLanguage()
  title?: LocalizedTitleInput;

  @Field(() => LocalizedTextInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => LocalizedTextInput) @HasSomeLanguage()
  summary?: LocalizedTextInput;

  @Field(() => [LocalizedTextInput], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(MAX_APPLICATION_OBJECTIVES) @ValidateNested({ each: true }) @Type(() => LocalizedTextInput) @HasSomeLanguage({ each: true })
  objectives?: LocalizedTextInput[];

  @Field(() => LocalizedTextInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => LocalizedTextInput)
  routeToBusinessAsUsual?: LocalizedTextInput;

  @Field(() => [ApplicationMilestoneInput], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(MAX_APPLICATION_MILESTONES) @ValidateNested({ each: true }) @Type(() => ApplicationMilestoneInput)
  milestones?: ApplicationMilestoneInput[];

  @Field(() => [BudgetLineInput], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(MAX_BUDGET_LINES) @ValidateNested({ each: true }) @Type(() => BudgetLineInput)
  budgetLines?: BudgetLineInput[];
}

@InputType({ description: 'An application and, where the step needs one, why.' })
export class ApplicationStepInput {
  @Field(() => ID) @IsUUID('4', says('must be an application id', '신청서 ID여야 합니다.'))
  id: string;

  @Field(() => String, { nullable: true, description: 'Why; required to return, withdraw or decline.' })
  @IsOptional() @Transform(trim) @Length(1, 2000, REASON)
  reason?: string;
}

@InputType()
export class CloseAwardInput {
  @Field(() => ID) @IsUUID('4', says('must be an application id', '신청서 ID여야 합니다.'))
  id: string;

  @Field(() => [AmountInput], { description: 'What was spent in each currency; the rest of the award goes back to the fund.' })
  @IsArray() @ArrayMaxSize(2) @ValidateNested({ each: true }) @Type(() => AmountInput)
  spent: AmountInput[];

  @Field() @Transform(trim) @Length(1, 2000, REASON)
  reason: string;
}

@InputType()
export class ApplicationFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('4', says('must be a fund id', '기금 ID여야 합니다.'))
  fundId?: string;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('4', says('must be a call id', '공모 ID여야 합니다.'))
  callId?: string;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('4', says('must be a workspace id', '워크스페이스 ID여야 합니다.'))
  workspaceId?: string;

  @Field(() => ID, { nullable: true, description: 'The applications made for one joint project.' }) @IsOptional() @IsUUID('4', says('must be a project id', '프로젝트 ID여야 합니다.'))
  projectId?: string;

  @Field(() => ID, { nullable: true, description: 'The applications one city makes with its twin, by city id, e.g. busan.' }) @IsOptional() @IsString() @Length(1, 100, says('must be a city id such as busan.', 'busan 같은 도시 ID여야 합니다.'))
  cityId?: string;

  @Field(() => [ApplicationStatus], { nullable: true }) @IsOptional() @IsArray() @IsEnum(ApplicationStatus, { each: true, ...enumMessage(ApplicationStatus) })
  statuses?: ApplicationStatus[];

  @Field(() => String, { nullable: true, description: 'Words in the title or summary, either language.' }) @IsOptional() @IsString() @MaxLength(200)
  search?: string;
}

@InputType()
export class AuditFilter {
  @Field(() => String, { nullable: true, description: 'One action, e.g. decision.recorded.' }) @IsOptional() @IsString() @MaxLength(100)
  action?: string;

  @Field(() => String, { nullable: true, description: 'Everything done to one subject (an application id, say).' }) @IsOptional() @IsString() @MaxLength(100)
  subjectId?: string;
}
