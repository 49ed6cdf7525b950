import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { PageArgs, says, Trim } from '@app/core';
import { EVIDENCE_LIMITS } from '@app/rules';
import { CITY_ID_MESSAGE, DATE_MESSAGE, SOURCE_MAX, SOURCE_MESSAGE, SOURCE_MIN } from '../evidence-common';
import { RUBRIC_BY_KEY, rubricRangeMessage } from '../rubric';
import { DATE_PATTERN } from './common';

const EVIDENCE_MAX = EVIDENCE_LIMITS.text;
type Criterion = Parameters<typeof rubricRangeMessage>[0];
const evidenceMessage = (key: Criterion) =>
  says(
    `must say what the ${key === 'visibleHome' ? 'visible-home' : key} score rests on: a sentence or a link, 2 to ${EVIDENCE_MAX} characters.`,
    `“${RUBRIC_BY_KEY[key].labelKo}” 점수의 근거를 한 문장이나 링크로 써 주세요(2~${EVIDENCE_MAX}자).`,
  );
const score = (key: Criterion) => {
  const { en, ko } = rubricRangeMessage(key);
  return says(en, ko);
};

@InputType({
  description:
    "A new internationalisation readiness assessment of a city on the founding report's rubric (see readinessRubric), " +
    'with evidence (a sentence or a link) for each sub-score. It supersedes the current one, which stays in the history.',
})
export class RecordReadinessAssessmentInput {
  @Field(() => ID, { description: 'The city assessed, e.g. busan.' })
  @IsString() @Length(1, 100, CITY_ID_MESSAGE)
  cityId: string;

  @Field(() => Int, { description: 'Internationalisation strategy, 1 to 5.' })
  @IsInt(score('strategy')) @Min(1, score('strategy')) @Max(5, score('strategy'))
  strategy: number;

  @Field()
  @Trim() @IsString(evidenceMessage('strategy')) @Length(2, EVIDENCE_MAX, evidenceMessage('strategy'))
  strategyEvidence: string;

  @Field(() => Int, { description: 'A visible home for international activity, 0 to 2.' })
  @IsInt(score('visibleHome')) @Min(0, score('visibleHome')) @Max(2, score('visibleHome'))
  visibleHome: number;

  @Field()
  @Trim() @IsString(evidenceMessage('visibleHome')) @Length(2, EVIDENCE_MAX, evidenceMessage('visibleHome'))
  visibleHomeEvidence: string;

  @Field(() => Int, { description: 'Current international partnerships, networks and exchanges, 0 to 3.' })
  @IsInt(score('networks')) @Min(0, score('networks')) @Max(3, score('networks'))
  networks: number;

  @Field()
  @Trim() @IsString(evidenceMessage('networks')) @Length(2, EVIDENCE_MAX, evidenceMessage('networks'))
  networksEvidence: string;

  @Field(() => Int, { description: 'Existing collaboration with the other country, 0 to 4.' })
  @IsInt(score('collaboration')) @Min(0, score('collaboration')) @Max(4, score('collaboration'))
  collaboration: number;

  @Field()
  @Trim() @IsString(evidenceMessage('collaboration')) @Length(2, EVIDENCE_MAX, evidenceMessage('collaboration'))
  collaborationEvidence: string;

  @Field({ description: `Where the assessment comes from (who assessed, what they read): ${SOURCE_MIN} to ${SOURCE_MAX} characters.` })
  @Trim() @IsString(SOURCE_MESSAGE) @Length(SOURCE_MIN, SOURCE_MAX, SOURCE_MESSAGE)
  source: string;

  @Field(() => String, { nullable: true, description: 'The date the assessment is for, YYYY-MM-DD; defaults to today.' })
  @IsOptional() @Matches(DATE_PATTERN, DATE_MESSAGE)
  asOf?: string | null;
}

@ArgsType()
export class CityEvidenceArgs {
  @Field(() => ID, { description: 'The city id, e.g. busan.' })
  @IsString() @Length(1, 100, CITY_ID_MESSAGE)
  cityId: string;
}

@ArgsType()
export class ReadinessHistoryArgs extends PageArgs {
  @Field(() => ID, { description: 'The city id, e.g. busan.' })
  @IsString() @Length(1, 100, CITY_ID_MESSAGE)
  cityId: string;
}
