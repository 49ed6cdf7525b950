import { calendarLanguage } from './calendar.service';

describe('calendarLanguage', () => {
  it('takes the link’s lang first, then the feed owner’s language, then Accept-Language, then English', () => {
    expect(calendarLanguage({ lang: 'ko', acceptLanguage: 'en-GB,en;q=0.9' }, 'en')).toBe('ko');
    expect(calendarLanguage({ lang: 'en', acceptLanguage: 'ko-KR' }, 'ko')).toBe('en');
    expect(calendarLanguage({ acceptLanguage: 'en-GB' }, 'ko')).toBe('ko');
    expect(calendarLanguage({ acceptLanguage: 'fr;q=1, ko;q=0.8, en;q=0.5' })).toBe('ko');
    expect(calendarLanguage({})).toBe('en');
  });

  it('ignores a lang it does not know, or given twice, so such links still answer', () => {
    expect(calendarLanguage({ lang: 'fr', acceptLanguage: 'ko' })).toBe('ko');
    expect(calendarLanguage({ lang: ['ko', 'en'] })).toBe('en');
    expect(calendarLanguage({ lang: 'KO' }, 'en')).toBe('en');
  });
});
