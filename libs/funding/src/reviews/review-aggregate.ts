import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Allow } from '@app/core';
import { roundScore, weightedScore } from '@app/rules';

export { weightedScore };

export enum Recommendation {
  FUND = 'FUND',
  FUND_WITH_CONDITIONS = 'FUND_WITH_CONDITIONS',
  DO_NOT_FUND = 'DO_NOT_FUND',
}
registerEnumType(Recommendation, { name: 'Recommendation' });

/** Why a reader sees how many reviews are in but not what they say. */
export enum ReviewsHidden {
  /** The reader is an assigned reviewer who has not submitted: the others' would sway theirs. */
  YOUR_REVIEW_PENDING = 'YOUR_REVIEW_PENDING',
  /** The reader is a board member who does not review it: the board reads the reviews once it is on a meeting's agenda. */
  NOT_ON_AGENDA = 'NOT_ON_AGENDA',
}
registerEnumType(ReviewsHidden, { name: 'ReviewsHidden' });

export interface CriterionScoreData {
  criterionKey: string;
  score: number;
  comment: string | null;
}

@ObjectType({
  description:
    'The reviews of an application taken together: the ones that count towards its decision (submitted by members who still sit on the board and are not conflicted), the same ones `reviews` lists and `recordFundingDecision` counts. Scores are rounded once, here, to two decimal places.',
})
@Allow('SIGNED_IN')
export class ReviewSummary {
  @Field(() => Int, { description: 'Reviews that count towards the decision, whether or not the reader may read them yet.' }) reviewsSubmitted: number;
  @Field(() => Int, { description: 'Reviews the call needs before the board decides.' }) reviewsNeeded: number;
  @Field(() => ReviewsHidden, { nullable: true, description: 'Why the reader may not read them yet (the figures below are then null); null when they may.' }) hidden: ReviewsHidden | null;
  @Field(() => Float, { nullable: true, description: 'Mean of each review’s weighted score (`Review.weightedScore`), on the call’s scale (1 to scoreScaleMax).' }) weightedScore: number | null;
  @Field(() => Float, { nullable: true, description: 'The same as a percentage of the scale (0 = all lowest, 100 = all highest).' }) percent: number | null;
  @Field(() => Float, { nullable: true, description: 'Highest minus lowest weighted score.' }) spread: number | null;
  @Field({ description: 'Reviewers disagree: the spread is at least a quarter of the scale, or some recommend funding and some do not.' }) disagreement: boolean;
  @Field(() => Int, { nullable: true }) recommendFund: number | null;
  @Field(() => Int, { nullable: true }) recommendFundWithConditions: number | null;
  @Field(() => Int, { nullable: true }) recommendDoNotFund: number | null;
}

/**
 * The reviews that count towards an application's decision: submitted, not
 * withdrawn, by a member who still sits on the board and is not conflicted on
 * it. The summary, the list the board reads and the decision's check all
 * count these, so no page can show a number the decision does not use.
 */
export function countingReviews<R extends { memberId: string; submittedAt: Date | null; withdrawnAt: Date | null }>(reviews: readonly R[], eligibleMemberIds: ReadonlySet<string>): R[] {
  return reviews.filter((r) => r.submittedAt && !r.withdrawnAt && eligibleMemberIds.has(r.memberId));
}

export function summarise(
  reviews: ReadonlyArray<{ scores: readonly CriterionScoreData[]; recommendation: Recommendation }>,
  weights: ReadonlyMap<string, number>,
  scaleMax: number,
  reviewsNeeded: number,
  hidden: ReviewsHidden | null = null,
): ReviewSummary {
  if (hidden) {
    return Object.assign(new ReviewSummary(), {
      reviewsSubmitted: reviews.length,
      reviewsNeeded,
      hidden,
      weightedScore: null,
      percent: null,
      spread: null,
      disagreement: false,
      recommendFund: null,
      recommendFundWithConditions: null,
      recommendDoNotFund: null,
    });
  }
  const scores = reviews.map((r) => weightedScore(r.scores, weights));
  const count = (rec: Recommendation) => reviews.filter((r) => r.recommendation === rec).length;
  const mean = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
  const spread = scores.length ? Math.max(...scores) - Math.min(...scores) : null;
  const fund = count(Recommendation.FUND) + count(Recommendation.FUND_WITH_CONDITIONS);
  const split = fund > 0 && count(Recommendation.DO_NOT_FUND) > 0;
  return Object.assign(new ReviewSummary(), {
    reviewsSubmitted: reviews.length,
    reviewsNeeded,
    hidden: null,
    weightedScore: mean === null ? null : roundScore(mean),
    percent: mean === null ? null : roundScore(((mean - 1) / (scaleMax - 1)) * 100),
    spread: spread === null ? null : roundScore(spread),
    disagreement: split || (spread !== null && spread >= (scaleMax - 1) / 4),
    recommendFund: count(Recommendation.FUND),
    recommendFundWithConditions: count(Recommendation.FUND_WITH_CONDITIONS),
    recommendDoNotFund: count(Recommendation.DO_NOT_FUND),
  });
}
