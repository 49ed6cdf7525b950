import { AppConfig, AuthUser, Bilingual, hasRole, Role } from '@app/core';
import type { EventEmailData } from './emails/events.emails';
import type { ProgrammeEvent } from './entities/programme-event.entity';

/**
 * Who sees and who runs an event:
 * - a published event (and one cancelled after publication) is public;
 * - a draft (or a draft cancelled before publication) is its organiser's and admins' only: NOT_FOUND for anyone else;
 * - its organiser (holding the EVENT_ORGANISER role) and admins edit, publish, cancel and see the registrations.
 */
export function isPublic(event: Pick<ProgrammeEvent, 'publishedAt'>): boolean {
  return event.publishedAt !== null;
}

export function canManage(user: AuthUser | null | undefined, event: Pick<ProgrammeEvent, 'organiserUserId'>): boolean {
  if (!user) return false;
  return hasRole(user, Role.ADMIN) || (hasRole(user, Role.EVENT_ORGANISER) && event.organiserUserId === user.id);
}

export function canSee(user: AuthUser | null | undefined, event: Pick<ProgrammeEvent, 'publishedAt' | 'organiserUserId'>): boolean {
  return isPublic(event) || canManage(user, event) || (!!user && event.organiserUserId === user.id);
}

export const titleOf = (event: Pick<ProgrammeEvent, 'titleEn' | 'titleKo'>): Bilingual => ({ en: event.titleEn, ko: event.titleKo });

export const eventUrl = (config: AppConfig, eventId: string) => `${config.PUBLIC_URL}/events/${eventId}`;
/** The event as an .ics file, for calendar apps (public once the event is published). */
export const calendarUrl = (config: AppConfig, eventId: string) => `${config.PUBLIC_URL}/events/${eventId}.ics`;

/** What every email about the event says; the joining link only for people holding a place. */
export function eventEmailData(config: AppConfig, event: ProgrammeEvent, withJoinUrl: boolean): EventEmailData {
  return {
    kind: event.kind,
    format: event.format,
    title: titleOf(event),
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    timeZone: event.timeZone,
    venue: event.venue,
    joinUrl: withJoinUrl ? event.joinUrl : null,
    url: eventUrl(config, event.id),
  };
}
