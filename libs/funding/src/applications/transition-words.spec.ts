import { ApplicationStatus as S, DecisionOutcome } from './application.enums';
import { transitionWords } from './transition-words';

describe('transitionWords', () => {
  it('says each step from its statuses, in English and in Korean', () => {
    expect(transitionWords({ fromStatus: S.SUBMITTED, toStatus: S.DRAFT })).toEqual({ en: 'Returned to its applicants.', ko: '신청자에게 돌려보냈습니다.' });
    expect(transitionWords({ fromStatus: S.UNDER_REVIEW, toStatus: S.WITHDRAWN })).toEqual({ en: 'Withdrawn by its applicants.', ko: '신청자가 신청을 철회했습니다.' });
    expect(transitionWords({ fromStatus: S.AWARD_ACCEPTED, toStatus: S.CLOSED })).toEqual({ en: 'Award declined.', ko: '지원금을 사양했습니다.' });
    expect(transitionWords({ fromStatus: S.IN_DELIVERY, toStatus: S.CLOSED })).toEqual({ en: 'Award closed.', ko: '지원을 마감했습니다.' });
  });

  it('counts reviewers in words, one or more, and falls back when a step recorded no count', () => {
    expect(transitionWords({ fromStatus: S.ELIGIBILITY_CHECKED, toStatus: S.UNDER_REVIEW, facts: { reviewers: 1 } })).toEqual({ en: '1 reviewer assigned.', ko: '심사위원 1명을 배정했습니다.' });
    expect(transitionWords({ fromStatus: S.ELIGIBILITY_CHECKED, toStatus: S.UNDER_REVIEW, facts: null })).toEqual({ en: 'Review started.', ko: '심사를 시작했습니다.' });
  });

  it('names the outcome of a decision, and a superseding one as such', () => {
    expect(transitionWords({ fromStatus: S.UNDER_REVIEW, toStatus: S.DECIDED, facts: { outcome: DecisionOutcome.REJECTED } })).toEqual({ en: 'The board decided: rejected.', ko: '심사위원회가 결정했습니다: 불승인.' });
    expect(transitionWords({ fromStatus: S.DECIDED, toStatus: S.DECIDED, facts: { outcome: DecisionOutcome.APPROVED } })).toEqual({
      en: 'The board decided again, superseding its earlier decision: approved.',
      ko: '심사위원회가 이전 결정을 대신하는 새 결정을 내렸습니다: 승인.',
    });
  });
});
