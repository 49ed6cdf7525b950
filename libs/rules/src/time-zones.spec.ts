import { formatClock, formatDay, formatInstant, formatSpan, KR_ZONE, UK_ZONE, utcOffset, zoneAbbreviation, zoneChoiceLabel, zoneChoices, zoneFullName, zoneName } from './time-zones';

// 29 March 2026, 14:00 UTC: London has just moved to BST (01:00 UTC that day), Seoul is at 23:00.
const SUMMER = new Date('2026-03-29T14:00:00Z');
// 15 January 2026, 14:00 UTC: London on GMT.
const WINTER = new Date('2026-01-15T14:00:00Z');

describe('zone names', () => {
  it.each([
    [UK_ZONE, SUMMER, 'BST', 'BST', '영국 시간', 'British Summer Time (BST)', '영국 서머타임 (BST)'],
    [UK_ZONE, WINTER, 'GMT', 'GMT', '영국 시간', 'Greenwich Mean Time (GMT)', '영국 표준시 (GMT)'],
    [KR_ZONE, SUMMER, 'KST', 'KST', '한국 시간', 'Korea Standard Time (KST)', '한국 표준시 (KST)'],
    [KR_ZONE, WINTER, 'KST', 'KST', '한국 시간', 'Korea Standard Time (KST)', '한국 표준시 (KST)'],
    ['Europe/Paris', SUMMER, null, 'Paris time', '파리 시간', 'Paris time (GMT+2)', '파리 시간 (GMT+2)'],
    ['Europe/Paris', WINTER, null, 'Paris time', '파리 시간', 'Paris time (GMT+1)', '파리 시간 (GMT+1)'],
    ['Asia/Kolkata', WINTER, null, 'Kolkata time', '콜카타 시간', 'Kolkata time (GMT+5:30)', '콜카타 시간 (GMT+5:30)'],
    ['America/New_York', WINTER, null, 'New York time', '뉴욕 시간', 'New York time (GMT-5)', '뉴욕 시간 (GMT-5)'],
    ['UTC', SUMMER, 'UTC', 'UTC', 'UTC', 'Coordinated Universal Time (UTC)', '협정 세계시 (UTC)'],
  ])('%s on %s: %s, %s, %s', (zone, at, abbreviation, en, ko, fullEn, fullKo) => {
    expect(zoneAbbreviation(zone, at)).toBe(abbreviation);
    expect(zoneName(zone, at, 'en')).toBe(en);
    expect(zoneName(zone, at, 'ko')).toBe(ko);
    expect(zoneFullName(zone, at, 'en')).toBe(fullEn);
    expect(zoneFullName(zone, at, 'ko')).toBe(fullKo);
  });

  it('tells BST from GMT on the day the clocks change', () => {
    expect(zoneAbbreviation(UK_ZONE, '2026-03-29T00:59:59Z')).toBe('GMT');
    expect(zoneAbbreviation(UK_ZONE, '2026-03-29T01:00:00Z')).toBe('BST');
    expect(zoneAbbreviation(UK_ZONE, '2026-10-25T00:59:59Z')).toBe('BST');
    expect(zoneAbbreviation(UK_ZONE, '2026-10-25T01:00:00Z')).toBe('GMT');
    expect(utcOffset(UK_ZONE, SUMMER)).toBe('+01:00');
    expect(utcOffset(KR_ZONE, SUMMER)).toBe('+09:00');
    expect(utcOffset('America/New_York', WINTER)).toBe('-05:00');
  });
});

describe('times written for a reader', () => {
  it('writes summer and winter in English and Korean, the zone named', () => {
    expect(formatInstant(SUMMER, UK_ZONE, 'en')).toBe('Sun 29 Mar 2026, 15:00 BST');
    expect(formatInstant(SUMMER, KR_ZONE, 'en')).toBe('Sun 29 Mar 2026, 23:00 KST');
    expect(formatInstant(SUMMER, KR_ZONE, 'ko')).toBe('2026년 3월 29일 (일) 오후 11:00 (한국 시간)');
    expect(formatInstant(SUMMER, UK_ZONE, 'ko')).toBe('2026년 3월 29일 (일) 오후 3:00 (영국 시간)');
    expect(formatInstant(WINTER, UK_ZONE, 'en', { long: true })).toBe('Thursday 15 January 2026, 14:00 GMT');
    expect(formatInstant(WINTER, KR_ZONE, 'ko')).toBe('2026년 1월 15일 (목) 오후 11:00 (한국 시간)');
    expect(formatInstant(WINTER, 'Europe/Paris', 'en')).toBe('Thu 15 Jan 2026, 15:00 Paris time');
    expect(formatInstant(WINTER, 'Europe/Paris', 'ko', { zone: false })).toBe('2026년 1월 15일 (목) 오후 3:00');
  });

  it('reads midnight and noon as Korean does', () => {
    expect(formatClock('2026-01-15T15:00:00Z', KR_ZONE, 'ko')).toBe('오전 12:00');
    expect(formatClock('2026-01-15T03:05:00Z', KR_ZONE, 'ko')).toBe('오후 12:05');
    expect(formatClock('2026-01-15T00:30:00Z', KR_ZONE, 'ko')).toBe('오전 9:30');
    expect(formatClock('2026-01-15T00:30:00Z', UK_ZONE, 'en')).toBe('00:30');
  });

  it('gives the day in the zone, which may be another day than UTC’s', () => {
    expect(formatDay('2026-01-15T20:00:00Z', KR_ZONE, 'ko')).toBe('2026년 1월 16일 (금)');
    expect(formatDay('2026-01-15T20:00:00Z', UK_ZONE, 'en', { year: false })).toBe('Thu 15 Jan');
  });
});

describe('the zone picker', () => {
  it('names cities in the reader’s language, the two countries first', () => {
    const en = zoneChoices('en', [], WINTER);
    expect(en.slice(0, 2)).toEqual([
      { value: UK_ZONE, label: 'London (GMT/BST)' },
      { value: KR_ZONE, label: 'Seoul (KST)' },
    ]);
    const ko = zoneChoices('ko', [], WINTER);
    expect(ko.slice(0, 2)).toEqual([
      { value: KR_ZONE, label: '서울 (KST)' },
      { value: UK_ZONE, label: '런던 (GMT/BST)' },
    ]);
    expect(ko.find((c) => c.value === 'Europe/Paris')?.label).toBe('파리 (GMT+1)');
    expect(ko.every((c) => !/[A-Za-z]{4,}/.test(c.label))).toBe(true);
  });

  it('sorts the rest by name and keeps a chosen zone it does not list', () => {
    const labels = zoneChoices('en', ['Pacific/Port_Moresby'], WINTER).slice(2).map((c) => c.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'en')));
    expect(labels).toContain('Port Moresby (GMT+10)');
    expect(zoneChoices('en', [], WINTER).filter((c) => c.label.startsWith('Kyiv'))).toHaveLength(1);
    expect(zoneChoiceLabel('UTC', 'ko')).toBe('UTC');
  });
});

describe('spans of time', () => {
  it('write the day once when both ends fall on it there', () => {
    const from = '2027-06-03T09:00:00Z';
    const to = '2027-06-03T11:00:00Z';
    expect(formatSpan(from, to, UK_ZONE, 'en')).toBe('Thu 3 Jun 2027, 10:00–12:00 BST');
    expect(formatSpan(from, to, KR_ZONE, 'ko')).toBe('2027년 6월 3일 (목) 오후 6:00~8:00 (한국 시간)');
    expect(formatSpan('2027-06-03T02:00:00Z', '2027-06-03T04:00:00Z', KR_ZONE, 'ko')).toBe('2027년 6월 3일 (목) 오전 11:00~오후 1:00 (한국 시간)');
    expect(formatSpan(from, '2027-06-04T11:00:00Z', UK_ZONE, 'en', { long: true })).toBe('Thursday 3 June 2027, 10:00 BST – Friday 4 June 2027, 12:00 BST');
  });
});
