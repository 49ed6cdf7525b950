/**
 * The pure pairing engine: no database, no Nest. See libs/pairing/METHOD.md for every
 * choice the founding report leaves open.
 */
export { PILLARS } from './types';
export type { CityEvidence, ConfidenceLevel, IndicatorEvidence, LinkEvidence, PairCoverage, PairScoreResult, PillarKey, PillarResult, Provenance, ReadinessEvidence, SectorEvidence, SectorLevel, StarCuts, Stars, StarScale, Weights } from './types';
export { BINARY_INDICATORS, compareStrings, CONFIDENCE_HIGH, CONFIDENCE_MEDIUM, DEFAULT_STAR_THRESHOLDS, INVERTED_INDICATORS, isNumericIndicator, JUDGED_CONFIDENCE, MAX_FORMALITY, MIN_SIMILARITY_INDICATORS, RELATIONSHIP_STAR_CUTS, ORDINAL_INDICATORS, READINESS_MAX, READINESS_PARTS, READINESS_RANGES, REPORT_DEFAULT_INDICATOR_WEIGHTS, REPORT_DEFAULT_WEIGHTS, SCORING_METHOD_VERSION, starsFor, SYNERGY_SATURATION, validateWeights, weightedIndicators } from './weights';
export type { ReadinessPart } from './weights';
export { nationalLeaders, nationalScales, numericIndicators, numericValue, prepareCities, prepareCity, readinessScores, readinessShareOf, relativeValue, sectorLevels } from './prepare';
export type { NationalLeader, NationalScales, PreparedCity, PreparedIndicator, ReadinessScores } from './prepare';
export { absoluteStarScale, activityWeight, allLinksBetween, canonicalPair, clampFormality, combinePillars, confidenceLabel, confidenceOf, internationalisationPillar, isLive, linksBetween, minPillarStarsOf, numericKnown, pairKey, pillarEvidence, rankingScore, relationshipPillar, scorePair, scoreTerms, similarityPillar, synergyPillar, totalIndicatorWeight } from './score';
export { calibrateStars, calibrateStarsOf, pairStars, ratePillars, starCut, starCutsOf } from './stars';
export type { CutColumn } from './stars';
export type { CalibrationInput } from './stars';
export type { CityTerms, SimilarityResult, SynergyResult } from './score';
export { explainPair, indicatorLabel, sectorLabel } from './explain';
export { changeWords, inSentence } from './change-words';
export type { ChangeNames, ChangeTerms, ChangeWords } from './change-words';
export type { Counterfactual, ExplainOptions, IndicatorContribution, PairExplanation, ReadinessDetail, SectorDetail } from './explain';
export { allocateScores, applyCityUpdate, batchPairKey, batchSharedSectors, buildBatch, buildBatchFromPrepared, pairCities, pairIndex, readPair, scoreAllPairs, scoreBatch, scorePairsForCity, updateBatchCity } from './batch';
export type { BatchScores, BatchSide, BatchSideKey, BatchUpdate, PairingBatch, PairLinks } from './batch';
export { comparePairs, rankPairs, topK } from './rank';
export { ARCHETYPE_BANDS, archetypeLabel, computeTypology, ELO_K, ELO_START, TYPOLOGY_DOMAINS, TYPOLOGY_INDICATORS, typologyBenchmarks, UNRATED } from './typology';
export type { Benchmark, CityTypology, DomainRating, TypologyDomain, TypologyOptions, TypologyResult } from './typology';
export { cityEvidenceGaps } from './gaps';
export type { CityEvidenceGaps, EvidenceGap, EvidenceGapKind } from './gaps';
