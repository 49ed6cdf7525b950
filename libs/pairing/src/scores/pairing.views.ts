import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Allow, listOfAtMost, ONE_PER_COUNTRY } from '@app/core';
import { TYPOLOGY_DOMAINS } from '../engine';
import { MAX_PROJECTS } from '../evidence/dto/sector-activity.input';
import { MAX_INDICATOR_WEIGHTS } from '../evidence/dto/weight-profile.input';
import { ConfidenceLabel, PairCoverage, PillarScore } from './pair-score.types';

/** The score of one pair: stored (rankings) or computed on request (pairScore). */
@ObjectType('PairScore', { description: 'The pairing score of two cities of two countries, pillar by pillar.' })
@Allow('PUBLIC')
export class PairScoreView {
  @Field({ description: 'The stable reference of the pair: the two city ids in order, joined by ~.' }) pairKey: string;
  @Field(() => ID) cityAId: string;
  @Field(() => ID) cityBId: string;
  @Field(() => PillarScore, { description: 'Similarity of size, capacity and assets (inherited at full weight, current performance at half).' })
  similarity: PillarScore;
  @Field(() => PillarScore, { description: 'Internationalisation appetite and readiness (both cities assessed on the /14 rubric).' })
  internationalisation: PillarScore;
  @Field(() => PillarScore, { description: 'Synergy of projects: sectors where both cities are active.' }) synergy: PillarScore;
  @Field(() => PillarScore, { description: 'Existing relationship: the most formal link between the two (0–4).' }) relationship: PillarScore;
  @Field(() => Float, { description: 'Weighted mean of the pillars that have data, 0–1.' }) overall: number;
  @Field(() => Int) overallStars: number;
  @Field(() => Int, { description: 'The lowest pillar rating; 0 when a pillar has no data.' }) minPillarStars: number;
  @Field(() => PairCoverage) coverage: PairCoverage;
  @Field(() => [String], { description: 'Sectors in which both cities are active.' }) sharedSectors: string[];
  @Field(() => Date, { nullable: true, description: 'When a stored score was computed; null when computed for this request.' })
  computedAt: Date | null;
}

@ObjectType({ description: 'A suggested partner for a city, with the pair score.' })
@Allow('PUBLIC')
export class PartnerSuggestion {
  @Field(() => ID) partnerId: string;
  @Field(() => PairScoreView) score: PairScoreView;
}

@ObjectType({ description: 'Where a piece of evidence comes from.' })
@Allow('PUBLIC')
export class EvidenceProvenance {
  @Field() source: string;
  @Field(() => String, { nullable: true }) asOf: string | null;
  @Field(() => ID, { nullable: true, description: 'Who entered it; null for the founding report.' }) enteredByUserId: string | null;
}

@ObjectType({ description: 'What one indicator adds to or takes from the similarity pillar.' })
@Allow('PUBLIC')
export class IndicatorContributionView {
  @Field() key: string;
  @Field() label: string;
  @Field(() => String, { nullable: true, description: "City A's figure as recorded." }) rawA: string | null;
  @Field(() => String, { nullable: true }) rawB: string | null;
  @Field(() => Float, { nullable: true, description: 'Relative to the national leader (= 1).' }) relativeA: number | null;
  @Field(() => Float, { nullable: true }) relativeB: number | null;
  @Field(() => Float, { nullable: true }) difference: number | null;
  @Field(() => Float) weight: number;
  @Field(() => Float, { description: 'How much this indicator takes off similarity.' }) contribution: number;
  @Field() used: boolean;
  @Field(() => String, { nullable: true, description: 'a, b or both: who lacks the figure when it is not used.' }) missing: string | null;
  @Field(() => EvidenceProvenance, { nullable: true }) provenanceA: EvidenceProvenance | null;
  @Field(() => EvidenceProvenance, { nullable: true }) provenanceB: EvidenceProvenance | null;
}

@ObjectType()
@Allow('PUBLIC')
export class ReadinessDetailView {
  @Field(() => Int) strategy: number;
  @Field(() => Int) visibleHome: number;
  @Field(() => Int) networks: number;
  @Field(() => Int) collaboration: number;
  @Field(() => Int, { description: 'Out of 14.' }) composite: number;
  @Field(() => EvidenceProvenance) provenance: EvidenceProvenance;
}

@ObjectType()
@Allow('PUBLIC')
export class ProjectView {
  @Field() title: string;
  @Field(() => String, { nullable: true }) summary: string | null;
}

@ObjectType()
@Allow('PUBLIC')
export class SectorDetailView {
  @Field() sector: string;
  @Field() label: string;
  @Field(() => Int) levelA: number;
  @Field(() => Int) levelB: number;
  @Field(() => Float) contribution: number;
  @Field(() => [ProjectView], { complexity: listOfAtMost(MAX_PROJECTS) }) projectsA: ProjectView[];
  @Field(() => [ProjectView], { complexity: listOfAtMost(MAX_PROJECTS) }) projectsB: ProjectView[];
  @Field(() => [EvidenceProvenance], { complexity: ONE_PER_COUNTRY }) provenance: EvidenceProvenance[];
}

@ObjectType()
@Allow('PUBLIC')
export class LinkDetailView {
  @Field(() => ID) id: string;
  @Field() kind: string;
  @Field(() => [String]) partners: string[];
  @Field(() => Int) formality: number;
  @Field() summary: string;
  @Field(() => Int, { nullable: true }) since: number | null;
  @Field(() => EvidenceProvenance) provenance: EvidenceProvenance;
}

@ObjectType({ description: 'A change of evidence and what it would do to the score.' })
@Allow('PUBLIC')
export class CounterfactualView {
  @Field() id: string;
  @Field() pillar: string;
  @Field() description: string;
  @Field(() => Float) overall: number;
  @Field(() => Int) overallStars: number;
  @Field(() => Float) delta: number;
}

/** The changes of evidence an explanation names each way (explainPair's default). */
const COUNTERFACTUALS = 3;

@ObjectType({ description: 'Why a pair scores as it does, pillar by pillar, with the evidence behind it.' })
@Allow('PUBLIC')
export class PairExplanationView {
  @Field(() => [IndicatorContributionView], { complexity: listOfAtMost(MAX_INDICATOR_WEIGHTS) }) indicators: IndicatorContributionView[];
  @Field(() => ReadinessDetailView, { nullable: true }) readinessA: ReadinessDetailView | null;
  @Field(() => ReadinessDetailView, { nullable: true }) readinessB: ReadinessDetailView | null;
  @Field(() => [SectorDetailView]) sharedSectors: SectorDetailView[];
  @Field(() => [String]) sectorsOnlyA: string[];
  @Field(() => [String]) sectorsOnlyB: string[];
  @Field(() => [LinkDetailView]) links: LinkDetailView[];
  @Field(() => [CounterfactualView], { complexity: listOfAtMost(COUNTERFACTUALS), description: 'The changes of evidence that would raise the score most.' }) wouldRaise: CounterfactualView[];
  @Field(() => [CounterfactualView], { complexity: listOfAtMost(COUNTERFACTUALS), description: 'The changes of evidence that would lower the score most.' }) wouldLower: CounterfactualView[];
}

@ObjectType({ description: 'A pair score with its explanation.' })
@Allow('PUBLIC')
export class PairScoreDetail {
  @Field(() => PairScoreView) score: PairScoreView;
  @Field(() => PairExplanationView) explanation: PairExplanationView;
  @Field({ description: 'The weight profile used.' }) profile: string;
}

/** The most pairs a shortlist returns. */
export const SHORTLIST_LIMIT = 500;

@ObjectType()
@Allow('PUBLIC')
export class PairShortlist {
  @Field({ description: 'The rule, in words.' }) rule: string;
  @Field(() => [PairScoreView], { complexity: listOfAtMost(SHORTLIST_LIMIT) }) pairs: PairScoreView[];
}

@ObjectType()
@Allow('PUBLIC')
export class TypologyDomainView {
  @Field() domain: string;
  @Field(() => Float, { nullable: true, description: 'ELO rating; 1500 is where every city starts.' }) rating: number | null;
  @Field({ description: 'Archetype, e.g. Innovator, Mobiliser, Strategist; Unrated without data.' }) archetype: string;
  @Field(() => Int) benchmarks: number;
  @Field(() => Int) comparisons: number;
}

@ObjectType({ description: 'Where a city stands in the City Typology Index.' })
@Allow('PUBLIC')
export class CityTypologyView {
  @Field(() => ID) cityId: string;
  @Field(() => [TypologyDomainView], { complexity: listOfAtMost(TYPOLOGY_DOMAINS.length) }) domains: TypologyDomainView[];
}

export { ConfidenceLabel };
