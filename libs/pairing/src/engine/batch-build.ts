import { nationalScales, NationalScales, prepareCities, PreparedCity } from './prepare';
import { linksBetween, relationshipPillar } from './score';
import { CityEvidence } from './types';
import { compareStrings } from './weights';
import type { BatchSide, BatchSideKey, PairingBatch } from './batch-types';

/* Building a batch: prepared cities laid out on typed arrays, and the links of its pairs. */

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

export function writeIndicatorRow(batch: PairingBatch, side: BatchSide, i: number): void {
  const stride = batch.indicatorKeys.length;
  const city = side.cities[i];
  for (let c = 0; c < stride; c++) {
    const v = city.relative.get(batch.indicatorKeys[c]);
    side.relative[i * stride + c] = v === undefined ? NaN : v;
  }
}

export function writeSectorRow(batch: PairingBatch, side: BatchSide, i: number, sectorBit: Map<string, number>): void {
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

export function writeRow(batch: PairingBatch, side: BatchSide, i: number, sectorBit: Map<string, number>): void {
  writeIndicatorRow(batch, side, i);
  const r = side.cities[i].readinessShare;
  side.readiness[i] = r === null ? NaN : r;
  writeSectorRow(batch, side, i, sectorBit);
}

export function sectorBits(batch: PairingBatch): Map<string, number> {
  return new Map(batch.sectorKeys.map((k, i) => [k, i]));
}

export function setPairLinks(batch: PairingBatch, i: number, j: number): void {
  const links = linksBetween(batch.x.cities[i], batch.y.cities[j]);
  const p = i * batch.y.n + j;
  if (links.length === 0) batch.links.delete(p);
  else batch.links.set(p, { relationship: relationshipPillar(links.map((l) => l.formality)), count: links.length });
}

/**
 * Every pair (i, j) where either city lists a link towards the other
 * (linksBetween() then dedupes); with `only`, just the pairs of that city.
 */
export function linkCandidates(batch: PairingBatch, only?: { side: BatchSideKey; index: number }): Set<number> {
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
