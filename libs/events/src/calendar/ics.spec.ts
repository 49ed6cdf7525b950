import ICAL from 'ical.js';
import { buildCalendar, calendarProperty, calendarText, CalendarEntry } from './ics';
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

const URL_ = 'https://twins.example.org/events/6f1d2c1e-0000-4000-8000-000000000001';

describe('buildCalendar', () => {
  it('writes each event in its own zone, with its title, when it is and its description in English, a link back and its sequence', () => {
    const text = buildCalendar({ name: 'Innovation Twins events', language: 'en', publicUrl: 'https://twins.example.org', timeZone: 'UTC', entries: [entry()] });
    const [event] = parse(text);
    const start = event.getFirstPropertyValue('dtstart') as ICAL.Time;
    expect(event.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Asia/Seoul');
    expect(start.toString()).toBe('2027-06-03T18:00:00');
    expect(start.toJSDate().toISOString()).toBe('2027-06-03T09:00:00.000Z');
    expect((event.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().toISOString()).toBe('2027-06-03T11:00:00.000Z');
    expect(event.getFirstPropertyValue('summary')).toBe('Hydrogen ports seminar');
    expect(event.getFirstPropertyValue('description')).toBe(['Thu 3 Jun 2027, 18:00–20:00 KST', 'What Liverpool and Busan learnt.', URL_].join('\n\n'));
    expect(event.getFirstPropertyValue('url')).toBe(URL_);
    expect(event.getFirstPropertyValue('uid')).toBe('6f1d2c1e-0000-4000-8000-000000000001@twins.example.org');
    expect(event.getFirstPropertyValue('sequence')).toBe(3);
    expect(event.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(event.getFirstPropertyValue('location')).toBe('BEXCO, Busan');
    expect(text).toContain('X-WR-CALNAME:Innovation Twins events\r\n');
    expect(text).toContain('PRODID:-//Innovation Twins//Programme events//EN\r\n');
    // No Korean in an English calendar when the event has English.
    expect(text).not.toMatch(/[\uac00-\ud7a3]/);
    // DTSTAMP is UTC, as RFC 5545 requires.
    expect(text).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
  });

  it('writes the same event in Korean: title, when it is, description and the calendar’s name; the same instants', () => {
    const text = buildCalendar({ name: '이노베이션 트윈스 행사', language: 'ko', publicUrl: 'https://twins.example.org', timeZone: 'UTC', entries: [entry()] });
    const [event] = parse(text);
    expect(event.getFirstPropertyValue('summary')).toBe('수소 항만 세미나');
    expect(event.getFirstPropertyValue('description')).toBe(['2027년 6월 3일 (목) 오후 6:00~8:00 (한국 시간)', '리버풀과 부산이 배운 것.', URL_].join('\n\n'));
    expect((event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString()).toBe('2027-06-03T09:00:00.000Z');
    expect((event.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().toISOString()).toBe('2027-06-03T11:00:00.000Z');
    expect(event.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Asia/Seoul');
    expect(event.getFirstPropertyValue('location')).toBe('BEXCO, Busan');
    expect(text).toContain('X-WR-CALNAME:이노베이션 트윈스 행사\r\n');
    expect(text).toContain('PRODID:-//Innovation Twins//Programme events//KO\r\n');
    expect(text).not.toContain('Hydrogen ports seminar');
    expect(text).not.toContain('What Liverpool');
    // A London event names its zone in Korean.
    const [london] = parse(buildCalendar({ name: 'T', language: 'ko', publicUrl: 'https://twins.example.org', timeZone: 'UTC', entries: [entry({ timeZone: 'Europe/London' })] }));
    expect(String(london.getFirstPropertyValue('description')).split('\n\n')[0]).toBe('2027년 6월 3일 (목) 오전 10:00~오후 12:00 (영국 시간)');
  });

  it('gives the title and description the organiser wrote when the event has none in the calendar’s language', () => {
    const englishOnly = entry({ id: 'e', title: { en: 'Hydrogen ports seminar', ko: null }, description: { en: 'What Liverpool and Busan learnt.', ko: null } });
    const koreanOnly = entry({ id: 'k', title: { en: null, ko: '수소 항만 세미나' }, description: { en: null, ko: '리버풀과 부산이 배운 것.' } });
    const inKorean = parse(buildCalendar({ name: 'T', language: 'ko', publicUrl: 'https://twins.example.org', timeZone: 'UTC', entries: [englishOnly, koreanOnly] }));
    expect(inKorean.map((e) => e.getFirstPropertyValue('summary'))).toEqual(['Hydrogen ports seminar', '수소 항만 세미나']);
    expect(String(inKorean[0].getFirstPropertyValue('description')).split('\n\n').slice(0, 2)).toEqual(['2027년 6월 3일 (목) 오후 6:00~8:00 (한국 시간)', 'What Liverpool and Busan learnt.']);
    const inEnglish = parse(buildCalendar({ name: 'T', language: 'en', publicUrl: 'https://twins.example.org', timeZone: 'UTC', entries: [englishOnly, koreanOnly] }));
    expect(inEnglish.map((e) => e.getFirstPropertyValue('summary'))).toEqual(['Hydrogen ports seminar', '수소 항만 세미나']);
    expect(String(inEnglish[1].getFirstPropertyValue('description')).split('\n\n').slice(0, 2)).toEqual(['Thu 3 Jun 2027, 18:00–20:00 KST', '리버풀과 부산이 배운 것.']);
    // No description at all: when it is, then the link back.
    const [bare] = parse(buildCalendar({ name: 'T', language: 'ko', publicUrl: 'https://twins.example.org', timeZone: 'UTC', entries: [entry({ description: { en: null, ko: null } })] }));
    expect(bare.getFirstPropertyValue('description')).toBe(`2027년 6월 3일 (목) 오후 6:00~8:00 (한국 시간)\n\n${URL_}`);
  });

  it('gets London right on both sides of the clocks going forward', () => {
    const before = entry({ id: 'a', timeZone: 'Europe/London', startsAt: new Date('2027-03-28T00:30:00Z'), endsAt: new Date('2027-03-28T03:30:00Z') });
    const [event] = parse(buildCalendar({ name: 'Test', language: 'en', publicUrl: 'https://twins.example.org', timeZone: 'Europe/London', entries: [before] }));
    const start = event.getFirstPropertyValue('dtstart') as ICAL.Time;
    const end = event.getFirstPropertyValue('dtend') as ICAL.Time;
    expect([start.toString(), end.toString()]).toEqual(['2027-03-28T00:30:00', '2027-03-28T04:30:00']);
    expect(start.toJSDate().toISOString()).toBe('2027-03-28T00:30:00.000Z');
    expect(end.toJSDate().toISOString()).toBe('2027-03-28T03:30:00.000Z');
  });

  it('marks cancelled events CANCELLED and waiting-list places TENTATIVE; a joining link only when given; their labels in the calendar’s language', () => {
    const entries = [entry({ id: 'c', cancelled: true }), entry({ id: 'w', waitlisted: true }), entry({ id: 'j', venue: null, joinUrl: 'https://meet.example.org/x' })];
    const events = parse(buildCalendar({ name: 'Mine', language: 'en', publicUrl: 'https://twins.example.org', timeZone: 'Europe/London', entries }));
    expect(events.map((e) => e.getFirstPropertyValue('status'))).toEqual(['CANCELLED', 'TENTATIVE', 'CONFIRMED']);
    expect(events[1].getFirstPropertyValue('summary')).toBe('[Waiting list] Hydrogen ports seminar');
    expect(events[2].getFirstPropertyValue('description')).toContain('\n\nJoin: https://meet.example.org/x\n\n');
    expect(events[2].getFirstPropertyValue('location')).toBe('https://meet.example.org/x');
    expect(events[0].getFirstPropertyValue('description')).not.toContain('meet.example.org');
    const korean = parse(buildCalendar({ name: '나의 이노베이션 트윈스 행사', language: 'ko', publicUrl: 'https://twins.example.org', timeZone: 'Asia/Seoul', entries }));
    expect(korean.map((e) => e.getFirstPropertyValue('status'))).toEqual(['CANCELLED', 'TENTATIVE', 'CONFIRMED']);
    expect(korean[1].getFirstPropertyValue('summary')).toBe('[대기자 명단] 수소 항만 세미나');
    expect(korean[2].getFirstPropertyValue('description')).toContain('\n\n참여 링크: https://meet.example.org/x\n\n');
    expect(korean[0].getFirstPropertyValue('description')).not.toContain('meet.example.org');
  });
});

/** Text that tries to break out of its property: every line break, the characters TEXT escapes, and control characters. */
const HOSTILE = 'Seminar\r\nATTACH:https://evil.example/x\r\nX-INJ:1';
const NASTY = 'a;b,c\\d\re\nf\r\ng\u0007h\u0000i';
/** What a calendar app reads back: line breaks as LF, control characters gone, everything else exact. */
const readBack = (value: string) => value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '');
const LONG_KOREAN = '부산·리버풀 수소 항만 협력 세미나: 항만 차량의 수소 전환과 두 도시가 함께 배운 것 🚢 — 2027년 여름 특별 세션, 참가자 모두 환영합니다';

/** Each physical line of a document as bytes: at most 75 octets (CRLF excluded), and whole UTF-8 sequences only. */
function expectFolded(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || (bytes[i] === 0x0d && bytes[i + 1] === 0x0a)) {
      const line = bytes.subarray(start, i);
      expect(line.length).toBeLessThanOrEqual(75);
      expect(() => decoder.decode(line)).not.toThrow();
      start = i + 2;
      i++;
    }
  }
  // No CR or LF outside a line ending.
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
}

describe('buildCalendar with people’s text', () => {
  const entries = [
    entry({ title: { en: HOSTILE, ko: LONG_KOREAN }, description: { en: NASTY, ko: `${LONG_KOREAN}\r\nX-INJ:2` }, venue: `BEXCO\r\nATTACH:x;y,z\\` }),
    entry({ id: 'k', title: { en: null, ko: LONG_KOREAN }, description: { en: null, ko: null }, venue: null, joinUrl: 'https://meet.example.org/a,b;c' }),
  ];
  const text = buildCalendar({ name: HOSTILE, language: 'en', publicUrl: 'https://twins.example.org', timeZone: 'Asia/Seoul', entries });
  const korean = buildCalendar({ name: `${LONG_KOREAN}\r\nX-INJ:3`, language: 'ko', publicUrl: 'https://twins.example.org', timeZone: 'Asia/Seoul', entries });

  it('escapes every text property, the calendar’s name included: nothing injected starts a line', () => {
    expect(text).not.toMatch(/^(ATTACH|X-INJ)/m);
    expect(text.split('\r\n').filter((line) => line.startsWith('NAME:') || line.startsWith('X-WR-CALNAME:'))).toEqual([
      'NAME:Seminar\\nATTACH:https://evil.example/x\\nX-INJ:1',
      'X-WR-CALNAME:Seminar\\nATTACH:https://evil.example/x\\nX-INJ:1',
    ]);
    // RFC 7986 NAME and X-WR-CALNAME are TEXT: read them as calendar apps do (ical.js leaves unknown properties raw).
    for (const property of ['name', 'x-wr-calname']) ICAL.design.icalendar.property[property] ??= { defaultType: 'text' };
    const calendar = new ICAL.Component(ICAL.parse(text));
    const names = calendar.getAllProperties().map((p) => p.name);
    expect(names).not.toContain('attach');
    expect(names).not.toContain('x-inj');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(readBack(HOSTILE));
    expect(calendar.getFirstPropertyValue('name')).toBe(readBack(HOSTILE));
  });

  it('round-trips titles, descriptions and venues exactly, line breaks as LF, and folds at 75 octets without splitting a character', () => {
    const [hostile, korean] = parse(text);
    for (const event of [hostile, korean]) expect(event.getAllProperties().map((p) => p.name)).not.toEqual(expect.arrayContaining(['attach', 'x-inj']));
    expect(hostile.getFirstPropertyValue('summary')).toBe(readBack(HOSTILE));
    expect(hostile.getFirstPropertyValue('location')).toBe('BEXCO\nATTACH:x;y,z\\');
    // After the first paragraph, when it is.
    expect(String(hostile.getFirstPropertyValue('description')).split('\n\n').slice(1).join('\n\n')).toBe([readBack(NASTY), URL_].join('\n\n'));
    expect(korean.getFirstPropertyValue('summary')).toBe(LONG_KOREAN);
    expect(korean.getFirstPropertyValue('location')).toBe('https://meet.example.org/a,b;c');
    expect(text).toContain('SUMMARY:부산·리버풀');
    expect(text.split('\r\n').some((line) => line.startsWith(' '))).toBe(true);
    expectFolded(text);
  });

  it('does the same in Korean: the Korean title and description, the name a line of its own', () => {
    expect(korean).not.toMatch(/^(ATTACH|X-INJ)/m);
    const [hostile, koreanOnly] = parse(korean);
    expect(hostile.getFirstPropertyValue('summary')).toBe(LONG_KOREAN);
    expect(hostile.getFirstPropertyValue('location')).toBe('BEXCO\nATTACH:x;y,z\\');
    expect(String(hostile.getFirstPropertyValue('description')).split('\n\n').slice(1).join('\n\n')).toBe([`${LONG_KOREAN}\nX-INJ:2`, URL_].join('\n\n'));
    expect(koreanOnly.getFirstPropertyValue('summary')).toBe(LONG_KOREAN);
    expect(koreanOnly.getFirstPropertyValue('description')).toContain('참여 링크: https://meet.example.org/a,b;c');
    expect(new ICAL.Component(ICAL.parse(korean)).getFirstPropertyValue('x-wr-calname')).toBe(`${LONG_KOREAN}\nX-INJ:3`);
    expectFolded(korean);
  });

  it('cleans text once and escapes it once: no double escaping', () => {
    expect(calendarText('a\r\nb\rc\u0000d\u007fe\tf')).toBe('a\nb\ncde\tf');
    expect(calendarProperty('a;b,c\\d\r\ne')).toBe('a\\;b\\,c\\\\d\\ne');
    const [event] = parse(buildCalendar({ name: 'T', language: 'en', publicUrl: 'https://twins.example.org', timeZone: 'UTC', entries: [entry({ title: { en: 'Q&A: a\\n is not a break', ko: null } })] }));
    expect(event.getFirstPropertyValue('summary')).toBe('Q&A: a\\n is not a break');
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
