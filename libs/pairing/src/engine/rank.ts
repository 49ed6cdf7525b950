import { batchPairKey, BatchScores } from './batch';

/**
 * Rankings over batch scores (choice 9). Order: the ranking score (adjusted)
 * descending, then confidence descending (of two pairs the ranking score
 * cannot tell apart, the better-evidenced one first), then pair key ascending
 * (code-unit order), so a ranking is total and deterministic whatever the
 * input order of the cities.
 */

type RankInput = Pick<BatchScores, 'adjusted' | 'confidence' | 'nY' | 'cityIdsX' | 'cityIdsY'>;

/** Negative when pair p ranks before pair q. */
export function comparePairs(scores: RankInput, p: number, q: number): number {
  const d = scores.adjusted[q] - scores.adjusted[p];
  if (d !== 0) return d;
  const c = scores.confidence[q] - scores.confidence[p];
  if (c !== 0) return c;
  if (p === q) return 0;
  const kp = batchPairKey(scores, p);
  const kq = batchPairKey(scores, q);
  return kp < kq ? -1 : kp > kq ? 1 : 0;
}

const RADIX_BITS = 11;
const TWO_POW_32 = 4294967296;

/**
 * Every pair index in ranking order. An LSD radix sort (three 11-bit passes)
 * on the ranking score quantised to 32 bits (floor(score · 2³²), monotone in
 * the score), carrying the keys along so every pass reads sequentially; then
 * each run of equal quantised keys is put in exact order (ranking score,
 * then confidence descending, pair key ascending) — scores closer than 2⁻³² and true ties.
 */
export function rankPairs(scores: RankInput): Uint32Array {
  const ranking = scores.adjusted;
  const n = ranking.length;
  let idx = new Uint32Array(n);
  let key = new Uint32Array(n);
  let idx2 = new Uint32Array(n);
  let key2 = new Uint32Array(n);
  for (let p = 0; p < n; p++) {
    idx[p] = p;
    const q = Math.floor(ranking[p] * TWO_POW_32);
    key[p] = 0xffffffff - (q > 0xffffffff ? 0xffffffff : q < 0 ? 0 : q); // descending
  }
  const buckets = 1 << RADIX_BITS;
  const mask = buckets - 1;
  const count = new Uint32Array(buckets);
  for (let shift = 0; shift < 32; shift += RADIX_BITS) {
    count.fill(0);
    for (let k = 0; k < n; k++) count[(key[k] >>> shift) & mask]++;
    let pos = 0;
    for (let d = 0; d < buckets; d++) {
      const c = count[d];
      count[d] = pos;
      pos += c;
    }
    for (let k = 0; k < n; k++) {
      const kk = key[k];
      const at = count[(kk >>> shift) & mask]++;
      idx2[at] = idx[k];
      key2[at] = kk;
    }
    [idx, idx2] = [idx2, idx];
    [key, key2] = [key2, key];
  }

  // Runs of equal quantised keys: exact order.
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && key[end] === key[start]) end++;
    if (end - start > 1) {
      const run = Array.from(idx.subarray(start, end)).sort((p, q) => comparePairs(scores, p, q));
      idx.set(run, start);
    }
    start = end;
  }
  return idx;
}

/**
 * The k best pairs in ranking order, optionally only those passing a filter
 * (e.g. a peer group or a minimum confidence). A bounded heap: O(n log k).
 */
export function topK(scores: RankInput, k: number, filter?: (p: number) => boolean): Uint32Array {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a whole number ≥ 0 (got ${k}).`);
  const n = scores.adjusted.length;
  const heap = new Uint32Array(Math.min(k, n)); // root = the worst kept pair
  let size = 0;
  // worse(p, q): p ranks after q
  const worse = (p: number, q: number) => comparePairs(scores, p, q) > 0;
  const siftDown = (at: number) => {
    for (;;) {
      const l = 2 * at + 1;
      const r = l + 1;
      let w = at;
      if (l < size && worse(heap[l], heap[w])) w = l;
      if (r < size && worse(heap[r], heap[w])) w = r;
      if (w === at) return;
      const t = heap[at];
      heap[at] = heap[w];
      heap[w] = t;
      at = w;
    }
  };
  if (heap.length === 0) return heap;
  const ranking = scores.adjusted;
  for (let p = 0; p < n; p++) {
    if (filter && !filter(p)) continue;
    if (size < heap.length) {
      let at = size++;
      heap[at] = p;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!worse(heap[at], heap[parent])) break;
        const t = heap[at];
        heap[at] = heap[parent];
        heap[parent] = t;
        at = parent;
      }
    } else if (ranking[p] >= ranking[heap[0]] && worse(heap[0], p)) {
      heap[0] = p;
      siftDown(0);
    }
  }
  return heap.slice(0, size).sort((p, q) => comparePairs(scores, p, q));
}
