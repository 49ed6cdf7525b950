import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Allow, listOfAtMost, LocalizedText, ONE_PER_COUNTRY } from '@app/core';
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
  @Field(() => Float, { description: 'Observed: the weighted mean of the pillars that have data, 0–1.' }) overall: number;
  @Field(() => Float, {
    description: 'The ranking score, 0–1: each pillar counted in proportion to its evidence, so missing evidence never lifts a pair (at most overall).',
  })
  adjusted: number;
  @Field(() => Float, { description: 'The highest the ranking score could reach once every missing piece of evidence is in: adjusted + 1 − confidence.' })
  potential: number;
  @Field({ description: 'Whether the pair has enough evidence to be ranked (medium confidence or more); if not, it is listed as needing evidence.' })
  judged: boolean;
  @Field(() => Int, { description: 'Stars of the ranking score among the judged pairs of the two countries.' }) overallStars: number;
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

@ObjectType({ description: "The city that leads its country on an indicator: other cities' figures are read relative to it." })
@Allow('PUBLIC')
export class NationalLeaderView {
  @Field(() => ID) cityId: string;
  @Field(() => Float, { description: 'Its figure (for a rank, the best rank).' }) value: number;
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
  @Field({ description: 'A number compared to the national leader (counts towards the minimum), not a yes/no flag.' }) numeric: boolean;
  @Field(() => NationalLeaderView, { nullable: true, description: "City A's national leader on this indicator, whose figure is 1." }) leaderA: NationalLeaderView | null;
  @Field(() => NationalLeaderView, { nullable: true }) leaderB: NationalLeaderView | null;
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
  @Field(() => LocalizedText, { description: 'What the link is, in English and/or Korean.' }) summary: LocalizedText;
  @Field(() => Int, { nullable: true }) since: number | null;
  @Field({ description: 'false for history (a declined or closed twinning, a closed project): shown, not scored.' }) live: boolean;
  @Field(() => EvidenceProvenance) provenance: EvidenceProvenance;
}

@ObjectType({ description: 'A change of evidence and what it would do to the score.' })
@Allow('PUBLIC')
export class CounterfactualView {
  @Field() id: string;
  @Field() pillar: string;
  @Field() description: string;
  @Field(() => Float, { description: 'The observed score after the change.' }) overall: number;
  @Field(() => Float, { description: 'The ranking score after the change.' }) adjusted: number;
  @Field(() => Int) overallStars: number;
  @Field(() => Float, { description: 'How much the ranking score would move.' }) delta: number;
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

/** How many near misses a shortlist names. */
export const NEAR_MISSES = 10;

export enum ShortlistCriterion {
  JUDGED = 'JUDGED',
  PILLAR_STARS = 'PILLAR_STARS',
  COVERAGE = 'COVERAGE',
  SECTORS = 'SECTORS',
  PEER_GROUP = 'PEER_GROUP',
}
registerEnumType(ShortlistCriterion, {
  name: 'ShortlistCriterion',
  description: 'A part of a shortlist rule: enough evidence to be judged, every pillar at the stars asked, the share of evidence, the sectors, the peer group.',
});

@ObjectType({ description: 'One part of a shortlist rule a pair missed, and by how much.' })
@Allow('PUBLIC')
export class ShortlistMiss {
  @Field(() => ShortlistCriterion) criterion: ShortlistCriterion;
  @Field(() => String, { nullable: true, description: 'The pillar, for PILLAR_STARS.' }) pillar: string | null;
  @Field(() => Float, { nullable: true, description: 'What the pair has (stars, share of evidence); null when the pillar has no score.' }) actual: number | null;
  @Field(() => Float, { nullable: true, description: 'What the rule asks for.' }) required: number | null;
  @Field(() => [String], { description: 'For SECTORS: the sectors the pair is not active in together.' }) sectors: string[];
}

@ObjectType({ description: 'A pair ranked just below a shortlist, with each part of the rule it missed.' })
@Allow('PUBLIC')
export class ShortlistNearMiss {
  @Field(() => PairScoreView) score: PairScoreView;
  @Field(() => [ShortlistMiss]) missed: ShortlistMiss[];
}

@ObjectType()
@Allow('PUBLIC')
export class PairShortlist {
  @Field({ description: 'The rule, in words (English).' }) rule: string;
  @Field({ description: 'The rule, in English.' }) ruleEn: string;
  @Field({ description: 'The rule, in Korean.' }) ruleKo: string;
  @Field(() => [PairScoreView], { complexity: listOfAtMost(SHORTLIST_LIMIT) }) pairs: PairScoreView[];
  @Field(() => [ShortlistNearMiss], { complexity: listOfAtMost(NEAR_MISSES), description: 'The best-ranked pairs that missed the rule (at most 10), and why.' })
  nearMisses: ShortlistNearMiss[];
}

export enum EvidenceGapKindView {
  INDICATOR = 'INDICATOR',
  SECTORS = 'SECTORS',
  READINESS = 'READINESS',
}
registerEnumType(EvidenceGapKindView, { name: 'EvidenceGapKind', description: "A kind of evidence a city lacks: an indicator's figure, its sector activity, its readiness assessment." });

@ObjectType({ description: 'One piece of evidence a city lacks, and the most it could add to the ranking score of any of its pairs.' })
@Allow('PUBLIC')
export class EvidenceGapView {
  @Field(() => EvidenceGapKindView) kind: EvidenceGapKindView;
  @Field(() => String, { nullable: true, description: 'The indicator key, for INDICATOR.' }) indicator: string | null;
  @Field({ description: 'The pillar it feeds.' }) pillar: string;
  @Field(() => Float) headroom: number;
}

/**
 * The most pairs a needs-evidence answer lists, the most cities, and the most gaps per city (the
 * default profile weighs 10 indicators; with readiness and sectors, 12).
 */
export const NEEDS_EVIDENCE_LIMIT = 50;
export const NEEDS_EVIDENCE_CITIES = 20;
export const GAPS_LISTED = 12;

@ObjectType({ description: "What a city lacks for its pairs to be judged, most useful first: a to-do for the city's officers." })
@Allow('PUBLIC')
export class CityEvidenceNeed {
  @Field(() => ID) cityId: string;
  @Field(() => Int, { description: 'Numeric indicators the default profile weighs that the city has a figure for.' }) numericKnown: number;
  @Field(() => Int) numericWeighted: number;
  @Field(() => Int, { description: 'Similarity needs this many known for both cities.' }) numericMinimum: number;
  @Field(() => [EvidenceGapView], { complexity: listOfAtMost(GAPS_LISTED), description: `The most useful gaps, at most ${GAPS_LISTED}.` }) gaps: EvidenceGapView[];
  @Field(() => Int, { description: 'How many gaps the city has in all.' }) gapCount: number;
  @Field(() => Float, { description: 'The most all of its missing evidence could add to the ranking score of any of its pairs.' }) headroom: number;
}


@ObjectType({ description: 'The pairs that cannot be judged yet, and the cities whose evidence would let them be.' })
@Allow('PUBLIC')
export class NeedsEvidence {
  @Field(() => [PairScoreView], { complexity: listOfAtMost(NEEDS_EVIDENCE_LIMIT), description: 'Those the missing evidence could lift highest first.' })
  pairs: PairScoreView[];
  @Field(() => Int, { description: 'How many pairs cannot be judged yet.' }) pairCount: number | PromiseLike<number>;
  @Field(() => [CityEvidenceNeed], { complexity: listOfAtMost(NEEDS_EVIDENCE_CITIES), description: `Most headroom first, at most ${NEEDS_EVIDENCE_CITIES}.` })
  cities: CityEvidenceNeed[];
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
