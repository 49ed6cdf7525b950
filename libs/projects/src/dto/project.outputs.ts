import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Allow, LocalizedText, ONE_PER_COUNTRY } from '@app/core';
import { City } from '@app/cities';
import { User } from '@app/identity';
import { ProjectStage, ProjectType, RiskLevel } from '../entities/project.entity';

@ObjectType({ description: "A project's lead in one of the two cities." })
@Allow('SIGNED_IN')
export class ProjectLead {
  @Field(() => City) city: City;
  @Field(() => User) user: User;
}

@ObjectType()
@Allow('SIGNED_IN')
export class ProjectOutput {
  @Field(() => LocalizedText) title: LocalizedText;
  @Field(() => String, { nullable: true }) url: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) deliveredOn: string | null;
}

@ObjectType()
@Allow('SIGNED_IN')
export class ProjectRisk {
  @Field(() => LocalizedText) description: LocalizedText;
  @Field(() => RiskLevel) likelihood: RiskLevel;
  @Field(() => RiskLevel) impact: RiskLevel;
  @Field(() => LocalizedText, { nullable: true }) mitigation: LocalizedText | null;
}

/** What everyone may read of a project whose leads published it. */
@ObjectType({ description: 'The public summary of a joint project, once its leads publish it.' })
@Allow('PUBLIC')
export class PublishedProject {
  @Field(() => ID) id: string;
  @Field(() => ID) twinningId: string;
  @Field(() => LocalizedText) title: LocalizedText;
  @Field(() => LocalizedText) summary: LocalizedText;
  @Field(() => [String], { description: 'Sector keys.' }) sectors: string[];
  @Field(() => ProjectStage) stage: ProjectStage;
  @Field(() => ProjectType) type: ProjectType;
  @Field() startDate: string;
  @Field(() => String, { nullable: true }) endDate: string | null;
  @Field(() => [City], { complexity: ONE_PER_COUNTRY, description: 'The twinned cities, city A first.' }) cities: City[];
  @Field() publishedAt: Date;
  @Field(() => Date, { nullable: true }) closedAt: Date | null;
}
