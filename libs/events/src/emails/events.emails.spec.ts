import { TemplateContext } from '@app/notifications';
import { EventsEmail } from './events.emails';

const ctx = (language: 'en' | 'ko', timeZone: string): TemplateContext => ({ language, timeZone, publicUrl: 'https://twins.example.org', recipientEmail: 'someone@example.org' });
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
    const rendered = EventsEmail.REMINDER.render({ ...event, joinUrl: 'https://meet.example.org/x', reminder: 'HOUR' }, ctx('en', 'Asia/Seoul'));
    expect(rendered.subject).toBe('Starting in an hour: “Annual showcase”');
    expect(rendered.text).toContain('Join online: https://meet.example.org/x');
    expect(rendered.headers).toBeUndefined();
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
