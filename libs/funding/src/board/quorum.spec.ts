import { quorum, tally, Voter } from './quorum';

const gb = (n: number): Voter => ({ memberId: `gb-${n}`, countryCode: 'GB' });
const kr = (n: number): Voter => ({ memberId: `kr-${n}`, countryCode: 'KR' });
const COUNTRIES = ['GB', 'KR'];

describe('quorum', () => {
  it('is met by a majority of eligible members including every country', () => {
    const status = quorum([gb(1), gb(2), kr(1), kr(2), kr(3)], [gb(1), kr(1), kr(2)], COUNTRIES);
    expect(status).toMatchObject({ eligibleMembers: 5, votesCast: 3, votesNeeded: 3, countriesMissing: [], met: true });
    expect(status.explanation).toBe('Quorum met: 3 of 5 eligible members voted, including GB and KR.');
  });

  it('needs more than half: exactly half of four is not a majority', () => {
    const status = quorum([gb(1), gb(2), kr(1), kr(2)], [gb(1), kr(1)], COUNTRIES);
    expect(status).toMatchObject({ eligibleMembers: 4, votesCast: 2, votesNeeded: 3, countriesMissing: [], met: false });
    expect(status.explanation).toBe('No quorum yet: 2 of 4 eligible members voted; 3 needed.');
    expect(quorum([gb(1), gb(2), kr(1), kr(2)], [gb(1), kr(1), kr(2)], COUNTRIES).met).toBe(true);
  });

  it.each([
    [1, 1],
    [2, 2],
    [3, 2],
    [4, 3],
    [5, 3],
    [6, 4],
  ])('with %i eligible needs %i votes', (eligibleCount, needed) => {
    const eligible = Array.from({ length: eligibleCount }, (_, i) => (i % 2 ? kr(i) : gb(i)));
    expect(quorum(eligible, [], []).votesNeeded).toBe(needed);
  });

  it('needs both countries: 3 eligible, 2 KR votes is a majority but not a quorum', () => {
    const status = quorum([gb(1), kr(1), kr(2)], [kr(1), kr(2)], COUNTRIES);
    expect(status).toMatchObject({ eligibleMembers: 3, votesCast: 2, votesNeeded: 2, met: false });
    expect(status.countriesMissing).toEqual(['GB']);
    expect(status.explanation).toBe('No quorum yet: 2 of 3 eligible members voted; 2 needed, including at least 1 from GB.');
  });

  it('lists every country missing', () => {
    const status = quorum([gb(1), kr(1), kr(2)], [], COUNTRIES);
    expect(status.countriesMissing).toEqual(['GB', 'KR']);
    expect(status.met).toBe(false);
    expect(status.explanation).toContain('including at least 1 from GB and KR.');
  });

  it('ignores votes from members who are not eligible (conflicted members count neither way)', () => {
    // gb-2 declared a conflict, so is not eligible; their vote must not make up the GB side or the majority.
    const eligible = [gb(1), kr(1), kr(2)];
    const status = quorum(eligible, [gb(2), kr(1)], COUNTRIES);
    expect(status).toMatchObject({ eligibleMembers: 3, votesCast: 1, votesNeeded: 2, met: false });
    expect(status.countriesMissing).toEqual(['GB']);

    const withOutsiders = quorum(eligible, [gb(2), gb(3), { memberId: 'someone-else', countryCode: 'KR' }], COUNTRIES);
    expect(withOutsiders.votesCast).toBe(0);
    expect(withOutsiders.countriesMissing).toEqual(['GB', 'KR']);
    expect(withOutsiders.met).toBe(false);
  });

  it('sizes the majority on eligible members only', () => {
    // Six on the board, gb-3 and kr-3 conflicted: four eligible, so three votes are needed, not four.
    const status = quorum([gb(1), gb(2), kr(1), kr(2)], [gb(1), kr(1), kr(2), gb(3), kr(3)], COUNTRIES);
    expect(status.votesNeeded).toBe(3);
    expect(status.votesCast).toBe(3);
    expect(status.met).toBe(true);
  });

  it('requires minPerCountry voters from each country', () => {
    const eligible = [gb(1), gb(2), kr(1), kr(2), kr(3)];
    const short = quorum(eligible, [gb(1), kr(1), kr(2)], COUNTRIES, 2);
    expect(short.votesCast).toBe(3);
    expect(short.votesNeeded).toBe(3);
    expect(short.countriesMissing).toEqual(['GB']);
    expect(short.met).toBe(false);
    expect(short.explanation).toContain('including at least 2 from GB.');

    expect(quorum(eligible, [gb(1), gb(2), kr(1), kr(2)], COUNTRIES, 2).met).toBe(true);
  });

  it('says no quorum is possible when a country has no eligible member', () => {
    const status = quorum([kr(1), kr(2), kr(3)], [kr(1), kr(2), kr(3)], COUNTRIES);
    expect(status.met).toBe(false);
    expect(status.countriesMissing).toEqual(['GB']);
    expect(status.explanation).toBe('No quorum is possible: GB has fewer than 1 non-conflicted member(s). Appoint more members.');
  });

  it('says no quorum is possible, in the plural, when several countries fall short of minPerCountry', () => {
    const status = quorum([gb(1), kr(1)], [gb(1), kr(1)], COUNTRIES, 2);
    expect(status.met).toBe(false);
    expect(status.explanation).toBe('No quorum is possible: GB and KR have fewer than 2 non-conflicted member(s). Appoint more members.');
  });

  it('is never met with no eligible members', () => {
    const status = quorum([], [gb(1)], []);
    expect(status).toMatchObject({ eligibleMembers: 0, votesCast: 0, votesNeeded: 1, countriesMissing: [], met: false });
    expect(quorum([], [], COUNTRIES).explanation).toContain('No quorum is possible');
  });

  it('uses a default of one voter per country', () => {
    expect(quorum([gb(1), kr(1)], [gb(1), kr(1)], COUNTRIES).met).toBe(true);
  });
});

describe('tally', () => {
  const at = (minute: number) => new Date(Date.UTC(2027, 0, 1, 10, minute));
  const vote = (voter: Voter, minute: number) => ({ ...voter, castAt: at(minute) });
  const rule = { countryCodes: COUNTRIES, minPerCountry: 1 };

  it('counts the votes of current, non-conflicted members only', () => {
    // gb-2 is conflicted; kr-9 voted and has left the board since.
    const board = { members: [gb(1), gb(2), kr(1)], conflicts: new Map([['gb-2', {}]]) };
    const { status, counted, eligible } = tally(board, [vote(gb(1), 1), vote(gb(2), 2), vote(kr(9), 3)], rule);
    expect(eligible.map((m) => m.memberId)).toEqual(['gb-1', 'kr-1']);
    expect(counted.map((v) => v.memberId)).toEqual(['gb-1']);
    expect(status).toMatchObject({ eligibleMembers: 2, votesCast: 1, votesNeeded: 2, countriesMissing: ['KR'], met: false });
  });

  it('counts only the votes cast after `since`, when given', () => {
    const board = { members: [gb(1), kr(1)], conflicts: new Map() };
    const votes = [vote(gb(1), 1), vote(kr(1), 5)];
    expect(tally(board, votes, rule).status.met).toBe(true);
    const since = tally(board, votes, rule, at(1));
    expect(since.counted.map((v) => v.memberId)).toEqual(['kr-1']);
    expect(since.status).toMatchObject({ votesCast: 1, countriesMissing: ['GB'], met: false });
  });

  it('applies the board’s rule', () => {
    const board = { members: [gb(1), gb(2), kr(1), kr(2)], conflicts: new Map() };
    const votes = [vote(gb(1), 1), vote(kr(1), 1), vote(kr(2), 1)];
    expect(tally(board, votes, rule).status.met).toBe(true);
    expect(tally(board, votes, { countryCodes: COUNTRIES, minPerCountry: 2 }).status).toMatchObject({ countriesMissing: ['GB'], met: false });
  });
});
