import { Field, ObjectType } from '@nestjs/graphql';
import { formatInstant, utcOffset, zoneAbbreviation, zoneName } from '@app/rules';
import { DateTime } from 'luxon';
import { Allow } from '../auth/allow.decorator';
import { Language } from '../auth/roles';

@ObjectType({ description: 'An instant as the clocks of one place read it.' })
@Allow('PUBLIC')
export class LocalTime {
  @Field({ description: 'IANA time zone, e.g. Europe/London.' })
  timeZone: string;

  @Field(() => String, { nullable: true, description: 'The city whose zone this is, when it is one of a pair.' })
  cityId: string | null;

  @Field({ description: 'ISO 8601 local date and time with its UTC offset, e.g. 2026-03-29T02:30:00+01:00.' })
  local: string;

  @Field({ description: 'The UTC offset then, e.g. +01:00 (British Summer Time) or +09:00.' })
  utcOffset: string;

  @Field({ description: 'Short name of the zone then: KST, GMT or BST (UTC); for any other zone its city’s time in the language asked, e.g. Paris time or 파리 시간.' })
  zoneName: string;

  @Field({ description: 'The time written for a reader, in the language asked for, the zone named: Sun 29 Mar 2026, 15:00 BST; 2026년 3월 29일 (일) 오후 11:00 (한국 시간).' })
  text: string;
}

/** A zone to render in, and the city it stands for. */
export interface ZoneOf {
  timeZone: string;
  cityId?: string | null;
}

/** Renders one instant in each zone given: ISO with offset, the offset, the zone's name and a reader's text. */
export function renderInZones(at: Date, zones: readonly ZoneOf[], language: Language): LocalTime[] {
  return zones.map((zone) =>
    Object.assign(new LocalTime(), {
      timeZone: zone.timeZone,
      cityId: zone.cityId ?? null,
      local: DateTime.fromJSDate(at, { zone: zone.timeZone }).toISO({ suppressMilliseconds: true })!,
      utcOffset: utcOffset(zone.timeZone, at),
      zoneName: zoneAbbreviation(zone.timeZone, at) ?? zoneName(zone.timeZone, at, language),
      text: formatInstant(at, zone.timeZone, language),
    }),
  );
}
