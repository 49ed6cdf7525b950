import { TEXT_LIMITS } from './text';

/**
 * An event's rules that the organiser's form checks as it is typed and the
 * API checks on every create and update: the same function on both sides.
 */

/** Lengths and counts the API's event inputs allow. */
export const EVENT_LIMITS = { title: TEXT_LIMITS.title, description: TEXT_LIMITS.text, venue: 500, capacity: 100_000, sectors: 10 } as const;

/**
 * What an event's dates, place and registration window must satisfy, whoever
 * writes them (instants in ms). A start or end not given yet (a form half
 * filled in) is null: the rules that compare with it wait for it.
 */
export interface EventShapeInput {
  /** IN_PERSON needs a venue, ONLINE a joining link, HYBRID both. */
  format: string;
  venue: string | null;
  joinUrl: string | null;
  startsAt: number | null;
  endsAt: number | null;
  registrationOpensAt: number | null;
  registrationClosesAt: number | null;
}

export type EventShapeField = 'endsAt' | 'startsAt' | 'venue' | 'joinUrl' | 'registrationClosesAt' | 'registrationOpensAt';
export type EventShapeRule = 'endBeforeStart' | 'startPast' | 'venueNeeded' | 'joinUrlNeeded' | 'closesAfterEnd' | 'opensAfterCloses' | 'opensAfterStart';

/**
 * Every rule the event breaks as it would stand after a create or an update,
 * by input field, in the order the API reports them. `startsAtChanged` is
 * false for an update that leaves the start alone: an event that has begun
 * may still get a new description.
 */
export function eventShapeRules(shape: EventShapeInput, now: number, startsAtChanged: boolean): Array<{ field: EventShapeField; rule: EventShapeRule }> {
  const broken: Array<{ field: EventShapeField; rule: EventShapeRule }> = [];
  const { startsAt, endsAt } = shape;
  if (endsAt !== null && startsAt !== null && endsAt <= startsAt) broken.push({ field: 'endsAt', rule: 'endBeforeStart' });
  if (startsAtChanged && startsAt !== null && startsAt <= now) broken.push({ field: 'startsAt', rule: 'startPast' });
  if (shape.format !== 'ONLINE' && !shape.venue) broken.push({ field: 'venue', rule: 'venueNeeded' });
  if (shape.format !== 'IN_PERSON' && !shape.joinUrl) broken.push({ field: 'joinUrl', rule: 'joinUrlNeeded' });
  const closes = shape.registrationClosesAt ?? startsAt;
  if (shape.registrationClosesAt !== null && endsAt !== null && shape.registrationClosesAt > endsAt) broken.push({ field: 'registrationClosesAt', rule: 'closesAfterEnd' });
  if (shape.registrationOpensAt !== null && closes !== null && shape.registrationOpensAt >= closes) {
    broken.push({ field: 'registrationOpensAt', rule: shape.registrationClosesAt !== null ? 'opensAfterCloses' : 'opensAfterStart' });
  }
  return broken;
}
