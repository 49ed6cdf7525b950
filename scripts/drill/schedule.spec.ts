import { digestFallsDue, digestMinute } from './schedule';

describe('the drill’s digest minute', () => {
  // The setup follows the workspace this long after the drill starts (about 15 s here; a slow machine, more).
  const followedAfter = [15_000, 45_000];

  it.each([
    ['a winter afternoon', '2026-12-08T14:20:10Z', 14, 22],
    ['a minute before midnight in London', '2026-12-08T23:59:30Z', 0, 1],
    ['as London’s clocks go forward', '2026-03-29T00:59:30Z', 2, 1],
  ])('on %s, is a London minute the platform reaches from a follow made during the setup', (_when, start, hour, minute) => {
    const chosen = digestMinute(new Date(start));
    expect([chosen.hour, chosen.minute]).toEqual([hour, minute]);
    expect(chosen.at.getTime() - Date.parse(start)).toBeGreaterThanOrEqual(60_000);
    expect(chosen.at.getTime() - Date.parse(start)).toBeLessThanOrEqual(121_000);
    for (const after of followedAfter) expect(digestFallsDue(new Date(Date.parse(start) + after), chosen)).toBe(true);
  });

  it('is owed nothing when the setup ran past it, or when it falls in the hour London repeats', () => {
    const chosen = digestMinute(new Date('2026-12-08T14:20:10Z'));
    expect(digestFallsDue(new Date(chosen.at.getTime() + 1_000), chosen)).toBe(false);
    // 25 October 2026, 01:59:30 BST: the minute chosen, 01:01 GMT, is a local time London had an hour before.
    const repeated = digestMinute(new Date('2026-10-25T00:59:30Z'));
    expect([repeated.hour, repeated.minute, repeated.at.toISOString()]).toEqual([1, 1, '2026-10-25T01:01:00.000Z']);
    expect(digestFallsDue(new Date('2026-10-25T00:59:45Z'), repeated)).toBe(false);
  });
});
