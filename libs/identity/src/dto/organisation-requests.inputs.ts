import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsFQDN, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { Transform } from 'class-transformer';
import { says, trim } from '@app/core';
import { OrganisationKind } from '../entities/organisation.entity';
import { OrganisationRequestStatus } from '../entities/organisation-join-request.entity';

const MESSAGE = says('must be at most 1000 characters long', '최대 1000자까지 쓸 수 있습니다.');
const KIND = says(`must be one of ${Object.values(OrganisationKind).join(', ')}`, `다음 중 하나여야 합니다: ${Object.values(OrganisationKind).join(', ')}.`);

@InputType()
export class RequestOrganisationMembershipInput {
  @Field(() => ID) @IsUUID('4', says('must be an organisation id; find it with organisations(filter: { search })', '기관 ID여야 합니다. organisations(filter: { search })로 찾을 수 있습니다.'))
  organisationId: string;

  @Field({ nullable: true, description: 'A word for the members who decide: your role, your team.' })
  @IsOptional() @Transform(trim) @IsString() @MaxLength(1000, MESSAGE)
  message?: string;
}

@InputType()
export class RequestNewOrganisationInput {
  @Field() @Transform(trim) @IsString() @Length(2, 200, says('must be 2 to 200 characters long', '2~200자로 써 주세요.'))
  nameEn: string;

  @Field() @Transform(trim) @IsString() @Length(1, 200, says('must be 1 to 200 characters long', '1~200자로 써 주세요.'))
  nameKo: string;

  @Field(() => OrganisationKind) @IsEnum(OrganisationKind, KIND)
  kind: OrganisationKind;

  @Field() @Transform(trim) @IsString() @Length(1, 100, says('must be a city id, like liverpool or busan', 'liverpool이나 busan 같은 도시 ID여야 합니다.'))
  cityId: string;

  @Field({ nullable: true, description: 'A word for the admins who decide: what the organisation does, your role in it.' })
  @IsOptional() @Transform(trim) @IsString() @MaxLength(1000, MESSAGE)
  message?: string;
}

@InputType()
export class DecideOrganisationRequestInput {
  @Field(() => ID) @IsUUID('4', says('must be an organisation request id', '기관 요청 ID여야 합니다.'))
  id: string;

  @Field() @IsBoolean(says('must be true (approve) or false (decline)', 'true(승인) 또는 false(거절)여야 합니다.'))
  approve: boolean;

  @Field({ nullable: true, description: 'Why: required to decline, and emailed to the person who asked.' })
  @IsOptional() @Transform(trim) @IsString() @Length(1, 1000, says('must be 1 to 1000 characters long', '1~1000자로 써 주세요.'))
  reason?: string;
}

@InputType()
export class OrganisationRequestFilter {
  @Field(() => OrganisationRequestStatus, { nullable: true })
  @IsOptional() @IsEnum(OrganisationRequestStatus, says(`must be one of ${Object.values(OrganisationRequestStatus).join(', ')}`, `다음 중 하나여야 합니다: ${Object.values(OrganisationRequestStatus).join(', ')}.`))
  status?: OrganisationRequestStatus;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('4', says('must be an organisation id', '기관 ID여야 합니다.'))
  organisationId?: string;
}

@InputType()
export class SetOrganisationEmailDomainInput {
  @Field(() => ID) @IsUUID('4', says('must be an organisation id', '기관 ID여야 합니다.'))
  organisationId: string;

  @Field(() => String, { nullable: true, description: 'Like liverpool.gov.uk; null removes it.' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase().replace(/^@/, '') : value))
  @IsFQDN({ require_tld: true }, says('must be a domain name like liverpool.gov.uk, without @ or https://', '@나 https:// 없이 liverpool.gov.uk 같은 도메인 이름이어야 합니다.'))
  @MaxLength(253)
  emailDomain?: string | null;
}
