import { isOverdue, REVIEW_DUE_DEFAULT_DAYS, REVIEW_DUE_MAX_DAYS, reviewDueAt } from './review-due';

const DAY = 86_400_000;
const now = new Date('2027-03-01T09:00:00Z');

describe('reviewDueAt', () => {
  it('defaults to two weeks after assignment', () => {
    expect(REVIEW_DUE_DEFAULT_DAYS).toBe(14);
    expect(reviewDueAt(now)).toEqual(new Date(now.getTime() + 14 * DAY));
    expect(reviewDueAt(now, null)).toEqual(new Date(now.getTime() + 14 * DAY));
  });

  it('takes a date in the future up to the bound', () => {
    const soon = new Date(now.getTime() + 60_000);
    expect(reviewDueAt(now, soon)).toBe(soon);
    const last = new Date(now.getTime() + REVIEW_DUE_MAX_DAYS * DAY);
    expect(reviewDueAt(now, last)).toBe(last);
  });

  it('refuses now, the past and beyond the bound, naming dueAt', () => {
    for (const bad of [now, new Date(now.getTime() - DAY), new Date(now.getTime() + REVIEW_DUE_MAX_DAYS * DAY + 1)]) {
      expect(() => reviewDueAt(now, bad)).toThrow(/^dueAt: must be/);
    }
  });
});

describe('isOverdue', () => {
  const due = new Date(now.getTime() + DAY);
  it('is true only for a pending review past its date', () => {
    expect(isOverdue({ dueAt: due, submittedAt: null, withdrawnAt: null }, now)).toBe(false);
    expect(isOverdue({ dueAt: due, submittedAt: null, withdrawnAt: null }, new Date(due.getTime() + 1))).toBe(true);
    expect(isOverdue({ dueAt: due, submittedAt: now, withdrawnAt: null }, new Date(due.getTime() + 1))).toBe(false);
    expect(isOverdue({ dueAt: due, submittedAt: null, withdrawnAt: now }, new Date(due.getTime() + 1))).toBe(false);
  });
});
