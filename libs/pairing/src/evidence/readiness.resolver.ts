import { Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Args, Ctx, listOfAtMost, NoArgs, Paginated, RequestContext } from '@app/core';
import { CitiesLoaders, City } from '@app/cities';
import { CityEvidenceArgs, ReadinessHistoryArgs, RecordReadinessAssessmentInput } from './dto/readiness.input';
import { ReadinessCriterionView } from './dto/evidence.types';
import { ReadinessAssessment } from './entities/readiness-assessment.entity';
import { cityOf } from './evidence-common';
import { ReadinessService } from './readiness.service';
import { READINESS_RUBRIC } from './rubric';

export const ReadinessAssessmentConnection = Paginated(ReadinessAssessment);

@Resolver(() => ReadinessAssessment)
export class ReadinessResolver {
  constructor(
    private readonly readiness: ReadinessService,
    private readonly cities: CitiesLoaders,
  ) {}

  @Query(() => [ReadinessCriterionView], {
    complexity: listOfAtMost(READINESS_RUBRIC.length),
    description: "The founding report's internationalisation readiness rubric: each sub-score, its range and what each score means.",
  })
  @Allow('PUBLIC')
  readinessRubric(): ReadinessCriterionView[] {
    return READINESS_RUBRIC.map((c) => ({
      key: c.key,
      labelEn: c.labelEn,
      labelKo: c.labelKo,
      min: c.min,
      max: c.max,
      levels: c.levels.map((l) => ({ score: l.score, descriptionEn: l.en, descriptionKo: l.ko })),
    }));
  }

  @Query(() => ReadinessAssessment, {
    nullable: true,
    description: "A city's current internationalisation readiness assessment; null when none has been recorded. NOT_FOUND for an unknown city.",
  })
  @Allow('PUBLIC')
  cityReadiness(@Args() args: CityEvidenceArgs): Promise<ReadinessAssessment | null> {
    return this.readiness.current(args.cityId);
  }

  @Query(() => ReadinessAssessmentConnection, { description: "All of a city's readiness assessments, newest first (the current one first)." })
  @Allow('PUBLIC')
  cityReadinessHistory(@Args() args: ReadinessHistoryArgs) {
    return this.readiness.history(args.cityId, args);
  }

  @Mutation(() => ReadinessAssessment, {
    description:
      'Record a new readiness assessment for a city; it becomes the current one and the previous one stays in the history. ' +
      "The city's officers (members of its city government organisation) and admins only.",
  })
  @Allow('SIGNED_IN')
  recordReadinessAssessment(@Ctx() ctx: RequestContext, @Args('input') input: RecordReadinessAssessmentInput): Promise<ReadinessAssessment> {
    return this.readiness.record(ctx.user!, input);
  }

  @ResolveField(() => City)
  @Allow('PUBLIC')
  city(assessment: ReadinessAssessment, _args: NoArgs, ctx: RequestContext): Promise<City> {
    return cityOf(this.cities, ctx, assessment.cityId);
  }

  @ResolveField(() => Boolean, { description: 'Whether this is the city’s current assessment (not superseded).' })
  @Allow('PUBLIC')
  current(assessment: ReadinessAssessment): boolean {
    return assessment.supersededAt === null;
  }
}
