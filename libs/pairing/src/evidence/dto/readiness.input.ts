import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { PageArgs, Trim } from '@app/core';
import { EVIDENCE_LIMITS } from '@app/rules';
import { CITY_ID_MESSAGE, DATE_MESSAGE, SOURCE_MAX, SOURCE_MESSAGE, SOURCE_MIN } from '../evidence-common';
import { rubricRangeMessage } from '../rubric';
import { DATE_PATTERN } from './common';

const EVIDENCE_MAX = EVIDENCE_LIMITS.text;
const evidenceMessage = (what: string) =>
  `must say what the ${what} score rests on: a sentence or a link, 2 to ${EVIDENCE_MAX} characters.`;
const score = (key: Parameters<typeof rubricRangeMessage>[0]) => ({ message: rubricRangeMessage(key) });

@InputType({
  description:
    "A new internationalisation readiness assessment of a city on the founding report's rubric (see readinessRubric), " +
    'with evidence (a sentence or a link) for each sub-score. It supersedes the current one, which stays in the history.',
})
export class RecordReadinessAssessmentInput {
  @Field(() => ID, { description: 'The city assessed, e.g. busan.' })
  @IsString() @Length(1, 100, { message: CITY_ID_MESSAGE })
  cityId: string;

  @Field(() => Int, { description: 'Internationalisation strategy, 1 to 5.' })
  @IsInt(score('strategy')) @Min(1, score('strategy')) @Max(5, score('strategy'))
  strategy: number;

  @Field()
  @Trim() @IsString({ message: evidenceMessage('strategy') }) @Length(2, EVIDENCE_MAX, { message: evidenceMessage('strategy') })
  strategyEvidence: string;

  @Field(() => Int, { description: 'A visible home for international activity, 0 to 2.' })
  @IsInt(score('visibleHome')) @Min(0, score('visibleHome')) @Max(2, score('visibleHome'))
  visibleHome: number;

  @Field()
  @Trim() @IsString({ message: evidenceMessage('visible-home') }) @Length(2, EVIDENCE_MAX, { message: evidenceMessage('visible-home') })
  visibleHomeEvidence: string;

  @Field(() => Int, { description: 'Current international partnerships, networks and exchanges, 0 to 3.' })
  @IsInt(score('networks')) @Min(0, score('networks')) @Max(3, score('networks'))
  networks: number;

  @Field()
  @Trim() @IsString({ message: evidenceMessage('networks') }) @Length(2, EVIDENCE_MAX, { message: evidenceMessage('networks') })
  networksEvidence: string;

  @Field(() => Int, { description: 'Existing collaboration with the other country, 0 to 4.' })
  @IsInt(score('collaboration')) @Min(0, score('collaboration')) @Max(4, score('collaboration'))
  collaboration: number;

  @Field()
  @Trim() @IsString({ message: evidenceMessage('collaboration') }) @Length(2, EVIDENCE_MAX, { message: evidenceMessage('collaboration') })
  collaborationEvidence: string;

  @Field({ description: `Where the assessment comes from (who assessed, what they read): ${SOURCE_MIN} to ${SOURCE_MAX} characters.` })
  @Trim() @IsString({ message: SOURCE_MESSAGE }) @Length(SOURCE_MIN, SOURCE_MAX, { message: SOURCE_MESSAGE })
  source: string;

  @Field(() => String, { nullable: true, description: 'The date the assessment is for, YYYY-MM-DD; defaults to today.' })
  @IsOptional() @Matches(DATE_PATTERN, { message: DATE_MESSAGE })
  asOf?: string | null;
}

@ArgsType()
export class CityEvidenceArgs {
  @Field(() => ID, { description: 'The city id, e.g. busan.' })
  @IsString() @Length(1, 100, { message: CITY_ID_MESSAGE })
  cityId: string;
}

@ArgsType()
export class ReadinessHistoryArgs extends PageArgs {
  @Field(() => ID, { description: 'The city id, e.g. busan.' })
  @IsString() @Length(1, 100, { message: CITY_ID_MESSAGE })
  cityId: string;
}
