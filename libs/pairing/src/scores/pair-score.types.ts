import { Field, Float, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsInt, IsNumber, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { Allow } from '@app/core';

export enum ConfidenceLabel {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}
registerEnumType(ConfidenceLabel, { name: 'ConfidenceLabel' });

@ObjectType({ description: 'One pillar of a pair score: a number in [0, 1] and 1–3 stars; both null when the evidence is missing.' })
@Allow('PUBLIC')
export class PillarScore {
  @Field(() => Float, { nullable: true, description: 'Observed, from the evidence present; null when there is too little to judge the pillar.' }) score: number | null;
  @Field(() => Int, { nullable: true, description: "1–3 against the comparison set (relationship: the report's formality rubric)." }) stars: number | null;
  @Field(() => Float, { description: "Share of the pillar's evidence present, 0–1; 0 when the pillar has no score." }) evidence: number;
}

@ObjectType({ description: 'How much evidence a score rests on.' })
@Allow('PUBLIC')
export class PairCoverage {
  @Field(() => Int, { description: 'Indicators known for both cities and used.' }) indicatorsUsed: number;
  @Field(() => Int, { description: 'Numeric indicators (not yes/no ones) known for both cities.' }) numericUsed: number;
  @Field(() => Int, { description: 'Numeric indicators the profile weighs that city A has a figure for.' }) numericKnownA: number;
  @Field(() => Int, { description: 'The same for city B.' }) numericKnownB: number;
  @Field(() => Int, { description: 'Numeric indicators the profile weighs.' }) numericWeighted: number;
  @Field(() => Int, { description: 'Numeric indicators similarity needs known for both cities before it is scored.' }) numericMinimum: number;
  @Field(() => Int, { description: 'Indicators the weight profile uses.' }) indicatorsWeighted: number;
  @Field(() => Int, { description: 'Sectors compared (where both cities have sector evidence).' }) sectorsCompared: number;
  @Field(() => Int, { description: 'Readiness assessments available (0–2).' }) assessments: number;
  @Field(() => Int, { description: 'Links known between the two cities.' }) links: number;
  @Field(() => Float, { description: 'Share of the evidence present, 0–1.' }) confidence: number;
  @Field(() => ConfidenceLabel) confidenceLabel: ConfidenceLabel;
}

@InputType({ description: 'Weights for one ranking; omitted parts take the chosen profile (report-default if none).' })
export class WeightsInput {
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(0) @Max(100) similarity?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(0) @Max(100) internationalisation?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(0) @Max(100) synergy?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(0) @Max(100) relationship?: number;
}

@InputType()
export class PairFilterInput {
  @Field(() => Int, { nullable: true, description: 'Only pairs whose two cities are both in this peer group.' })
  @IsOptional() @IsInt() @Min(1) @Max(10)
  peerGroup?: number;

  @Field({ nullable: true, description: 'Only pairs active together in this sector (a sector key, e.g. hydrogen).' })
  @IsOptional() @IsString() @Length(1, 60)
  sector?: string;

  @Field(() => Float, { nullable: true, description: 'Minimum confidence (share of evidence present), 0–1.' })
  @IsOptional() @IsNumber() @Min(0) @Max(1)
  minCoverage?: number;

  @Field(() => Int, { nullable: true, description: 'Minimum overall stars, 1–3.' })
  @IsOptional() @IsInt() @Min(1) @Max(3)
  minStars?: number;

  @Field(() => Int, { nullable: true, description: 'Every pillar at least this many stars, 1–3 (a missing pillar fails it).' })
  @IsOptional() @IsInt() @Min(1) @Max(3)
  minPillarStars?: number;
}

@InputType()
export class ShortlistRuleInput {
  @Field(() => Int, { nullable: true, description: "Only pairs whose two cities are both in this peer group (the report's rule compares peers)." })
  @IsOptional() @IsInt() @Min(1) @Max(10)
  peerGroup?: number;

  @Field(() => Int, { defaultValue: 2, description: 'Every pillar at least this many stars.' })
  @IsInt() @Min(1) @Max(3)
  minPillarStars = 2;

  @Field(() => Float, { nullable: true, description: 'At least this share of the evidence present, 0–1; pairs below medium confidence are never shortlisted.' })
  @IsOptional() @IsNumber() @Min(0) @Max(1)
  minCoverage?: number;

  @Field(() => [String], { nullable: true, description: 'Active together in every one of these sectors.' }) @IsOptional() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(60, { each: true })
  sectors?: string[];
}
