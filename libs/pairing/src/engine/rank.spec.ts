import fc from 'fast-check';
import { comparePairs, rankPairs, topK } from './rank';

/** A ranking input of nX × nY pairs with the given ranking scores (and confidences, 1 by default). */
function input(adjusted: number[], nY: number, confidence: number[] = adjusted.map(() => 1)) {
  const nX = Math.ceil(adjusted.length / nY);
  return {
    adjusted: Float64Array.from(adjusted),
    confidence: Float64Array.from(confidence),
    nY,
    cityIdsX: Array.from({ length: nX }, (_, i) => `x${String(i).padStart(3, '0')}`),
    cityIdsY: Array.from({ length: nY }, (_, j) => `y${j}`),
  };
}

describe('rankPairs and topK', () => {
  it('order exactly by score, then pair key, even for scores closer than the radix resolution', () => {
    const base = 0.5;
    const tiny = 2 ** -40; // below the 2^-32 quantisation: the fix-up pass must order these
    const s = input([base, base + tiny, base, 1, 0, base - tiny, 1, 0], 4);
    const ranked = Array.from(rankPairs(s));
    expect(ranked).toEqual([3, 6, 1, 0, 2, 5, 4, 7]);
    // ties at 0.5 (pairs 0 and 2) by pair key: x000~y0 before x000~y2
    expect(comparePairs(s, 0, 2)).toBeLessThan(0);
  });

  it('put the better-evidenced of two equal ranking scores first, before the pair key decides', () => {
    const s = input([0.5, 0.5, 0.5, 0.2], 2, [0.5, 0.75, 0.5, 1]);
    expect(Array.from(rankPairs(s))).toEqual([1, 0, 2, 3]);
    expect(Array.from(topK(s, 2))).toEqual([1, 0]);
  });

  it('agree with a plain comparator sort on random scores with many ties', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(0, 0.25, 1 / 3, 0.5, 1), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 30 }),
        fc.array(fc.constantFrom(0.25, 0.5, 0.75, 1), { minLength: 220, maxLength: 220 }),
        (scores, nY, k, confidences) => {
          const padded = [...scores, ...Array((nY - (scores.length % nY)) % nY).fill(0)];
          const s = input(padded, nY, confidences.slice(0, padded.length));
          const expected = padded.map((_, p) => p).sort((p, q) => comparePairs(s, p, q));
          expect(Array.from(rankPairs(s))).toEqual(expected);
          expect(Array.from(topK(s, k))).toEqual(expected.slice(0, k));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rejects a bad k', () => {
    expect(() => topK(input([1], 1), -1)).toThrow(RangeError);
  });
});
