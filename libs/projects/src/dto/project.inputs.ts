import { Field, ID, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { HasSomeLanguage, IsCalendarDate, LocalizedTextInput, LocalizedTitleInput, says, trim } from '@app/core';
import { MilestoneStatus } from '../entities/milestone.entity';
import { ProjectStage, ProjectType, RiskLevel } from '../entities/project.entity';

const REASON = says('must be 1 to 2000 characters long: say why', '이유를 써 주세요(1~2000자).');
const URL = { protocols: ['http', 'https'], require_protocol: true };
const enumMessage = (e: object) => says(`must be one of ${Object.values(e).join(', ')}`, `${Object.values(e).join(', ')} 중 하나여야 합니다.`);

/** What a project may hold (CreateProjectInput, and so UpdateProjectInput). */
export const MAX_PROJECT_OBJECTIVES = 20;
export const MAX_PROJECT_PARTNERS = 50;
export const MAX_PROJECT_OUTPUTS = 50;
export const MAX_PROJECT_RISKS = 50;

@InputType({ description: "One country's budget: integer minor units (pence, won) and the currency." })
export class BudgetInput {
  @Field({ description: 'The contributing country, GB or KR: one of the twinned cities’ countries.' })
  @Transform(trim) @Matches(/^[A-Z]{2}$/, says('must be a two-letter country code such as GB or KR', 'GB나 KR 같은 두 글자 국가 코드여야 합니다.'))
  countryCode: string;

  @Field({ description: 'Integer minor units as a string of digits, e.g. "2500000" for £25,000.00 or ₩2,500,000.' })
  @Transform(trim) @Matches(/^\d{1,15}$/, says('must be a whole number of minor units (digits only, no decimal point), e.g. 2500000', '최소 화폐 단위의 정수여야 합니다(숫자만, 소수점 없이, 예: 2500000).'))
  amountMinor: string;

  @Field({ description: 'ISO 4217 code; must be the currency of one of the two countries (GBP or KRW).' })
  @Transform(trim) @Matches(/^[A-Z]{3}$/, says('must be a three-letter ISO 4217 code such as GBP or KRW', 'GBP나 KRW 같은 세 글자 ISO 4217 코드여야 합니다.'))
  currency: string;
}

@InputType()
export class ProjectOutputInput {
  @Field(() => LocalizedTitleInput) @ValidateNested() @Type(() => LocalizedTitleInput) @HasSomeLanguage()
  title: LocalizedTitleInput;

  @Field(() => String, { nullable: true }) @IsOptional() @IsUrl(URL, says('must be a web address starting with https://', 'https://로 시작하는 웹 주소여야 합니다.')) @MaxLength(2000)
  url?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @IsCalendarDate()
  deliveredOn?: string;
}

@InputType()
export class ProjectRiskInput {
  @Field(() => LocalizedTextInput) @ValidateNested() @Type(() => LocalizedTextInput) @HasSomeLanguage()
  description: LocalizedTextInput;

  @Field(() => RiskLevel) @IsEnum(RiskLevel, enumMessage(RiskLevel))
  likelihood: RiskLevel;

  @Field(() => RiskLevel) @IsEnum(RiskLevel, enumMessage(RiskLevel))
  impact: RiskLevel;

  @Field(() => LocalizedTextInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => LocalizedTextInput)
  mitigation?: LocalizedTextInput;
}

@InputType()
export class CreateProjectInput {
  @Field(() => ID) @IsUUID('4', says('must be a workspace id', '워크스페이스 ID여야 합니다.'))
  workspaceId: string;

  @Field(() => LocalizedTitleInput) @ValidateNested() @Type(() => LocalizedTitleInput) @HasSomeLanguage()
  title: LocalizedTitleInput;

  @Field(() => LocalizedTextInput) @ValidateNested() @Type(() => LocalizedTextInput) @HasSomeLanguage()
  summary: LocalizedTextInput;

  @Field(() => [String], { description: 'Sector keys of the shared taxonomy (see the sectors query), 1 to 10.' })
  @IsArray() @ArrayMinSize(1, says('needs at least one sector', '분야를 하나 이상 넣어 주세요.')) @ArrayMaxSize(10) @ArrayUnique(says('lists a sector twice', '같은 분야가 두 번 들어 있습니다.'))
  @IsString({ each: true }) @MaxLength(60, { each: true })
  sectors: string[];

  @Field(() => [LocalizedTextInput], { nullable: true, description: 'None when left out.' })
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_PROJECT_OBJECTIVES) @ValidateNested({ each: true }) @Type(() => LocalizedTextInput) @HasSomeLanguage({ each: true })
  objectives?: LocalizedTextInput[];

  @Field(() => ProjectType) @IsEnum(ProjectType, enumMessage(ProjectType))
  type: ProjectType;

  @Field(() => ProjectStage, { defaultValue: ProjectStage.DISCOVERY, description: 'Where it starts; usually DISCOVERY.' })
  @IsEnum(ProjectStage, enumMessage(ProjectStage))
  stage: ProjectStage = ProjectStage.DISCOVERY;

  @Field(() => ID, { description: "The project's lead in the twinning's first city (city A): a member representing it." })
  @IsUUID('4', says('must be a user id', '사용자 ID여야 합니다.'))
  cityALeadUserId: string;

  @Field(() => ID, { description: "The project's lead in the twinning's second city (city B): a member representing it." })
  @IsUUID('4', says('must be a user id', '사용자 ID여야 합니다.'))
  cityBLeadUserId: string;

  @Field(() => [ID], { nullable: true, description: 'Partner organisations, from either city or elsewhere.' })
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_PROJECT_PARTNERS) @ArrayUnique(says('lists an organisation twice', '같은 기관이 두 번 들어 있습니다.')) @IsUUID('4', says('must be organisation ids', '기관 ID여야 합니다.', { each: true }))
  partnerOrganisationIds?: string[];

  @Field() @IsCalendarDate()
  startDate: string;

  @Field(() => String, { nullable: true, description: 'On or after startDate; leave out while open-ended.' })
  @IsOptional() @IsCalendarDate()
  endDate?: string;

  @Field(() => [BudgetInput], { nullable: true, description: 'At most one per country.' })
  @IsOptional() @IsArray() @ArrayMaxSize(2) @ValidateNested({ each: true }) @Type(() => BudgetInput)
  budgets?: BudgetInput[];

  @Field(() => [ProjectOutputInput], { nullable: true })
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_PROJECT_OUTPUTS) @ValidateNested({ each: true }) @Type(() => ProjectOutputInput)
  outputs?: ProjectOutputInput[];

  @Field(() => [ProjectRiskInput], { nullable: true })
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_PROJECT_RISKS) @ValidateNested({ each: true }) @Type(() => ProjectRiskInput)
  risks?: ProjectRiskInput[];
}

/** What a project update may change; stage, closing and publishing have their own mutations. */
@InputType({ description: 'Fields left out stay as they are; endDate: null makes the project open-ended. The lists (objectives, budgets, outputs, risks) are replaced whole.' })
export class UpdateProjectInput extends PartialType(OmitType(CreateProjectInput, ['workspaceId', 'stage'] as const), InputType) {
  @Field(() => ID) @IsUUID('4', says('must be a project id', '프로젝트 ID여야 합니다.'))
  id: string;

  @Field(() => Int, { description: 'The version you read: if someone changed the project since, the update fails with CONFLICT.' })
  @IsInt() @Min(1)
  version: number;
}

@InputType()
export class ChangeProjectStageInput {
  @Field(() => ID) @IsUUID('4', says('must be a project id', '프로젝트 ID여야 합니다.'))
  id: string;

  @Field(() => Int) @IsInt() @Min(1)
  version: number;

  @Field(() => ProjectStage) @IsEnum(ProjectStage, enumMessage(ProjectStage))
  stage: ProjectStage;

  @Field() @Transform(trim) @IsString() @Length(1, 2000, REASON)
  reason: string;
}

@InputType({ description: 'Close a project (reason needed), or reopen a closed one.' })
export class ProjectReasonInput {
  @Field(() => ID) @IsUUID('4', says('must be a project id', '프로젝트 ID여야 합니다.'))
  id: string;

  @Field(() => Int) @IsInt() @Min(1)
  version: number;

  @Field() @Transform(trim) @IsString() @Length(1, 2000, REASON)
  reason: string;
}

@InputType()
export class PublishProjectInput {
  @Field(() => ID) @IsUUID('4', says('must be a project id', '프로젝트 ID여야 합니다.'))
  id: string;

  @Field({ description: 'True to show the title, summary, sectors, stage, type, dates and the twinned cities to everyone; false to take them down.' })
  @IsBoolean()
  published: boolean;
}

@InputType()
export class ProjectFilter {
  @Field(() => ProjectStage, { nullable: true }) @IsOptional() @IsEnum(ProjectStage, enumMessage(ProjectStage))
  stage?: ProjectStage;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(60)
  sector?: string;

  @Field(() => Boolean, { nullable: true, description: 'True: open projects only; false: closed ones only.' }) @IsOptional() @IsBoolean()
  open?: boolean;

  @Field(() => String, { nullable: true, description: 'Words in the title or summary, either language.' })
  @IsOptional() @Transform(trim) @IsString() @MaxLength(200)
  search?: string;
}

@InputType()
export class PublishedProjectFilter {
  @Field(() => ID, { nullable: true, description: 'Projects of twinnings of this city.' }) @IsOptional() @IsString() @MaxLength(100)
  cityId?: string;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('4', says('must be a twinning id', '자매결연 ID여야 합니다.'))
  twinningId?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(60)
  sector?: string;

  @Field(() => ProjectStage, { nullable: true }) @IsOptional() @IsEnum(ProjectStage, enumMessage(ProjectStage))
  stage?: ProjectStage;
}

@InputType()
export class AddMilestoneInput {
  @Field(() => ID) @IsUUID('4', says('must be a project id', '프로젝트 ID여야 합니다.'))
  projectId: string;

  @Field(() => LocalizedTitleInput) @ValidateNested() @Type(() => LocalizedTitleInput) @HasSomeLanguage()
  title: LocalizedTitleInput;

  @Field({ description: 'YYYY-MM-DD, within the project dates.' }) @IsCalendarDate()
  dueDate: string;

  @Field(() => MilestoneStatus, { nullable: true, description: 'PLANNED when left out.' })
  @IsOptional() @IsEnum(MilestoneStatus, enumMessage(MilestoneStatus))
  status?: MilestoneStatus;

  @Field(() => [String], { nullable: true })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUrl(URL, says('must be web addresses starting with https://', 'https://로 시작하는 웹 주소여야 합니다.', { each: true })) @MaxLength(2000, { each: true })
  evidenceLinks?: string[];
}

@InputType()
export class UpdateMilestoneInput extends PartialType(OmitType(AddMilestoneInput, ['projectId'] as const), InputType) {
  @Field(() => ID) @IsUUID('4', says('must be a milestone id', '주요 일정 ID여야 합니다.'))
  id: string;

  @Field(() => Int, { description: 'The version you read: if someone changed the milestone since, the update fails with CONFLICT.' })
  @IsInt() @Min(1)
  version: number;
}

@InputType()
export class RemoveMilestoneInput {
  @Field(() => ID) @IsUUID('4', says('must be a milestone id', '주요 일정 ID여야 합니다.'))
  id: string;

  @Field(() => Int) @IsInt() @Min(1)
  version: number;
}
