import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, Length } from 'class-validator';
import { Allow, listOfAtMost, PageArgs } from '@app/core';
import { READINESS_RUBRIC } from '../rubric';

@ObjectType('RubricLevel', { description: 'One score of a rubric criterion and what it means.' })
@Allow('PUBLIC')
export class RubricLevelView {
  @Field(() => Int) score: number;
  @Field() descriptionEn: string;
  @Field() descriptionKo: string;
}

@ObjectType('ReadinessCriterion', { description: "One sub-score of the founding report's internationalisation readiness rubric." })
@Allow('PUBLIC')
export class ReadinessCriterionView {
  @Field({ description: 'The input field, e.g. strategy or visibleHome.' }) key: string;
  @Field() labelEn: string;
  @Field() labelKo: string;
  @Field(() => Int) min: number;
  @Field(() => Int) max: number;
  @Field(() => [RubricLevelView], { complexity: listOfAtMost(Math.max(...READINESS_RUBRIC.map((c) => c.levels.length))) }) levels: RubricLevelView[];
}

@ArgsType()
export class EvidenceAuditArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only changes to this city’s evidence.' })
  @IsOptional() @IsString() @Length(1, 100)
  cityId?: string;
}
