import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser, BadInputError, Clock, Connection, Language, NotFoundError, PageArgs } from '@app/core';
import { CitiesService, citiesById } from '@app/cities';
import { countryName, fillKorean } from '@app/rules';
import {
  buildBatch,
  calibrateStars,
  ChangeNames,
  inSentence,
  CityEvidence,
  computeTypology,
  explainPair,
  MIN_SIMILARITY_INDICATORS,
  nationalLeaders,
  PairScoreResult,
  pairKey,
  PILLARS,
  prepareCities,
  readPair,
  REPORT_DEFAULT_WEIGHTS,
  scoreBatch,
  sectorLabel,
  validateWeights,
  Weights,
} from '../engine';
import { SectorsService } from '../evidence/sectors.service';
import { REPORT_DEFAULT_PROFILE } from '../evidence/weight-profiles.service';
import { WeightProfile } from '../evidence/entities/weight-profile.entity';
import { PairFilterInput, ShortlistRuleInput, WeightsInput } from './pair-score.types';
import { PairScoresService, RankingScope } from './pair-scores.service';
import { PairingComputeService, range } from './pairing-compute.service';
import { CityEvidenceNeed, CityTypologyView, NEEDS_EVIDENCE_CITIES, NEAR_MISSES, NeedsEvidence, PairExplanationView, PairScoreView, PartnerSuggestion, PairShortlist, SHORTLIST_LIMIT } from './pairing.views';
import { applyFilter, isJudged, liveNeeds, mapConnection, missesOf, needOfGaps, pageOf, rankOrder, viewOfExplanation, viewOfResult, viewOfRow } from './pairing-views.mapping';
import { countriesKey } from './stored-scale';

const SAME_COUNTRY = { en: 'must differ from countryA: pairs join cities of two countries.', ko: 'countryA와 다른 나라여야 합니다. 짝은 두 나라의 도시로 이루어집니다.' };

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
    private readonly sectors: SectorsService,
  ) {}

  async resolveWeights(user: AuthUser | null, choice: WeightChoice): Promise<{ weights: Weights; name: string; isDefault: boolean }> {
    let weights: Weights = REPORT_DEFAULT_WEIGHTS;
    let name = REPORT_DEFAULT_PROFILE;
    if (choice.profileId) {
      const profile = await this.dataSource.getRepository(WeightProfile).findOneBy({ id: choice.profileId });
      if (!profile || (profile.ownerUserId !== null && profile.ownerUserId !== user?.id)) throw new NotFoundError('weightProfile', choice.profileId);
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
      throw BadInputError.field('weights', {
        en: (error as Error).message,
        ko: '가중치가 맞지 않습니다. 평가 항목마다 0 이상의 수를 주고, 적어도 하나는 0보다 크게 해 주세요.',
      });
    }
    return { weights, name, isDefault: weights === REPORT_DEFAULT_WEIGHTS || sameWeights(weights, REPORT_DEFAULT_WEIGHTS) };
  }

  /**
   * One pair, computed now from the evidence, with its explanation; stars
   * against the pairs of its two countries. The changes it names are said in
   * `language`, with `names` for its cities and indicators (the sectors' names
   * are read here, one statement).
   */
  async pairScore(
    cityA: string,
    cityB: string,
    weights: Weights,
    language: Language,
    names: Pick<ChangeNames, 'city' | 'indicator'>,
  ): Promise<{ score: PairScoreView; explanation: PairExplanationView }> {
    if (cityA === cityB) throw BadInputError.field('cityB', { en: 'must be another city: a pair joins two cities.', ko: '다른 도시를 골라 주세요. 짝은 두 도시로 이루어집니다.' });
    const cities = await this.compute.loadEvidence();
    const a = cities.find((c) => c.cityId === cityA);
    const b = cities.find((c) => c.cityId === cityB);
    if (!a) throw new NotFoundError('city', cityA);
    if (!b) throw new NotFoundError('city', cityB);
    if (a.countryCode === b.countryCode) {
      const [one, other] = await citiesById(this.dataSource.manager, [cityA, cityB]);
      throw BadInputError.field('cityB', {
        en: `must be in another country: ${one!.nameEn} and ${other!.nameEn} are both in ${countryName(a.countryCode, 'en')}, and pairs join cities of two countries.`,
        ko: `다른 나라의 도시를 골라 주세요. ${fillKorean('{a|와/과} {b|은/는}', { a: one!.nameKo, b: other!.nameKo })} 둘 다 ${countryName(a.countryCode, 'ko')}에 있는데, 짝은 두 나라의 도시로 이루어집니다.`,
      });
    }
    const both = cities.filter((c) => c.countryCode === a.countryCode || c.countryCode === b.countryCode);
    const prepared = prepareCities(both);
    const batch = buildBatch(
      both.filter((c) => c.countryCode === a.countryCode),
      both.filter((c) => c.countryCode === b.countryCode),
    );
    const scale = calibrateStars(scoreBatch(batch, weights), weights);
    const sectorKeys = [...new Set([...a.sectors, ...b.sectors].map((s) => s.sector))];
    // Named as the taxonomy (and the page) names them, inside a sentence.
    const sectorNames = new Map((await this.sectors.getMany(sectorKeys)).flatMap((s) => (s ? [[s.key, { en: inSentence(s.nameEn), ko: s.nameKo }] as const] : [])));
    const explanation = explainPair(prepared.find((c) => c.cityId === cityA)!, prepared.find((c) => c.cityId === cityB)!, weights, {
      names: { ...names, sector: (key) => sectorNames.get(key) ?? { en: sectorLabel(key), ko: sectorLabel(key) } },
      scale,
      leaders: nationalLeaders(prepared),
    });
    return { score: viewOfResult(explanation.score, null), explanation: viewOfExplanation(explanation, language) };
  }

  async ranking(countryA: string, countryB: string, filter: PairFilterInput, page: PageArgs, weights: Weights, isDefault: boolean): Promise<Connection<PairScoreView>> {
    const [x, y] = await this.countryPair(countryA, countryB);
    if (isDefault) {
      const { connection, scale } = await this.stored.ranking(x, y, filter, page);
      return mapConnection(connection, (row) => viewOfRow(row, scale));
    }
    const cities = await this.compute.loadEvidence();
    const results = this.liveScores(cities, weights, (c) => c.countryCode === x, (c) => c.countryCode === y, filter.peerGroup);
    return pageOf(applyFilter(results.filter(isJudged), filter), page, (r) => viewOfResult(r, null));
  }

  async partnersFor(cityId: string, filter: PairFilterInput, page: PageArgs, weights: Weights, isDefault: boolean): Promise<Connection<PartnerSuggestion>> {
    const suggestion = (view: PairScoreView): PartnerSuggestion => ({
      partnerId: view.cityAId === cityId ? view.cityBId : view.cityAId,
      score: view,
    });
    if (isDefault) {
      const connection = await this.stored.partnersFor(cityId, filter, page);
      const scales = await this.stored.scales(connection.nodes.map((row) => row.countries));
      return mapConnection(mapConnection(connection, (row) => viewOfRow(row, scales.get(row.countries)!)), suggestion);
    }
    const cities = await this.compute.loadEvidence();
    const city = evidenceOf(cities, cityId);
    const results = this.liveScores(cities, weights, (c) => c.cityId === cityId, (c) => c.countryCode !== city.countryCode, filter.peerGroup);
    return mapConnection(pageOf(applyFilter(results.filter(isJudged), filter), page, (r) => viewOfResult(r, null)), suggestion);
  }

  /** Beside a ranking of two countries: its pairs that cannot be judged yet, and the cities whose evidence would let them be. */
  async needsEvidenceOfRanking(countryA: string, countryB: string, pairs: number, weights: Weights, isDefault: boolean): Promise<NeedsEvidence> {
    const [x, y] = await this.countryPair(countryA, countryB);
    if (isDefault) return this.storedNeeds({ countries: countriesKey(x, y) }, [x, y], null, pairs);
    const cities = await this.compute.loadEvidence();
    const results = this.liveScores(cities, weights, (c) => c.countryCode === x, (c) => c.countryCode === y);
    return liveNeeds(results, cities.filter((c) => c.countryCode === x || c.countryCode === y), weights, pairs);
  }

  /** Beside a city's partners: its pairs that cannot be judged yet, and what its own or its partners' evidence lacks. */
  async needsEvidenceOfPartners(cityId: string, pairs: number, weights: Weights, isDefault: boolean): Promise<NeedsEvidence> {
    if (isDefault) {
      // The stored reads find nothing for an unknown city: say so, as the stored partners do.
      const [known] = await citiesById(this.dataSource.manager, [cityId]);
      if (!known) throw new NotFoundError('city', cityId);
      return this.storedNeeds({ cityId }, null, cityId, pairs);
    }
    const cities = await this.compute.loadEvidence();
    const city = evidenceOf(cities, cityId);
    const results = this.liveScores(cities, weights, (c) => c.cityId === cityId, (c) => c.countryCode !== city.countryCode);
    return liveNeeds(results, cities.filter((c) => c.cityId === cityId || c.countryCode !== city.countryCode), weights, pairs);
  }

  /** Every city's stored gaps, most useful first (the secretariat's worklist); a country filter must name a known country. */
  async cityNeeds(filter: { countryCode?: string | null; search?: string | null }, page: PageArgs): Promise<Connection<CityEvidenceNeed>> {
    if (filter.countryCode) await this.assertCountries([filter.countryCode.toUpperCase()]);
    const rows = await this.stored.cityNeeds(filter, page);
    return mapConnection(rows, (c) => needOfGaps({ ...c, minimumNumeric: MIN_SIMILARITY_INDICATORS }));
  }

  private async storedNeeds(scope: RankingScope, countryCodes: string[] | null, cityId: string | null, first: number): Promise<NeedsEvidence> {
    const [{ pairs, count }, cities] = await Promise.all([
      this.stored.needingEvidence(scope, first),
      this.stored.cityGaps(countryCodes, cityId, NEEDS_EVIDENCE_CITIES),
    ]);
    const scales = await this.stored.scales(pairs.map((p) => p.countries));
    return {
      pairs: pairs.map((row) => viewOfRow(row, scales.get(row.countries)!)),
      pairCount: { then: (resolve, reject) => count().then(resolve, reject) },
      cities: cities.map((c) => needOfGaps({ ...c, minimumNumeric: MIN_SIMILARITY_INDICATORS })),
    };
  }

  private async countryPair(countryA: string, countryB: string): Promise<[string, string]> {
    const [x, y] = [countryA.toUpperCase(), countryB.toUpperCase()];
    if (x === y) throw BadInputError.field('countryB', SAME_COUNTRY);
    await this.assertCountries([x, y]);
    return [x, y];
  }

  async shortlist(countryA: string, countryB: string, rule: ShortlistRuleInput): Promise<PairShortlist> {
    const [x, y] = [countryA.toUpperCase(), countryB.toUpperCase()];
    if (x === y) throw BadInputError.field('countryB', SAME_COUNTRY);
    const [countryX, countryY] = await Promise.all([this.cities.getCountry(x), this.cities.getCountry(y)]);
    const { pairs, candidates, scale } = await this.stored.shortlist(x, y, rule, SHORTLIST_LIMIT);
    const sectors = rule.sectors?.length ? await this.sectors.getMany(rule.sectors) : [];
    const sectorName = (key: string, i: number, lang: 'en' | 'ko') => (lang === 'en' ? sectors[i]?.nameEn : sectors[i]?.nameKo) ?? key;
    const ruleEn = [
      `Pairs of ${countryX.nameEn} and ${countryY.nameEn} cities with enough evidence to be judged`,
      `every pillar at least ${rule.minPillarStars} star${rule.minPillarStars === 1 ? '' : 's'}`,
      ...(rule.minCoverage !== undefined ? [`at least ${Math.round(rule.minCoverage * 100)}% of the evidence present`] : []),
      ...(rule.peerGroup !== undefined ? [`both cities in peer group ${rule.peerGroup}`] : []),
      ...(rule.sectors?.length ? [`active together in ${rule.sectors.map((k, i) => sectorName(k, i, 'en')).join(', ')}`] : []),
    ].join('; ') + `, under the report's default weights, best first (at most ${SHORTLIST_LIMIT}).`;
    const ruleKo =
      `${countryX.nameKo}·${countryY.nameKo} 도시 쌍 가운데 판단할 근거가 충분하고 ` +
      [
        `네 기준 모두 별 ${rule.minPillarStars}개 이상`,
        ...(rule.minCoverage !== undefined ? [`근거의 ${Math.round(rule.minCoverage * 100)}% 이상 확보`] : []),
        ...(rule.peerGroup !== undefined ? [`두 도시 모두 동류 그룹 ${rule.peerGroup}`] : []),
        ...(rule.sectors?.length ? [`${rule.sectors.map((k, i) => sectorName(k, i, 'ko')).join('·')} 분야에서 함께 활동`] : []),
      ].join(', ') +
      `인 쌍입니다. 보고서의 기본 가중치로 순위가 높은 순서이며, 최대 ${SHORTLIST_LIMIT}쌍까지 보여 줍니다.`;
    const nearMisses = candidates
      .map((row, rank) => ({ row, rank, missed: missesOf(row, rule, scale) }))
      .filter((c) => c.missed.length > 0)
      .sort((p, q) => p.missed.length - q.missed.length || p.rank - q.rank)
      .slice(0, NEAR_MISSES)
      .map((c) => ({ score: viewOfRow(c.row, scale), missed: c.missed }));
    return { rule: ruleEn, ruleEn, ruleKo, pairs: pairs.map((row) => viewOfRow(row, scale)), nearMisses };
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
    return row ? { ...viewOfRow(row, await this.stored.scale(row.countries)), takenAt: this.clock.now().toISOString() } : null;
  }

  /** Pairs computed now from evidence the caller loaded (once per request), in ranking order. */
  private liveScores(
    cities: readonly CityEvidence[],
    weights: Weights,
    inXCountry: (c: { cityId: string; countryCode: string }) => boolean,
    inYCountry: (c: { cityId: string; countryCode: string }) => boolean,
    peerGroup?: number,
  ): PairScoreResult[] {
    // As for stored rankings: a peer group keeps pairs whose two cities are both in it.
    const inPeerGroup = (c: { peerGroup: number | null }) => peerGroup === undefined || c.peerGroup === peerGroup;
    const inX = (c: { cityId: string; countryCode: string; peerGroup: number | null }) => inXCountry(c) && inPeerGroup(c);
    const inY = (c: { cityId: string; countryCode: string; peerGroup: number | null }) => inYCountry(c) && inPeerGroup(c);
    const byId = new Map(cities.map((c) => [c.cityId, c]));
    const results: PairScoreResult[] = [];
    const xCountries = new Set(cities.filter(inX).map((c) => c.countryCode));
    for (const xc of xCountries) {
      const yCountries = new Set(cities.filter((c) => inY(c) && c.countryCode !== xc).map((c) => c.countryCode));
      for (const yc of yCountries) {
        // National leaders and the star scale come from every pair of the two countries, whatever
        // the filter; only the pairs asked for are read.
        const batch = buildBatch(cities.filter((c) => c.countryCode === xc), cities.filter((c) => c.countryCode === yc));
        const scores = scoreBatch(batch, weights);
        const rows = range(batch.x.n).filter((i) => inX(byId.get(batch.x.cityIds[i])!));
        const columns = range(batch.y.n).filter((j) => inY(byId.get(batch.y.cityIds[j])!));
        for (const i of rows) for (const j of columns) results.push(readPair(batch, scores, i * scores.nY + j, weights));
      }
    }
    return results.sort(rankOrder);
  }

  /** NOT_FOUND for the first code that is no country taking part; one statement for all of them. */
  private async assertCountries(codes: string[]): Promise<void> {
    const found = await this.cities.getCountries(codes);
    const missing = codes.findIndex((_, i) => !found[i]);
    if (missing >= 0) throw new NotFoundError('country', codes[missing]);
  }
}

/** A city's evidence among those loaded, or NOT_FOUND. */
function evidenceOf(cities: readonly CityEvidence[], cityId: string): CityEvidence {
  const city = cities.find((c) => c.cityId === cityId);
  if (!city) throw new NotFoundError('city', cityId);
  return city;
}

function sameWeights(a: Weights, b: Weights): boolean {
  return JSON.stringify([a.pillars, sortObject(a.indicators), a.starThresholds]) === JSON.stringify([b.pillars, sortObject(b.indicators), b.starThresholds]);
}

function sortObject(o: Record<string, number>): Array<[string, number]> {
  return Object.entries(o).sort(([x], [y]) => (x < y ? -1 : 1));
}
