import type { FieldProblem, Words } from '@app/core';
import { eventShapeRules, formatInstant, type EventShapeRule } from '@app/rules';
import { EventFormat } from './entities/programme-event.entity';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** What an event's dates, place and registration window must satisfy, whoever writes them. */
export interface EventShape {
  format: EventFormat;
  venue: string | null;
  joinUrl: string | null;
  startsAt: Date;
  endsAt: Date;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
}

/**
 * Every problem with an event as it would stand after a create or an update,
 * by input field. `startsAtChanged` is false for an update that leaves the
 * start alone: an event that has begun may still get a new description.
 */
export function eventShapeProblems(shape: EventShape, now: Date, startsAtChanged: boolean, timeZone = 'UTC'): FieldProblem[] {
  const time = (d: Date | null) => (d ? d.getTime() : null);
  const closes = shape.registrationClosesAt ?? shape.startsAt;
  const [en, ko] = [(d: Date) => formatInstant(d, timeZone, 'en'), (d: Date) => formatInstant(d, timeZone, 'ko')];
  const hybrid = shape.format === EventFormat.HYBRID;
  // The rules are the ones the organiser's form checks (libs/rules); the words are the API's.
  const message: Record<EventShapeRule, () => Words> = {
    endBeforeStart: () => ({
      en: `must be after the start (${en(shape.startsAt)}): the event cannot end before it starts.`,
      ko: `시작 시각(${ko(shape.startsAt)})보다 뒤여야 합니다. 행사가 시작하기 전에 끝날 수는 없습니다.`,
    }),
    startPast: () => ({ en: `must be in the future (it is now ${en(now)}).`, ko: `앞으로 올 시각이어야 합니다(지금은 ${ko(now)}).` }),
    venueNeeded: () => ({
      en: `is needed for ${hybrid ? 'a hybrid' : 'an in-person'} event: say where it takes place.`,
      ko: `${hybrid ? '현장·온라인 병행' : '현장 진행'} 행사에는 장소가 필요합니다. 어디에서 열리는지 써 주세요.`,
    }),
    joinUrlNeeded: () => ({
      en: `is needed for ${hybrid ? 'a hybrid' : 'an online'} event: give the link people join with.`,
      ko: `${hybrid ? '현장·온라인 병행' : '온라인'} 행사에는 참여 링크가 필요합니다. 참가자가 접속할 링크를 넣어 주세요.`,
    }),
    closesAfterEnd: () => ({
      en: `must be no later than the end of the event (${en(shape.endsAt)}).`,
      ko: `행사가 끝나는 시각(${ko(shape.endsAt)})보다 늦을 수 없습니다.`,
    }),
    opensAfterCloses: () => ({ en: `must be before registration closes (${en(closes)}).`, ko: `참가 신청 마감(${ko(closes)}) 전이어야 합니다.` }),
    opensAfterStart: () => ({
      en: `must be before the event starts (${en(closes)}), when registration closes.`,
      ko: `참가 신청이 마감되는 행사 시작 시각(${ko(closes)}) 전이어야 합니다.`,
    }),
  };
  const rules = eventShapeRules(
    { ...shape, startsAt: shape.startsAt.getTime(), endsAt: shape.endsAt.getTime(), registrationOpensAt: time(shape.registrationOpensAt), registrationClosesAt: time(shape.registrationClosesAt) },
    now.getTime(),
    startsAtChanged,
  );
  return rules.map(({ field, rule }) => ({ field, message: message[rule]() }));
}

export type RegistrationWindowState = 'NOT_OPEN' | 'OPEN' | 'CLOSED';

/** Registration opens at registrationOpensAt (or on publication) and closes at registrationClosesAt (or at the start). */
export function registrationWindow(event: { registrationOpensAt: Date | null; registrationClosesAt: Date | null; startsAt: Date }): { opensAt: Date | null; closesAt: Date } {
  return { opensAt: event.registrationOpensAt, closesAt: event.registrationClosesAt ?? event.startsAt };
}

export function registrationState(event: { registrationOpensAt: Date | null; registrationClosesAt: Date | null; startsAt: Date }, now: Date): RegistrationWindowState {
  const { opensAt, closesAt } = registrationWindow(event);
  if (opensAt && now.getTime() < opensAt.getTime()) return 'NOT_OPEN';
  if (now.getTime() >= closesAt.getTime()) return 'CLOSED';
  return 'OPEN';
}

export type ReminderKind = 'DAY' | 'HOUR';

/** The reminders: one day and one hour before the start. */
export const REMINDERS: ReadonlyArray<{ kind: ReminderKind; beforeMs: number }> = [
  { kind: 'DAY', beforeMs: DAY_MS },
  { kind: 'HOUR', beforeMs: HOUR_MS },
];

/**
 * Which reminder is due now for someone holding a place since `since`: the
 * nearest whose moment has come (within the hour, the one-hour reminder and
 * not the one-day one as well). None once the event has started, and none
 * whose moment passed before the person had their place: they have just been
 * told (by registering, or by the promotion email).
 */
export function dueReminder(startsAt: Date, now: Date, since: Date): ReminderKind | null {
  const left = startsAt.getTime() - now.getTime();
  if (left <= 0) return null;
  const due = [...REMINDERS].sort((a, b) => a.beforeMs - b.beforeMs).find((r) => left <= r.beforeMs);
  if (!due) return null;
  const moment = startsAt.getTime() - due.beforeMs;
  return since.getTime() < moment ? due.kind : null;
}
