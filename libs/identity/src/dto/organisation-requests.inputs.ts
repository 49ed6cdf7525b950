import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsFQDN, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { Transform } from 'class-transformer';
import { trim } from '@app/core';
import { OrganisationKind } from '../entities/organisation.entity';
import { OrganisationRequestStatus } from '../entities/organisation-join-request.entity';

const MESSAGE = { message: 'must be at most 1000 characters long' };
const KIND = { message: `must be one of ${Object.values(OrganisationKind).join(', ')}` };

@InputType()
export class RequestOrganisationMembershipInput {
  @Field(() => ID) @IsUUID('4', { message: 'must be an organisation id; find it with organisations(filter: { search })' })
  organisationId: string;

  @Field({ nullable: true, description: 'A word for the members who decide: your role, your team.' })
  @IsOptional() @Transform(trim) @IsString() @MaxLength(1000, MESSAGE)
  message?: string;
}

@InputType()
export class RequestNewOrganisationInput {
  @Field() @Transform(trim) @IsString() @Length(2, 200, { message: 'must be 2 to 200 characters long' })
  nameEn: string;

  @Field() @Transform(trim) @IsString() @Length(1, 200, { message: 'must be 1 to 200 characters long' })
  nameKo: string;

  @Field(() => OrganisationKind) @IsEnum(OrganisationKind, KIND)
  kind: OrganisationKind;

  @Field() @Transform(trim) @IsString() @Length(1, 100, { message: 'must be a city id, like liverpool or busan' })
  cityId: string;

  @Field({ nullable: true, description: 'A word for the admins who decide: what the organisation does, your role in it.' })
  @IsOptional() @Transform(trim) @IsString() @MaxLength(1000, MESSAGE)
  message?: string;
}

@InputType()
export class DecideOrganisationRequestInput {
  @Field(() => ID) @IsUUID('4', { message: 'must be an organisation request id' })
  id: string;

  @Field() @IsBoolean({ message: 'must be true (approve) or false (decline)' })
  approve: boolean;

  @Field({ nullable: true, description: 'Why: required to decline, and emailed to the person who asked.' })
  @IsOptional() @Transform(trim) @IsString() @Length(1, 1000, { message: 'must be 1 to 1000 characters long' })
  reason?: string;
}

@InputType()
export class OrganisationRequestFilter {
  @Field(() => OrganisationRequestStatus, { nullable: true })
  @IsOptional() @IsEnum(OrganisationRequestStatus, { message: `must be one of ${Object.values(OrganisationRequestStatus).join(', ')}` })
  status?: OrganisationRequestStatus;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('4', { message: 'must be an organisation id' })
  organisationId?: string;
}

@InputType()
export class SetOrganisationEmailDomainInput {
  @Field(() => ID) @IsUUID('4', { message: 'must be an organisation id' })
  organisationId: string;

  @Field(() => String, { nullable: true, description: 'Like liverpool.gov.uk; null removes it.' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase().replace(/^@/, '') : value))
  @IsFQDN({ require_tld: true }, { message: 'must be a domain name like liverpool.gov.uk, without @ or https://' })
  @MaxLength(253)
  emailDomain?: string | null;
}
