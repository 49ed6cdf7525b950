import type { TemplateContext } from '@app/notifications';
import { BoardEmail } from './board.emails';
import { FundingEmail } from './funding.emails';

const AT = new Date('2026-03-29T14:00:00.000Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The email sent `ms` before AT (the close, the due date). */
const before = (ms: number) => new Date(AT.getTime() - ms);
const ctx = (language: 'en' | 'ko', now: Date): TemplateContext => ({ language, timeZone: 'Asia/Seoul', publicUrl: 'https://twins.example.org', recipientEmail: 'someone@example.org', now });

const title = { en: 'Smart quays feasibility', ko: '스마트 부두 타당성 조사' };
const callTitle = { en: 'Seed fund 2026', ko: '2026 시드 펀드' };
const url = 'https://twins.example.org/applications/a1';

/** The subject in English and in Korean, sent at `now`. */
const deadline = (now: Date, extra: { daysLeft?: number } = {}) =>
  (['en', 'ko'] as const).map((language) => FundingEmail.DEADLINE_REMINDER.render({ title, callTitle, closesAt: AT.toISOString(), url, ...extra }, ctx(language, now)).subject);
const review = (now: Date, extra: { daysLeft?: number } = {}) =>
  (['en', 'ko'] as const).map((language) => BoardEmail.REVIEW_DUE_REMINDER.render({ title, callTitle, dueAt: AT.toISOString(), url, ...extra }, ctx(language, now)).subject);

describe('deadline reminders say the time left when they are sent', () => {
  it('a call closing in 48 hours (the three-day reminder) is not "3 days left"', () => {
    expect(deadline(before(2 * DAY - 5 * MINUTE))).toEqual(['47 hours left: “Smart quays feasibility” is not submitted yet', '마감 47시간 전: “스마트 부두 타당성 조사” 신청서가 아직 제출되지 않았습니다']);
  });

  it.each([
    ['three days less a minute before', 3 * DAY - MINUTE, '2 days left', '마감 이틀 전'],
    ['five days before', 5 * DAY, '5 days left', '마감 5일 전'],
    ['a day less a minute before', DAY - MINUTE, '23 hours left', '마감 23시간 전'],
    ['18½ hours before', 18 * HOUR + 30 * MINUTE, '18 hours left', '마감 18시간 전'],
    ['an hour before', HOUR, '1 hour left', '마감 1시간 전'],
    ['20 minutes before', 20 * MINUTE, 'Less than an hour left', '마감 1시간 이내'],
  ])('sent %s the close', (_, ms, en, ko) => {
    const [enSubject, koSubject] = deadline(before(ms));
    expect(enSubject).toBe(`${en}: “Smart quays feasibility” is not submitted yet`);
    expect(koSubject).toBe(`${ko}: “스마트 부두 타당성 조사” 신청서가 아직 제출되지 않았습니다`);
  });

  it('a row queued with the window (daysLeft) is rendered by the close, not by the window', () => {
    expect(deadline(before(30 * HOUR), { daysLeft: 3 })[0]).toBe('30 hours left: “Smart quays feasibility” is not submitted yet');
    expect(deadline(before(30 * HOUR), { daysLeft: 3 })[1]).toBe('마감 30시간 전: “스마트 부두 타당성 조사” 신청서가 아직 제출되지 않았습니다');
  });

  it('sent after the close (the mail server was down), it says the call has closed, in the past tense', () => {
    expect(deadline(before(-2 * HOUR))).toEqual(['The call has closed: “Smart quays feasibility” was not submitted', '공모 마감: “스마트 부두 타당성 조사” 신청서가 제출되지 않았습니다']);
    const en = FundingEmail.DEADLINE_REMINDER.render({ title, callTitle, closesAt: AT.toISOString(), url }, ctx('en', before(-2 * HOUR))).text;
    expect(en).toContain('The call “Seed fund 2026” closed on Sunday 29 March 2026, 23:00 KST.');
    expect(en).not.toContain('Finish the application');
    const ko = FundingEmail.DEADLINE_REMINDER.render({ title, callTitle, closesAt: AT.toISOString(), url }, ctx('ko', before(-2 * HOUR))).text;
    expect(ko).toContain('“2026 시드 펀드” 공모가 2026년 3월 29일 (일) 오후 11:00 (한국 시간)에 마감되었습니다.');
    expect(ko).toContain('신청서 열기: https://twins.example.org/applications/a1');
  });
});

describe('review reminders say the time left when they are sent', () => {
  it.each([
    ['three days less a minute before', 3 * DAY - MINUTE, '2 days left to review “Smart quays feasibility”', '심사 마감 이틀 전: “스마트 부두 타당성 조사”'],
    ['a day less a minute before', DAY - MINUTE, '23 hours left to review “Smart quays feasibility”', '심사 마감 23시간 전: “스마트 부두 타당성 조사”'],
    ['45 minutes before', 45 * MINUTE, 'Less than an hour left to review “Smart quays feasibility”', '심사 마감 1시간 이내: “스마트 부두 타당성 조사”'],
    ['a minute after', -MINUTE, 'Your review of “Smart quays feasibility” is overdue', '심사 마감 지남: “스마트 부두 타당성 조사”'],
  ])('sent %s the due date', (_, ms, en, ko) => {
    expect(review(before(ms))).toEqual([en, ko]);
  });

  it('a row queued with the window (daysLeft: 1) sent two hours before is "2 hours left"', () => {
    expect(review(before(2 * HOUR), { daysLeft: 1 })).toEqual(['2 hours left to review “Smart quays feasibility”', '심사 마감 2시간 전: “스마트 부두 타당성 조사”']);
  });

  it('the text says "was due" once the date has passed', () => {
    expect(BoardEmail.REVIEW_DUE_REMINDER.render({ title, callTitle, dueAt: AT.toISOString(), url }, ctx('en', before(HOUR))).text).toContain('is due on Sunday 29 March 2026, 23:00 KST.');
    expect(BoardEmail.REVIEW_DUE_REMINDER.render({ title, callTitle, dueAt: AT.toISOString(), url }, ctx('en', before(-HOUR))).text).toContain('was due on Sunday 29 March 2026, 23:00 KST.');
    expect(BoardEmail.REVIEW_DUE_REMINDER.render({ title, callTitle, dueAt: AT.toISOString(), url }, ctx('ko', before(-HOUR))).text).toContain('심사는 2026년 3월 29일 (일) 오후 11:00 (한국 시간)까지였습니다.');
  });
});
