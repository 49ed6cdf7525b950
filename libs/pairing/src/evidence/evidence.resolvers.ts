import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, listOfAtMost, NotFoundError, PageArgs, Paginated, RequestContext, requestLoader, Role } from '@app/core';
import { CitiesLoaders, City } from '@app/cities';
import { CityLinksService } from './city-links.service';
import { CityLinkIdArgs, CreateCityLinkInput, UpdateCityLinkInput } from './dto/city-link.input';
import { CityEvidenceArgs, ReadinessHistoryArgs, RecordReadinessAssessmentInput } from './dto/readiness.input';
import { ClearSectorActivityInput, SetSectorActivityInput } from './dto/sector-activity.input';
import { MAX_INDICATOR_WEIGHTS, SaveWeightProfileInput, WeightProfileIdArgs } from './dto/weight-profile.input';
import { EvidenceAuditArgs, ReadinessCriterionView } from './dto/evidence.types';
import { CityLink } from './entities/city-link.entity';
import { PairingEvidenceAudit } from './entities/pairing-evidence-audit.entity';
import { ReadinessAssessment } from './entities/readiness-assessment.entity';
import { SectorActivity } from './entities/sector-activity.entity';
import { Sector } from './entities/sector.entity';
import { IndicatorWeight, WeightProfile } from './entities/weight-profile.entity';
import { EvidenceService } from './evidence.service';
import { ReadinessService } from './readiness.service';
import { READINESS_RUBRIC } from './rubric';
import { SectorActivityService } from './sector-activity.service';
import { MAX_PROFILES_PER_USER, WeightProfilesService } from './weight-profiles.service';

export const ReadinessAssessmentConnection = Paginated(ReadinessAssessment);
export const PairingEvidenceAuditConnection = Paginated(PairingEvidenceAudit);

async function cityOf(loaders: CitiesLoaders, ctx: RequestContext, cityId: string): Promise<City> {
  const city = await loaders.city(ctx).load(cityId);
  if (!city) throw new NotFoundError('city', cityId);
  return city;
}

@Resolver(() => Sector)
export class SectorsResolver {
  constructor(private readonly activity: SectorActivityService) {}

  @Query(() => [Sector], { description: "The sectors of the shared taxonomy, the founding report's 14 first." })
  @Allow('PUBLIC')
  sectors(): Promise<Sector[]> {
    return this.activity.sectors();
  }
}

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
  city(@Parent() assessment: ReadinessAssessment, @Ctx() ctx: RequestContext): Promise<City> {
    return cityOf(this.cities, ctx, assessment.cityId);
  }

  @ResolveField(() => Boolean, { description: 'Whether this is the city’s current assessment (not superseded).' })
  @Allow('PUBLIC')
  current(@Parent() assessment: ReadinessAssessment): boolean {
    return assessment.supersededAt === null;
  }
}

@Resolver(() => SectorActivity)
export class SectorActivityResolver {
  constructor(
    private readonly activity: SectorActivityService,
    private readonly cities: CitiesLoaders,
  ) {}

  @Query(() => [SectorActivity], { description: "A city's activity in each sector it is active in, in taxonomy order. NOT_FOUND for an unknown city." })
  @Allow('PUBLIC')
  citySectorActivity(@Args() args: CityEvidenceArgs): Promise<SectorActivity[]> {
    return this.activity.forCity(args.cityId);
  }

  @Mutation(() => SectorActivity, {
    description: "Record a city's activity in one sector (level 1–3 and the projects that justify it), replacing what was there. City officers and admins.",
  })
  @Allow('SIGNED_IN')
  setSectorActivity(@Ctx() ctx: RequestContext, @Args('input') input: SetSectorActivityInput): Promise<SectorActivity> {
    return this.activity.set(ctx.user!, input);
  }

  @Mutation(() => Boolean, {
    description: "Remove a city's activity in one sector; false when none was recorded. City officers and admins.",
  })
  @Allow('SIGNED_IN')
  clearSectorActivity(@Ctx() ctx: RequestContext, @Args('input') input: ClearSectorActivityInput): Promise<boolean> {
    return this.activity.clear(ctx.user!, input.cityId, input.sector);
  }

  @ResolveField(() => City)
  @Allow('PUBLIC')
  city(@Parent() activity: SectorActivity, @Ctx() ctx: RequestContext): Promise<City> {
    return cityOf(this.cities, ctx, activity.cityId);
  }

  @ResolveField(() => Sector)
  @Allow('PUBLIC')
  async sector(@Parent() activity: SectorActivity, @Ctx() ctx: RequestContext): Promise<Sector> {
    const loader = requestLoader(ctx, 'pairing.sectorByKey', (keys: readonly string[]) => this.activity.sectorsByKeys(keys));
    const sector = await loader.load(activity.sectorKey);
    if (!sector) throw new Error(`Sector activity refers to unknown sector ${activity.sectorKey}`);
    return sector;
  }
}

@Resolver(() => CityLink)
export class CityLinksResolver {
  constructor(
    private readonly links: CityLinksService,
    private readonly cities: CitiesLoaders,
  ) {}

  @Query(() => [CityLink], { description: 'The links of a city with cities or places in another country, most formal first. NOT_FOUND for an unknown city.' })
  @Allow('PUBLIC')
  cityLinks(@Args() args: CityEvidenceArgs): Promise<CityLink[]> {
    return this.links.forCity(args.cityId);
  }

  @Mutation(() => CityLink, { description: 'Record a link between cities (or institutions in them) of two countries. Officers of either city, and admins.' })
  @Allow('SIGNED_IN')
  createCityLink(@Ctx() ctx: RequestContext, @Args('input') input: CreateCityLinkInput): Promise<CityLink> {
    return this.links.create(ctx.user!, input);
  }

  @Mutation(() => CityLink, { description: 'Change a link; omitted fields keep their value. Officers of a city on the link, and admins.' })
  @Allow('SIGNED_IN')
  updateCityLink(@Ctx() ctx: RequestContext, @Args('input') input: UpdateCityLinkInput): Promise<CityLink> {
    const { id, ...changes } = input;
    return this.links.update(ctx.user!, id, changes);
  }

  @Mutation(() => Boolean, { description: 'Delete a link (the audit keeps it). Officers of a city on the link, and admins.' })
  @Allow('SIGNED_IN')
  deleteCityLink(@Ctx() ctx: RequestContext, @Args() args: CityLinkIdArgs): Promise<boolean> {
    return this.links.delete(ctx.user!, args.id);
  }

  @ResolveField(() => City)
  @Allow('PUBLIC')
  cityA(@Parent() link: CityLink, @Ctx() ctx: RequestContext): Promise<City> {
    return cityOf(this.cities, ctx, link.cityAId);
  }

  @ResolveField(() => City, { nullable: true, description: 'The other end when it is one of our cities.' })
  @Allow('PUBLIC')
  async cityB(@Parent() link: CityLink, @Ctx() ctx: RequestContext): Promise<City | null> {
    return link.cityBId ? cityOf(this.cities, ctx, link.cityBId) : null;
  }
}

@Resolver(() => WeightProfile)
export class WeightProfilesResolver {
  constructor(private readonly profiles: WeightProfilesService) {}

  // Your own (MAX_PROFILES_PER_USER at most) and the built-in ones (one today; priced at up to five).
  @Query(() => [WeightProfile], { complexity: listOfAtMost(MAX_PROFILES_PER_USER + 5), description: 'The built-in weight profiles (report-default), then your own when signed in.' })
  @Allow('PUBLIC')
  weightProfiles(@Ctx() ctx: RequestContext): Promise<WeightProfile[]> {
    return this.profiles.list(ctx.user);
  }

  @Mutation(() => WeightProfile, { description: 'Save one of your weight profiles (built-in profiles are read-only).' })
  @Allow('SIGNED_IN')
  saveWeightProfile(@Ctx() ctx: RequestContext, @Args('input') input: SaveWeightProfileInput): Promise<WeightProfile> {
    return this.profiles.save(ctx.user!, input);
  }

  @Mutation(() => Boolean, { description: 'Delete one of your weight profiles (built-in profiles cannot be deleted).' })
  @Allow('SIGNED_IN')
  deleteWeightProfile(@Ctx() ctx: RequestContext, @Args() args: WeightProfileIdArgs): Promise<boolean> {
    return this.profiles.delete(ctx.user!, args.id);
  }

  @ResolveField(() => Boolean, { description: 'true for a built-in (read-only) profile.' })
  @Allow('PUBLIC')
  builtIn(@Parent() profile: WeightProfile): boolean {
    return profile.ownerUserId === null;
  }

  @ResolveField(() => [IndicatorWeight], { complexity: listOfAtMost(MAX_INDICATOR_WEIGHTS), description: 'Indicator weights inside the similarity pillar, by key; indicators not listed are not used.' })
  @Allow('PUBLIC')
  indicators(@Parent() profile: WeightProfile): IndicatorWeight[] {
    return Object.entries(profile.indicators)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, weight]) => ({ key, weight }));
  }
}

@Resolver(() => PairingEvidenceAudit)
export class PairingEvidenceAuditResolver {
  constructor(private readonly evidence: EvidenceService) {}

  @Query(() => PairingEvidenceAuditConnection, { description: 'Every change to pairing evidence, newest first: who, what, before and after. Admins only.' })
  @Allow(Role.ADMIN)
  pairingEvidenceAudit(@Args() args: EvidenceAuditArgs) {
    const { cityId, ...page } = args;
    return this.evidence.audit(cityId, page as PageArgs);
  }

  @ResolveField(() => String, { nullable: true, description: 'The record before the change, as JSON; null when it was created.' })
  @Allow(Role.ADMIN)
  before(@Parent() entry: PairingEvidenceAudit): string | null {
    return entry.before == null ? null : JSON.stringify(entry.before);
  }

  @ResolveField(() => String, { nullable: true, description: 'The record after the change, as JSON; null when it was deleted.' })
  @Allow(Role.ADMIN)
  after(@Parent() entry: PairingEvidenceAudit): string | null {
    return entry.after == null ? null : JSON.stringify(entry.after);
  }
}
