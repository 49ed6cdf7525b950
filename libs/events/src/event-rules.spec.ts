import { EventFormat } from './entities/programme-event.entity';
import { DAY_MS, dueReminder, eventShapeProblems, EventShape, HOUR_MS, registrationState } from './event-rules';

const NOW = new Date('2027-05-01T09:00:00Z');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);
const shape = (over: Partial<EventShape> = {}): EventShape => ({
  format: EventFormat.HYBRID,
  venue: 'Liverpool Guild of Students',
  joinUrl: 'https://meet.example.org/seminar',
  startsAt: at(10 * DAY_MS),
  endsAt: at(10 * DAY_MS + 2 * HOUR_MS),
  registrationOpensAt: null,
  registrationClosesAt: null,
  ...over,
});
const fields = (s: EventShape, startsAtChanged = true) => eventShapeProblems(s, NOW, startsAtChanged).map((p) => p.field);

describe('event shape', () => {
  it('accepts a well-formed hybrid event', () => {
    expect(eventShapeProblems(shape(), NOW, true)).toEqual([]);
  });

  it('refuses an end at or before the start, naming endsAt', () => {
    expect(fields(shape({ endsAt: at(10 * DAY_MS) }))).toEqual(['endsAt']);
    const [problem] = eventShapeProblems(shape({ endsAt: at(9 * DAY_MS) }), NOW, true);
    expect(problem.message).toMatchObject({ en: expect.stringContaining('cannot end before it starts') });
  });

  it('says the times in Korean as the event\'s own clock reads them', () => {
    const [problem] = eventShapeProblems(shape({ endsAt: at(9 * DAY_MS) }), NOW, true, 'Asia/Seoul');
    // Starts 2027-05-11 09:00 UTC: 18:00 in Seoul.
    expect(problem.message).toMatchObject({ ko: '시작 시각(2027년 5월 11일 (화) 오후 6:00 (한국 시간))보다 뒤여야 합니다. 행사가 시작하기 전에 끝날 수는 없습니다.' });
  });

  it('refuses a start in the past only when the start changes', () => {
    const begun = shape({ startsAt: at(-HOUR_MS), endsAt: at(HOUR_MS) });
    expect(fields(begun, true)).toEqual(['startsAt']);
    expect(fields(begun, false)).toEqual([]);
  });

  it('asks for a venue in person, a link online, both when hybrid', () => {
    expect(fields(shape({ format: EventFormat.IN_PERSON, venue: null, joinUrl: null }))).toEqual(['venue']);
    expect(fields(shape({ format: EventFormat.ONLINE, venue: null, joinUrl: null }))).toEqual(['joinUrl']);
    expect(fields(shape({ format: EventFormat.HYBRID, venue: null, joinUrl: null }))).toEqual(['venue', 'joinUrl']);
    expect(fields(shape({ format: EventFormat.ONLINE, venue: null }))).toEqual([]);
  });

  it('keeps the registration window before the end and in order', () => {
    expect(fields(shape({ registrationClosesAt: at(11 * DAY_MS) }))).toEqual(['registrationClosesAt']);
    expect(fields(shape({ registrationOpensAt: at(5 * DAY_MS), registrationClosesAt: at(4 * DAY_MS) }))).toEqual(['registrationOpensAt']);
    // Without a close, registration closes at the start: opening after it is refused.
    expect(fields(shape({ registrationOpensAt: at(10 * DAY_MS + HOUR_MS) }))).toEqual(['registrationOpensAt']);
    expect(fields(shape({ registrationOpensAt: at(DAY_MS), registrationClosesAt: at(10 * DAY_MS + HOUR_MS) }))).toEqual([]);
  });
});

describe('registration window', () => {
  const event = { registrationOpensAt: at(DAY_MS), registrationClosesAt: at(5 * DAY_MS), startsAt: at(10 * DAY_MS) };
  it('is not open before the opening, open until the close, closed from the close', () => {
    expect(registrationState(event, NOW)).toBe('NOT_OPEN');
    expect(registrationState(event, at(DAY_MS))).toBe('OPEN');
    expect(registrationState(event, at(5 * DAY_MS - 1))).toBe('OPEN');
    expect(registrationState(event, at(5 * DAY_MS))).toBe('CLOSED');
  });

  it('opens at once and closes at the start when no times are set', () => {
    const plain = { registrationOpensAt: null, registrationClosesAt: null, startsAt: at(DAY_MS) };
    expect(registrationState(plain, NOW)).toBe('OPEN');
    expect(registrationState(plain, at(DAY_MS))).toBe('CLOSED');
  });
});

describe('due reminder', () => {
  const start = at(3 * DAY_MS);
  const early = NOW;
  it('is nothing until a day before, then the day reminder, then the hour reminder, then nothing once started', () => {
    expect(dueReminder(start, at(DAY_MS), early)).toBeNull();
    expect(dueReminder(start, at(2 * DAY_MS), early)).toBe('DAY');
    expect(dueReminder(start, at(3 * DAY_MS - 2 * HOUR_MS), early)).toBe('DAY');
    expect(dueReminder(start, at(3 * DAY_MS - HOUR_MS), early)).toBe('HOUR');
    expect(dueReminder(start, at(3 * DAY_MS - 60_000), early)).toBe('HOUR');
    expect(dueReminder(start, start, early)).toBeNull();
  });

  it('is not owed to someone who took their place after its moment', () => {
    const late = at(3 * DAY_MS - 5 * HOUR_MS);
    expect(dueReminder(start, at(3 * DAY_MS - 4 * HOUR_MS), late)).toBeNull();
    expect(dueReminder(start, at(3 * DAY_MS - 30 * 60_000), late)).toBe('HOUR');
  });
});
