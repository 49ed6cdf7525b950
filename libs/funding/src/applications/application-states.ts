import { ConflictError } from '@app/core';
import { APPROVING, ApplicationStatus as S, DecisionOutcome } from './application.enums';

/** Everything that moves an application, the states it may start from, and where it goes. */
export const APPLICATION_ACTIONS = {
  submit: { from: [S.DRAFT], to: S.SUBMITTED, words: 'submitted' },
  returnToApplicant: { from: [S.SUBMITTED], to: S.DRAFT, words: 'returned to its applicants' },
  confirmEligibility: { from: [S.SUBMITTED], to: S.ELIGIBILITY_CHECKED, words: 'confirmed eligible' },
  startReview: { from: [S.ELIGIBILITY_CHECKED], to: S.UNDER_REVIEW, words: 'put under review' },
  decide: { from: [S.UNDER_REVIEW], to: S.DECIDED, words: 'decided' },
  redecide: { from: [S.DECIDED, S.AWARD_ACCEPTED, S.IN_DELIVERY], to: S.DECIDED, words: 'decided again (a superseding decision)' },
  acceptAward: { from: [S.DECIDED], to: S.AWARD_ACCEPTED, words: 'accepted' },
  declineAward: { from: [S.DECIDED, S.AWARD_ACCEPTED], to: S.CLOSED, words: 'declined' },
  startDelivery: { from: [S.AWARD_ACCEPTED], to: S.IN_DELIVERY, words: 'put in delivery' },
  closeAward: { from: [S.IN_DELIVERY], to: S.CLOSED, words: 'closed' },
  withdraw: { from: [S.DRAFT, S.SUBMITTED, S.ELIGIBILITY_CHECKED, S.UNDER_REVIEW], to: S.WITHDRAWN, words: 'withdrawn' },
} as const satisfies Record<string, { from: readonly S[]; to: S; words: string }>;

export type ApplicationAction = keyof typeof APPLICATION_ACTIONS;

/** The actions open to an application in a status, in the order above. */
export function actionsFrom(status: S): ApplicationAction[] {
  return (Object.keys(APPLICATION_ACTIONS) as ApplicationAction[]).filter((action) => (APPLICATION_ACTIONS[action].from as readonly S[]).includes(status));
}

/**
 * The actions open to an application once its decision's outcome is known too:
 * only an approval can be accepted or declined, and a deferred application
 * (nothing decided on its money) may still be withdrawn.
 */
export function actionsFor(status: S, outcome: DecisionOutcome | null | undefined): ApplicationAction[] {
  const approved = !!outcome && APPROVING.includes(outcome);
  const actions = actionsFrom(status).filter((action) => (action === 'acceptAward' || action === 'declineAward' ? approved : true));
  if (status === S.DECIDED && outcome === DecisionOutcome.DEFERRED) actions.push('withdraw');
  return actions;
}

/**
 * The status an action leads to, or CONFLICT (reason ILLEGAL_TRANSITION) saying
 * what may be done from here instead. Given the outcome of the current
 * decision, the rules of `actionsFor` apply as well.
 */
export function requireTransition(status: S, action: ApplicationAction, outcome?: DecisionOutcome | null): S {
  const rule = APPLICATION_ACTIONS[action];
  const allowed = outcome === undefined ? actionsFrom(status) : actionsFor(status, outcome);
  if (allowed.includes(action)) return rule.to;
  const instead = allowed.length
    ? `From ${status} it can only be ${allowed.map((a) => APPLICATION_ACTIONS[a].words).join(', or ')}.`
    : `${status} is final: nothing more can happen to it.`;
  throw new ConflictError(`This application is ${status}, so it cannot be ${rule.words}. ${instead}`, {
    reason: 'ILLEGAL_TRANSITION',
    status,
    attempted: action,
    allowed,
  });
}
