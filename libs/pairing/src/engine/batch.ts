/**
 * Batch scoring of every pair between two sets of cities (choice 9) on typed
 * arrays: a Float64Array of relative indicators (NaN = missing), readiness
 * shares, sector bitmasks, and links in a Map keyed by pair index. It performs
 * the same floating-point operations in the same order as score.ts, so every
 * number equals the single-pair function's (batch.spec.ts checks it).
 *
 * Pair index p = i · nY + j for city i of side x and city j of side y.
 */

export type { BatchScores, BatchSide, BatchSideKey, BatchUpdate, PairingBatch, PairLinks } from './batch-types';
export { buildBatch, buildBatchFromPrepared } from './batch-build';
export { allocateScores, scoreAllPairs, scoreBatch, scorePairsForCity } from './batch-score';
export { applyCityUpdate, updateBatchCity } from './batch-update';
export { batchPairKey, batchSharedSectors, pairCities, pairIndex, readPair } from './batch-read';
