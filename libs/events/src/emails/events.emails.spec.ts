import { TemplateContext } from '@app/notifications';
import { EventsEmail } from './events.emails';

const ctx = (language: 'en' | 'ko', timeZone: string, now = new Date('2027-06-01T09:00:00.000Z')): TemplateContext => ({
  language,
  timeZone,
  publicUrl: 'https://twins.example.org',
  recipientEmail: 'someone@example.org',
  now,
});
const MINUTE = 60_000;
/** `ms` before the event below starts. */
const before = (ms: number) => new Date(new Date('2027-06-03T09:00:00.000Z').getTime() - ms);
const event = {
  kind: 'ANNUAL_SHOWCASE',
  format: 'ONLINE',
  title: { en: 'Annual showcase', ko: '연례 쇼케이스' },
  startsAt: '2027-06-03T09:00:00.000Z',
  endsAt: '2027-06-03T11:00:00.000Z',
  timeZone: 'Asia/Seoul',
  venue: null,
  joinUrl: null,
  url: 'https://twins.example.org/events/e1',
};

describe('event emails', () => {
  it('announce in the reader’s language and zone, with the event’s own time and a one-click unsubscribe header', () => {
    const data = {
      ...event,
      description: { en: 'Best practice of the year.', ko: '올해의 모범 사례.' },
      reasons: { programme: true, sectors: [{ en: 'Hydrogen', ko: '수소' }], workspace: null },
      capacity: null,
      registrationOpensAt: null,
      registrationClosesAt: '2027-06-03T09:00:00.000Z',
      unsubscribeUrl: 'https://twins.example.org/events/unsubscribe?token=t',
    };
    const en = EventsEmail.ANNOUNCEMENT.render(data, ctx('en', 'Europe/London'));
    expect(en.subject).toBe('New annual showcase: “Annual showcase”');
    expect(en.text).toContain('When: Thursday 3 June 2027, 10:00–12:00 BST (Thursday 3 June 2027, 18:00 KST where it takes place)');
    expect(en.text).toContain('Online: registered people get the link to join.');
    expect(en.text).toContain('You receive this because you follow events of the Hydrogen sector, every event of the programme.');
    expect(en.headers).toEqual({ 'List-Unsubscribe': '<https://twins.example.org/events/unsubscribe?token=t>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    const ko = EventsEmail.ANNOUNCEMENT.render(data, ctx('ko', 'Asia/Seoul'));
    expect(ko.subject).toBe('새 연례 쇼케이스: “연례 쇼케이스”');
    expect(ko.text).toContain('일시: 2027년 6월 3일 (목) 오후 6:00~8:00 (한국 시간)');
    expect(ko.text).not.toContain('현지 시각');
    expect(EventsEmail.ANNOUNCEMENT.render(data, ctx('ko', 'Europe/London')).text).toContain(
      '일시: 2027년 6월 3일 (목) 오전 10:00~오후 12:00 (영국 시간). 현지 시각으로는 2027년 6월 3일 (목) 오후 6:00 (한국 시간)에 시작합니다.',
    );
    expect(ko.text).toContain('인원 제한은 없습니다.');
    expect(ko.html).toContain('lang="ko"');
  });

  it('remind with the joining link for people holding a place', () => {
    const rendered = EventsEmail.REMINDER.render({ ...event, joinUrl: 'https://meet.example.org/x' }, ctx('en', 'Asia/Seoul', before(59 * MINUTE)));
    expect(rendered.subject).toBe('Starts in less than an hour: “Annual showcase”');
    expect(rendered.text).toContain('Join online: https://meet.example.org/x');
    expect(rendered.headers).toBeUndefined();
  });

  it('remind with how soon the event starts when the email is sent, whichever reminder it is', () => {
    const subjects = (now: Date, data: Parameters<typeof EventsEmail.REMINDER.render>[0] = event) =>
      [EventsEmail.REMINDER.render(data, ctx('en', 'Europe/London', now)).subject, EventsEmail.REMINDER.render(data, ctx('ko', 'Asia/Seoul', now)).subject];
    expect(subjects(before(24 * 60 * MINUTE - MINUTE))).toEqual(['Starts in 23 hours: “Annual showcase”', '23시간 후 시작: “연례 쇼케이스”']);
    expect(subjects(before(60 * MINUTE))).toEqual(['Starts in 1 hour: “Annual showcase”', '1시간 후 시작: “연례 쇼케이스”']);
    expect(subjects(before(20 * MINUTE))).toEqual(['Starts in less than an hour: “Annual showcase”', '1시간 안에 시작: “연례 쇼케이스”']);
    expect(subjects(before(3 * 24 * 60 * MINUTE))).toEqual(['Starts in 3 days: “Annual showcase”', '3일 후 시작: “연례 쇼케이스”']);
    // A day reminder queued before, with its kind, sent late: the kind is not read, the start is.
    expect(subjects(before(5 * MINUTE), { ...event, reminder: 'DAY' })).toEqual(['Starts in less than an hour: “Annual showcase”', '1시간 안에 시작: “연례 쇼케이스”']);
    // Sent once the event has begun (the mail server was down): it says so, never a negative time.
    expect(subjects(before(-10 * MINUTE))).toEqual(['Has started: “Annual showcase”', '시작됨: “연례 쇼케이스”']);
    expect(EventsEmail.REMINDER.render(event, ctx('ko', 'Asia/Seoul', before(-10 * MINUTE))).text).toContain('등록하신 “연례 쇼케이스”가 시작되었습니다.');
    expect(EventsEmail.REMINDER.render(event, ctx('en', 'Asia/Seoul', before(-10 * MINUTE))).text).toContain('“Annual showcase”, which you registered for, has started.');
  });

  it('confirm a place with the calendar file in the reader’s language', () => {
    const data = { ...event, joinUrl: 'https://meet.example.org/x', calendarUrl: 'https://twins.example.org/events/e1.ics' };
    const en = EventsEmail.REGISTERED.render(data, ctx('en', 'Europe/London'));
    expect(en.text).toContain('Add it to your calendar: https://twins.example.org/events/e1.ics?lang=en');
    const ko = EventsEmail.REGISTERED.render(data, ctx('ko', 'Asia/Seoul'));
    expect(ko.subject).toBe('참가 등록 완료: “연례 쇼케이스”');
    expect(ko.text).toContain('캘린더에 추가: https://twins.example.org/events/e1.ics?lang=ko');
    expect(ko.html).toContain('https://twins.example.org/events/e1.ics?lang=ko');
  });
});
