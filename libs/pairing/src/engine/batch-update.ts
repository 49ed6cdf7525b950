import { nationalScales, numericIndicators, prepareCity, PreparedCity } from './prepare';
import { CityEvidence, Weights } from './types';
import { compareStrings, REPORT_DEFAULT_WEIGHTS } from './weights';
import type { BatchScores, BatchSideKey, BatchUpdate, PairingBatch } from './batch-types';
import { linkCandidates, sectorBits, setPairLinks, writeIndicatorRow, writeRow, writeSectorRow } from './batch-build';
import { scoreBatch, scorePairsForCity } from './batch-score';

/* Incremental updates: one city's new evidence, and the rescoring of the pairs it moved. */

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
 * cover at least half the pairs. Returns the number of pairs rescored. The
 * rank order is exact at once; the star scale follows when calibrateStars()
 * is called (once per batch of updates).
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
