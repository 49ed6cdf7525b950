import { quorum, quorumWords, QuorumStatus, tally, Voter } from './quorum';

const NAMES = new Map([
  ['GB', { en: 'United Kingdom', ko: '영국' }],
  ['KR', { en: 'Republic of Korea', ko: '대한민국' }],
]);
const said = (status: QuorumStatus) => quorumWords(status, NAMES);

const gb = (n: number): Voter => ({ memberId: `gb-${n}`, countryCode: 'GB' });
const kr = (n: number): Voter => ({ memberId: `kr-${n}`, countryCode: 'KR' });
const COUNTRIES = ['GB', 'KR'];

describe('quorum', () => {
  it('is met by a majority of eligible members including every country', () => {
    const status = quorum([gb(1), gb(2), kr(1), kr(2), kr(3)], [gb(1), kr(1), kr(2)], COUNTRIES);
    expect(status).toMatchObject({ eligibleMembers: 5, votesCast: 3, votesNeeded: 3, countriesMissing: [], met: true });
    expect(said(status)).toEqual({
      en: 'Quorum met: 3 of 5 eligible members voted, including members from every contributing country.',
      ko: '의결정족수를 채웠습니다: 표결할 수 있는 위원 5명 중 3명이 투표했고, 모든 참여국의 위원이 투표했습니다.',
    });
  });

  it('needs more than half: exactly half of four is not a majority', () => {
    const status = quorum([gb(1), gb(2), kr(1), kr(2)], [gb(1), kr(1)], COUNTRIES);
    expect(status).toMatchObject({ eligibleMembers: 4, votesCast: 2, votesNeeded: 3, countriesMissing: [], met: false });
    expect(said(status)).toEqual({
      en: 'No quorum yet: 2 of 4 eligible members voted; 3 needed. 1 more member must vote.',
      ko: '아직 의결정족수에 미달합니다: 표결할 수 있는 위원 4명 중 2명이 투표했고, 3명이 투표해야 합니다. 위원 1명이 더 투표해야 합니다.',
    });
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
    expect(said(status)).toEqual({
      en: 'No quorum yet: 2 of 3 eligible members voted; 2 needed. 1 more member from the United Kingdom must vote.',
      ko: '아직 의결정족수에 미달합니다: 표결할 수 있는 위원 3명 중 2명이 투표했고, 2명이 투표해야 합니다. 영국 위원 1명이 더 투표해야 합니다.',
    });
  });

  it('lists every country missing', () => {
    const status = quorum([gb(1), kr(1), kr(2)], [], COUNTRIES);
    expect(status.countriesMissing).toEqual(['GB', 'KR']);
    expect(status.met).toBe(false);
    expect(said(status).en).toContain('2 more members must vote, including 1 from the United Kingdom and 1 from the Republic of Korea.');
    expect(said(status).ko).toContain('위원 2명이 더 투표해야 하며, 그중 영국 위원이 1명 이상, 대한민국 위원이 1명 이상이어야 합니다.');
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
    expect(said(short).en).toContain('3 needed. 1 more member from the United Kingdom must vote.');

    expect(quorum(eligible, [gb(1), gb(2), kr(1), kr(2)], COUNTRIES, 2).met).toBe(true);
  });

  it('says no quorum is possible when a country has no eligible member', () => {
    const status = quorum([kr(1), kr(2), kr(3)], [kr(1), kr(2), kr(3)], COUNTRIES);
    expect(status.met).toBe(false);
    expect(status.countriesMissing).toEqual(['GB']);
    expect(said(status)).toEqual({
      en: 'No quorum is possible: the United Kingdom has no member without a conflict of interest on this application. An admin needs to appoint more members.',
      ko: '의결정족수를 채울 수 없습니다: 이 신청서에 이해충돌이 없는 영국 위원이 없습니다. 관리자가 위원을 더 임명해야 합니다.',
    });
  });

  it('says no quorum is possible, in the plural, when several countries fall short of minPerCountry', () => {
    const status = quorum([gb(1), kr(1)], [gb(1), kr(1)], COUNTRIES, 2);
    expect(status.met).toBe(false);
    expect(said(status)).toEqual({
      en: 'No quorum is possible: the United Kingdom and the Republic of Korea have fewer than 2 members without a conflict of interest on this application. An admin needs to appoint more members.',
      ko: '의결정족수를 채울 수 없습니다: 이 신청서에 이해충돌이 없는 영국과 대한민국 위원이 2명보다 적습니다. 관리자가 위원을 더 임명해야 합니다.',
    });
  });

  it('is never met with no eligible members', () => {
    const status = quorum([], [gb(1)], []);
    expect(status).toMatchObject({ eligibleMembers: 0, votesCast: 0, votesNeeded: 1, countriesMissing: [], met: false });
    expect(said(quorum([], [], COUNTRIES)).en).toContain('No quorum is possible');
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
