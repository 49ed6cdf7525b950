import { Field, ObjectType } from '@nestjs/graphql';
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

  @Field({ description: 'Short name of the zone then, e.g. GMT, BST or KST.' })
  zoneName: string;

  @Field({ description: 'The time written for a reader, in the language asked for.' })
  text: string;
}

/** A zone to render in, and the city it stands for. */
export interface ZoneOf {
  timeZone: string;
  cityId?: string | null;
}

const SHORT_NAMES: Record<string, string> = { 'Asia/Seoul': 'KST' };

/** Renders one instant in each zone given: ISO with offset, the offset, and a reader's text. */
export function renderInZones(at: Date, zones: readonly ZoneOf[], language: Language): LocalTime[] {
  return zones.map((zone) => {
    const local = DateTime.fromJSDate(at, { zone: zone.timeZone });
    const zoneName = SHORT_NAMES[zone.timeZone] ?? local.setLocale('en-GB').toFormat('ZZZZ');
    const text = local.setLocale(language === 'ko' ? 'ko-KR' : 'en-GB').toLocaleString(DateTime.DATETIME_MED_WITH_WEEKDAY);
    return Object.assign(new LocalTime(), {
      timeZone: zone.timeZone,
      cityId: zone.cityId ?? null,
      local: local.toISO({ suppressMilliseconds: true })!,
      utcOffset: local.toFormat('ZZ'),
      zoneName,
      text: `${text} ${zoneName}`,
    });
  });
}
