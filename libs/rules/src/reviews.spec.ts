import { roundScore, weightedScore } from './reviews';

const WEIGHTS = new Map([
  ['impact', 40],
  ['feasibility', 30],
  ['partnership', 30],
]);
const scores = (impact: number, feasibility: number, partnership: number) => [
  { criterionKey: 'impact', score: impact },
  { criterionKey: 'feasibility', score: feasibility },
  { criterionKey: 'partnership', score: partnership },
];

describe('review scores', () => {
  it('weighs each criterion by the call’s weight', () => {
    expect(weightedScore(scores(5, 4, 3), WEIGHTS)).toBeCloseTo(4.1, 10);
    expect(weightedScore(scores(4, 5, 3), WEIGHTS)).toBeCloseTo(4, 10);
    expect(weightedScore([{ criterionKey: 'unknown', score: 5 }], WEIGHTS)).toBe(0);
  });

  it('rounds to two places the way a person does, whatever the float beneath', () => {
    expect(roundScore(4.05)).toBe(4.05);
    expect(roundScore(3.705)).toBe(3.71);
    expect(roundScore(1.005)).toBe(1.01);
    expect(roundScore(3.7)).toBe(3.7);
    expect(roundScore((4.1 + 4) / 2)).toBe(4.05);
    expect(roundScore(10 / 3)).toBe(3.33);
  });
});
