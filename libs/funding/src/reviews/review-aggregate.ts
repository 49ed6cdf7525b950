import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Allow } from '@app/core';

export enum Recommendation {
  FUND = 'FUND',
  FUND_WITH_CONDITIONS = 'FUND_WITH_CONDITIONS',
  DO_NOT_FUND = 'DO_NOT_FUND',
}
registerEnumType(Recommendation, { name: 'Recommendation' });

export interface CriterionScoreData {
  criterionKey: string;
  score: number;
  comment: string | null;
}

@ObjectType({ description: 'The reviews of an application taken together.' })
@Allow('SIGNED_IN')
export class ReviewSummary {
  @Field(() => Int) reviewsSubmitted: number;
  @Field(() => Int) reviewsNeeded: number;
  @Field(() => Float, { nullable: true, description: 'Mean of each review’s weighted score, on the call’s scale (1 to scoreScaleMax).' }) weightedScore: number | null;
  @Field(() => Float, { nullable: true, description: 'The same as a percentage of the scale (0 = all lowest, 100 = all highest).' }) percent: number | null;
  @Field(() => Float, { nullable: true, description: 'Highest minus lowest weighted score.' }) spread: number | null;
  @Field({ description: 'Reviewers disagree: the spread is at least a quarter of the scale, or some recommend funding and some do not.' }) disagreement: boolean;
  @Field(() => Int) recommendFund: number;
  @Field(() => Int) recommendFundWithConditions: number;
  @Field(() => Int) recommendDoNotFund: number;
}

/** One review's score: Σ weight × score / Σ weight over the call's criteria. */
export function weightedScore(scores: readonly CriterionScoreData[], weights: ReadonlyMap<string, number>): number {
  let total = 0;
  let weight = 0;
  for (const s of scores) {
    const w = weights.get(s.criterionKey) ?? 0;
    total += w * s.score;
    weight += w;
  }
  return weight ? total / weight : 0;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function summarise(
  reviews: ReadonlyArray<{ scores: readonly CriterionScoreData[]; recommendation: Recommendation }>,
  weights: ReadonlyMap<string, number>,
  scaleMax: number,
  reviewsNeeded: number,
): ReviewSummary {
  const scores = reviews.map((r) => weightedScore(r.scores, weights));
  const count = (rec: Recommendation) => reviews.filter((r) => r.recommendation === rec).length;
  const mean = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
  const spread = scores.length ? Math.max(...scores) - Math.min(...scores) : null;
  const fund = count(Recommendation.FUND) + count(Recommendation.FUND_WITH_CONDITIONS);
  const split = fund > 0 && count(Recommendation.DO_NOT_FUND) > 0;
  return Object.assign(new ReviewSummary(), {
    reviewsSubmitted: reviews.length,
    reviewsNeeded,
    weightedScore: mean === null ? null : round(mean),
    percent: mean === null ? null : round(((mean - 1) / (scaleMax - 1)) * 100),
    spread: spread === null ? null : round(spread),
    disagreement: split || (spread !== null && spread >= (scaleMax - 1) / 4),
    recommendFund: count(Recommendation.FUND),
    recommendFundWithConditions: count(Recommendation.FUND_WITH_CONDITIONS),
    recommendDoNotFund: count(Recommendation.DO_NOT_FUND),
  });
}
