import { Field, ID, InputType, PickType } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsEmail, IsEnum, IsIn, IsOptional, IsString, IsUrl, IsUUID, Length, MaxLength } from 'class-validator';
import { Transform } from 'class-transformer';
import { Role, trim } from '@app/core';
import { OrganisationKind } from '../entities/organisation.entity';
import { OrganisationMemberRole } from '../entities/organisation-membership.entity';
import { IsTimeZone, PASSWORD_RULE } from './validators';
import { EMAIL_MAX, PASSWORD_LENGTH } from '@app/rules';

const MEMBER_ROLE = { message: `must be one of ${Object.values(OrganisationMemberRole).join(', ')}` };
const emailMessage = { message: 'must be an email address, like name@example.org' };

@InputType()
export class SignUpInput {
  @Field() @Transform(trim) @IsEmail({}, emailMessage) @MaxLength(EMAIL_MAX)
  email: string;

  @Field() @Transform(trim) @IsString() @Length(1, 100, { message: 'must be 1 to 100 characters long' })
  displayName: string;

  @Field() @IsString() @Length(PASSWORD_LENGTH.min, PASSWORD_LENGTH.max, { message: PASSWORD_RULE })
  password: string;

  @Field({ defaultValue: 'en', description: 'en or ko' }) @IsIn(['en', 'ko'], { message: 'must be en or ko' })
  preferredLanguage: 'en' | 'ko' = 'en';

  @Field({ defaultValue: 'Europe/London' }) @IsTimeZone()
  timeZone: string = 'Europe/London';
}

@InputType()
export class SignInInput {
  @Field() @Transform(trim) @IsEmail({}, emailMessage) @MaxLength(EMAIL_MAX)
  email: string;

  @Field() @IsString() @Length(1, 200, { message: 'must not be empty' })
  password: string;
}

@InputType()
export class TokenInput {
  @Field() @IsString() @Length(10, 300, { message: 'must be the whole token from the link' })
  token: string;
}

@InputType()
export class RefreshSessionInput {
  @Field() @IsString() @Length(10, 300, { message: 'must be the refresh token you were given' })
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
  @Field() @IsString() @Length(10, 300, { message: 'must be the whole token from the link' })
  token: string;

  @Field() @IsString() @Length(PASSWORD_LENGTH.min, PASSWORD_LENGTH.max, { message: PASSWORD_RULE })
  newPassword: string;
}

@InputType()
export class ChangePasswordInput {
  @Field() @IsString() @Length(1, 200, { message: 'must not be empty' })
  currentPassword: string;

  @Field() @IsString() @Length(PASSWORD_LENGTH.min, PASSWORD_LENGTH.max, { message: PASSWORD_RULE })
  newPassword: string;
}

@InputType()
export class UpdateProfileInput {
  @Field({ nullable: true }) @IsOptional() @Transform(trim) @IsString() @Length(1, 100, { message: 'must be 1 to 100 characters long' })
  displayName?: string;

  @Field({ nullable: true }) @IsOptional() @IsIn(['en', 'ko'], { message: 'must be en or ko' })
  preferredLanguage?: 'en' | 'ko';

  @Field({ nullable: true }) @IsOptional() @IsTimeZone()
  timeZone?: string;
}

@InputType()
export class UserRoleInput {
  @Field(() => ID) @IsUUID('4', { message: 'must be a user id' })
  userId: string;

  @Field(() => Role) @IsEnum(Role, { message: `must be one of ${Object.values(Role).join(', ')}` })
  role: Role;
}

@InputType()
export class SetUserDisabledInput {
  @Field(() => ID) @IsUUID('4', { message: 'must be a user id' })
  userId: string;

  @Field() @IsBoolean()
  disabled: boolean;
}

@InputType()
export class InviteUserInput {
  @Field() @Transform(trim) @IsEmail({}, emailMessage) @MaxLength(EMAIL_MAX)
  email: string;

  @Field(() => [Role], { defaultValue: [] }) @IsEnum(Role, { each: true, message: `each must be one of ${Object.values(Role).join(', ')}` }) @ArrayMaxSize(3)
  roles: Role[] = [];

  @Field(() => ID, { nullable: true, description: 'An organisation the new account will belong to.' })
  @IsOptional() @IsUUID('4', { message: 'must be an organisation id' })
  organisationId?: string;

  @Field({ nullable: true, defaultValue: 'en', description: 'Language of the invitation email.' })
  @IsOptional() @IsIn(['en', 'ko'], { message: 'must be en or ko' })
  language?: 'en' | 'ko';
}

@InputType()
export class AcceptInvitationInput {
  @Field() @IsString() @Length(10, 300, { message: 'must be the whole token from the link' })
  token: string;

  @Field({ nullable: true, description: 'Needed when you have no account yet.' })
  @IsOptional() @Transform(trim) @IsString() @Length(1, 100, { message: 'must be 1 to 100 characters long' })
  displayName?: string;

  @Field({ nullable: true, description: 'Needed when you have no account yet.' })
  @IsOptional() @IsString() @Length(PASSWORD_LENGTH.min, PASSWORD_LENGTH.max, { message: PASSWORD_RULE })
  password?: string;

  @Field({ nullable: true }) @IsOptional() @IsIn(['en', 'ko'], { message: 'must be en or ko' })
  preferredLanguage?: 'en' | 'ko';

  @Field({ nullable: true }) @IsOptional() @IsTimeZone()
  timeZone?: string;
}

@InputType()
export class CreateOrganisationInput {
  @Field() @Transform(trim) @IsString() @Length(2, 200, { message: 'must be 2 to 200 characters long' })
  nameEn: string;

  @Field() @Transform(trim) @IsString() @Length(1, 200, { message: 'must be 1 to 200 characters long' })
  nameKo: string;

  @Field(() => OrganisationKind) @IsEnum(OrganisationKind, { message: `must be one of ${Object.values(OrganisationKind).join(', ')}` })
  kind: OrganisationKind;

  @Field() @IsString() @Length(1, 100)
  cityId: string;

  @Field({ nullable: true }) @IsOptional() @IsUrl({ require_protocol: true }, { message: 'must be a web address starting with https://' })
  website?: string;
}

@InputType()
export class OrganisationMemberInput {
  @Field(() => ID) @IsUUID('4', { message: 'must be an organisation id' })
  organisationId: string;

  @Field(() => ID) @IsUUID('4', { message: 'must be a user id' })
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
  @IsOptional() @IsString() @Length(2, 2, { message: 'must be a two-letter country code, like GB or KR' })
  countryCode?: string;

  @Field(() => OrganisationKind, { nullable: true }) @IsOptional() @IsEnum(OrganisationKind)
  kind?: OrganisationKind;

  @Field({ nullable: true, description: 'Part of the English or Korean name.' }) @IsOptional() @IsString() @MaxLength(100)
  search?: string;
}

@InputType()
export class UserFilterInput {
  @Field({ nullable: true, description: 'Part of the email or display name.' }) @IsOptional() @IsString() @MaxLength(100)
  search?: string;

  @Field(() => Role, { nullable: true }) @IsOptional() @IsEnum(Role)
  role?: Role;

  @Field({ nullable: true, description: 'true: only disabled accounts; false: only enabled ones.' }) @IsOptional() @IsBoolean()
  disabled?: boolean;
}
