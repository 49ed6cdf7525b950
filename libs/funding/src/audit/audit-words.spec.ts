import { ApplicationStatus as S, DecisionOutcome } from '../applications/application.enums';
import { VoteChoice } from '../decisions/vote.entity';
import { auditActorName, auditSummary, auditWords } from './audit-words';

const LONDON = 'Europe/London';

describe('auditWords', () => {
  it('counts in English as a native writer does, one or more, and in Korean with 명', () => {
    expect(auditWords('board.rules-updated', { quorumMinPerCountry: 1 }, LONDON)).toEqual({
      en: 'A quorum now needs at least 1 voter from each country.',
      ko: '이제 정족수를 채우려면 나라마다 1명 이상 투표해야 합니다.',
    });
    expect(auditWords('board.rules-updated', { quorumMinPerCountry: 2 }, LONDON)!.en).toBe('A quorum now needs at least 2 voters from each country.');
    expect(auditWords('review.assigned', { reviewers: 1 }, LONDON)).toEqual({ en: 'Assigned 1 reviewer.', ko: '심사위원 1명을 배정했습니다.' });
  });

  it('writes amounts by the one rule for money and countries by the glossary', () => {
    expect(auditWords('ledger.contributed', { amounts: { GBP: '50000000' }, countryCode: 'GB' }, LONDON)).toEqual({
      en: 'Recorded a contribution of £500,000 from the United Kingdom.',
      ko: '영국의 출연금 납입을 기록했습니다: £500,000.',
    });
    expect(auditWords('ledger.committed', { title: { en: 'Sensors', ko: '센서' }, amounts: { GBP: '2000000', KRW: '34000000' } }, LONDON)).toEqual({
      en: 'Committed £20,000 and ₩34,000,000 to the application “Sensors”.',
      ko: '신청서 “센서”에 지원금을 약정했습니다: £20,000 및 ₩34,000,000.',
    });
  });

  it('chooses each Korean particle for the word before it, and names each title in the reader’s language where it has one', () => {
    const fund = auditWords('fund.created', { title: { en: 'Port fund', ko: '항만 기금' }, countryCodes: ['GB', 'KR'], currencies: ['GBP', 'KRW'] }, LONDON)!;
    expect(fund.en).toBe('Created the fund “Port fund” for the United Kingdom and the Republic of Korea, in GBP and KRW.');
    expect(fund.ko).toBe('영국과 대한민국의 기금 “항만 기금”을 만들었습니다. 통화는 GBP와 KRW입니다.');
    expect(auditWords('fund.created', { title: { en: 'Port fund' }, countryCodes: ['GB'], currencies: ['GBP'] }, LONDON)!.ko).toBe('영국의 기금 “Port fund”를 만들었습니다. 통화는 GBP입니다.');
  });

  it('says instants in the reader’s zone, named as their language names it', () => {
    const moved = auditWords('review.due-date-set', { previousDueAt: '2027-01-18T17:00:00.000Z', dueAt: '2027-06-25T16:00:00.000Z' }, 'Asia/Seoul')!;
    expect(moved.ko).toBe('심사 기한을 2027년 1월 19일 (화) 오전 2:00 (한국 시간)에서 2027년 6월 26일 (토) 오전 1:00 (한국 시간)으로 옮겼습니다.');
    expect(auditWords('review.due-date-set', { previousDueAt: '2027-01-18T17:00:00.000Z', dueAt: '2027-06-25T16:00:00.000Z' }, LONDON)!.en).toBe(
      'Moved a review’s due date from Mon 18 Jan 2027, 17:00 GMT to Fri 25 Jun 2027, 17:00 BST.',
    );
  });

  it('says a step of an application as its history does, and a decision with its votes', () => {
    expect(auditWords('application.startReview', { fromStatus: S.ELIGIBILITY_CHECKED, toStatus: S.UNDER_REVIEW, reviewers: 2 }, LONDON)).toEqual({ en: '2 reviewers assigned.', ko: '심사위원 2명을 배정했습니다.' });
    expect(auditWords('decision.recorded', { outcome: DecisionOutcome.REJECTED, amounts: {}, votes: { for: 1, against: 2, abstaining: 0 }, supersedes: true }, LONDON)).toEqual({
      en: 'Recorded the decision: rejected (1 for, 2 against, 0 abstaining). It supersedes the earlier decision.',
      ko: '결정을 기록했습니다: 불승인(찬성 1, 반대 2, 기권 0). 이전 결정을 대신합니다.',
    });
    expect(auditWords('vote.cast', { name: '김지현', choice: VoteChoice.FOR }, LONDON)).toEqual({ en: '김지현 voted for.', ko: '김지현 님이 찬성했습니다.' });
  });

  it('keeps an entry it cannot say as the English sentence it recorded, marked English', () => {
    expect(auditSummary({ action: 'fund.created', facts: null, legacySummary: 'Created the fund.' }, 'ko', 'Asia/Seoul')).toEqual({ text: 'Created the fund.', lang: 'en' });
    expect(auditSummary({ action: 'review.unassigned', facts: {}, legacySummary: null }, 'ko', null)).toEqual({ text: '심사위원 한 명의 배정을 취소했습니다.', lang: 'ko' });
  });

  it('names who acted as the reader’s language writes them, the system when the platform acted', () => {
    const kim = { displayName: '김지현', nameEn: 'Kim Ji-hyun', nameKo: null };
    expect([auditActorName('u1', kim, 'en'), auditActorName('u1', kim, 'ko')]).toEqual(['Kim Ji-hyun', '김지현']);
    expect([auditActorName(null, null, 'en'), auditActorName(null, null, 'ko')]).toEqual(['The system', '시스템']);
    expect([auditActorName('gone', undefined, 'en'), auditActorName('gone', undefined, 'ko')]).toEqual(['A deleted account', '삭제된 계정']);
  });
});
