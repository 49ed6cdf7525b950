import { ConflictError } from '@app/core';
import { APPLICATION_ACTIONS, ApplicationAction, actionsFor, actionsFrom, requireTransition } from './application-states';
import { ApplicationStatus as S, DecisionOutcome as O } from './application.enums';

const ALL_STATUSES = Object.values(S);
const ALL_ACTIONS = Object.keys(APPLICATION_ACTIONS) as ApplicationAction[];

/** The lifecycle written out by hand, independently of the table under test: status → action → target. */
const LEGAL: Record<S, Partial<Record<ApplicationAction, S>>> = {
  [S.DRAFT]: { submit: S.SUBMITTED, withdraw: S.WITHDRAWN },
  [S.SUBMITTED]: { returnToApplicant: S.DRAFT, confirmEligibility: S.ELIGIBILITY_CHECKED, withdraw: S.WITHDRAWN },
  [S.ELIGIBILITY_CHECKED]: { startReview: S.UNDER_REVIEW, withdraw: S.WITHDRAWN },
  [S.UNDER_REVIEW]: { decide: S.DECIDED, withdraw: S.WITHDRAWN },
  [S.DECIDED]: { redecide: S.DECIDED, acceptAward: S.AWARD_ACCEPTED, declineAward: S.CLOSED },
  [S.AWARD_ACCEPTED]: { redecide: S.DECIDED, declineAward: S.CLOSED, startDelivery: S.IN_DELIVERY },
  [S.IN_DELIVERY]: { redecide: S.DECIDED, closeAward: S.CLOSED },
  [S.CLOSED]: {},
  [S.WITHDRAWN]: {},
};

function conflictOf(status: S, action: ApplicationAction): ConflictError {
  try {
    requireTransition(status, action);
  } catch (error) {
    return error as ConflictError;
  }
  throw new Error(`requireTransition(${status}, ${action}) did not throw`);
}

describe('application states', () => {
  it('knows exactly these actions and statuses', () => {
    expect(ALL_ACTIONS.sort()).toEqual(
      ['acceptAward', 'closeAward', 'confirmEligibility', 'declineAward', 'decide', 'redecide', 'returnToApplicant', 'startDelivery', 'startReview', 'submit', 'withdraw'].sort(),
    );
    expect(ALL_STATUSES).toHaveLength(9);
  });

  describe.each(ALL_STATUSES)('from %s', (status) => {
    it('offers exactly the expected actions', () => {
      expect(actionsFrom(status).sort()).toEqual((Object.keys(LEGAL[status]) as ApplicationAction[]).sort());
    });

    it.each(ALL_ACTIONS)('handles %s', (action) => {
      const target = LEGAL[status][action];
      if (target !== undefined) {
        expect(requireTransition(status, action)).toBe(target);
        return;
      }
      expect(() => requireTransition(status, action)).toThrow(ConflictError);
      const error = conflictOf(status, action);
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.extensions.code).toBe('CONFLICT');
      expect(error.extensions.reason).toBe('ILLEGAL_TRANSITION');
      expect(error.extensions.status).toBe(status);
      expect(error.extensions.attempted).toBe(action);
      expect(error.extensions.allowed).toEqual(actionsFrom(status));
      expect(error.message).toContain(`This application is ${status}, so it cannot be ${APPLICATION_ACTIONS[action].words}.`);
      for (const allowed of actionsFrom(status)) expect(error.message).toContain(APPLICATION_ACTIONS[allowed].words);
    });
  });

  it('covers every (status, action) pair: legal ones move, every other one is a conflict', () => {
    let legal = 0;
    let illegal = 0;
    for (const status of ALL_STATUSES) {
      for (const action of ALL_ACTIONS) {
        if (LEGAL[status][action] !== undefined) {
          expect(requireTransition(status, action)).toBe(LEGAL[status][action]);
          legal++;
        } else {
          expect(conflictOf(status, action).extensions.reason).toBe('ILLEGAL_TRANSITION');
          illegal++;
        }
      }
    }
    expect(legal).toBe(17);
    expect(legal + illegal).toBe(ALL_STATUSES.length * ALL_ACTIONS.length);
  });

  it('agrees with the APPLICATION_ACTIONS table for every legal pair', () => {
    for (const action of ALL_ACTIONS) {
      for (const from of APPLICATION_ACTIONS[action].from) {
        expect(requireTransition(from, action)).toBe(APPLICATION_ACTIONS[action].to);
      }
    }
  });

  it('names the allowed steps in the message', () => {
    const error = conflictOf(S.DRAFT, 'decide');
    expect(error.message).toBe('This application is DRAFT, so it cannot be decided. From DRAFT it can only be submitted, or withdrawn.');
    expect(error.extensions.allowed).toEqual(['submit', 'withdraw']);
    expect(error.words.ko).toBe('이 신청서는 ‘작성 중’ 상태이므로 결정할 수 없습니다. 이 상태에서는 제출 또는 철회만 할 수 있습니다.');

    const fromSubmitted = conflictOf(S.SUBMITTED, 'submit');
    expect(fromSubmitted.message).toContain('From SUBMITTED it can only be returned to its applicants, or confirmed eligible, or withdrawn.');
  });

  it.each([S.CLOSED, S.WITHDRAWN])('treats %s as final: no actions, and says so', (status) => {
    expect(actionsFrom(status)).toEqual([]);
    for (const action of ALL_ACTIONS) {
      const error = conflictOf(status, action);
      expect(error.extensions.allowed).toEqual([]);
      expect(error.message).toContain(`${status} is final: nothing more can happen to it.`);
      expect(error.message).not.toContain('it can only be');
    }
  });

  it('allows withdraw exactly from DRAFT, SUBMITTED, ELIGIBILITY_CHECKED and UNDER_REVIEW', () => {
    const withdrawable = ALL_STATUSES.filter((status) => actionsFrom(status).includes('withdraw'));
    expect(withdrawable.sort()).toEqual([S.DRAFT, S.SUBMITTED, S.ELIGIBILITY_CHECKED, S.UNDER_REVIEW].sort());
    for (const status of withdrawable) expect(requireTransition(status, 'withdraw')).toBe(S.WITHDRAWN);
    for (const status of ALL_STATUSES.filter((s) => !withdrawable.includes(s))) {
      expect(() => requireTransition(status, 'withdraw')).toThrow(ConflictError);
    }
  });

  describe('with the outcome of the current decision', () => {
    it('only an approval can be accepted or declined', () => {
      expect(actionsFor(S.DECIDED, O.APPROVED)).toEqual(['redecide', 'acceptAward', 'declineAward']);
      expect(actionsFor(S.DECIDED, O.APPROVED_WITH_CONDITIONS)).toEqual(['redecide', 'acceptAward', 'declineAward']);
      expect(actionsFor(S.DECIDED, O.REJECTED)).toEqual(['redecide']);
      const refused = (() => {
        try {
          requireTransition(S.DECIDED, 'acceptAward', O.REJECTED);
        } catch (error) {
          return error as ConflictError;
        }
        throw new Error('accepting a rejection did not throw');
      })();
      expect(refused.extensions).toMatchObject({ reason: 'ILLEGAL_TRANSITION', allowed: ['redecide'] });
      expect(refused.message).toBe('This application is DECIDED, so it cannot be accepted. From DECIDED it can only be decided again (a superseding decision).');
    });

    it('a deferred application may still be withdrawn; a decided one may not', () => {
      expect(actionsFor(S.DECIDED, O.DEFERRED)).toEqual(['redecide', 'withdraw']);
      expect(requireTransition(S.DECIDED, 'withdraw', O.DEFERRED)).toBe(S.WITHDRAWN);
      for (const outcome of [O.APPROVED, O.APPROVED_WITH_CONDITIONS, O.REJECTED]) {
        expect(() => requireTransition(S.DECIDED, 'withdraw', outcome)).toThrow(ConflictError);
      }
    });

    it('before any decision the outcome changes nothing', () => {
      for (const status of [S.DRAFT, S.SUBMITTED, S.ELIGIBILITY_CHECKED, S.UNDER_REVIEW]) expect(actionsFor(status, null)).toEqual(actionsFrom(status));
    });
  });
});
