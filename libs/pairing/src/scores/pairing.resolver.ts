import { ArgsType, Field, ID, Int, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Allow, Args, costWhen, Ctx, NoArgs, PageArgs, Paginated, RequestContext, Role, says } from '@app/core';
import { CitiesLoaders, City } from '@app/cities';
import { PairFilterInput, ShortlistRuleInput, WeightsInput } from './pair-score.types';
import { indicatorLabel } from '../engine';
import { PairingQueryService } from './pairing-query.service';
import { CityEvidenceNeed, CityTypologyView, NeedsEvidence, NEEDS_EVIDENCE_LIMIT, PairScoreDetail, PairScoreView, PairShortlist, PartnerSuggestion } from './pairing.views';

export const PairScoreConnection = Paginated(PairScoreView, 'PairScore');
export const PartnerSuggestionConnection = Paginated(PartnerSuggestion);

@ArgsType()
class NeedsEvidenceArgs {
  @Field(() => Int, { defaultValue: 10, description: `How many of the pairs to list (0 to ${NEEDS_EVIDENCE_LIMIT}).` })
  @IsInt() @Min(0) @Max(NEEDS_EVIDENCE_LIMIT)
  pairs = 10;
}

/** Reading what needs evidence: stored, two indexed reads; under other weights, the ranking's own computation. */
const NEEDS_EVIDENCE_COST = 100;

@ArgsType()
class CityEvidenceNeedsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only the cities of this country: a two-letter code, e.g. GB or KR.' })
  @IsOptional() @Matches(/^[A-Za-z]{2}$/, says('must be a two-letter country code such as GB or KR.', 'GB나 KR 같은 두 글자 국가 코드여야 합니다.'))
  countryCode?: string;

  @Field(() => String, { nullable: true, description: 'Part of a city\'s name in English or Korean, or of its id ("Busan", "busan" and "부산" all find Busan).' })
  @IsOptional() @IsString() @MaxLength(100, says('must be 100 characters or fewer.', '100자 이하로 써 주세요.'))
  search?: string;
}

export const CityEvidenceNeedConnection = Paginated(CityEvidenceNeed);

@Resolver(() => CityEvidenceNeed)
export class CityEvidenceNeedResolver {
  constructor(
    private readonly cities: CitiesLoaders,
    private readonly pairing: PairingQueryService,
  ) {}

  @Query(() => CityEvidenceNeedConnection, {
    description:
      'Every city with what it lacks for its pairs to be judged under the default weights, as the worker last stored it: ' +
      'most headroom first (the most useful gaps), then by id; a city that lacks nothing has headroom 0. Admins only.',
  })
  @Allow(Role.ADMIN)
  cityEvidenceNeeds(@Args() args: CityEvidenceNeedsArgs) {
    const { countryCode, search, ...page } = args;
    return this.pairing.cityNeeds({ countryCode, search }, page);
  }

  @ResolveField(() => City)
  @Allow('PUBLIC')
  city(need: CityEvidenceNeed, _args: NoArgs, ctx: RequestContext) {
    return this.cities.city(ctx).load(need.cityId);
  }
}

@ArgsType()
class WeightArgs {
  @Field(() => ID, { nullable: true, description: 'A saved weight profile (yours or a built-in); report-default when omitted.' })
  @IsOptional() @IsUUID('4', says('must be the id of a weight profile', '가중치 프로필의 ID여야 합니다.'))
  profileId?: string;

  @Field(() => WeightsInput, { nullable: true, description: 'Pillar weights for this request, over the profile.' })
  @IsOptional()
  weights?: WeightsInput;
}

@ArgsType()
class CountryPairArgs {
  @Field({ description: 'ISO code of one country, e.g. GB.' }) @IsString() @Matches(/^[A-Za-z]{2}$/, says('must be a two-letter country code, e.g. GB', '두 글자 국가 코드여야 합니다(예: GB).'))
  countryA: string;

  @Field({ description: 'ISO code of the other country, e.g. KR.' }) @IsString() @Matches(/^[A-Za-z]{2}$/, says('must be a two-letter country code, e.g. KR', '두 글자 국가 코드여야 합니다(예: KR).'))
  countryB: string;
}

@ArgsType()
class CityPairArgs {
  @Field(() => ID) @IsString() @Length(1, 100) cityA: string;
  @Field(() => ID) @IsString() @Length(1, 100) cityB: string;
}

/**
 * Query cost of the work each read does (libs/core/src/graphql/cost.ts: a unit is about 10 µs),
 * timed with the demo's 28 cities as 50 aliases in one request: pairScore and cityTypology load
 * every city's evidence and compute (about 5 and 3.5 ms a call); partnersFor and pairRanking
 * read stored scores under the default weights (about 1 ms, what their pages cost already) and
 * compute every pair they rank under any other weights (about 9.5 and 5–8 ms); pairShortlist
 * is one indexed read of stored scores (about 1 ms; its pairs are priced by PairShortlist.pairs).
 */
const PAIR_SCORE_COST = 500;
const TYPOLOGY_COST = 400;
const PARTNERS_LIVE_COST = 900;
const RANKING_LIVE_COST = 700;
const SHORTLIST_COST = 100;
/** Stored scores are read under the default weights only; a saved profile or pillar weights mean computing. */
const computesLive = (args: Record<string, unknown>) =>
  !!args.profileId || Object.values((args.weights ?? {}) as Record<string, unknown>).some((v) => v !== null && v !== undefined);

/** The pairing score: public reads over stored and on-request scores. */
@Resolver(() => PairScoreView)
export class PairingResolver {
  constructor(
    private readonly pairing: PairingQueryService,
    private readonly cities: CitiesLoaders,
  ) {}

  @Query(() => PairScoreDetail, { description: 'The score of two cities of two countries, explained pillar by pillar.', complexity: PAIR_SCORE_COST })
  @Allow('PUBLIC')
  async pairScore(@Args() pair: CityPairArgs, @Args() choice: WeightArgs, @Ctx() ctx: RequestContext): Promise<PairScoreDetail> {
    const { weights, name } = await this.pairing.resolveWeights(ctx.user, choice);
    const [cities, definitions] = await Promise.all([this.cities.city(ctx).loadMany([pair.cityA, pair.cityB]), this.cities.definitionsByKey(ctx)]);
    const names = new Map(cities.flatMap((c) => (c && !(c instanceof Error) ? [[c.id, { en: c.nameEn, ko: c.nameKo }] as const] : [])));
    const result = await this.pairing.pairScore(pair.cityA, pair.cityB, weights, ctx.language, {
      city: (id) => names.get(id) ?? { en: id, ko: id },
      // English names the indicator as a sentence does (the engine's words, nouns even for a yes/no figure:
      // "coastal geography"); Korean, as the indicator's definition does.
      indicator: (key) => ({ en: indicatorLabel(key), ko: definitions.get(key)?.labelKo ?? indicatorLabel(key) }),
    });
    return { ...result, profile: name };
  }

  @Query(() => PartnerSuggestionConnection, {
    description: "The best partners for a city in the other countries that can be judged, best first by the ranking score; partnersNeedingEvidence lists the others.",
    complexity: costWhen(PARTNERS_LIVE_COST, computesLive),
  })
  @Allow('PUBLIC')
  async partnersFor(
    @Args('city', { type: () => ID }) city: string,
    @Args() page: PageArgs,
    @Args() choice: WeightArgs,
    @Ctx() ctx: RequestContext,
    @Args('filter', { nullable: true }) filter?: PairFilterInput,
  ) {
    const { weights, isDefault } = await this.pairing.resolveWeights(ctx.user, choice);
    return this.pairing.partnersFor(city, filter ?? {}, page, weights, isDefault);
  }

  @Query(() => PairScoreConnection, { description: 'The pairs of cities between two countries that can be judged, best first by the ranking score; pairsNeedingEvidence lists the others.', complexity: costWhen(RANKING_LIVE_COST, computesLive) })
  @Allow('PUBLIC')
  async pairRanking(
    @Args() countries: CountryPairArgs,
    @Args() page: PageArgs,
    @Args() choice: WeightArgs,
    @Ctx() ctx: RequestContext,
    @Args('filter', { nullable: true }) filter?: PairFilterInput,
  ) {
    const { weights, isDefault } = await this.pairing.resolveWeights(ctx.user, choice);
    return this.pairing.ranking(countries.countryA, countries.countryB, filter ?? {}, page, weights, isDefault);
  }

  @Query(() => NeedsEvidence, {
    description: 'Beside pairRanking: the pairs of two countries that cannot be judged yet, and the cities whose evidence would let them be.',
    complexity: (options) => NEEDS_EVIDENCE_COST + Number(costWhen(RANKING_LIVE_COST, computesLive)(options)),
  })
  @Allow('PUBLIC')
  async pairsNeedingEvidence(@Args() countries: CountryPairArgs, @Args() args: NeedsEvidenceArgs, @Args() choice: WeightArgs, @Ctx() ctx: RequestContext) {
    const { weights, isDefault } = await this.pairing.resolveWeights(ctx.user, choice);
    return this.pairing.needsEvidenceOfRanking(countries.countryA, countries.countryB, args.pairs, weights, isDefault);
  }

  @Query(() => NeedsEvidence, {
    description: "Beside partnersFor: the city's pairs that cannot be judged yet, and what evidence (its own or its partners') would let them be.",
    complexity: (options) => NEEDS_EVIDENCE_COST + Number(costWhen(PARTNERS_LIVE_COST, computesLive)(options)),
  })
  @Allow('PUBLIC')
  async partnersNeedingEvidence(@Args('city', { type: () => ID }) city: string, @Args() args: NeedsEvidenceArgs, @Args() choice: WeightArgs, @Ctx() ctx: RequestContext) {
    const { weights, isDefault } = await this.pairing.resolveWeights(ctx.user, choice);
    return this.pairing.needsEvidenceOfPartners(city, args.pairs, weights, isDefault);
  }

  @Query(() => PairShortlist, {
    description: 'The pairs that meet a rule (by default: judged, and every pillar at least two stars), with the rule in words and the pairs that just missed it.',
    complexity: SHORTLIST_COST,
  })
  @Allow('PUBLIC')
  pairShortlist(@Args() countries: CountryPairArgs, @Args('rule', { nullable: true }) rule?: ShortlistRuleInput) {
    return this.pairing.shortlist(countries.countryA, countries.countryB, rule ?? Object.assign(new ShortlistRuleInput(), { minPillarStars: 2 }));
  }

  @Query(() => CityTypologyView, { description: "A city's place in the City Typology Index: ELO ratings and archetypes in three domains.", complexity: TYPOLOGY_COST })
  @Allow('PUBLIC')
  cityTypology(@Args('city', { type: () => ID }) city: string) {
    return this.pairing.typology(city);
  }

  @ResolveField(() => City)
  @Allow('PUBLIC')
  cityA(score: PairScoreView, _args: NoArgs, ctx: RequestContext) {
    return this.cities.city(ctx).load(score.cityAId);
  }

  @ResolveField(() => City)
  @Allow('PUBLIC')
  cityB(score: PairScoreView, _args: NoArgs, ctx: RequestContext) {
    return this.cities.city(ctx).load(score.cityBId);
  }
}
