import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsString, IsUrl, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { HasSomeLanguage, LocalizedTextInput, LocalizedTitleInput, PageArgs, says, trim } from '@app/core';
import { IsTimeZone } from '@app/identity';
import { EventFollowScope } from '../entities/event-follow.entity';
import { RegistrationStatus } from '../entities/event-registration.entity';
import { EventFormat, EventKind, EventStatus } from '../entities/programme-event.entity';
import { EVENT_LIMITS } from '@app/rules';

const enumMessage = (e: object) => says(`must be one of ${Object.values(e).join(', ')}`, `다음 중 하나여야 합니다: ${Object.values(e).join(', ')}.`);
const INSTANT = (example: string) => says(`must be an instant such as ${example}`, `${example} 같은 시각이어야 합니다.`);
const URL = { protocols: ['https', 'http'], require_protocol: true, require_tld: false };
const SECTOR = says('must be a sector key of the shared taxonomy, e.g. hydrogen (see the sectors query)', '공통 분류의 분야 키여야 합니다(예: hydrogen, 목록은 sectors 쿼리).');
const trimOrNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);

@InputType()
export class CreateEventInput {
  @Field(() => EventKind) @IsEnum(EventKind, enumMessage(EventKind))
  kind: EventKind;

  @Field(() => EventFormat, { description: 'IN_PERSON needs a venue, ONLINE a joinUrl, HYBRID both.' }) @IsEnum(EventFormat, enumMessage(EventFormat))
  format: EventFormat;

  @Field(() => LocalizedTitleInput) @ValidateNested() @Type(() => LocalizedTitleInput) @HasSomeLanguage()
  title: LocalizedTitleInput;

  @Field(() => LocalizedTextInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => LocalizedTextInput)
  description?: LocalizedTextInput;

  @Field(() => String, { nullable: true, description: 'Where it takes place: needed in person and hybrid.' })
  @IsOptional() @Transform(trimOrNull) @IsString() @Length(1, EVENT_LIMITS.venue, says(`must be 1 to ${EVENT_LIMITS.venue} characters long`, `1~${EVENT_LIMITS.venue}자로 써 주세요.`))
  venue?: string | null;

  @Field(() => String, { nullable: true, description: 'The link people join with: needed online and hybrid. Shown only to people holding a place, the organiser and admins.' })
  @IsOptional() @Transform(trimOrNull) @IsUrl(URL, says('must be a web address starting with https://', 'https://로 시작하는 웹 주소여야 합니다.')) @MaxLength(2000)
  joinUrl?: string | null;

  @Field({ description: 'An instant in the future, e.g. 2027-06-03T18:00:00+09:00.' }) @Type(() => Date) @IsDate(INSTANT('2027-06-03T18:00:00+09:00'))
  startsAt: Date;

  @Field({ description: 'After startsAt.' }) @Type(() => Date) @IsDate(INSTANT('2027-06-03T20:00:00+09:00'))
  endsAt: Date;

  @Field({ description: 'The IANA zone it takes place in, e.g. Asia/Seoul or Europe/London.' }) @Transform(trim) @IsTimeZone()
  timeZone: string;

  @Field(() => ID, { nullable: true, description: 'The twin workspace it belongs to: its followers are told when it is published.' })
  @IsOptional() @IsUUID('4', says('must be a workspace id', '워크스페이스 ID여야 합니다.'))
  workspaceId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Sector keys of the shared taxonomy (see the sectors query), up to 10: their followers are told.' })
  @IsOptional() @IsArray() @ArrayMaxSize(EVENT_LIMITS.sectors) @ArrayUnique(says('lists a sector twice', '같은 분야가 두 번 들어 있습니다.')) @IsString({ each: true }) @MaxLength(60, { each: true })
  sectors?: string[];

  @Field(() => Int, { nullable: true, description: 'Places, 1 to 100000; null or left out for no limit.' })
  @IsOptional() @IsInt() @Min(1) @Max(EVENT_LIMITS.capacity)
  capacity?: number | null;

  @Field(() => Date, { nullable: true, description: 'Registration opens then; left out: as soon as it is published.' })
  @IsOptional() @Type(() => Date) @IsDate(INSTANT('2027-05-01T09:00:00+01:00'))
  registrationOpensAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Registration closes then (no later than the end); left out: when it starts.' })
  @IsOptional() @Type(() => Date) @IsDate(INSTANT('2027-06-02T17:00:00+09:00'))
  registrationClosesAt?: Date | null;
}

@InputType({
  description:
    'Fields left out stay as they are; null empties description, venue, joinUrl, workspaceId, capacity (no limit) and the registration times. A new start or end on a published event tells everyone registered or waiting, and moves the reminders.',
})
export class UpdateEventInput {
  @Field(() => ID) @IsUUID('4', says('must be an event id', '행사 ID여야 합니다.'))
  id: string;

  @Field(() => Int, { description: 'The version you read.' }) @IsInt() @Min(1)
  version: number;

  @Field(() => EventKind, { nullable: true }) @IsOptional() @IsEnum(EventKind, enumMessage(EventKind))
  kind?: EventKind;

  @Field(() => EventFormat, { nullable: true }) @IsOptional() @IsEnum(EventFormat, enumMessage(EventFormat))
  format?: EventFormat;

  @Field(() => LocalizedTitleInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => LocalizedTitleInput) @HasSomeLanguage()
  title?: LocalizedTitleInput;

  @Field(() => LocalizedTextInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => LocalizedTextInput)
  description?: LocalizedTextInput | null;

  @Field(() => String, { nullable: true })
  @IsOptional() @Transform(trimOrNull) @IsString() @Length(1, EVENT_LIMITS.venue, says(`must be 1 to ${EVENT_LIMITS.venue} characters long`, `1~${EVENT_LIMITS.venue}자로 써 주세요.`))
  venue?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional() @Transform(trimOrNull) @IsUrl(URL, says('must be a web address starting with https://', 'https://로 시작하는 웹 주소여야 합니다.')) @MaxLength(2000)
  joinUrl?: string | null;

  @Field(() => Date, { nullable: true }) @IsOptional() @Type(() => Date) @IsDate(INSTANT('2027-06-03T18:00:00+09:00'))
  startsAt?: Date;

  @Field(() => Date, { nullable: true }) @IsOptional() @Type(() => Date) @IsDate(INSTANT('2027-06-03T20:00:00+09:00'))
  endsAt?: Date;

  @Field(() => String, { nullable: true }) @IsOptional() @Transform(trim) @IsTimeZone()
  timeZone?: string;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('4', says('must be a workspace id', '워크스페이스 ID여야 합니다.'))
  workspaceId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Replaced whole; [] for none.' })
  @IsOptional() @IsArray() @ArrayMaxSize(EVENT_LIMITS.sectors) @ArrayUnique(says('lists a sector twice', '같은 분야가 두 번 들어 있습니다.')) @IsString({ each: true }) @MaxLength(60, { each: true })
  sectors?: string[];

  @Field(() => Int, { nullable: true, description: 'Not below the places already taken. Raising it gives the new places to the waiting list, in order.' })
  @IsOptional() @IsInt() @Min(1) @Max(EVENT_LIMITS.capacity)
  capacity?: number | null;

  @Field(() => Date, { nullable: true }) @IsOptional() @Type(() => Date) @IsDate(INSTANT('2027-05-01T09:00:00+01:00'))
  registrationOpensAt?: Date | null;

  @Field(() => Date, { nullable: true }) @IsOptional() @Type(() => Date) @IsDate(INSTANT('2027-06-02T17:00:00+09:00'))
  registrationClosesAt?: Date | null;
}

@InputType()
export class EventStepInput {
  @Field(() => ID) @IsUUID('4', says('must be an event id', '행사 ID여야 합니다.'))
  id: string;

  @Field(() => Int, { description: 'The version you read.' }) @IsInt() @Min(1)
  version: number;
}

@InputType()
export class CancelEventInput {
  @Field(() => ID) @IsUUID('4', says('must be an event id', '행사 ID여야 합니다.'))
  id: string;

  @Field(() => Int, { description: 'The version you read.' }) @IsInt() @Min(1)
  version: number;

  @Field({ description: 'Why: it is sent to everyone registered or waiting.' }) @Transform(trim) @Length(1, 2000, says('must be 1 to 2000 characters long: say why', '이유를 1~2000자로 써 주세요.'))
  reason: string;
}

@InputType()
export class EventFilter {
  @Field(() => EventKind, { nullable: true }) @IsOptional() @IsEnum(EventKind, enumMessage(EventKind))
  kind?: EventKind;

  @Field(() => String, { nullable: true, description: 'Events of this sector.' }) @IsOptional() @IsString() @Matches(/^[a-z0-9_]{1,60}$/, SECTOR)
  sector?: string;

  @Field(() => ID, { nullable: true, description: 'Events of this twin workspace.' }) @IsOptional() @IsUUID('4', says('must be a workspace id', '워크스페이스 ID여야 합니다.'))
  workspaceId?: string;

  @Field(() => Date, { nullable: true, description: 'Events still going on at or after this instant (ending after it).' })
  @IsOptional() @Type(() => Date) @IsDate(INSTANT('2027-01-01T00:00:00Z'))
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Events starting before this instant.' })
  @IsOptional() @Type(() => Date) @IsDate(INSTANT('2027-12-31T00:00:00Z'))
  to?: Date;

  @Field(() => String, { nullable: true, description: 'Words in the title, description or venue, either language.' }) @IsOptional() @IsString() @MaxLength(200)
  search?: string;

  @Field(() => [EventStatus], { nullable: true, description: 'Default: PUBLISHED only. DRAFT lists the drafts you may see (your own; all for admins); CANCELLED those cancelled after publication (and your own drafts cancelled).' })
  @IsOptional() @IsArray() @ArrayMaxSize(3) @IsEnum(EventStatus, { each: true, ...enumMessage(EventStatus) })
  statuses?: EventStatus[];

  @Field(() => Boolean, { nullable: true, description: 'True: only events you organise.' }) @IsOptional() @IsBoolean()
  mine?: boolean;
}

@InputType()
export class EventRegistrationInput {
  @Field(() => ID) @IsUUID('4', says('must be an event id', '행사 ID여야 합니다.'))
  eventId: string;
}

@InputType()
export class RegistrationFilter {
  @Field(() => [RegistrationStatus], { nullable: true, description: 'Default: REGISTERED and WAITLISTED.' })
  @IsOptional() @IsArray() @ArrayMaxSize(3) @IsEnum(RegistrationStatus, { each: true, ...enumMessage(RegistrationStatus) })
  statuses?: RegistrationStatus[];

  @Field(() => Boolean, { nullable: true, description: 'True: events not yet ended; false: past ones.' }) @IsOptional() @IsBoolean()
  upcoming?: boolean;
}

@InputType({ description: 'One follow: the PROGRAMME (no key), a SECTOR (sector) or a WORKSPACE (workspaceId).' })
export class EventFollowInput {
  @Field(() => EventFollowScope) @IsEnum(EventFollowScope, enumMessage(EventFollowScope))
  scope: EventFollowScope;

  @Field(() => String, { nullable: true, description: 'For SECTOR: a sector key, e.g. hydrogen.' }) @IsOptional() @Transform(trim) @Matches(/^[a-z0-9_]{1,60}$/, SECTOR)
  sector?: string;

  @Field(() => ID, { nullable: true, description: 'For WORKSPACE: the twin workspace.' }) @IsOptional() @IsUUID('4', says('must be a workspace id', '워크스페이스 ID여야 합니다.'))
  workspaceId?: string;
}

/** A page of events and what to keep. */
@ArgsType()
export class EventListArgs extends PageArgs {
  @Field(() => EventFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => EventFilter)
  filter?: EventFilter;
}

/** A page of registrations and which to keep. */
@ArgsType()
export class RegistrationListArgs extends PageArgs {
  @Field(() => RegistrationFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => RegistrationFilter)
  filter?: RegistrationFilter;
}
