import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Allow, LocalizedText, LocalTime, Money, ONE_PER_COUNTRY } from '@app/core';
import { BoardMember } from '../board/board-member.entity';
import { VoteChoice } from '../decisions/vote.entity';
import { DecisionOutcome, ApplicationStatus } from '../applications/application.enums';

@ObjectType({ description: 'A board member’s conflict of interest on an application.' })
@Allow('SIGNED_IN')
export class ApplicationConflict {
  @Field(() => BoardMember) member: BoardMember;
  @Field(() => [String], { description: 'Applying cities where one of their organisations is (automatic).' }) automaticCityIds: string[];
  @Field({ description: 'They belong to the applying workspace (automatic).' }) workspaceMember: boolean;
  @Field(() => String, { nullable: true, description: 'What they declared, if they did.' }) declaredReason: string | null;
}

@ObjectType()
@Allow('SIGNED_IN')
export class CriterionScore {
  @Field() criterionKey: string;
  @Field(() => Int) score: number;
  @Field(() => String, { nullable: true }) comment: string | null;
}

@ObjectType({ description: 'A vote on an agenda item.' })
@Allow('SIGNED_IN')
export class VoteView {
  @Field(() => ID) memberId: string;
  @Field() countryCode: string;
  @Field(() => VoteChoice) choice: VoteChoice;
  @Field() castAt: Date;
}

@ObjectType({ description: 'What the public reads of a decision: outcome, award and rationale, in English and Korean. Never the reviews.' })
@Allow('PUBLIC')
export class FundingDecisionSummary {
  @Field(() => ID) id: string;
  @Field(() => ID) fundId: string;
  @Field(() => DecisionOutcome) outcome: DecisionOutcome;
  @Field(() => LocalizedText, { description: 'The application’s title.' }) title: LocalizedText;
  @Field(() => [String], { description: 'The twinned cities that applied.' }) cityIds: string[];
  @Field(() => [Money], { complexity: ONE_PER_COUNTRY }) amounts: Money[];
  @Field(() => LocalizedText) rationale: LocalizedText;
  @Field(() => LocalizedText, { nullable: true, description: 'What an approval with conditions requires, in English and Korean; null for any other outcome.' }) conditions: LocalizedText | null;
  @Field() decidedAt: Date;
  @Field(() => [LocalTime], { complexity: ONE_PER_COUNTRY, description: 'When it was decided, in both countries’ zones.' }) decidedAtLocal: LocalTime[];
  @Field(() => ID, { nullable: true }) supersedesDecisionId: string | null;
  @Field(() => ID, { nullable: true, description: 'The later decision that replaced this one, if any.' }) supersededByDecisionId: string | null;
  @Field(() => ApplicationStatus, { description: 'Where the application stands now (an award may since have been accepted, declined or closed).' }) applicationStatus: ApplicationStatus;
  @Field(() => [Money], { complexity: ONE_PER_COUNTRY, description: 'What the fund has committed to the application now: after any decline or reduction, and once closed, what was spent.' }) currentAward: Money[];
}

/** What stands between an agenda item and its decision: the reasons `recordFundingDecision` would refuse with, whatever the outcome chosen. */
export enum DecisionBlocker {
  /** The decision on this item has been recorded at this meeting. */
  DECIDED = 'DECIDED',
  /** The application is not where a decision can be taken (withdrawn, say). */
  ILLEGAL_TRANSITION = 'ILLEGAL_TRANSITION',
  /** Fewer reviews count than the call needs (a first decision only). */
  REVIEWS_INCOMPLETE = 'REVIEWS_INCOMPLETE',
  /** The votes that count do not make a quorum. */
  QUORUM_NOT_MET = 'QUORUM_NOT_MET',
}
registerEnumType(DecisionBlocker, { name: 'DecisionBlocker' });

