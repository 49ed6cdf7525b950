import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { HasSomeLanguage, LocalizedTextInput, LocalizedTitleInput, says, trim } from '@app/core';
import { VoteChoice } from '../decisions/vote.entity';
import { Recommendation } from '../reviews/review-aggregate';
import { DecisionOutcome } from '../applications/application.enums';
import { MAX_CRITERIA, AmountInput } from './funding.inputs';

const enumMessage = (e: object) => says(`must be one of ${Object.values(e).join(', ')}`, `다음 중 하나여야 합니다: ${Object.values(e).join(', ')}.`);
const REASON = says('must be 1 to 2000 characters long: say why', '이유를 1~2000자로 써 주세요.');

/** Board members assigned in one call (AssignReviewersInput.memberIds). */
export const MAX_REVIEWERS_PER_CALL = 10;

@InputType()
export class AppointBoardMemberInput {
  @Field(() => ID) @IsUUID('4', says('must be a fund id', '기금 ID여야 합니다.'))
  fundId: string;

  @Field(() => ID) @IsUUID('4', says('must be a user id', '사용자 ID여야 합니다.'))
  userId: string;

  @Field({ description: 'The country they sit for: one of the fund’s countries.' }) @Transform(trim) @Matches(/^[A-Z]{2}$/, says('must be a two-letter country code such as GB or KR', 'GB나 KR 같은 두 글자 나라 코드여야 합니다.'))
  countryCode: string;

  @Field(() => [ID], { nullable: true, description: 'Their affiliations; left out, the organisations they belong to on the platform.' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ArrayUnique() @IsUUID('4', says('must be organisation ids', '기관 ID여야 합니다.', { each: true }))
  organisationIds?: string[];

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(1000)
  affiliationNote?: string;
}

@InputType()
export class EndBoardMembershipInput {
  @Field(() => ID) @IsUUID('4', says('must be a board member id', '심사위원 ID여야 합니다.'))
  memberId: string;

  @Field() @Transform(trim) @Length(1, 2000, REASON)
  reason: string;
}

@InputType()
export class UpdateBoardRulesInput {
  @Field(() => ID) @IsUUID('4', says('must be a fund id', '기금 ID여야 합니다.'))
  fundId: string;

  @Field(() => Int, { description: 'Voters needed from each contributing country for a quorum (1 to 5).' }) @IsInt() @Min(1) @Max(5)
  quorumMinPerCountry: number;
}

@InputType()
export class DeclareConflictInput {
  @Field(() => ID) @IsUUID('4', says('must be an application id', '신청서 ID여야 합니다.'))
  applicationId: string;

  @Field({ description: 'What the interest is; kept in the audit log.' }) @Transform(trim) @Length(1, 2000, REASON)
  reason: string;
}

@InputType()
export class AssignReviewersInput {
  @Field(() => ID) @IsUUID('4', says('must be an application id', '신청서 ID여야 합니다.'))
  applicationId: string;

  @Field(() => [ID], { description: 'Board members of the application’s fund, none conflicted on it.' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_REVIEWERS_PER_CALL) @ArrayUnique() @IsUUID('4', says('must be board member ids', '심사위원 ID여야 합니다.', { each: true }))
  memberIds: string[];

  @Field(() => Date, { nullable: true, description: 'When the new reviews are due: in the future, at most 90 days ahead. Left out, 14 days after assignment. Reviewers already assigned keep theirs (setReviewDueDate moves one).' })
  @IsOptional() @Type(() => Date) @IsDate(says('must be an instant such as 2027-04-20T17:00:00+01:00', '2027-04-20T17:00:00+01:00 같은 시각이어야 합니다.'))
  dueAt?: Date;
}

@InputType()
export class SetReviewDueDateInput {
  @Field(() => ID) @IsUUID('4', says('must be a review id', '심사 ID여야 합니다.'))
  reviewId: string;

  @Field({ description: 'The new due date: in the future, at most 90 days ahead.' }) @Type(() => Date) @IsDate(says('must be an instant such as 2027-04-20T17:00:00+01:00', '2027-04-20T17:00:00+01:00 같은 시각이어야 합니다.'))
  dueAt: Date;
}

@InputType()
export class ReviewAssignmentFilter {
  @Field(() => Boolean, { nullable: true, description: 'true: only reviews still to write; false: only submitted ones; left out, both.' }) @IsOptional() @IsBoolean()
  pending?: boolean;
}

@InputType()
export class UnassignReviewerInput {
  @Field(() => ID) @IsUUID('4', says('must be an application id', '신청서 ID여야 합니다.'))
  applicationId: string;

  @Field(() => ID) @IsUUID('4', says('must be a board member id', '심사위원 ID여야 합니다.'))
  memberId: string;
}

@InputType()
export class CriterionScoreInput {
  @Field() @Transform(trim) @IsString() @MaxLength(40)
  criterionKey: string;

  @Field(() => Int, { description: 'From 1 to the call’s scoreScaleMax.' }) @IsInt() @Min(1) @Max(10)
  score: number;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(4000)
  comment?: string;
}

@InputType()
export class SubmitReviewInput {
  @Field(() => ID) @IsUUID('4', says('must be an application id', '신청서 ID여야 합니다.'))
  applicationId: string;

  @Field(() => [CriterionScoreInput], { description: 'One score for each of the call’s criteria.' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_CRITERIA) @ValidateNested({ each: true }) @Type(() => CriterionScoreInput)
  scores: CriterionScoreInput[];

  @Field(() => Recommendation) @IsEnum(Recommendation, enumMessage(Recommendation))
  recommendation: Recommendation;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(8000)
  comment?: string;
}

@InputType()
export class CreateBoardMeetingInput {
  @Field(() => ID) @IsUUID('4', says('must be a fund id', '기금 ID여야 합니다.'))
  fundId: string;

  @Field(() => LocalizedTitleInput) @ValidateNested() @Type(() => LocalizedTitleInput) @HasSomeLanguage()
  title: LocalizedTitleInput;

  @Field({ description: 'An instant, e.g. 2027-04-20T09:00:00+01:00.' }) @Type(() => Date) @IsDate(says('must be an instant such as 2027-04-20T09:00:00+01:00', '2027-04-20T09:00:00+01:00 같은 시각이어야 합니다.'))
  startsAt: Date;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(500)
  location?: string;
}

@InputType()
export class AgendaItemInput {
  @Field(() => ID) @IsUUID('4', says('must be a meeting id', '회의 ID여야 합니다.'))
  meetingId: string;

  @Field(() => ID) @IsUUID('4', says('must be an application id', '신청서 ID여야 합니다.'))
  applicationId: string;
}

@InputType()
export class CastVoteInput extends AgendaItemInput {
  @Field(() => VoteChoice) @IsEnum(VoteChoice, enumMessage(VoteChoice))
  choice: VoteChoice;
}

@InputType()
export class RecordDecisionInput extends AgendaItemInput {
  @Field(() => DecisionOutcome) @IsEnum(DecisionOutcome, enumMessage(DecisionOutcome))
  outcome: DecisionOutcome;

  @Field(() => LocalizedTextInput, { description: 'Why, in English and in Korean (both): published with the decision.' })
  @ValidateNested() @Type(() => LocalizedTextInput)
  rationale: LocalizedTextInput;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'Required for APPROVED_WITH_CONDITIONS, in both languages.' })
  @IsOptional() @ValidateNested() @Type(() => LocalizedTextInput)
  conditions?: LocalizedTextInput;

  @Field(() => [AmountInput], { nullable: true, description: 'The award per currency, for an approval; left out, what the applicants requested.' })
  @IsOptional() @IsArray() @ArrayMaxSize(2) @ValidateNested({ each: true }) @Type(() => AmountInput)
  amounts?: AmountInput[];
}
