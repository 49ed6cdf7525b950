import type { TemplateContext } from '@app/notifications';
import { PLATFORM_EMAIL_TEMPLATES } from './index';

/*
 * Every email the platform sends, rendered in Korean and in English with
 * sample data: a Korean email reads as Korean (no particle written both ways,
 * no English word a Korean reader would have to read, times as Korean writes
 * them), and an English one holds no Korean. What people wrote (names,
 * messages, reasons) and addresses are theirs, and are left out of the check.
 */

const URL_ = 'https://twins.example.org/x?token=t';
const AT = '2026-03-29T14:00:00.000Z';
const LATER = '2026-03-29T16:00:00.000Z';
const PEOPLE = ['Sam Taylor', '박서준', 'Priya Shah'];
const WRITTEN = ['Hydrogen harbour pilot', 'Let us work together on hydrogen ports.', 'We agree.', 'Not this year.', 'The venue is closed.', 'Please add the budget.', '함께 일하고 싶습니다.'];
const pair = { cityA: { en: 'Liverpool', ko: '리버풀' }, cityB: { en: 'Busan', ko: '부산' } };
const title = { en: 'Hydrogen harbour pilot', ko: '수소 항만 실증' };
const call = { en: 'Seed fund 2026', ko: '2026 시드 펀드' };
const organisation = { en: 'Busan Metropolitan City', ko: '부산광역시' };
const event = {
  kind: 'SEMINAR',
  format: 'HYBRID',
  title: { en: 'Hydrogen ports seminar', ko: '수소 항만 세미나' },
  startsAt: AT,
  endsAt: LATER,
  timeZone: 'Europe/London',
  venue: 'BEXCO',
  joinUrl: 'https://meet.example.org/x',
  url: URL_,
};

/** Sample data for each template by name; a list where its text branches. */
const SAMPLES: Record<string, unknown[]> = {
  'notifications.test': [{ requestedBy: 'Sam Taylor', requestedAt: AT }],
  'identity.confirm-email': [{ displayName: 'Sam Taylor', url: URL_, expiresAt: AT }],
  'identity.account-exists': [{ url: URL_ }],
  'identity.password-reset': [{ displayName: 'Sam Taylor', url: URL_, expiresAt: AT }],
  'identity.password-changed': [{ displayName: 'Sam Taylor', changedAt: AT, url: URL_ }],
  'identity.invitation': [{ invitedBy: 'Sam Taylor', what: { en: 'to join the Innovation Twins platform', ko: '이노베이션 트윈스 플랫폼에' }, url: URL_, expiresAt: AT }],
  'identity.organisation-request-received': [true, false].flatMap((newOrganisation) =>
    [true, false].map((asAdmin) => ({ requesterName: 'Sam Taylor', organisation, city: pair.cityB, newOrganisation, message: 'We agree.', asAdmin, url: URL_ })),
  ),
  'identity.organisation-request-decided': [
    { approved: true, organisation, deciderName: '박서준', reason: null, url: URL_ },
    { approved: false, organisation, deciderName: '박서준', reason: 'Not this year.', url: URL_ },
  ],
  'twinning.proposal-received': [{ ...pair, proposerName: 'Sam Taylor', message: 'Let us work together on hydrogen ports.', url: URL_ }],
  'twinning.proposal-accepted': [{ ...pair, responderName: '박서준', reason: 'We agree.', url: URL_ }],
  'twinning.proposal-declined': [{ ...pair, responderName: '박서준', reason: 'Not this year.' }],
  'twinning.workspace-invitation': ['LEAD', 'MEMBER', 'OBSERVER'].map((role) => ({ ...pair, invitedBy: 'Sam Taylor', role, url: URL_, expiresAt: AT })),
  'twinning.join-request-decided': [
    { ...pair, approved: true, role: 'MEMBER', reason: null, deciderName: '박서준', url: URL_ },
    { ...pair, approved: true, role: 'OBSERVER', reason: 'We agree.', deciderName: '박서준', url: URL_ },
    { ...pair, approved: false, role: null, reason: 'Not this year.', deciderName: '박서준', url: URL_ },
  ],
  'twinning.join-request-received': [{ ...pair, requesterName: 'Sam Taylor', organisation, message: '함께 일하고 싶습니다.', url: URL_ }],
  'twinning.workspace-digest': (['DAILY', 'WEEKLY'] as const).map((frequency) => ({
    ...pair,
    frequency,
    from: AT,
    until: LATER,
    entries: [{ at: AT, en: 'Sam Taylor created the project “Hydrogen harbour pilot”', ko: 'Sam Taylor님이 프로젝트 “수소 항만 실증”을 만들었습니다' }],
    more: 2,
    url: URL_,
    unsubscribeUrl: URL_,
  })),
  'projects.case-study-prompt': ['BUSINESS_AS_USUAL', 'CLOSED'].map((trigger) => ({ title, trigger, url: URL_ })),
  'funding.submission-received': [true, false].map((forAdmin) => ({ title, callTitle: call, submittedAt: AT, forAdmin, url: URL_ })),
  // Rows queued before the time left was reckoned at sending hold the reminder's window, daysLeft.
  'funding.deadline-reminder': [{ title, callTitle: call, closesAt: AT, url: URL_ }, { title, callTitle: call, closesAt: AT, daysLeft: 3, url: URL_ }],
  'governance.review-assigned': [{ title, callTitle: call, url: URL_ }],
  'governance.review-due-reminder': [{ title, callTitle: call, dueAt: AT, url: URL_ }, { title, callTitle: call, dueAt: AT, daysLeft: 1, url: URL_ }],
  'governance.decision-made': [
    { title, outcome: 'APPROVED_WITH_CONDITIONS', amounts: { GBP: '2000000', KRW: '34000000' }, rationale: { en: 'A strong plan.', ko: '탄탄한 계획입니다.' }, conditions: { en: 'Report monthly.', ko: '매월 보고합니다.' }, supersedes: true, url: URL_ },
    { title, outcome: 'REJECTED', amounts: {}, rationale: { en: 'Out of scope.', ko: '범위를 벗어납니다.' }, conditions: null, supersedes: false, url: URL_ },
  ],
  'knowledge.review-requested': ['en', 'ko'].map((language) => ({ title: 'Hydrogen harbour pilot', language, url: URL_ })),
  'knowledge.reviewed': [
    { title: 'Hydrogen harbour pilot', language: 'ko', approved: true, note: null, url: URL_ },
    { title: 'Hydrogen harbour pilot', language: 'en', approved: false, note: 'Please add the budget.', url: URL_ },
  ],
  'events.announcement': [
    {
      ...event,
      description: { en: 'What Liverpool and Busan learnt.', ko: '리버풀과 부산이 배운 것.' },
      reasons: { programme: true, sectors: [{ en: 'Hydrogen', ko: '수소' }], workspace: { en: 'Liverpool–Busan', ko: '리버풀–부산' } },
      capacity: 40,
      registrationOpensAt: AT,
      registrationClosesAt: LATER,
      unsubscribeUrl: URL_,
    },
  ],
  'events.promoted': [event],
  'events.registered': [{ ...event, calendarUrl: 'https://twins.example.org/events/e1.ics' }],
  'events.waitlisted': [{ ...event, waitlistPosition: 3 }],
  'events.reminder': [event, { ...event, reminder: 'HOUR' }],
  'events.rescheduled': [true, false].map((waitlisted) => ({ ...event, format: 'ONLINE', venue: null, joinUrl: null, previousStartsAt: AT, previousEndsAt: LATER, waitlisted })),
  'events.cancelled': [true, false].map((waitlisted) => ({ ...event, reason: 'The venue is closed.', waitlisted })),
};

/** Codes and names a Korean reader reads as they are: zones, the venue, English names of people and places they wrote. */
const LATIN_ALLOWED = new Set(['KST', 'GMT', 'BST', 'UTC', 'BEXCO']);
const FALLBACKS = ['(으)로', '을(를)', '이(가)', '와(과)', '은(는)', '를(을)', '가(이)', '과(와)'];

const ctx = (language: 'en' | 'ko', timeZone: string, now = new Date(AT)): TemplateContext => ({ language, timeZone, publicUrl: 'https://twins.example.org', recipientEmail: 'someone@example.org', now });

/** Moments the emails are sent at, before and after AT (a close, a due date, a start): what a reminder says of the time left branches on them. */
const NOWS = [3 * 86_400_000 - 60_000, 18 * 3_600_000, 30 * 60_000, -3_600_000].map((before) => new Date(new Date(AT).getTime() - before));

/** The text a reader reads: subject, plain text and the HTML's text, without addresses and what people wrote. */
function readable(rendered: { subject: string; text: string; html: string }): string {
  let text = [rendered.subject, rendered.text, rendered.html.replace(/<[^>]+>/g, ' ').replace(/&[a-z#0-9]+;/g, ' ')].join('\n');
  for (const written of [...WRITTEN, ...PEOPLE]) text = text.split(written).join(' ');
  return text.replace(/https?:\/\/\S+/g, ' ').replace(/\S+@\S+/g, ' ');
}

const names = PLATFORM_EMAIL_TEMPLATES.map((t) => t.name);

describe('every email, in Korean and in English', () => {
  it('has sample data here, so none escapes the checks below', () => {
    expect(names.filter((name) => !SAMPLES[name])).toEqual([]);
  });

  it.each(names)('%s in Korean reads as Korean', (name) => {
    const template = PLATFORM_EMAIL_TEMPLATES.find((t) => t.name === name)!;
    for (const data of SAMPLES[name] ?? []) {
      for (const zone of ['Asia/Seoul', 'Europe/London']) {
        for (const now of NOWS) {
          const text = readable(template.renderStored(data, ctx('ko', zone, now)));
          for (const fallback of FALLBACKS) expect(text).not.toContain(fallback);
          const english = (text.match(/[A-Za-z][A-Za-z'’-]*/g) ?? []).filter((word) => !LATIN_ALLOWED.has(word));
          expect(english).toEqual([]);
          expect(text).not.toMatch(/\b[AP]M\b/);
        }
      }
    }
  });

  it.each(names)('%s in English holds no Korean', (name) => {
    const template = PLATFORM_EMAIL_TEMPLATES.find((t) => t.name === name)!;
    for (const data of SAMPLES[name] ?? []) {
      for (const now of NOWS) {
        const text = readable(template.renderStored(data, ctx('en', 'Europe/London', now)));
        expect(text.match(/[\u3131-\u318e\uac00-\ud7a3]+/g) ?? []).toEqual([]);
      }
    }
  });

  it('write times as each language does, the zone named', () => {
    const reminder = PLATFORM_EMAIL_TEMPLATES.find((t) => t.name === 'funding.deadline-reminder')!;
    const data = SAMPLES['funding.deadline-reminder'][0];
    expect(reminder.renderStored(data, ctx('ko', 'Asia/Seoul')).text).toContain('2026년 3월 29일 (일) 오후 11:00 (한국 시간)');
    expect(reminder.renderStored(data, ctx('ko', 'Europe/London')).text).toContain('2026년 3월 29일 (일) 오후 3:00 (영국 시간)');
    expect(reminder.renderStored(data, ctx('en', 'Europe/London')).text).toContain('Sunday 29 March 2026, 15:00 BST');
    expect(reminder.renderStored(data, ctx('en', 'Asia/Seoul')).text).toContain('Sunday 29 March 2026, 23:00 KST');
    const confirm = PLATFORM_EMAIL_TEMPLATES.find((t) => t.name === 'identity.confirm-email')!;
    expect(confirm.renderStored(SAMPLES['identity.confirm-email'][0], ctx('ko', 'Asia/Seoul')).subject).toBe('이노베이션 트윈스 이메일 주소를 확인해 주세요');
  });
});
