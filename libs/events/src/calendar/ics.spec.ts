import ICAL from 'ical.js';
import { buildCalendar, CalendarEntry } from './ics';
import { vtimezone } from './vtimezone';

const entry = (over: Partial<CalendarEntry> = {}): CalendarEntry => ({
  id: '6f1d2c1e-0000-4000-8000-000000000001',
  kind: 'SEMINAR',
  title: { en: 'Hydrogen ports seminar', ko: '수소 항만 세미나' },
  description: { en: 'What Liverpool and Busan learnt.', ko: '리버풀과 부산이 배운 것.' },
  startsAt: new Date('2027-06-03T09:00:00Z'),
  endsAt: new Date('2027-06-03T11:00:00Z'),
  timeZone: 'Asia/Seoul',
  venue: 'BEXCO, Busan',
  cancelled: false,
  version: 3,
  updatedAt: new Date('2027-05-01T10:00:00Z'),
  ...over,
});

/** Parses a document, registering its VTIMEZONEs the way a calendar app would. */
function parse(text: string): ICAL.Component[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent');
}

describe('buildCalendar', () => {
  it('writes each event in its own zone, with its English title, both languages, a link back and its sequence', () => {
    const text = buildCalendar({ name: 'Test', publicUrl: 'https://twins.example.org', timeZone: 'UTC', entries: [entry()] });
    const [event] = parse(text);
    const start = event.getFirstPropertyValue('dtstart') as ICAL.Time;
    expect(event.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Asia/Seoul');
    expect(start.toString()).toBe('2027-06-03T18:00:00');
    expect(start.toJSDate().toISOString()).toBe('2027-06-03T09:00:00.000Z');
    expect((event.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().toISOString()).toBe('2027-06-03T11:00:00.000Z');
    expect(event.getFirstPropertyValue('summary')).toBe('Hydrogen ports seminar');
    expect(event.getFirstPropertyValue('description')).toContain('수소 항만 세미나');
    expect(event.getFirstPropertyValue('url')).toBe('https://twins.example.org/events/6f1d2c1e-0000-4000-8000-000000000001');
    expect(event.getFirstPropertyValue('uid')).toBe('6f1d2c1e-0000-4000-8000-000000000001@twins.example.org');
    expect(event.getFirstPropertyValue('sequence')).toBe(3);
    expect(event.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(event.getFirstPropertyValue('location')).toBe('BEXCO, Busan');
    // DTSTAMP is UTC, as RFC 5545 requires.
    expect(text).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
  });

  it('gets London right on both sides of the clocks going forward', () => {
    const before = entry({ id: 'a', timeZone: 'Europe/London', startsAt: new Date('2027-03-28T00:30:00Z'), endsAt: new Date('2027-03-28T03:30:00Z') });
    const [event] = parse(buildCalendar({ name: 'Test', publicUrl: 'https://twins.example.org', timeZone: 'Europe/London', entries: [before] }));
    const start = event.getFirstPropertyValue('dtstart') as ICAL.Time;
    const end = event.getFirstPropertyValue('dtend') as ICAL.Time;
    expect([start.toString(), end.toString()]).toEqual(['2027-03-28T00:30:00', '2027-03-28T04:30:00']);
    expect(start.toJSDate().toISOString()).toBe('2027-03-28T00:30:00.000Z');
    expect(end.toJSDate().toISOString()).toBe('2027-03-28T03:30:00.000Z');
  });

  it('marks cancelled events CANCELLED and waiting-list places TENTATIVE; a joining link only when given', () => {
    const events = parse(
      buildCalendar({
        name: 'Mine',
        publicUrl: 'https://twins.example.org',
        timeZone: 'Europe/London',
        entries: [entry({ id: 'c', cancelled: true }), entry({ id: 'w', waitlisted: true }), entry({ id: 'j', venue: null, joinUrl: 'https://meet.example.org/x' })],
      }),
    );
    expect(events.map((e) => e.getFirstPropertyValue('status'))).toEqual(['CANCELLED', 'TENTATIVE', 'CONFIRMED']);
    expect(events[1].getFirstPropertyValue('summary')).toMatch(/^\[Waiting list/);
    expect(events[2].getFirstPropertyValue('description')).toContain('https://meet.example.org/x');
    expect(events[0].getFirstPropertyValue('description')).not.toContain('meet.example.org');
  });
});

describe('vtimezone', () => {
  it('describes every change of offset in the years asked for', () => {
    const london = vtimezone('Europe/London', 2026, 2027)!;
    expect(london.match(/BEGIN:DAYLIGHT/g)).toHaveLength(2);
    expect(london).toContain('DTSTART:20270328T010000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nTZNAME:BST');
    expect(london).toContain('DTSTART:20271031T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nTZNAME:GMT');
    const seoul = vtimezone('Asia/Seoul', 2026, 2027)!;
    expect(seoul).toContain('TZOFFSETTO:+0900');
    expect(seoul).toContain('TZNAME:KST');
    expect(seoul).not.toContain('DAYLIGHT');
    expect(vtimezone('Mars/Olympus_Mons', 2026, 2027)).toBeNull();
  });
});
