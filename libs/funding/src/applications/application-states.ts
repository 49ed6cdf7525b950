import { ConflictError } from '@app/core';
import { APPROVING, ApplicationStatus as S, DecisionOutcome } from './application.enums';
import { statusKo } from '../funding-words';

/** Everything that moves an application, the states it may start from, and where it goes. */
export const APPLICATION_ACTIONS = {
  submit: { from: [S.DRAFT], to: S.SUBMITTED, words: 'submitted', ko: '제출' },
  returnToApplicant: { from: [S.SUBMITTED], to: S.DRAFT, words: 'returned to its applicants', ko: '신청자에게 반려' },
  confirmEligibility: { from: [S.SUBMITTED], to: S.ELIGIBILITY_CHECKED, words: 'confirmed eligible', ko: '자격 확인' },
  startReview: { from: [S.ELIGIBILITY_CHECKED], to: S.UNDER_REVIEW, words: 'put under review', ko: '심사 시작' },
  decide: { from: [S.UNDER_REVIEW], to: S.DECIDED, words: 'decided', ko: '결정' },
  redecide: { from: [S.DECIDED, S.AWARD_ACCEPTED, S.IN_DELIVERY], to: S.DECIDED, words: 'decided again (a superseding decision)', ko: '재결정(이전 결정을 대신하는 결정)' },
  acceptAward: { from: [S.DECIDED], to: S.AWARD_ACCEPTED, words: 'accepted', ko: '지원 수락' },
  declineAward: { from: [S.DECIDED, S.AWARD_ACCEPTED], to: S.CLOSED, words: 'declined', ko: '지원 사양' },
  startDelivery: { from: [S.AWARD_ACCEPTED], to: S.IN_DELIVERY, words: 'put in delivery', ko: '사업 수행 시작' },
  closeAward: { from: [S.IN_DELIVERY], to: S.CLOSED, words: 'closed', ko: '지원 마감' },
  withdraw: { from: [S.DRAFT, S.SUBMITTED, S.ELIGIBILITY_CHECKED, S.UNDER_REVIEW], to: S.WITHDRAWN, words: 'withdrawn', ko: '철회' },
} as const satisfies Record<string, { from: readonly S[]; to: S; words: string; ko: string }>;

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
    ? { en: `From ${status} it can only be ${allowed.map((a) => APPLICATION_ACTIONS[a].words).join(', or ')}.`, ko: `이 상태에서는 ${allowed.map((a) => APPLICATION_ACTIONS[a].ko).join(' 또는 ')}만 할 수 있습니다.` }
    : { en: `${status} is final: nothing more can happen to it.`, ko: '최종 상태라 더 이상 바뀔 수 없습니다.' };
  throw new ConflictError({ en: `This application is ${status}, so it cannot be ${rule.words}. ${instead.en}`, ko: `이 신청서는 ${statusKo(status)}이므로 ${rule.ko}할 수 없습니다. ${instead.ko}` }, {
    reason: 'ILLEGAL_TRANSITION',
    status,
    attempted: action,
    allowed,
  });
}
