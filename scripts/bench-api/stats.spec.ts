import { median, percentile, showSummary, summarise } from './stats';

describe('the API benchmark statistics', () => {
  it('takes the median of odd and even counts, unsorted', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('reads percentiles by nearest rank', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([1, 2, 3, 4], 0)).toBe(1);
  });

  it('summarises rounds as a median and their spread', () => {
    expect(summarise([2, 9, 4])).toEqual({ median: 4, min: 2, max: 9 });
    expect(showSummary(summarise([1.234, 2, 3]), 1)).toBe('2.0 (1.2–3.0)');
  });
});
