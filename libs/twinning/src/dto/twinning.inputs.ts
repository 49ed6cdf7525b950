import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsEnum, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { says, trim } from '@app/core';
import { AcceptInvitationInput } from '@app/identity';
import { TwinningStatus } from '../entities/twinning.entity';
import { JoinRequestStatus } from '../entities/workspace-join-request.entity';
import { WorkspaceRole } from '../entities/workspace-member.entity';
import { EMAIL_MAX, TWINNING_LIMITS } from '@app/rules';

const oneOf = (e: object) => says(`must be one of ${Object.values(e).join(', ')}`, `${Object.values(e).join(', ')} 중 하나여야 합니다.`);
const ROLE_MESSAGE = oneOf(WorkspaceRole);
const REASON = says(`must be 1 to ${TWINNING_LIMITS.reason} characters long: say why`, `이유를 써 주세요(1~${TWINNING_LIMITS.reason}자).`);

@InputType()
export class ProposeTwinningInput {
  @Field(() => ID, { description: 'Your own city (you must be one of its officers).' })
  @Transform(trim) @IsString() @Length(1, 100, says('must be a city id such as liverpool', 'liverpool 같은 도시 ID여야 합니다.'))
  cityId: string;

  @Field(() => ID, { description: 'The city you propose to twin with, in another country.' })
  @Transform(trim) @IsString() @Length(1, 100, says('must be a city id such as busan', 'busan 같은 도시 ID여야 합니다.'))
  partnerCityId: string;

  @Field({ description: 'What you propose, for the partner city’s officers.' })
  @Transform(trim) @IsString() @Length(1, TWINNING_LIMITS.message, says(`must be 1 to ${TWINNING_LIMITS.message} characters long`, `1자에서 ${TWINNING_LIMITS.message}자 사이로 써 주세요.`))
  message: string;

  @Field({ defaultValue: false, description: 'True when proposed from a pairing suggestion: the pair score is kept with the proposal.' })
  @IsBoolean()
  fromSuggestion: boolean = false;
}

@InputType()
export class RespondToTwinningProposalInput {
  @Field(() => ID) @IsUUID('4', says('must be a twinning id', '자매결연 ID여야 합니다.'))
  id: string;

  @Field({ description: 'True to accept (the workspace opens), false to decline.' }) @IsBoolean()
  accept: boolean;

  @Field() @Transform(trim) @IsString() @Length(1, TWINNING_LIMITS.reason, REASON)
  reason: string;
}

@InputType()
export class WithdrawTwinningProposalInput {
  @Field(() => ID) @IsUUID('4', says('must be a twinning id', '자매결연 ID여야 합니다.'))
  id: string;

  @Field({ nullable: true }) @IsOptional() @Transform(trim) @IsString() @Length(1, TWINNING_LIMITS.reason, REASON)
  reason?: string;
}

@InputType()
export class ChangeTwinningStatusInput {
  @Field(() => ID) @IsUUID('4', says('must be a twinning id', '자매결연 ID여야 합니다.'))
  id: string;

  @Field(() => TwinningStatus, { description: 'ACTIVE, DORMANT or CLOSED.' })
  @IsIn([TwinningStatus.ACTIVE, TwinningStatus.DORMANT, TwinningStatus.CLOSED], says('must be ACTIVE, DORMANT or CLOSED', 'ACTIVE, DORMANT, CLOSED 중 하나여야 합니다.'))
  status: TwinningStatus;

  @Field() @Transform(trim) @IsString() @Length(1, TWINNING_LIMITS.reason, REASON)
  reason: string;
}

@InputType()
export class TwinningFilter {
  @Field(() => ID, { nullable: true, description: 'Twinnings of this city.' }) @IsOptional() @IsString() @MaxLength(100)
  cityId?: string;

  @Field(() => TwinningStatus, { nullable: true, description: 'The public sees ACTIVE and DORMANT only.' })
  @IsOptional() @IsEnum(TwinningStatus, oneOf(TwinningStatus))
  status?: TwinningStatus;
}

@InputType()
export class InviteToWorkspaceInput {
  @Field(() => ID) @IsUUID('4', says('must be a workspace id', '워크스페이스 ID여야 합니다.'))
  workspaceId: string;

  @Field() @Transform(trim) @IsEmail({}, says('must be an email address, like name@example.org', 'name@example.org 같은 이메일 주소여야 합니다.')) @MaxLength(EMAIL_MAX)
  email: string;

  @Field(() => WorkspaceRole, { defaultValue: WorkspaceRole.MEMBER }) @IsEnum(WorkspaceRole, ROLE_MESSAGE)
  role: WorkspaceRole = WorkspaceRole.MEMBER;
}

/** The same fields as a platform invitation: the token, and what a new account needs. */
@InputType()
export class AcceptWorkspaceInvitationInput extends AcceptInvitationInput {}

@InputType()
export class RequestToJoinWorkspaceInput {
  @Field(() => ID) @IsUUID('4', says('must be a workspace id', '워크스페이스 ID여야 합니다.'))
  workspaceId: string;

  @Field() @Transform(trim) @IsString() @Length(1, 2000, says('must be 1 to 2000 characters long', '1자에서 2000자 사이로 써 주세요.'))
  message: string;
}

@InputType()
export class DecideJoinRequestInput {
  @Field(() => ID) @IsUUID('4', says('must be a join request id', '참여 요청 ID여야 합니다.'))
  id: string;

  @Field() @IsBoolean()
  approve: boolean;

  @Field(() => WorkspaceRole, { nullable: true, description: 'The role to give; needed to approve.' })
  @IsOptional() @IsEnum(WorkspaceRole, ROLE_MESSAGE)
  role?: WorkspaceRole;

  @Field({ nullable: true }) @IsOptional() @Transform(trim) @IsString() @Length(1, TWINNING_LIMITS.reason, REASON)
  reason?: string;
}

@InputType()
export class ChangeWorkspaceMemberRoleInput {
  @Field(() => ID) @IsUUID('4', says('must be a workspace id', '워크스페이스 ID여야 합니다.'))
  workspaceId: string;

  @Field(() => ID) @IsUUID('4', says('must be a user id', '사용자 ID여야 합니다.'))
  userId: string;

  @Field(() => WorkspaceRole) @IsEnum(WorkspaceRole, ROLE_MESSAGE)
  role: WorkspaceRole;
}

@InputType()
export class WorkspaceMemberRefInput {
  @Field(() => ID) @IsUUID('4', says('must be a workspace id', '워크스페이스 ID여야 합니다.'))
  workspaceId: string;

  @Field(() => ID) @IsUUID('4', says('must be a user id', '사용자 ID여야 합니다.'))
  userId: string;
}

@InputType()
export class WorkspaceMemberFilter {
  @Field(() => ID, { nullable: true, description: 'Members representing this city.' }) @IsOptional() @IsString() @MaxLength(100)
  cityId?: string;

  @Field(() => WorkspaceRole, { nullable: true }) @IsOptional() @IsEnum(WorkspaceRole, ROLE_MESSAGE)
  role?: WorkspaceRole;
}

@InputType()
export class WorkspaceInvitationFilter {
  @Field(() => Boolean, { nullable: true, description: 'True: only invitations still waiting to be accepted.' }) @IsOptional() @IsBoolean()
  pending?: boolean;
}

@InputType()
export class JoinRequestFilter {
  @Field(() => JoinRequestStatus, { nullable: true }) @IsOptional() @IsEnum(JoinRequestStatus, oneOf(JoinRequestStatus))
  status?: JoinRequestStatus;
}
