import { eventShapeRules, type EventShapeInput } from './events';

const HOUR = 3_600_000;
const NOW = Date.UTC(2027, 5, 1, 12);
const STARTS = NOW + 48 * HOUR;
const ENDS = NOW + 50 * HOUR;
const base: EventShapeInput = { format: 'IN_PERSON', venue: 'Town hall', joinUrl: null, startsAt: STARTS, endsAt: ENDS, registrationOpensAt: null, registrationClosesAt: null };
const rules = (patch: Partial<EventShapeInput>, startsAtChanged = true) => eventShapeRules({ ...base, ...patch }, NOW, startsAtChanged).map((b) => `${b.field}:${b.rule}`);

describe('event rules', () => {
  it('accepts a well-formed event', () => {
    expect(rules({})).toEqual([]);
  });

  it('wants the end after the start, and a start in the future unless it is kept', () => {
    expect(rules({ endsAt: STARTS })).toEqual(['endsAt:endBeforeStart']);
    expect(rules({ startsAt: NOW, endsAt: NOW + HOUR })).toEqual(['startsAt:startPast']);
    expect(rules({ startsAt: NOW - HOUR, endsAt: NOW + HOUR }, false)).toEqual([]);
  });

  it('wants a venue where people meet and a link where they join online', () => {
    expect(rules({ venue: null })).toEqual(['venue:venueNeeded']);
    expect(rules({ format: 'ONLINE', venue: null })).toEqual(['joinUrl:joinUrlNeeded']);
    expect(rules({ format: 'HYBRID', venue: null })).toEqual(['venue:venueNeeded', 'joinUrl:joinUrlNeeded']);
    expect(rules({ format: 'ONLINE', venue: null, joinUrl: 'https://example.org/join' })).toEqual([]);
  });

  it('keeps registration within the event: it closes by the end and opens before it closes (or before the start)', () => {
    expect(rules({ registrationClosesAt: ENDS + 1 })).toEqual(['registrationClosesAt:closesAfterEnd']);
    expect(rules({ registrationClosesAt: ENDS })).toEqual([]);
    expect(rules({ registrationOpensAt: NOW + HOUR, registrationClosesAt: NOW + HOUR })).toEqual(['registrationOpensAt:opensAfterCloses']);
    expect(rules({ registrationOpensAt: STARTS })).toEqual(['registrationOpensAt:opensAfterStart']);
    expect(rules({ registrationOpensAt: NOW + HOUR })).toEqual([]);
  });

  it('leaves the comparisons with a start or end not given yet until it is', () => {
    expect(rules({ startsAt: null, registrationOpensAt: NOW + 60 * HOUR })).toEqual([]);
    expect(rules({ endsAt: null, registrationClosesAt: NOW + 99 * HOUR })).toEqual([]);
    expect(rules({ startsAt: null, endsAt: null, venue: null })).toEqual(['venue:venueNeeded']);
  });

  it('reports the rules in the order the API names them', () => {
    expect(rules({ endsAt: NOW - 2 * HOUR, startsAt: NOW - HOUR, venue: null, registrationOpensAt: NOW })).toEqual([
      'endsAt:endBeforeStart',
      'startsAt:startPast',
      'venue:venueNeeded',
      'registrationOpensAt:opensAfterStart',
    ]);
  });
});
