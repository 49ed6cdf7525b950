/** Decimal places of a currency's minor unit (2 for GBP, 0 for KRW), per ISO 4217 as Intl knows it. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Amounts per currency, in integer minor units: BigInt all the way, never a float. */
export type Amounts = Map<string, bigint>;

export function sumByCurrency(lines: ReadonlyArray<{ currency: string; amountMinor: string | bigint }>): Amounts {
  const totals: Amounts = new Map();
  for (const line of lines) totals.set(line.currency, (totals.get(line.currency) ?? 0n) + BigInt(line.amountMinor));
  return totals;
}

/** b − a per currency over the currencies of either, leaving out zeros. */
export function difference(a: Amounts, b: Amounts): Amounts {
  const out: Amounts = new Map();
  for (const currency of new Set([...a.keys(), ...b.keys()])) {
    const delta = (b.get(currency) ?? 0n) - (a.get(currency) ?? 0n);
    if (delta !== 0n) out.set(currency, delta);
  }
  return out;
}

export function toRecord(amounts: Amounts): Record<string, string> {
  return Object.fromEntries([...amounts].sort(([a], [b]) => a.localeCompare(b)).map(([c, v]) => [c, v.toString()]));
}

export function fromRecord(record: Record<string, string> | null | undefined): Amounts {
  return new Map(Object.entries(record ?? {}).map(([c, v]) => [c, BigInt(v)]));
}

/**
 * How the smaller side compares with the larger, in percent, once both are in
 * the reference currency: `rates[c]` units of c per one reference unit, minor
 * digits per currency from `digits`. Exact: a rational compared by BigInt
 * cross-multiplication, with rates taken to six decimal places.
 */
export function matchPercent(
  sides: ReadonlyArray<{ currency: string; amountMinor: bigint }>,
  referenceCurrency: string,
  rates: Record<string, number>,
): { percent: number; meets: (requiredPercent: number) => boolean } {
  const digits = minorDigits;
  const SCALE = 1_000_000n;
  // value in reference minor units × SCALE × 10^maxDigits, as a fraction numerator/denominator per side
  const asFraction = ({ currency, amountMinor }: { currency: string; amountMinor: bigint }): [bigint, bigint] => {
    const rate = currency === referenceCurrency ? SCALE : BigInt(Math.round((rates[currency] ?? NaN) * 1_000_000));
    // reference major = amountMinor / 10^d(c) / rate  →  reference minor = amountMinor × 10^d(ref) × SCALE / (10^d(c) × rateScaled)
    return [amountMinor * 10n ** BigInt(digits(referenceCurrency)) * SCALE, 10n ** BigInt(digits(currency)) * rate];
  };
  const fractions = sides.map(asFraction);
  if (fractions.length < 2) return { percent: 0, meets: (required) => required <= 0 };
  // smaller/larger = (n1/d1)/(n2/d2)
  const [a, b] = fractions;
  const aLess = a[0] * b[1] <= b[0] * a[1];
  const [small, large] = aLess ? [a, b] : [b, a];
  const num = small[0] * large[1];
  const den = large[0] * small[1];
  const percent = den === 0n ? 0 : Number((num * 10000n) / den) / 100;
  return { percent, meets: (required) => required <= 0 || (den !== 0n && num * 100n >= BigInt(required) * den) };
}
