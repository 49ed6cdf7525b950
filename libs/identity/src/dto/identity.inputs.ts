import { Field, ID, InputType, PickType } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsEmail, IsEnum, IsIn, IsOptional, IsString, IsUrl, IsUUID, Length, MaxLength } from 'class-validator';
import { Transform } from 'class-transformer';
import { Role, says, trim } from '@app/core';
import { OrganisationKind } from '../entities/organisation.entity';
import { OrganisationMemberRole } from '../entities/organisation-membership.entity';
import { IsTimeZone, PASSWORD_RULE } from './validators';
import { EMAIL_MAX, PASSWORD_LENGTH } from '@app/rules';

const MEMBER_ROLES = Object.values(OrganisationMemberRole).join(', ');
const MEMBER_ROLE = says(`must be one of ${MEMBER_ROLES}`, `다음 중 하나여야 합니다: ${MEMBER_ROLES}.`);
const PASSWORD = says(PASSWORD_RULE, `${PASSWORD_LENGTH.min}~${PASSWORD_LENGTH.max}자로 정해 주세요.`);
const NAME_VERSION = says('must be 1 to 100 characters long, or empty to clear it', '1~100자로 쓰거나, 지우려면 비워 두세요.');
const emailMessage = says('must be an email address, like name@example.org', 'name@example.org 같은 이메일 주소여야 합니다.');

@InputType()
export class SignUpInput {
  @Field() @Transform(trim) @IsEmail({}, emailMessage) @MaxLength(EMAIL_MAX)
  email: string;

  @Field() @Transform(trim) @IsString() @Length(1, 100, says('must be 1 to 100 characters long', '1~100자로 써 주세요.'))
  displayName: string;

  @Field() @IsString() @Length(PASSWORD_LENGTH.min, PASSWORD_LENGTH.max, PASSWORD)
  password: string;

  @Field({ defaultValue: 'en', description: 'en or ko' }) @IsIn(['en', 'ko'], says('must be en or ko', 'en 또는 ko여야 합니다.'))
  preferredLanguage: 'en' | 'ko' = 'en';

  @Field({ defaultValue: 'Europe/London' }) @IsTimeZone()
  timeZone: string = 'Europe/London';
}

@InputType()
export class SignInInput {
  @Field() @Transform(trim) @IsEmail({}, emailMessage) @MaxLength(EMAIL_MAX)
  email: string;

  @Field() @IsString() @Length(1, 200, says('must not be empty', '비워 둘 수 없습니다.'))
  password: string;
}

@InputType()
export class TokenInput {
  @Field() @IsString() @Length(10, 300, says('must be the whole token from the link', '링크에 있는 토큰 전체를 넣어 주세요.'))
  token: string;
}

@InputType()
export class RefreshSessionInput {
  @Field() @IsString() @Length(10, 300, says('must be the refresh token you were given', '받은 갱신 토큰을 그대로 넣어 주세요.'))
  refreshToken: string;
}

@InputType()
export class RequestPasswordResetInput {
  @Field() @Transform(trim) @IsEmail({}, emailMessage) @MaxLength(EMAIL_MAX)
  email: string;
}

@InputType()
export class ResendEmailConfirmationInput {
  @Field() @Transform(trim) @IsEmail({}, emailMessage) @MaxLength(EMAIL_MAX)
  email: string;
}

@InputType()
export class ResetPasswordInput {
  @Field() @IsString() @Length(10, 300, says('must be the whole token from the link', '링크에 있는 토큰 전체를 넣어 주세요.'))
  token: string;

  @Field() @IsString() @Length(PASSWORD_LENGTH.min, PASSWORD_LENGTH.max, PASSWORD)
  newPassword: string;
}

@InputType()
export class ChangePasswordInput {
  @Field() @IsString() @Length(1, 200, says('must not be empty', '비워 둘 수 없습니다.'))
  currentPassword: string;

  @Field() @IsString() @Length(PASSWORD_LENGTH.min, PASSWORD_LENGTH.max, PASSWORD)
  newPassword: string;
}

@InputType()
export class UpdateProfileInput {
  @Field({ nullable: true }) @IsOptional() @Transform(trim) @IsString() @Length(1, 100, says('must be 1 to 100 characters long', '1~100자로 써 주세요.'))
  displayName?: string;

  @Field(() => String, { nullable: true, description: 'The name as English pages write it, where it differs from displayName; empty clears it.' })
  @IsOptional() @Transform(trim) @IsString() @MaxLength(100, NAME_VERSION)
  nameEn?: string | null;

  @Field(() => String, { nullable: true, description: 'The name as Korean pages write it, where it differs from displayName; empty clears it.' })
  @IsOptional() @Transform(trim) @IsString() @MaxLength(100, NAME_VERSION)
  nameKo?: string | null;

  @Field({ nullable: true }) @IsOptional() @IsIn(['en', 'ko'], says('must be en or ko', 'en 또는 ko여야 합니다.'))
  preferredLanguage?: 'en' | 'ko';

  @Field({ nullable: true }) @IsOptional() @IsTimeZone()
  timeZone?: string;
}

@InputType()
export class UserRoleInput {
  @Field(() => ID) @IsUUID('4', says('must be a user id', '사용자 ID여야 합니다.'))
  userId: string;

  @Field(() => Role) @IsEnum(Role, says(`must be one of ${Object.values(Role).join(', ')}`, `다음 중 하나여야 합니다: ${Object.values(Role).join(', ')}.`))
  role: Role;
}

@InputType()
export class SetUserDisabledInput {
  @Field(() => ID) @IsUUID('4', says('must be a user id', '사용자 ID여야 합니다.'))
  userId: string;

  @Field() @IsBoolean()
  disabled: boolean;
}

@InputType()
export class InviteUserInput {
  @Field() @Transform(trim) @IsEmail({}, emailMessage) @MaxLength(EMAIL_MAX)
  email: string;

  @Field(() => [Role], { defaultValue: [] }) @IsEnum(Role, says(`each must be one of ${Object.values(Role).join(', ')}`, `모두 다음 중 하나여야 합니다: ${Object.values(Role).join(', ')}.`, { each: true })) @ArrayMaxSize(3)
  roles: Role[] = [];

  @Field(() => ID, { nullable: true, description: 'An organisation the new account will belong to.' })
  @IsOptional() @IsUUID('4', says('must be an organisation id', '기관 ID여야 합니다.'))
  organisationId?: string;

  @Field({ nullable: true, defaultValue: 'en', description: 'Language of the invitation email.' })
  @IsOptional() @IsIn(['en', 'ko'], says('must be en or ko', 'en 또는 ko여야 합니다.'))
  language?: 'en' | 'ko';
}

@InputType()
export class AcceptInvitationInput {
  @Field() @IsString() @Length(10, 300, says('must be the whole token from the link', '링크에 있는 토큰 전체를 넣어 주세요.'))
  token: string;

  @Field({ nullable: true, description: 'Needed when you have no account yet.' })
  @IsOptional() @Transform(trim) @IsString() @Length(1, 100, says('must be 1 to 100 characters long', '1~100자로 써 주세요.'))
  displayName?: string;

  @Field({ nullable: true, description: 'Needed when you have no account yet.' })
  @IsOptional() @IsString() @Length(PASSWORD_LENGTH.min, PASSWORD_LENGTH.max, PASSWORD)
  password?: string;

  @Field({ nullable: true }) @IsOptional() @IsIn(['en', 'ko'], says('must be en or ko', 'en 또는 ko여야 합니다.'))
  preferredLanguage?: 'en' | 'ko';

  @Field({ nullable: true }) @IsOptional() @IsTimeZone()
  timeZone?: string;
}

@InputType()
export class CreateOrganisationInput {
  @Field() @Transform(trim) @IsString() @Length(2, 200, says('must be 2 to 200 characters long', '2~200자로 써 주세요.'))
  nameEn: string;

  @Field() @Transform(trim) @IsString() @Length(1, 200, says('must be 1 to 200 characters long', '1~200자로 써 주세요.'))
  nameKo: string;

  @Field(() => OrganisationKind) @IsEnum(OrganisationKind, says(`must be one of ${Object.values(OrganisationKind).join(', ')}`, `다음 중 하나여야 합니다: ${Object.values(OrganisationKind).join(', ')}.`))
  kind: OrganisationKind;

  @Field() @IsString() @Length(1, 100)
  cityId: string;

  @Field({ nullable: true }) @IsOptional() @IsUrl({ require_protocol: true }, says('must be a web address starting with https://', 'https://로 시작하는 웹 주소여야 합니다.'))
  website?: string;
}

@InputType()
export class OrganisationMemberInput {
  @Field(() => ID) @IsUUID('4', says('must be an organisation id', '기관 ID여야 합니다.'))
  organisationId: string;

  @Field(() => ID) @IsUUID('4', says('must be a user id', '사용자 ID여야 합니다.'))
  userId: string;

  @Field({ nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(200)
  jobTitle?: string;

  @Field(() => OrganisationMemberRole, { nullable: true, description: 'MEMBER unless said; for someone already a member, their role changes only when given.' })
  @IsOptional() @IsEnum(OrganisationMemberRole, MEMBER_ROLE)
  role?: OrganisationMemberRole;
}

@InputType()
export class OrganisationMemberRoleInput extends PickType(OrganisationMemberInput, ['organisationId', 'userId'] as const, InputType) {
  @Field(() => OrganisationMemberRole) @IsEnum(OrganisationMemberRole, MEMBER_ROLE)
  role: OrganisationMemberRole;
}

@InputType()
export class OrganisationFilter {
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100)
  cityId?: string;

  @Field({ nullable: true, description: 'Only organisations in cities of this country (GB or KR).' })
  @IsOptional() @IsString() @Length(2, 2, says('must be a two-letter country code, like GB or KR', 'GB나 KR 같은 두 글자 국가 코드여야 합니다.'))
  countryCode?: string;

  @Field(() => OrganisationKind, { nullable: true }) @IsOptional() @IsEnum(OrganisationKind)
  kind?: OrganisationKind;

  @Field({ nullable: true, description: 'Part of the English or Korean name.' }) @IsOptional() @IsString() @MaxLength(100)
  search?: string;
}

@InputType()
export class UserFilterInput {
  @Field({ nullable: true, description: 'Part of the email or of the name, as written or in English or Korean.' }) @IsOptional() @IsString() @MaxLength(100)
  search?: string;

  @Field(() => Role, { nullable: true }) @IsOptional() @IsEnum(Role)
  role?: Role;

  @Field({ nullable: true, description: 'true: only disabled accounts; false: only enabled ones.' }) @IsOptional() @IsBoolean()
  disabled?: boolean;
}
