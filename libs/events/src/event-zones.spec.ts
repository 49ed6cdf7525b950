import { mergeZones } from './event-zones';

describe('mergeZones', () => {
  it('puts the event’s zone first and lists each zone once, naming the city', () => {
    expect(mergeZones('Asia/Seoul', [{ timeZone: 'Europe/London', cityId: 'liverpool' }, { timeZone: 'Asia/Seoul', cityId: 'busan' }])).toEqual([
      { timeZone: 'Asia/Seoul', cityId: 'busan' },
      { timeZone: 'Europe/London', cityId: 'liverpool' },
    ]);
  });

  it('keeps a third zone when the event takes place elsewhere', () => {
    expect(mergeZones('Europe/Paris', [{ timeZone: 'Europe/London' }, { timeZone: 'Asia/Seoul' }]).map((z) => z.timeZone)).toEqual(['Europe/Paris', 'Europe/London', 'Asia/Seoul']);
  });
});
