/** Order statistics for the API benchmark: small arrays, exact. */

/** The p-th percentile (0–100) of `values`, nearest rank on the sorted values; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** The median: the middle value, or the mean of the two middle ones. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Median and spread (lowest, highest) of one figure over the rounds. */
export interface Summary {
  median: number;
  min: number;
  max: number;
}

export function summarise(values: readonly number[]): Summary {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/** `12.3 (11.9–13.0)`, with `digits` decimals. */
export function showSummary(summary: Summary, digits: number): string {
  const f = (v: number) => (Number.isFinite(v) ? v.toFixed(digits) : '–');
  return `${f(summary.median)} (${f(summary.min)}–${f(summary.max)})`;
}
