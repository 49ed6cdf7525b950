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

/** The languages amounts are written in. */
export type MoneyLanguage = 'en' | 'ko';
const MONEY_LOCALES: Record<MoneyLanguage, string> = { en: 'en-GB', ko: 'ko-KR' };

/**
 * An amount in integer minor units as a reader writes it: "£20,000",
 * "£25,000.50", "₩34,000,000". Whole pounds have no pence ("£20,000", never
 * "£20,000.00"), as GOV.UK writes money; pence, when there are any, are both
 * written. The amount stays a decimal string all the way, so no float rounds it.
 * The one rendering of an amount, for the API's `Money`, its emails and the web app.
 */
export function formatAmount(amountMinor: string | bigint, currency: string, language: MoneyLanguage): string {
  const text = amountMinor.toString();
  if (text.startsWith('-')) return `-${formatAmount(text.slice(1), currency, language)}`;
  const digits = minorDigits(currency);
  const padded = text.replace(/^0+(?=\d)/, '').padStart(digits + 1, '0');
  const whole = digits ? padded.slice(0, -digits) : padded;
  const fraction = digits ? padded.slice(-digits) : '';
  const places = /^0*$/.test(fraction) ? 0 : digits;
  const format = new Intl.NumberFormat(MONEY_LOCALES[language], { style: 'currency', currency, minimumFractionDigits: places, maximumFractionDigits: places });
  // Intl formats a decimal string exactly (no float in between).
  return format.format((places ? `${whole}.${fraction}` : whole) as unknown as number);
}

/**
 * Amounts that stand each on its own, such as a budget or an award in each
 * side's currency: "£20,000 and ₩34,000,000", in Korean "£20,000 및
 * ₩34,000,000". Never a sum and never a conversion (see `convertedText`).
 */
export function amountsText(amounts: ReadonlyArray<{ currency: string; amountMinor: string | bigint }>, language: MoneyLanguage): string {
  const list = new Intl.ListFormat(MONEY_LOCALES[language], { type: 'conjunction', style: 'long' });
  return list.format(amounts.map((a) => formatAmount(a.amountMinor, a.currency, language)));
}

/**
 * One amount and what it comes to in another currency at the call's rate:
 * "£50,000 (≈ ₩85,000,000 at the call’s rate)", in Korean
 * "£50,000(공모 환율 기준 약 ₩85,000,000)". Only for a conversion: amounts that
 * are each their own are `amountsText`.
 */
export function convertedText(amount: { currency: string; amountMinor: string | bigint }, converted: { currency: string; amountMinor: string | bigint }, language: MoneyLanguage): string {
  const from = formatAmount(amount.amountMinor, amount.currency, language);
  const to = formatAmount(converted.amountMinor, converted.currency, language);
  return language === 'ko' ? `${from}(공모 환율 기준 약 ${to})` : `${from} (≈ ${to} at the call’s rate)`;
}

/**
 * An amount converted to another currency at a call's reference rates
 * (`rates[c]`: units of c per one unit of the reference currency), to the
 * nearest minor unit of the target, half up; null when a rate is missing.
 * Rates count to six decimal places, as `matchPercent` takes them.
 */
export function convertAtRate(amountMinor: bigint, from: string, to: string, referenceCurrency: string, rates: Record<string, number>): bigint | null {
  const SCALE = 1_000_000n;
  const rateOf = (currency: string): bigint | null => {
    if (currency === referenceCurrency) return SCALE;
    const rate = rates[currency];
    return Number.isFinite(rate) && rate > 0 ? BigInt(Math.round(rate * 1_000_000)) : null;
  };
  const [rateFrom, rateTo] = [rateOf(from), rateOf(to)];
  if (rateFrom === null || rateTo === null) return null;
  // to-minor = amountMinor / 10^d(from) / rateFrom × rateTo × 10^d(to)
  const numerator = amountMinor * rateTo * 10n ** BigInt(minorDigits(to));
  const denominator = rateFrom * 10n ** BigInt(minorDigits(from));
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const rounded = (abs * 2n + denominator) / (denominator * 2n);
  return negative ? -rounded : rounded;
}
