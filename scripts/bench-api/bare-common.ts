import { formatInstant, utcOffset, zoneAbbreviation, zoneName } from '@app/rules';
import { DateTime } from 'luxon';
import { BareContext, loader, rows } from './bare-context';

/**
 * What several of the baseline's resolvers share, as the platform's libs/core
 * and libs/identity do it (LocalizedText.of, renderInZones, usersById, nameIn):
 * those files sit beside Nest's decorators, so the few lines are here.
 */
export type Language = 'en' | 'ko';

export function localized(text: { en?: string | null; ko?: string | null } | null | undefined) {
  const en = text?.en || null;
  const ko = text?.ko || null;
  return { en, ko, languages: (['en', 'ko'] as const).filter((l) => !!text?.[l]) };
}

export interface ZoneOf {
  timeZone: string;
  cityId?: string | null;
}

/** An instant in each zone, every field computed as the platform computes it (whatever the query selects). */
export function renderInZones(at: Date, zones: readonly ZoneOf[], language: Language) {
  return zones.map((zone) => ({
    timeZone: zone.timeZone,
    cityId: zone.cityId ?? null,
    local: DateTime.fromJSDate(at, { zone: zone.timeZone }).toISO({ suppressMilliseconds: true })!,
    utcOffset: utcOffset(zone.timeZone, at),
    zoneName: zoneAbbreviation(zone.timeZone, at) ?? zoneName(zone.timeZone, at, language),
    text: formatInstant(at, zone.timeZone, language),
  }));
}

export interface UserRow {
  id: string;
  email: string;
  displayName: string;
  nameEn: string | null;
  nameKo: string | null;
  preferredLanguage: string;
  timeZone: string;
  emailConfirmedAt: Date | null;
  disabledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const USER_COLUMNS =
  'SELECT "User"."id" AS "User_id", "User"."email" AS "User_email", "User"."display_name" AS "User_display_name", "User"."name_en" AS "User_name_en", "User"."name_ko" AS "User_name_ko", "User"."preferred_language" AS "User_preferred_language", "User"."time_zone" AS "User_time_zone", "User"."email_confirmed_at" AS "User_email_confirmed_at", "User"."disabled_at" AS "User_disabled_at", "User"."created_at" AS "User_created_at", "User"."updated_at" AS "User_updated_at" FROM "user_account" "User"';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The request's batched read of accounts by id (identity's usersById through UsersService.loader). */
export function userLoader(ctx: BareContext) {
  return loader<string, UserRow | undefined>(ctx, 'identity.userById', async (ids) => {
    const wanted = [...new Set(ids.filter((id) => UUID.test(id)))];
    if (!wanted.length) return ids.map(() => undefined);
    const placeholders = wanted.map((_, i) => `$${i + 1}`).join(', ');
    const found = (await rows(ctx, `${USER_COLUMNS} WHERE (("User"."id" IN (${placeholders})))`, wanted)).map((r) => ({
      id: r.User_id as string,
      email: r.User_email as string,
      displayName: r.User_display_name as string,
      nameEn: r.User_name_en as string | null,
      nameKo: r.User_name_ko as string | null,
      preferredLanguage: r.User_preferred_language as string,
      timeZone: r.User_time_zone as string,
      emailConfirmedAt: r.User_email_confirmed_at as Date | null,
      disabledAt: r.User_disabled_at as Date | null,
      createdAt: r.User_created_at as Date,
      updatedAt: r.User_updated_at as Date,
    }));
    return ids.map((id) => found.find((u) => u.id === id));
  });
}

/** The person's name as pages in `language` write it. */
export function nameIn(person: { displayName: string; nameEn?: string | null; nameKo?: string | null }, language: Language): string {
  return (language === 'ko' ? person.nameKo : person.nameEn) || person.displayName;
}

export const hasRole = (ctx: BareContext, role: string) => !!ctx.user && ctx.user.roles.includes(role);
