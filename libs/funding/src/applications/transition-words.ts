import type { Words } from '@app/core';
import { ApplicationStatus as S, DecisionOutcome } from './application.enums';
import { OUTCOME_KO } from '../funding-words';

/** What a history entry records besides its statuses: how many reviewers were assigned, which outcome the board decided. */
export interface TransitionFacts {
  reviewers?: number;
  outcome?: DecisionOutcome;
}

const OUTCOME_EN: Record<DecisionOutcome, string> = {
  [DecisionOutcome.APPROVED]: 'approved',
  [DecisionOutcome.APPROVED_WITH_CONDITIONS]: 'approved with conditions',
  [DecisionOutcome.REJECTED]: 'rejected',
  [DecisionOutcome.DEFERRED]: 'deferred',
};

/**
 * What happened at a step of an application's history, in English and in
 * Korean, from the step itself (its statuses, the counts it recorded): the
 * platform's own words, never stored as text. A person's own words are the
 * step's reason, kept as they typed them.
 */
export function transitionWords(step: { fromStatus: S | null; toStatus: S; facts?: TransitionFacts | null }): Words {
  const { fromStatus: from, toStatus: to } = step;
  const facts = step.facts ?? {};
  switch (to) {
    case S.DRAFT:
      return from ? { en: 'Returned to its applicants.', ko: '신청자에게 돌려보냈습니다.' } : { en: 'Application started.', ko: '신청서 작성을 시작했습니다.' };
    case S.SUBMITTED:
      return { en: 'Submitted.', ko: '제출했습니다.' };
    case S.ELIGIBILITY_CHECKED:
      return { en: 'Eligibility confirmed.', ko: '지원 자격을 확인했습니다.' };
    case S.UNDER_REVIEW:
      return facts.reviewers
        ? { en: `${facts.reviewers} ${facts.reviewers === 1 ? 'reviewer' : 'reviewers'} assigned.`, ko: `심사위원 ${facts.reviewers}명을 배정했습니다.` }
        : { en: 'Review started.', ko: '심사를 시작했습니다.' };
    case S.DECIDED: {
      const outcome = facts.outcome ? { en: OUTCOME_EN[facts.outcome], ko: OUTCOME_KO[facts.outcome] } : null;
      if (from !== S.UNDER_REVIEW) {
        return outcome
          ? { en: `The board decided again, superseding its earlier decision: ${outcome.en}.`, ko: `심사위원회가 이전 결정을 대신하는 새 결정을 내렸습니다: ${outcome.ko}.` }
          : { en: 'The board decided again, superseding its earlier decision.', ko: '심사위원회가 이전 결정을 대신하는 새 결정을 내렸습니다.' };
      }
      return outcome ? { en: `The board decided: ${outcome.en}.`, ko: `심사위원회가 결정했습니다: ${outcome.ko}.` } : { en: 'The board decided.', ko: '심사위원회가 결정했습니다.' };
    }
    case S.AWARD_ACCEPTED:
      return { en: 'Award accepted, with its conditions.', ko: '지원금을 그 조건과 함께 수락했습니다.' };
    case S.IN_DELIVERY:
      return { en: 'Grant agreement in place: delivery started.', ko: '지원 협약을 맺고 사업 수행을 시작했습니다.' };
    case S.CLOSED:
      return from === S.IN_DELIVERY ? { en: 'Award closed.', ko: '지원을 마감했습니다.' } : { en: 'Award declined.', ko: '지원금을 사양했습니다.' };
    case S.WITHDRAWN:
      return { en: 'Withdrawn by its applicants.', ko: '신청자가 신청을 철회했습니다.' };
  }
}
