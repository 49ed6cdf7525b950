import {
  nationalScales,
  NationalScales,
  numericIndicators,
  prepareCities,
  prepareCity,
  PreparedCity,
} from './prepare';
import { confidenceLabel, linksBetween, pairKey, relationshipPillar, totalIndicatorWeight } from './score';
import { CityEvidence, PairScoreResult, PillarKey, PillarResult, Stars, Weights } from './types';
import { compareStrings, REPORT_DEFAULT_WEIGHTS, starsFor, SYNERGY_SATURATION, validateWeights, weightedIndicators } from './weights';

/**
 * Batch scoring of every pair between two sets of cities (choice 9) on typed
 * arrays: a Float64Array of relative indicators (NaN = missing), readiness
 * shares, sector bitmasks, and links in a Map keyed by pair index. It performs
 * the same floating-point operations in the same order as score.ts, so every
 * number equals the single-pair function's (batch.spec.ts checks it).
 *
 * Pair index p = i · nY + j for city i of side x and city j of side y.
 */

/** One side of a batch (usually the cities of one country). */
export interface BatchSide {
  cities: PreparedCity[];
  cityIds: string[];
  n: number;
  /** n × batch.indicatorKeys.length relative values, row-major; NaN = missing. */
  relative: Float64Array;
  /** Readiness share (composite / 14) per city; NaN = no assessment. */
  readiness: Float64Array;
  /** n × batch.sectorWords bitmasks: bit s set when active in sector s (any level). */
  sectorActive: Uint32Array;
  /** n × batch.sectorWords bitmasks: bit s set when at level 3 in sector s. */
  sectorFull: Uint32Array;
  /** 1 when the city has any sector evidence. */
  hasSectors: Uint8Array;
}

/** The links of one pair, reduced to what the relationship pillar needs. */
export interface PairLinks {
  /** relationshipPillar() of the pair's links: max formality / 4. */
  relationship: number;
  count: number;
}

export interface PairingBatch {
  x: BatchSide;
  y: BatchSide;
  /** Column order of the relative matrices (append order; scoring walks weighted keys in sorted order). */
  indicatorKeys: string[];
  /** Bit order of the sector masks (append order; synergy arithmetic is exact, so order does not matter). */
  sectorKeys: string[];
  sectorWords: number;
  /** Pair index → links; pairs absent have none. */
  links: Map<number, PairLinks>;
  /** National leaders' values the relative figures were computed with. */
  scales: NationalScales;
}

/** Scores of every pair of a batch; pair p = i · nY + j. NaN = null pillar. */
export interface BatchScores {
  nX: number;
  nY: number;
  cityIdsX: string[];
  cityIdsY: string[];
  similarity: Float64Array;
  internationalisation: Float64Array;
  synergy: Float64Array;
  relationship: Float64Array;
  overall: Float64Array;
  overallStars: Uint8Array;
  /** Lowest pillar stars; 0 when a pillar has no score. */
  minPillarStars: Uint8Array;
  indicatorsUsed: Uint16Array;
  /** The same for every pair: indicators with weight > 0. */
  indicatorsWeighted: number;
  sectorsCompared: Uint16Array;
  sharedSectors: Uint16Array;
  assessments: Uint8Array;
  links: Uint16Array;
  confidence: Float64Array;
}

export type BatchSideKey = 'x' | 'y';

// --- Building ---------------------------------------------------------------

function emptySide(cities: PreparedCity[], columns: number, words: number): BatchSide {
  const n = cities.length;
  return {
    cities,
    cityIds: cities.map((c) => c.cityId),
    n,
    relative: new Float64Array(n * columns).fill(NaN),
    readiness: new Float64Array(n).fill(NaN),
    sectorActive: new Uint32Array(n * words),
    sectorFull: new Uint32Array(n * words),
    hasSectors: new Uint8Array(n),
  };
}

function writeIndicatorRow(batch: PairingBatch, side: BatchSide, i: number): void {
  const stride = batch.indicatorKeys.length;
  const city = side.cities[i];
  for (let c = 0; c < stride; c++) {
    const v = city.relative.get(batch.indicatorKeys[c]);
    side.relative[i * stride + c] = v === undefined ? NaN : v;
  }
}

function writeSectorRow(batch: PairingBatch, side: BatchSide, i: number, sectorBit: Map<string, number>): void {
  const words = batch.sectorWords;
  const city = side.cities[i];
  for (let w = 0; w < words; w++) {
    side.sectorActive[i * words + w] = 0;
    side.sectorFull[i * words + w] = 0;
  }
  for (const [key, level] of city.sectorLevels) {
    const bit = sectorBit.get(key)!;
    const w = i * words + (bit >>> 5);
    side.sectorActive[w] |= 1 << (bit & 31);
    if (level === 3) side.sectorFull[w] |= 1 << (bit & 31);
  }
  side.hasSectors[i] = city.hasSectorEvidence ? 1 : 0;
}

function writeRow(batch: PairingBatch, side: BatchSide, i: number, sectorBit: Map<string, number>): void {
  writeIndicatorRow(batch, side, i);
  const r = side.cities[i].readinessShare;
  side.readiness[i] = r === null ? NaN : r;
  writeSectorRow(batch, side, i, sectorBit);
}

function sectorBits(batch: PairingBatch): Map<string, number> {
  return new Map(batch.sectorKeys.map((k, i) => [k, i]));
}

function setPairLinks(batch: PairingBatch, i: number, j: number): void {
  const links = linksBetween(batch.x.cities[i], batch.y.cities[j]);
  const p = i * batch.y.n + j;
  if (links.length === 0) batch.links.delete(p);
  else batch.links.set(p, { relationship: relationshipPillar(links.map((l) => l.formality)), count: links.length });
}

/**
 * Every pair (i, j) where either city lists a link towards the other
 * (linksBetween() then dedupes); with `only`, just the pairs of that city.
 */
function linkCandidates(batch: PairingBatch, only?: { side: BatchSideKey; index: number }): Set<number> {
  const { x, y } = batch;
  const xIndex = new Map(x.cityIds.map((id, i) => [id, i]));
  const yIndex = new Map(y.cityIds.map((id, j) => [id, j]));
  const out = new Set<number>();
  const add = (i: number | undefined, j: number | undefined) => {
    if (i === undefined || j === undefined) return;
    if (!only || (only.side === 'x' ? i === only.index : j === only.index)) out.add(i * y.n + j);
  };
  x.cities.forEach((c, i) => c.evidence.links.forEach((l) => add(i, yIndex.get(l.otherCityId))));
  y.cities.forEach((c, j) => c.evidence.links.forEach((l) => add(xIndex.get(l.otherCityId), j)));
  return out;
}

/** Lays out prepared cities on typed arrays. Both sides must come from one prepareCities() call (same national scales). */
export function buildBatchFromPrepared(x: PreparedCity[], y: PreparedCity[], scales: NationalScales): PairingBatch {
  const indicatorKeys = [...new Set([...x, ...y].flatMap((c) => [...c.relative.keys()]))].sort(compareStrings);
  const sectorKeys = [...new Set([...x, ...y].flatMap((c) => [...c.sectorLevels.keys()]))].sort(compareStrings);
  const sectorWords = Math.max(1, Math.ceil(sectorKeys.length / 32));
  const batch: PairingBatch = {
    x: emptySide(x, indicatorKeys.length, sectorWords),
    y: emptySide(y, indicatorKeys.length, sectorWords),
    indicatorKeys,
    sectorKeys,
    sectorWords,
    links: new Map(),
    scales,
  };
  const bits = sectorBits(batch);
  for (let i = 0; i < x.length; i++) writeRow(batch, batch.x, i, bits);
  for (let j = 0; j < y.length; j++) writeRow(batch, batch.y, j, bits);
  for (const p of linkCandidates(batch)) setPairLinks(batch, Math.floor(p / batch.y.n), p % batch.y.n);
  return batch;
}

/**
 * Prepares two sets of cities (relative values within each country, over
 * both sets) and lays them out for batch scoring.
 */
export function buildBatch(citiesX: readonly CityEvidence[], citiesY: readonly CityEvidence[]): PairingBatch {
  const prepared = prepareCities([...citiesX, ...citiesY]);
  const numeric = prepared.map((c) => ({ countryCode: c.countryCode, numeric: c.indicators }));
  return buildBatchFromPrepared(prepared.slice(0, citiesX.length), prepared.slice(citiesX.length), nationalScales(numeric));
}

// --- Scoring ----------------------------------------------------------------

/** Allocates the output arrays of a batch. */
export function allocateScores(batch: PairingBatch): BatchScores {
  const n = batch.x.n * batch.y.n;
  return {
    nX: batch.x.n,
    nY: batch.y.n,
    cityIdsX: batch.x.cityIds,
    cityIdsY: batch.y.cityIds,
    similarity: new Float64Array(n),
    internationalisation: new Float64Array(n),
    synergy: new Float64Array(n),
    relationship: new Float64Array(n),
    overall: new Float64Array(n),
    overallStars: new Uint8Array(n),
    minPillarStars: new Uint8Array(n),
    indicatorsUsed: new Uint16Array(n),
    indicatorsWeighted: 0,
    sectorsCompared: new Uint16Array(n),
    sharedSectors: new Uint16Array(n),
    assessments: new Uint8Array(n),
    links: new Uint16Array(n),
    confidence: new Float64Array(n),
  };
}

/** Bits set in a 32-bit word. */
function popcount(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * Scores the block of pairs rows [i0, i1) × columns [j0, j1). The single
 * scoring loop behind scoreBatch() and scorePairsForCity().
 */
function scoreBlock(batch: PairingBatch, weights: Weights, out: BatchScores, i0: number, i1: number, j0: number, j1: number): void {
  const { x, y } = batch;
  const nY = y.n;
  const stride = batch.indicatorKeys.length;
  const words = batch.sectorWords;

  // Weighted indicators present as columns, in canonical key order (as similarityPillar walks them).
  const weighted = weightedIndicators(weights);
  const colIndex = new Map(batch.indicatorKeys.map((k, c) => [k, c]));
  const colsList: number[] = [];
  const wsList: number[] = [];
  for (const [key, w] of weighted) {
    const c = colIndex.get(key);
    if (c !== undefined) {
      colsList.push(c);
      wsList.push(w);
    }
  }
  const cols = Int32Array.from(colsList);
  const ws = Float64Array.from(wsList);
  const nc = cols.length;
  const totalW = totalIndicatorWeight(weighted);
  out.indicatorsWeighted = weighted.length;

  const wS = weights.pillars.similarity;
  const wI = weights.pillars.internationalisation;
  const wY = weights.pillars.synergy;
  const wR = weights.pillars.relationship;
  const [t1, t2] = weights.starThresholds;

  const relX = x.relative;
  const relY = y.relative;
  const { similarity, internationalisation, synergy, relationship, overall, overallStars, minPillarStars } = out;
  const { indicatorsUsed, sectorsCompared, sharedSectors, assessments, links, confidence } = out;

  // Relationship: 0 and no links, except the pairs in the links map.
  for (let i = i0; i < i1; i++) {
    relationship.fill(0, i * nY + j0, i * nY + j1);
    links.fill(0, i * nY + j0, i * nY + j1);
  }
  for (const [p, l] of batch.links) {
    const i = Math.floor(p / nY);
    const j = p - i * nY;
    if (i >= i0 && i < i1 && j >= j0 && j < j1) {
      relationship[p] = l.relationship;
      links[p] = l.count;
    }
  }

  for (let i = i0; i < i1; i++) {
    const baseA = i * stride;
    const na = x.readiness[i];
    const hasA = x.hasSectors[i];
    const sA = i * words;
    for (let j = j0; j < j1; j++) {
      const p = i * nY + j;
      const baseB = j * stride;

      // 1. similarity
      let sw = 0;
      let swd = 0;
      let used = 0;
      for (let c = 0; c < nc; c++) {
        const col = cols[c];
        const ra = relX[baseA + col];
        const rb = relY[baseB + col];
        if (ra === ra && rb === rb) {
          const w = ws[c];
          let d = Math.abs(ra - rb);
          if (d > 1) d = 1;
          sw += w;
          swd += w * d;
          used++;
        }
      }
      const sim = used > 0 ? 1 - swd / sw : NaN;

      // 2. internationalisation
      const nb = y.readiness[j];
      const hasIntl = na === na && nb === nb;
      const intl = hasIntl ? 0.5 * (1 - Math.abs(na - nb)) + 0.5 * ((na + nb) / 2) : NaN;

      // 3. synergy: Σ (w_a + w_b)/4 over shared sectors = (2·shared + full_a + full_b) / 4, exactly
      const hasB = y.hasSectors[j];
      let syn = NaN;
      let shared = 0;
      let union = 0;
      if (hasA === 1 && hasB === 1) {
        const sB = j * words;
        let fa = 0;
        let fb = 0;
        for (let w = 0; w < words; w++) {
          const aa = x.sectorActive[sA + w];
          const ab = y.sectorActive[sB + w];
          const s = aa & ab;
          shared += popcount(s);
          union += popcount(aa | ab);
          fa += popcount(s & x.sectorFull[sA + w]);
          fb += popcount(s & y.sectorFull[sB + w]);
        }
        syn = Math.min(1, (2 * shared + fa + fb) / 4 / SYNERGY_SATURATION);
      }

      // 4. relationship (filled above)
      const rel = relationship[p];

      // overall and stars
      let sum = 0;
      let wsum = 0;
      let minStars = 3;
      if (sim === sim) {
        if (wS > 0) {
          sum += wS * sim;
          wsum += wS;
        }
        const st = sim < t1 ? 1 : sim < t2 ? 2 : 3;
        if (st < minStars) minStars = st;
      } else minStars = 0;
      if (intl === intl) {
        if (wI > 0) {
          sum += wI * intl;
          wsum += wI;
        }
        const st = intl < t1 ? 1 : intl < t2 ? 2 : 3;
        if (minStars !== 0 && st < minStars) minStars = st;
      } else minStars = 0;
      if (syn === syn) {
        if (wY > 0) {
          sum += wY * syn;
          wsum += wY;
        }
        const st = syn < t1 ? 1 : syn < t2 ? 2 : 3;
        if (minStars !== 0 && st < minStars) minStars = st;
      } else minStars = 0;
      if (wR > 0) {
        sum += wR * rel;
        wsum += wR;
      }
      {
        const st = rel < t1 ? 1 : rel < t2 ? 2 : 3;
        if (minStars !== 0 && st < minStars) minStars = st;
      }
      const ov = wsum > 0 ? Math.min(1, sum / wsum) : 0;

      // confidence (see confidenceOf)
      const nAssess = (na === na ? 1 : 0) + (nb === nb ? 1 : 0);
      let csum = 0;
      let cw = 0;
      if (wS > 0) {
        csum += wS * (totalW > 0 ? sw / totalW : 0);
        cw += wS;
      }
      if (wI > 0) {
        csum += wI * (nAssess / 2);
        cw += wI;
      }
      if (wY > 0) {
        csum += wY * ((hasA + hasB) / 2);
        cw += wY;
      }
      if (wR > 0) {
        csum += wR * 1;
        cw += wR;
      }

      similarity[p] = sim;
      internationalisation[p] = intl;
      synergy[p] = syn;
      overall[p] = ov;
      overallStars[p] = ov < t1 ? 1 : ov < t2 ? 2 : 3;
      minPillarStars[p] = minStars;
      indicatorsUsed[p] = used;
      sectorsCompared[p] = union;
      sharedSectors[p] = shared;
      assessments[p] = nAssess;
      confidence[p] = cw > 0 ? csum / cw : 0;
    }
  }
}

/** Scores every pair of a batch, into `out` when given (reuse it to avoid allocating). */
export function scoreBatch(batch: PairingBatch, weights: Weights = REPORT_DEFAULT_WEIGHTS, out: BatchScores = allocateScores(batch)): BatchScores {
  validateWeights(weights);
  if (out.nX !== batch.x.n || out.nY !== batch.y.n) throw new RangeError('Output arrays do not match the batch size.');
  out.cityIdsX = batch.x.cityIds;
  out.cityIdsY = batch.y.cityIds;
  scoreBlock(batch, weights, out, 0, batch.x.n, 0, batch.y.n);
  return out;
}

/** Choice 9: every pair between two sets of cities (usually two countries). */
export function scoreAllPairs(citiesX: readonly CityEvidence[], citiesY: readonly CityEvidence[], weights: Weights = REPORT_DEFAULT_WEIGHTS): { batch: PairingBatch; scores: BatchScores } {
  const batch = buildBatch(citiesX, citiesY);
  return { batch, scores: scoreBatch(batch, weights) };
}

/**
 * Rescores one city against every city of the other side (nY or nX pairs),
 * in place. Use after updateBatchCity().
 */
export function scorePairsForCity(batch: PairingBatch, side: BatchSideKey, cityIndex: number, weights: Weights, out: BatchScores): void {
  validateWeights(weights);
  const n = side === 'x' ? batch.x.n : batch.y.n;
  if (!Number.isInteger(cityIndex) || cityIndex < 0 || cityIndex >= n) throw new RangeError(`City index ${cityIndex} is outside side ${side} (0–${n - 1}).`);
  if (side === 'x') scoreBlock(batch, weights, out, cityIndex, cityIndex + 1, 0, batch.y.n);
  else scoreBlock(batch, weights, out, 0, batch.x.n, cityIndex, cityIndex + 1);
}

// --- Incremental updates ------------------------------------------------------

export interface BatchUpdate {
  /** Cities whose pairs must be rescored, per side. */
  changedX: number[];
  changedY: number[];
  /** True when a national leader changed, so every city of that country moved. */
  scalesChanged: boolean;
}

function sameScale(a: Map<string, number> | undefined, b: Map<string, number> | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/**
 * Replaces one city's evidence in a batch (same city id) and refreshes the
 * typed arrays. Relative figures depend on the national leader, so when the
 * change moves a leader (e.g. the city becomes the largest of its country),
 * every city of that country is refreshed and listed as changed; otherwise
 * only this city is. Links of this city's pairs are recomputed. New
 * indicator keys or sectors extend the layout. Adding or removing cities
 * needs a new batch.
 */
export function updateBatchCity(batch: PairingBatch, side: BatchSideKey, cityIndex: number, evidence: CityEvidence): BatchUpdate {
  const s = side === 'x' ? batch.x : batch.y;
  if (!Number.isInteger(cityIndex) || cityIndex < 0 || cityIndex >= s.n) throw new RangeError(`City index ${cityIndex} is outside side ${side}.`);
  const old = s.cities[cityIndex];
  if (old.cityId !== evidence.cityId) throw new RangeError(`City ${evidence.cityId} is not at index ${cityIndex} of side ${side} (found ${old.cityId}).`);

  const numeric = numericIndicators(evidence);
  const countries = new Set([old.countryCode, evidence.countryCode]);
  const members = (code: string) =>
    [...batch.x.cities.map((c, i) => ({ side: 'x' as const, i, c })), ...batch.y.cities.map((c, i) => ({ side: 'y' as const, i, c }))].filter(
      (m) => (m.side === side && m.i === cityIndex ? evidence.countryCode : m.c.countryCode) === code,
    );
  const numericOf = (m: { side: BatchSideKey; i: number; c: PreparedCity }) => (m.side === side && m.i === cityIndex ? numeric : m.c.indicators);

  let scalesChanged = false;
  const changed = { x: new Set<number>(side === 'x' ? [cityIndex] : []), y: new Set<number>(side === 'y' ? [cityIndex] : []) };
  for (const code of countries) {
    const ms = members(code);
    const fresh = nationalScales(ms.map((m) => ({ countryCode: code, numeric: numericOf(m) }))).get(code) ?? new Map<string, number>();
    if (!sameScale(batch.scales.get(code), fresh)) {
      scalesChanged = true;
      batch.scales.set(code, fresh);
      for (const m of ms) changed[m.side].add(m.i);
    }
  }

  // Re-prepare every changed city with the current scales.
  for (const k of ['x', 'y'] as const) {
    const sd = batch[k];
    for (const i of changed[k]) {
      const isUpdated = k === side && i === cityIndex;
      const ev = isUpdated ? evidence : sd.cities[i].evidence;
      sd.cities[i] = prepareCity(ev, isUpdated ? numeric : sd.cities[i].indicators, batch.scales);
    }
  }

  // Extend the layout for new indicator keys or sectors.
  const updated = s.cities[cityIndex];
  const newKeys = [...updated.relative.keys()].filter((k) => !batch.indicatorKeys.includes(k));
  if (newKeys.length > 0) {
    batch.indicatorKeys.push(...newKeys.sort(compareStrings));
    for (const sd of [batch.x, batch.y]) {
      sd.relative = new Float64Array(sd.n * batch.indicatorKeys.length).fill(NaN);
      for (let i = 0; i < sd.n; i++) writeIndicatorRow(batch, sd, i);
    }
  }
  const newSectors = [...updated.sectorLevels.keys()].filter((k) => !batch.sectorKeys.includes(k));
  if (newSectors.length > 0) {
    batch.sectorKeys.push(...newSectors.sort(compareStrings));
    const words = Math.max(1, Math.ceil(batch.sectorKeys.length / 32));
    if (words !== batch.sectorWords) {
      batch.sectorWords = words;
      const bits = sectorBits(batch);
      for (const sd of [batch.x, batch.y]) {
        sd.sectorActive = new Uint32Array(sd.n * words);
        sd.sectorFull = new Uint32Array(sd.n * words);
        for (let i = 0; i < sd.n; i++) writeSectorRow(batch, sd, i, bits);
      }
    }
  }
  const bits = sectorBits(batch);
  for (const k of ['x', 'y'] as const) for (const i of changed[k]) writeRow(batch, batch[k], i, bits);

  // Links of this city's pairs.
  const nY = batch.y.n;
  for (const p of [...batch.links.keys()]) {
    const i = Math.floor(p / nY);
    if (side === 'x' ? i === cityIndex : p - i * nY === cityIndex) batch.links.delete(p);
  }
  for (const p of linkCandidates(batch, { side, index: cityIndex })) setPairLinks(batch, Math.floor(p / nY), p % nY);

  const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);
  return { changedX: sorted(changed.x), changedY: sorted(changed.y), scalesChanged };
}

/**
 * updateBatchCity() then rescoring of the pairs that moved: one city's pairs
 * normally; everything when a national leader changed and the changed rows
 * cover at least half the pairs. Returns the number of pairs rescored.
 */
export function applyCityUpdate(batch: PairingBatch, scores: BatchScores, side: BatchSideKey, cityIndex: number, evidence: CityEvidence, weights: Weights = REPORT_DEFAULT_WEIGHTS): { update: BatchUpdate; pairsRescored: number } {
  const update = updateBatchCity(batch, side, cityIndex, evidence);
  scores.cityIdsX = batch.x.cityIds;
  scores.cityIdsY = batch.y.cityIds;
  const pairs = update.changedX.length * batch.y.n + update.changedY.length * batch.x.n;
  if (pairs * 2 >= batch.x.n * batch.y.n) {
    scoreBatch(batch, weights, scores);
    return { update, pairsRescored: batch.x.n * batch.y.n };
  }
  for (const i of update.changedX) scorePairsForCity(batch, 'x', i, weights, scores);
  for (const j of update.changedY) scorePairsForCity(batch, 'y', j, weights, scores);
  return { update, pairsRescored: pairs };
}

// --- Reading results ------------------------------------------------------------

export function pairIndex(scores: Pick<BatchScores, 'nY'>, i: number, j: number): number {
  return i * scores.nY + j;
}

export function pairCities(scores: Pick<BatchScores, 'nY'>, p: number): [number, number] {
  const i = Math.floor(p / scores.nY);
  return [i, p - i * scores.nY];
}

/** The pair key of pair index p. */
export function batchPairKey(scores: Pick<BatchScores, 'nY' | 'cityIdsX' | 'cityIdsY'>, p: number): string {
  const [i, j] = pairCities(scores, p);
  return pairKey(scores.cityIdsX[i], scores.cityIdsY[j]);
}

/** Sorted keys of the sectors both cities of pair p are active in. */
export function batchSharedSectors(batch: PairingBatch, p: number): string[] {
  const [i, j] = pairCities({ nY: batch.y.n }, p);
  const words = batch.sectorWords;
  const out: string[] = [];
  for (let s = 0; s < batch.sectorKeys.length; s++) {
    const w = s >>> 5;
    const bit = 1 << (s & 31);
    if (batch.x.sectorActive[i * words + w] & batch.y.sectorActive[j * words + w] & bit) out.push(batch.sectorKeys[s]);
  }
  return out.sort(compareStrings);
}

const num = (v: number): number | null => (v === v ? v : null);

/** Pair p of a batch in the single-pair shape (cities in id order), e.g. to store it. */
export function readPair(batch: PairingBatch, scores: BatchScores, p: number, weights: Weights = REPORT_DEFAULT_WEIGHTS): PairScoreResult {
  const [i, j] = pairCities(scores, p);
  const ids = [scores.cityIdsX[i], scores.cityIdsY[j]].sort(compareStrings);
  const t = weights.starThresholds;
  const pillar = (arr: Float64Array): PillarResult => {
    const score = num(arr[p]);
    return { score, stars: score === null ? null : starsFor(score, t) };
  };
  const pillars: Record<PillarKey, PillarResult> = {
    similarity: pillar(scores.similarity),
    internationalisation: pillar(scores.internationalisation),
    synergy: pillar(scores.synergy),
    relationship: pillar(scores.relationship),
  };
  return {
    pairKey: pairKey(ids[0], ids[1]),
    cityAId: ids[0],
    cityBId: ids[1],
    pillars,
    overall: scores.overall[p],
    overallStars: scores.overallStars[p] as Stars,
    minPillarStars: scores.minPillarStars[p] as 0 | Stars,
    coverage: {
      indicatorsUsed: scores.indicatorsUsed[p],
      indicatorsWeighted: scores.indicatorsWeighted,
      sectorsCompared: scores.sectorsCompared[p],
      sharedSectors: scores.sharedSectors[p],
      assessments: scores.assessments[p],
      links: scores.links[p],
      confidence: scores.confidence[p],
      confidenceLabel: confidenceLabel(scores.confidence[p]),
    },
    sharedSectors: batchSharedSectors(batch, p),
  };
}
