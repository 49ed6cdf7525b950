import { countingReviews, CriterionScoreData, Recommendation, ReviewsHidden, summarise, weightedScore } from './review-aggregate';

const WEIGHTS = new Map([
  ['impact', 40],
  ['feasibility', 30],
  ['partnership', 30],
]);
const scores = (impact: number, feasibility: number, partnership: number): CriterionScoreData[] => [
  { criterionKey: 'impact', score: impact, comment: null },
  { criterionKey: 'feasibility', score: feasibility, comment: 'fine' },
  { criterionKey: 'partnership', score: partnership, comment: null },
];
const review = (s: CriterionScoreData[], recommendation = Recommendation.FUND) => ({ scores: s, recommendation });

describe('weightedScore', () => {
  it('is Σ weight × score / Σ weight with weights 40/30/30', () => {
    expect(weightedScore(scores(5, 4, 3), WEIGHTS)).toBeCloseTo(4.1, 10);
    expect(weightedScore(scores(1, 5, 5), WEIGHTS)).toBeCloseTo(3.4, 10);
    expect(weightedScore(scores(3, 3, 3), WEIGHTS)).toBe(3);
  });

  it('gives the heavier criterion more say', () => {
    expect(weightedScore(scores(5, 1, 1), WEIGHTS)).toBeGreaterThan(weightedScore(scores(1, 5, 1), WEIGHTS));
    expect(weightedScore(scores(1, 5, 1), WEIGHTS)).toBe(weightedScore(scores(1, 1, 5), WEIGHTS));
  });

  it('ignores criteria the call does not weight', () => {
    const withExtra = [...scores(4, 4, 4), { criterionKey: 'unknown', score: 1, comment: null }];
    expect(weightedScore(withExtra, WEIGHTS)).toBe(4);
  });

  it('is 0 when nothing weighted was scored', () => {
    expect(weightedScore([], WEIGHTS)).toBe(0);
    expect(weightedScore(scores(5, 5, 5), new Map())).toBe(0);
  });
});

describe('summarise', () => {
  it('averages the weighted scores and puts them on the 1..5 scale as a percent', () => {
    const summary = summarise([review(scores(5, 4, 3)), review(scores(4, 4, 4), Recommendation.FUND_WITH_CONDITIONS)], WEIGHTS, 5, 3);
    expect(summary).toMatchObject({
      reviewsSubmitted: 2,
      reviewsNeeded: 3,
      weightedScore: 4.05,
      percent: 76.25,
      spread: 0.1,
      disagreement: false,
      recommendFund: 1,
      recommendFundWithConditions: 1,
      recommendDoNotFund: 0,
    });
  });

  it('maps the lowest score to 0% and the highest to 100%', () => {
    expect(summarise([review(scores(1, 1, 1))], WEIGHTS, 5, 1).percent).toBe(0);
    expect(summarise([review(scores(5, 5, 5))], WEIGHTS, 5, 1).percent).toBe(100);
    expect(summarise([review(scores(3, 3, 3))], WEIGHTS, 5, 1).percent).toBe(50);
    expect(summarise([review(scores(10, 10, 10))], WEIGHTS, 10, 1).percent).toBe(100);
  });

  it('rounds to two decimals', () => {
    // 4.1, 4 and 4 → mean 4.0333…, percent 75.833…, spread 0.1
    const summary = summarise([review(scores(5, 4, 3)), review(scores(4, 4, 4)), review(scores(4, 4, 4))], WEIGHTS, 5, 3);
    expect(summary.weightedScore).toBe(4.03);
    expect(summary.percent).toBe(75.83);
    expect(summary.spread).toBe(0.1);
  });

  it('has spread 0 and no disagreement with a single review', () => {
    const summary = summarise([review(scores(2, 3, 4), Recommendation.DO_NOT_FUND)], WEIGHTS, 5, 2);
    expect(summary.spread).toBe(0);
    expect(summary.disagreement).toBe(false);
    expect(summary.recommendDoNotFund).toBe(1);
  });

  it('flags disagreement when the spread reaches a quarter of the scale, (5 − 1) / 4 = 1', () => {
    const atBoundary = summarise([review(scores(5, 5, 5)), review(scores(4, 4, 4))], WEIGHTS, 5, 2);
    expect(atBoundary.spread).toBe(1);
    expect(atBoundary.disagreement).toBe(true);

    // 4.7 and 4: spread 0.7, below 1.
    const below = summarise([review(scores(5, 4, 5)), review(scores(4, 4, 4))], WEIGHTS, 5, 2);
    expect(below.spread).toBe(0.7);
    expect(below.disagreement).toBe(false);

    // 5 and 1: spread 4, far above.
    expect(summarise([review(scores(5, 5, 5)), review(scores(1, 1, 1))], WEIGHTS, 5, 2).disagreement).toBe(true);
  });

  it('scales the disagreement threshold with the scale: on 1..9 it is 2', () => {
    expect(summarise([review(scores(6, 6, 6)), review(scores(5, 5, 5))], WEIGHTS, 9, 2).disagreement).toBe(false);
    expect(summarise([review(scores(7, 7, 7)), review(scores(5, 5, 5))], WEIGHTS, 9, 2).disagreement).toBe(true);
  });

  it('flags disagreement when some recommend funding and some do not, whatever the scores', () => {
    const same = scores(4, 4, 4);
    for (const funding of [Recommendation.FUND, Recommendation.FUND_WITH_CONDITIONS]) {
      const summary = summarise([review(same, funding), review(same, Recommendation.DO_NOT_FUND)], WEIGHTS, 5, 2);
      expect(summary.spread).toBe(0);
      expect(summary.disagreement).toBe(true);
    }
  });

  it('does not count FUND against FUND_WITH_CONDITIONS, nor unanimous DO_NOT_FUND, as disagreement', () => {
    const same = scores(4, 4, 4);
    expect(summarise([review(same, Recommendation.FUND), review(same, Recommendation.FUND_WITH_CONDITIONS)], WEIGHTS, 5, 2).disagreement).toBe(false);
    expect(summarise([review(same, Recommendation.DO_NOT_FUND), review(same, Recommendation.DO_NOT_FUND)], WEIGHTS, 5, 2).disagreement).toBe(false);
  });

  it('counts each recommendation', () => {
    const s = scores(3, 3, 3);
    const summary = summarise(
      [review(s, Recommendation.FUND), review(s, Recommendation.FUND), review(s, Recommendation.FUND_WITH_CONDITIONS), review(s, Recommendation.DO_NOT_FUND)],
      WEIGHTS,
      5,
      4,
    );
    expect(summary).toMatchObject({ reviewsSubmitted: 4, recommendFund: 2, recommendFundWithConditions: 1, recommendDoNotFund: 1 });
  });

  it('has no scores and no disagreement with zero reviews', () => {
    const summary = summarise([], WEIGHTS, 5, 3);
    expect(summary).toMatchObject({
      reviewsSubmitted: 0,
      reviewsNeeded: 3,
      weightedScore: null,
      percent: null,
      spread: null,
      disagreement: false,
      recommendFund: 0,
      recommendFundWithConditions: 0,
      recommendDoNotFund: 0,
    });
  });

  it('tells a reader who may not read them yet how many are in, and nothing of what they say', () => {
    const summary = summarise([review(scores(5, 5, 5)), review(scores(1, 1, 1), Recommendation.DO_NOT_FUND)], WEIGHTS, 5, 2, ReviewsHidden.YOUR_REVIEW_PENDING);
    expect(summary).toMatchObject({
      reviewsSubmitted: 2,
      reviewsNeeded: 2,
      hidden: ReviewsHidden.YOUR_REVIEW_PENDING,
      weightedScore: null,
      spread: null,
      disagreement: false,
      recommendFund: null,
      recommendDoNotFund: null,
    });
  });
});

describe('countingReviews', () => {
  it('counts submitted reviews by current members who are not conflicted, and nothing else', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    const reviews = [
      { id: 'submitted', memberId: 'a', submittedAt: at, withdrawnAt: null },
      { id: 'pending', memberId: 'b', submittedAt: null, withdrawnAt: null },
      { id: 'withdrawn', memberId: 'c', submittedAt: at, withdrawnAt: at },
      { id: 'left the board', memberId: 'd', submittedAt: at, withdrawnAt: null },
    ];
    expect(countingReviews(reviews, new Set(['a', 'b', 'c'])).map((r) => r.id)).toEqual(['submitted']);
  });
});
