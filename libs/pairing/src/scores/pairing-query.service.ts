import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser, BadInputError, Clock, Connection, decodeCursor, DEFAULT_PAGE_SIZE, encodeCursor, NotFoundError, PageArgs } from '@app/core';
import { CitiesService } from '@app/cities';
import {
  computeTypology,
  confidenceLabel,
  explainPair,
  PairExplanation,
  PairScoreResult,
  pairKey,
  PILLARS,
  prepareCities,
  readPair,
  REPORT_DEFAULT_WEIGHTS,
  allocateScores,
  buildBatch,
  scoreBatch,
  scorePairsForCity,
  starsFor,
  validateWeights,
  Weights,
} from '../engine';
import { REPORT_DEFAULT_PROFILE } from '../evidence/weight-profiles.service';
import { WeightProfile } from '../evidence/entities/weight-profile.entity';
import { PairScore } from './pair-score.entity';
import { ConfidenceLabel, PairFilterInput, ShortlistRuleInput, WeightsInput } from './pair-score.types';
import { PairScoresService } from './pair-scores.service';
import { PairingComputeService, range } from './pairing-compute.service';
import { CityTypologyView, PairExplanationView, PairScoreView, PartnerSuggestion, PairShortlist, SHORTLIST_LIMIT } from './pairing.views';

export interface WeightChoice {
  profileId?: string;
  weights?: WeightsInput;
}

/**
 * What the GraphQL API answers about pairs. Rankings under the report's
 * default weights read stored scores (kept current by the worker); other
 * weights are computed on request with the same engine.
 */
@Injectable()
export class PairingQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly stored: PairScoresService,
    private readonly compute: PairingComputeService,
    private readonly clock: Clock,
    private readonly cities: CitiesService,
  ) {}

  async resolveWeights(user: AuthUser | null, choice: WeightChoice): Promise<{ weights: Weights; name: string; isDefault: boolean }> {
    let weights: Weights = REPORT_DEFAULT_WEIGHTS;
    let name = REPORT_DEFAULT_PROFILE;
    if (choice.profileId) {
      const profile = await this.dataSource.getRepository(WeightProfile).findOneBy({ id: choice.profileId });
      if (!profile || (profile.ownerUserId !== null && profile.ownerUserId !== user?.id)) throw new NotFoundError('weight profile', choice.profileId);
      weights = { pillars: { ...profile.pillars }, indicators: { ...profile.indicators }, starThresholds: [...profile.starThresholds] as [number, number] };
      name = profile.name;
    }
    if (choice.weights && Object.values(choice.weights).some((v) => v !== undefined && v !== null)) {
      weights = { ...weights, pillars: { ...weights.pillars } };
      for (const key of PILLARS) {
        const value = choice.weights[key];
        if (value !== undefined && value !== null) weights.pillars[key] = value;
      }
      name = `${name} (adjusted)`;
    }
    try {
      validateWeights(weights);
    } catch (error) {
      throw BadInputError.field('weights', (error as Error).message);
    }
    return { weights, name, isDefault: weights === REPORT_DEFAULT_WEIGHTS || sameWeights(weights, REPORT_DEFAULT_WEIGHTS) };
  }

  /** One pair, computed now from the evidence, with its explanation. */
  async pairScore(cityA: string, cityB: string, weights: Weights, cityName: (id: string) => string): Promise<{ score: PairScoreView; explanation: PairExplanationView }> {
    if (cityA === cityB) throw BadInputError.field('cityB', 'must be another city: a pair joins two cities.');
    const cities = await this.compute.loadEvidence();
    const a = cities.find((c) => c.cityId === cityA);
    const b = cities.find((c) => c.cityId === cityB);
    if (!a) throw new NotFoundError('city', cityA);
    if (!b) throw new NotFoundError('city', cityB);
    if (a.countryCode === b.countryCode) {
      throw BadInputError.field('cityB', `must be in another country: ${cityA} and ${cityB} are both in ${a.countryCode}, and pairs join cities of two countries.`);
    }
    const prepared = prepareCities(cities.filter((c) => c.countryCode === a.countryCode || c.countryCode === b.countryCode));
    const explanation = explainPair(prepared.find((c) => c.cityId === cityA)!, prepared.find((c) => c.cityId === cityB)!, weights, { cityName });
    return { score: viewOfResult(explanation.score, null), explanation: viewOfExplanation(explanation) };
  }

  async ranking(countryA: string, countryB: string, filter: PairFilterInput, page: PageArgs, weights: Weights, isDefault: boolean): Promise<Connection<PairScoreView>> {
    const [x, y] = [countryA.toUpperCase(), countryB.toUpperCase()];
    if (x === y) throw BadInputError.field('countryB', 'must differ from countryA: pairs join cities of two countries.');
    await this.assertCountries([x, y]);
    if (isDefault) return mapConnection(await this.stored.ranking(x, y, filter, page), (row) => viewOfRow(row));
    const results = await this.liveScores(weights, (c) => c.countryCode === x, (c) => c.countryCode === y, filter.peerGroup);
    return pageOf(applyFilter(results, filter), page, (r) => viewOfResult(r, null));
  }

  async partnersFor(cityId: string, filter: PairFilterInput, page: PageArgs, weights: Weights, isDefault: boolean): Promise<Connection<PartnerSuggestion>> {
    const suggestion = (view: PairScoreView): PartnerSuggestion => ({
      partnerId: view.cityAId === cityId ? view.cityBId : view.cityAId,
      score: view,
    });
    if (isDefault) {
      const connection = await this.stored.partnersFor(cityId, filter, page);
      return mapConnection(mapConnection(connection, (row) => viewOfRow(row)), suggestion);
    }
    const city = (await this.compute.loadEvidence()).find((c) => c.cityId === cityId);
    if (!city) throw new NotFoundError('city', cityId);
    const results = await this.liveScores(weights, (c) => c.cityId === cityId, (c) => c.countryCode !== city.countryCode, filter.peerGroup);
    return mapConnection(pageOf(applyFilter(results, filter), page, (r) => viewOfResult(r, null)), suggestion);
  }

  async shortlist(countryA: string, countryB: string, rule: ShortlistRuleInput): Promise<PairShortlist> {
    const [x, y] = [countryA.toUpperCase(), countryB.toUpperCase()];
    if (x === y) throw BadInputError.field('countryB', 'must differ from countryA: pairs join cities of two countries.');
    await this.assertCountries([x, y]);
    const pairs = (await this.stored.shortlist(x, y, rule, SHORTLIST_LIMIT)).map(viewOfRow);
    const words = [
      `every pillar at least ${rule.minPillarStars} star${rule.minPillarStars === 1 ? '' : 's'}`,
      ...(rule.minCoverage !== undefined ? [`at least ${Math.round(rule.minCoverage * 100)}% of the evidence present`] : []),
      ...(rule.sectors?.length ? [`active together in ${rule.sectors.join(', ')}`] : []),
    ];
    return {
      rule: `Pairs of ${x} and ${y} cities with ${words.join('; ')}, under the report's default weights, best first (at most ${SHORTLIST_LIMIT}).`,
      pairs,
    };
  }

  async typology(cityId: string): Promise<CityTypologyView> {
    const cities = await this.compute.loadEvidence();
    const city = cities.find((c) => c.cityId === cityId);
    if (!city) throw new NotFoundError('city', cityId);
    const result = computeTypology(cities);
    const entry = result.cities.find((c) => c.cityId === cityId)!;
    return {
      cityId,
      domains: Object.entries(entry.domains).map(([domain, d]) => ({
        domain,
        rating: d.rating === null ? null : Math.round(d.rating * 10) / 10,
        archetype: d.label,
        benchmarks: d.benchmarks,
        comparisons: d.comparisons,
      })),
    };
  }

  /** For twinning: the pair's stored score at this moment, to keep with a proposal. */
  async snapshot(cityA: string, cityB: string): Promise<(PairScoreView & { takenAt: string }) | null> {
    const row = await this.stored.get(pairKey(cityA, cityB));
    return row ? { ...viewOfRow(row), takenAt: this.clock.now().toISOString() } : null;
  }

  private async liveScores(
    weights: Weights,
    inXCountry: (c: { cityId: string; countryCode: string }) => boolean,
    inYCountry: (c: { cityId: string; countryCode: string }) => boolean,
    peerGroup?: number,
  ): Promise<PairScoreResult[]> {
    // As for stored rankings: a peer group keeps pairs whose two cities are both in it.
    const inPeerGroup = (c: { peerGroup: number | null }) => peerGroup === undefined || c.peerGroup === peerGroup;
    const inX = (c: { cityId: string; countryCode: string; peerGroup: number | null }) => inXCountry(c) && inPeerGroup(c);
    const inY = (c: { cityId: string; countryCode: string; peerGroup: number | null }) => inYCountry(c) && inPeerGroup(c);
    const cities = await this.compute.loadEvidence();
    const byId = new Map(cities.map((c) => [c.cityId, c]));
    const results: PairScoreResult[] = [];
    const xCountries = new Set(cities.filter(inX).map((c) => c.countryCode));
    for (const xc of xCountries) {
      const yCountries = new Set(cities.filter((c) => inY(c) && c.countryCode !== xc).map((c) => c.countryCode));
      for (const yc of yCountries) {
        // National leaders come from every city of the two countries, whatever the filter;
        // only the pairs asked for are scored (one city's partners: one row of the batch).
        const batch = buildBatch(cities.filter((c) => c.countryCode === xc), cities.filter((c) => c.countryCode === yc));
        const scores = allocateScores(batch);
        const rows = range(batch.x.n).filter((i) => inX(byId.get(batch.x.cityIds[i])!));
        const columns = range(batch.y.n).filter((j) => inY(byId.get(batch.y.cityIds[j])!));
        if (rows.length === 1) scorePairsForCity(batch, 'x', rows[0], weights, scores);
        else scoreBatch(batch, weights, scores);
        for (const i of rows) for (const j of columns) results.push(readPair(batch, scores, i * scores.nY + j, weights));
      }
    }
    return results.sort((a, b) => b.overall - a.overall || (a.pairKey < b.pairKey ? -1 : 1));
  }

  private async assertCountries(codes: string[]): Promise<void> {
    for (const code of codes) await this.cities.getCountry(code);
  }
}

function sameWeights(a: Weights, b: Weights): boolean {
  return JSON.stringify([a.pillars, sortObject(a.indicators), a.starThresholds]) === JSON.stringify([b.pillars, sortObject(b.indicators), b.starThresholds]);
}

function sortObject(o: Record<string, number>): Array<[string, number]> {
  return Object.entries(o).sort(([x], [y]) => (x < y ? -1 : 1));
}

function pillarView(score: number | null, thresholds: readonly [number, number]) {
  return { score, stars: score === null ? null : starsFor(score, thresholds) };
}

export function viewOfRow(row: PairScore): PairScoreView {
  const t = REPORT_DEFAULT_WEIGHTS.starThresholds;
  return {
    pairKey: row.pairKey,
    cityAId: row.cityAId,
    cityBId: row.cityBId,
    similarity: pillarView(row.similarity, t),
    internationalisation: pillarView(row.internationalisation, t),
    synergy: pillarView(row.synergy, t),
    relationship: pillarView(row.relationship, t),
    overall: row.overall,
    overallStars: row.overallStars,
    minPillarStars: row.minPillarStars,
    coverage: {
      indicatorsUsed: row.indicatorsUsed,
      indicatorsWeighted: row.indicatorsWeighted,
      sectorsCompared: row.sectorsCompared,
      assessments: row.assessments,
      links: row.links,
      confidence: row.confidence,
      confidenceLabel: confidenceLabel(row.confidence).toUpperCase() as ConfidenceLabel,
    },
    sharedSectors: row.sharedSectors,
    computedAt: row.computedAt,
  };
}

export function viewOfResult(r: PairScoreResult, computedAt: Date | null): PairScoreView {
  return {
    pairKey: r.pairKey,
    cityAId: r.cityAId,
    cityBId: r.cityBId,
    similarity: r.pillars.similarity,
    internationalisation: r.pillars.internationalisation,
    synergy: r.pillars.synergy,
    relationship: r.pillars.relationship,
    overall: r.overall,
    overallStars: r.overallStars,
    minPillarStars: r.minPillarStars,
    coverage: {
      indicatorsUsed: r.coverage.indicatorsUsed,
      indicatorsWeighted: r.coverage.indicatorsWeighted,
      sectorsCompared: r.coverage.sectorsCompared,
      assessments: r.coverage.assessments,
      links: r.coverage.links,
      confidence: r.coverage.confidence,
      confidenceLabel: r.coverage.confidenceLabel.toUpperCase() as ConfidenceLabel,
    },
    sharedSectors: r.sharedSectors,
    computedAt,
  };
}

function viewOfExplanation(e: PairExplanation): PairExplanationView {
  const prov = (p: { source: string; asOf: string | null; enteredByUserId: string | null } | null) =>
    p ? { source: p.source, asOf: p.asOf, enteredByUserId: p.enteredByUserId } : null;
  const raw = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const readiness = (r: PairExplanation['internationalisation']['a']) =>
    r ? { strategy: r.strategy, visibleHome: r.visibleHome, networks: r.networks, collaboration: r.collaboration, composite: r.composite, provenance: prov(r.provenance)! } : null;
  const cf = (c: PairExplanation['whatWouldChange']['raise'][number]) => ({
    id: c.id,
    pillar: c.pillar,
    description: c.description,
    overall: c.overall,
    overallStars: c.overallStars,
    delta: c.delta,
  });
  return {
    indicators: e.similarity.indicators.map((i) => ({
      key: i.key,
      label: i.label,
      rawA: raw(i.rawA),
      rawB: raw(i.rawB),
      relativeA: i.relativeA,
      relativeB: i.relativeB,
      difference: i.difference,
      weight: i.weight,
      contribution: i.contribution,
      used: i.used,
      missing: i.missing,
      provenanceA: prov(i.provenanceA),
      provenanceB: prov(i.provenanceB),
    })),
    readinessA: readiness(e.internationalisation.a),
    readinessB: readiness(e.internationalisation.b),
    sharedSectors: e.synergy.shared.map((s) => ({
      sector: s.sector,
      label: s.label,
      levelA: s.levelA,
      levelB: s.levelB,
      contribution: s.contribution,
      projectsA: s.evidenceA.flatMap((x) => x.projects.map((p) => ({ title: p.title, summary: p.summary ?? null }))),
      projectsB: s.evidenceB.flatMap((x) => x.projects.map((p) => ({ title: p.title, summary: p.summary ?? null }))),
      provenance: [...s.evidenceA, ...s.evidenceB].map((x) => prov(x)!),
    })),
    sectorsOnlyA: e.synergy.onlyA,
    sectorsOnlyB: e.synergy.onlyB,
    links: e.relationship.links.map((l) => ({
      id: l.id,
      kind: l.kind,
      partners: l.partners,
      formality: l.formality,
      summary: l.summary,
      since: l.since,
      provenance: prov(l)!,
    })),
    wouldRaise: e.whatWouldChange.raise.map(cf),
    wouldLower: e.whatWouldChange.lower.map(cf),
  };
}

function applyFilter(results: PairScoreResult[], filter: PairFilterInput): PairScoreResult[] {
  return results.filter(
    (r) =>
      (filter.minCoverage === undefined || r.coverage.confidence >= filter.minCoverage) &&
      (filter.minStars === undefined || r.overallStars >= filter.minStars) &&
      (filter.minPillarStars === undefined || r.minPillarStars >= filter.minPillarStars) &&
      (!filter.sector || r.sharedSectors.includes(filter.sector)),
  );
}

/** In-memory pages over an already ranked list: the cursor carries the position. */
function pageOf<T>(ranked: PairScoreResult[], page: PageArgs, view: (r: PairScoreResult) => T): Connection<T> {
  const first = page.first ?? DEFAULT_PAGE_SIZE;
  const start = page.after ? Number(decodeCursor(page.after)[1].split('@')[1]) : 0;
  if (!Number.isInteger(start) || start < 0) throw BadInputError.field('after', 'is not a cursor this list returned; start again without it.');
  const slice = ranked.slice(start, start + first);
  const edges = slice.map((r, i) => ({ node: view(r), cursor: encodeCursor(r.overall, `${r.pairKey}@${start + i + 1}`) }));
  return {
    nodes: edges.map((e) => e.node),
    edges,
    totalCount: ranked.length,
    pageInfo: { hasNextPage: start + first < ranked.length, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
  };
}

function mapConnection<A, B>(c: Connection<A>, f: (a: A) => B): Connection<B> {
  const edges = c.edges.map((e) => ({ cursor: e.cursor, node: f(e.node) }));
  return { ...c, edges, nodes: edges.map((e) => e.node) };
}
