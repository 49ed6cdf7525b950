import { BadInputError } from '@app/core';
import { whenKo } from '../funding-words';

const DAY_MS = 86_400_000;

/**
 * A review's due date when the admin names none: two weeks after assignment.
 * Why two weeks: a review reads a whole application and scores every
 * criterion, beside a board member's day job, and the board sits in two
 * countries eight or nine hours apart, so a week leaves too few shared
 * working days; two weeks is two full working weeks in both zones and leaves
 * room for the three-day and one-day reminders before it. The call has no
 * date to anchor it: its close has passed for most applications by the time
 * eligibility is confirmed (and the close says nothing about the board's
 * pace), and a meeting's date is known only once the application is on its
 * agenda, after which no reviewer is assigned. An admin who knows the next
 * meeting passes `dueAt`, or moves it later with setReviewDueDate.
 */
export const REVIEW_DUE_DEFAULT_DAYS = 14;
/** The latest a due date may be set, from now: past a quarter of a year the date stops meaning anything to the reviewer. */
export const REVIEW_DUE_MAX_DAYS = 90;
/** Reviewers with a pending review are reminded this many days before it is due. */
export const REVIEW_REMINDER_DAYS = [3, 1] as const;

/** The due date for a review assigned or moved at `now`: the one asked for, checked, else the default. BAD_USER_INPUT on `dueAt` when out of bounds. */
export function reviewDueAt(now: Date, requested?: Date | null): Date {
  if (!requested) return new Date(now.getTime() + REVIEW_DUE_DEFAULT_DAYS * DAY_MS);
  if (requested.getTime() <= now.getTime()) throw BadInputError.field('dueAt', { en: `must be in the future (it is now ${now.toISOString()}).`, ko: `앞으로 올 시각이어야 합니다(지금은 ${whenKo(now)}).` });
  if (requested.getTime() > now.getTime() + REVIEW_DUE_MAX_DAYS * DAY_MS) {
    const latest = new Date(now.getTime() + REVIEW_DUE_MAX_DAYS * DAY_MS);
    throw BadInputError.field('dueAt', { en: `must be within ${REVIEW_DUE_MAX_DAYS} days from now (by ${latest.toISOString()}).`, ko: `지금부터 ${REVIEW_DUE_MAX_DAYS}일 안이어야 합니다(${whenKo(latest)}까지).` });
  }
  return requested;
}

/** Whether a review is overdue at `now`: still to be written (neither submitted nor withdrawn) and past its due date. */
export function isOverdue(review: { dueAt: Date; submittedAt: Date | null; withdrawnAt: Date | null }, now: Date): boolean {
  return !review.submittedAt && !review.withdrawnAt && review.dueAt.getTime() <= now.getTime();
}
